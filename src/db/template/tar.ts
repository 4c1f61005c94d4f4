// The shipped database is a plain ustar archive (gzipped), so a maintainer can look inside it
// with `tar tzf`. Only what a PostgreSQL data folder holds is supported: directories and
// regular files, names under 100 bytes, no links.

export interface TarEntry {
  /** Relative path with "/" separators; a directory's has no trailing slash. */
  path: string;
  kind: "file" | "directory";
  /** A file's bytes (a view into the archive when read); empty for a directory. */
  data: Uint8Array;
}

const BLOCK = 512;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(entry: TarEntry): Uint8Array {
  const name = encoder.encode(entry.kind === "directory" ? `${entry.path}/` : entry.path);
  if (name.length >= 100) throw new Error(`tar: name too long for ustar: ${entry.path}`);
  const h = new Uint8Array(BLOCK);
  const put = (offset: number, text: string) => h.set(encoder.encode(text), offset);
  h.set(name, 0);
  put(100, octal(entry.kind === "directory" ? 0o700 : 0o600, 8));
  put(108, octal(0, 8));
  put(116, octal(0, 8));
  put(124, octal(entry.data.length, 12));
  put(136, octal(0, 12)); // mtime: a fixed date keeps the archive byte-for-byte reproducible
  put(148, "        ");
  put(156, entry.kind === "directory" ? "5" : "0");
  put(257, "ustar\0");
  put(263, "00");
  const sum = h.reduce((s, b) => s + b, 0);
  put(148, `${sum.toString(8).padStart(6, "0")}\0 `);
  return h;
}

export function writeTar(entries: readonly TarEntry[]): Uint8Array<ArrayBuffer> {
  const size = entries.reduce((s, e) => s + BLOCK + Math.ceil(e.data.length / BLOCK) * BLOCK, 2 * BLOCK);
  const out = new Uint8Array(size);
  let at = 0;
  for (const entry of entries) {
    out.set(header(entry), at);
    at += BLOCK;
    out.set(entry.data, at);
    at += Math.ceil(entry.data.length / BLOCK) * BLOCK;
  }
  return out;
}

function field(h: Uint8Array, offset: number, width: number): string {
  const bytes = h.subarray(offset, offset + width);
  const end = bytes.indexOf(0);
  return decoder.decode(end >= 0 ? bytes.subarray(0, end) : bytes);
}

/** Reads an archive written by writeTar (or any plain ustar one); throws on a damaged one. */
export function readTar(archive: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let at = 0;
  while (at + BLOCK <= archive.length) {
    const h = archive.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) return entries;
    const stored = parseInt(field(h, 148, 8).trim(), 8);
    const sum = h.reduce((s, b, i) => s + (i >= 148 && i < 156 ? 32 : b), 0);
    if (stored !== sum) throw new Error(`tar: bad header checksum at byte ${at}`);
    const prefix = field(h, 345, 155);
    const name = (prefix ? `${prefix}/` : "") + field(h, 0, 100);
    const size = parseInt(field(h, 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(h[156]!);
    at += BLOCK;
    if (at + size > archive.length) throw new Error(`tar: ${name} is cut short`);
    const path = name.replace(/^\.\//, "").replace(/\/$/, "");
    if (type === "5") entries.push({ path, kind: "directory", data: new Uint8Array(0) });
    else if (type === "0" || type === "\0") entries.push({ path, kind: "file", data: archive.subarray(at, at + size) });
    else throw new Error(`tar: unsupported entry type "${type}" for ${name}`);
    at += Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new Error("tar: the archive has no end marker (cut short)");
}
