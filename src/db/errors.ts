/**
 * The database boundary's one error type: what went wrong in words the clerk can act on,
 * plus the server's SQLSTATE code when there is one.
 */
export class DatabaseError extends Error {
  override readonly name = "DatabaseError";
  readonly code: string | undefined;
  readonly fix: string | undefined;

  constructor(message: string, options: { code?: string; fix?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.fix = options.fix;
  }

  /** One sentence for the clerk: what is wrong and how to fix it. */
  get sentence(): string {
    return this.fix ? `${this.message}: ${this.fix}` : this.message;
  }
}

/** SQLSTATE classes that mean "could not reach the database" rather than a bug. */
export function isConnectionFailure(error: unknown): boolean {
  const e = error as { code?: string; errno?: string } | null;
  const code = e?.code ?? "";
  return (
    code === "ECONNREFUSED" ||
    code === "ECONNRESET" ||
    code === "ETIMEDOUT" ||
    code === "ENOTFOUND" ||
    code === "CONNECTION_CLOSED" ||
    code === "CONNECTION_ENDED" ||
    code === "CONNECTION_DESTROYED" ||
    code === "CONNECT_TIMEOUT" ||
    code.startsWith("08") ||
    code === "57P01" ||
    code === "57P03"
  );
}
