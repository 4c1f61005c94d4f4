import { describe, expect, test } from "bun:test";
import { readTar, TarReader, writeTar, type TarEntry } from "../../src/db/template/tar.ts";

// The shipped database is unpacked as gunzip hands it over, in pieces of any size: a header or a
// file may be split anywhere, and a damaged or cut archive must still be refused.

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251);
const entries: TarEntry[] = [
  { path: "base", kind: "directory", data: new Uint8Array(0) },
  { path: "base/1/1249", kind: "file", data: bytes(8192 * 3, 1) },
  { path: "PG_VERSION", kind: "file", data: new TextEncoder().encode("17\n") },
  { path: "empty", kind: "file", data: new Uint8Array(0) },
  { path: "pg_wal/000000010000000000000001", kind: "file", data: bytes(1000, 7) },
];
const archive = writeTar(entries);

/** Feeds `archive` in pieces of the given sizes (cycled) and collects what comes out. */
function readInPieces(input: Uint8Array, sizes: number[]): TarEntry[] {
  const out: { path: string; kind: TarEntry["kind"]; size: number; pieces: Uint8Array[] }[] = [];
  const reader = new TarReader({
    entry: (path, kind, size) => void out.push({ path, kind, size, pieces: [] }),
    data: (piece) => void out.at(-1)!.pieces.push(piece.slice()),
  });
  for (let at = 0, k = 0; at < input.length; k++) {
    const n = sizes[k % sizes.length]!;
    reader.push(input.subarray(at, at + n));
    at += n;
  }
  reader.finish();
  return out.map((e) => {
    const data = new Uint8Array(Buffer.concat(e.pieces));
    expect(data.length).toBe(e.size);
    return { path: e.path, kind: e.kind, data };
  });
}

describe("reading the shipped database's tar a piece at a time", () => {
  test.each([[[1]], [[511]], [[512]], [[513, 7]], [[4096]], [[archive.length]]])("pieces of %p bytes give every entry whole", (sizes) => {
    expect(readInPieces(archive, sizes)).toEqual(entries);
  });

  test("readTar (built on it) gives the same entries", () => {
    const read: TarEntry[] = readTar(archive).map((e) => ({ ...e, data: new Uint8Array(e.data) }));
    expect(read).toEqual(entries);
  });

  test("an archive cut inside a file, or before its end marker, is refused", () => {
    const inFile = archive.subarray(0, 512 * 3 + 100);
    expect(() => readInPieces(inFile, [64])).toThrow("the last file is cut short");
    const beforeEnd = archive.subarray(0, archive.length - 1024);
    expect(() => readInPieces(beforeEnd, [512])).toThrow("no end marker");
  });

  test("a damaged header is refused, naming where", () => {
    const damaged = archive.slice();
    damaged[512 + 3] = damaged[512 + 3]! ^ 0xff; // the second header's name
    expect(() => readInPieces(damaged, [100])).toThrow("tar: bad header checksum at byte 512");
  });
});
