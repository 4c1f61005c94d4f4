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

interface Header {
  path: string;
  kind: TarEntry["kind"];
  size: number;
}

function parseHeader(h: Uint8Array, at: number): Header {
  const stored = parseInt(field(h, 148, 8).trim(), 8);
  const sum = h.reduce((s, b, i) => s + (i >= 148 && i < 156 ? 32 : b), 0);
  if (stored !== sum) throw new Error(`tar: bad header checksum at byte ${at}`);
  const prefix = field(h, 345, 155);
  const name = (prefix ? `${prefix}/` : "") + field(h, 0, 100);
  const size = parseInt(field(h, 124, 12).trim() || "0", 8);
  const type = String.fromCharCode(h[156]!);
  const path = name.replace(/^\.\//, "").replace(/\/$/, "");
  if (type === "5") return { path, kind: "directory", size: 0 };
  if (type === "0" || type === "\0") return { path, kind: "file", size };
  throw new Error(`tar: unsupported entry type "${type}" for ${name}`);
}

/** What a TarReader hands on, in archive order: each entry, then its bytes in pieces. */
export interface TarSink {
  entry(path: string, kind: TarEntry["kind"], size: number): void;
  /** A piece of the last file's bytes; the pieces of one file add up to its size. */
  data(piece: Uint8Array): void;
}

/**
 * Reads an archive as it arrives (say, from a gunzip stream), so that no more than a piece of it
 * is ever in memory: the shipped database is 41 MB unpacked. Throws on a damaged one.
 */
export class TarReader {
  private header = new Uint8Array(BLOCK);
  private headerFill = 0;
  /** Bytes of the current file still to come, then its padding to the next block. */
  private left = 0;
  private padding = 0;
  private at = 0;
  private ended = false;

  constructor(private readonly sink: TarSink) {}

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length && !this.ended) {
      if (this.left > 0) {
        const n = Math.min(this.left, chunk.length - i);
        this.sink.data(chunk.subarray(i, i + n));
        this.left -= n;
        i += n;
      } else if (this.padding > 0) {
        const n = Math.min(this.padding, chunk.length - i);
        this.padding -= n;
        i += n;
      } else {
        const n = Math.min(BLOCK - this.headerFill, chunk.length - i);
        this.header.set(chunk.subarray(i, i + n), this.headerFill);
        this.headerFill += n;
        i += n;
        if (this.headerFill < BLOCK) break;
        this.headerFill = 0;
        this.nextHeader();
      }
    }
  }

  /** The archive is over: throws unless it ended as a whole archive does. */
  finish(): void {
    if (!this.ended) throw new Error(this.left > 0 ? "tar: the last file is cut short" : "tar: the archive has no end marker (cut short)");
  }

  private nextHeader(): void {
    const at = this.at;
    this.at += BLOCK;
    if (this.header.every((b) => b === 0)) {
      this.ended = true;
      return;
    }
    const h = parseHeader(this.header, at);
    this.sink.entry(h.path, h.kind, h.size);
    this.left = h.size;
    this.padding = Math.ceil(h.size / BLOCK) * BLOCK - h.size;
    this.at += h.size + this.padding;
  }
}

/** Reads a whole archive written by writeTar (or any plain ustar one); throws on a damaged one. */
export function readTar(archive: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let pieces: Uint8Array[] = [];
  const close = () => {
    const last = entries.at(-1);
    if (last?.kind === "file") last.data = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
    pieces = [];
  };
  const reader = new TarReader({
    entry(path, kind) {
      close();
      entries.push({ path, kind, data: new Uint8Array(0) });
    },
    data: (piece) => void pieces.push(piece),
  });
  reader.push(archive);
  close();
  reader.finish();
  return entries;
}
