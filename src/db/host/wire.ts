/**
 * PostgreSQL's wire protocol, as far as the host needs it: cutting a byte stream into messages,
 * and building the few the host answers itself (start-up, authentication, errors).
 */

export interface Message {
  /** The type byte as a character ('P', 'B', 'S'…). */
  type: string;
  /** The whole message, type byte and length included. */
  bytes: Uint8Array;
}

/** Collects a client's bytes and hands out whole messages; `startup` before the first typed one. */
export class MessageReader {
  private buffer = new Uint8Array(0);

  push(chunk: Uint8Array): void {
    const merged = new Uint8Array(this.buffer.length + chunk.length);
    merged.set(this.buffer);
    merged.set(chunk, this.buffer.length);
    this.buffer = merged;
  }

  /** The start-up packet (length, then contents, no type byte), once it is whole. */
  startup(): Uint8Array | undefined {
    if (this.buffer.length < 4) return undefined;
    const length = new DataView(this.buffer.buffer, this.buffer.byteOffset).getInt32(0);
    if (this.buffer.length < length) return undefined;
    const packet = this.buffer.slice(0, length);
    this.buffer = this.buffer.slice(length);
    return packet;
  }

  next(): Message | undefined {
    if (this.buffer.length < 5) return undefined;
    const length = new DataView(this.buffer.buffer, this.buffer.byteOffset).getInt32(1);
    if (this.buffer.length < length + 1) return undefined;
    const bytes = this.buffer.slice(0, length + 1);
    this.buffer = this.buffer.slice(length + 1);
    return { type: String.fromCharCode(bytes[0]!), bytes };
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A message from its type and body parts (strings are written NUL-terminated). */
export function message(type: string, ...parts: (Uint8Array | string | number)[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === "string" ? encoder.encode(`${p}\0`) : typeof p === "number" ? int32(p) : p));
  const length = 4 + chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(1 + length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, length);
  let at = 5;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function int32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, n);
  return out;
}

/** Reads NUL-terminated strings and integers from a message body, in order. */
export class BodyReader {
  private at: number;
  constructor(private readonly bytes: Uint8Array, start = 5) {
    this.at = start;
  }
  string(): string {
    const end = this.bytes.indexOf(0, this.at);
    const text = decoder.decode(this.bytes.subarray(this.at, end));
    this.at = end + 1;
    return text;
  }
  byte(): string {
    return String.fromCharCode(this.bytes[this.at++]!);
  }
  int32(): number {
    const n = new DataView(this.bytes.buffer, this.bytes.byteOffset).getInt32(this.at);
    this.at += 4;
    return n;
  }
  rest(): Uint8Array {
    return this.bytes.subarray(this.at);
  }
}

/** An ErrorResponse with PostgreSQL's fields: severity, SQLSTATE and message. */
export function errorResponse(code: string, text: string): Uint8Array {
  return message("E", "SFATAL", "VFATAL", `C${code}`, `M${text}`, new Uint8Array([0]));
}

export function readyForQuery(status: string): Uint8Array {
  return message("Z", encoder.encode(status));
}

/**
 * The transaction status of the last ReadyForQuery in a backend's reply ('I' idle, 'T' in a
 * transaction, 'E' in a failed one), or undefined when the reply has none (a Flush).
 */
export function lastReadyStatus(reply: Uint8Array): string | undefined {
  const view = new DataView(reply.buffer, reply.byteOffset, reply.byteLength);
  let status: string | undefined;
  let at = 0;
  while (at + 5 <= reply.length) {
    const length = view.getInt32(at + 1);
    if (reply[at] === 0x5a && length === 5) status = String.fromCharCode(reply[at + 5]!);
    at += 1 + length;
  }
  return status;
}

/** The first ErrorResponse's message in a reply, if any. */
export function replyError(reply: Uint8Array): string | undefined {
  const view = new DataView(reply.buffer, reply.byteOffset, reply.byteLength);
  let at = 0;
  while (at + 5 <= reply.length) {
    const length = view.getInt32(at + 1);
    if (reply[at] === 0x45) {
      const body = new BodyReader(reply.subarray(at, at + 1 + length));
      for (;;) {
        const field = body.byte();
        if (field === "\0") break;
        const value = body.string();
        if (field === "M") return value;
      }
    }
    at += 1 + length;
  }
  return undefined;
}

export const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
