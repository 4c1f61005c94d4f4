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

/** What to do with an embedded database folder that cannot be opened as it is. */
export const MOVE_ASIDE = "restore the folder from a backup, or rename it (for example to db-damaged) and run shipdesk again to start a new, empty database";

/**
 * PostgreSQL's words for data files that are damaged or gone (data_corrupted, index_corrupted,
 * a relation file missing, an I/O error): the next run meets the same, only a person mends it.
 */
const DAMAGE_CODES = new Set(["XX001", "XX002", "58P01", "58030"]);

/**
 * A failure of the embedded database that says its folder is damaged, as the one sentence
 * naming the folder and the fix; undefined for anything else. While it starts (`opening`),
 * PGlite reports the damage it meets only as "failed to initialize" or a WebAssembly abort,
 * with no code; afterwards PostgreSQL's own codes say it.
 */
export function embeddedDamage(error: unknown, folder: string, opening = false): DatabaseError | undefined {
  if (error instanceof DatabaseError) return undefined;
  const e = error as { code?: unknown; message?: unknown; name?: unknown } | null;
  const damaged = hasDamageCode(error) || (opening && (e?.name === "RuntimeError" || /failed to initiali[sz]e/i.test(messageOf(error))));
  if (!damaged) return undefined;
  return new DatabaseError(`The embedded database in ${folder} is damaged (${messageOf(error)})`, {
    code: "DAMAGED",
    fix: MOVE_ASIDE,
    cause: error,
  });
}

/**
 * The same for a PostgreSQL server (DATABASE_URL): its data files are the server's keeper's to
 * mend, and every run meets the damage until then; `where` names the server, password left out.
 */
export function serverDamage(error: unknown, where: string): DatabaseError | undefined {
  if (error instanceof DatabaseError || !hasDamageCode(error)) return undefined;
  return new DatabaseError(`The PostgreSQL server at ${where} reports damaged data (${messageOf(error)})`, {
    code: "DAMAGED",
    fix: "whoever looks after that server must repair the table it names or restore the database from a backup; run shipdesk again once that is done",
    cause: error,
  });
}

const hasDamageCode = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && DAMAGE_CODES.has(code);
};

const messageOf = (error: unknown): string => {
  const message = (error as { message?: unknown } | null)?.message;
  return (typeof message === "string" ? message : String(error)).replace(/\s+/g, " ").trim();
};
