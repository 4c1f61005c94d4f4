export type { Database, Queryable, Row, Session } from "./database.ts";
export { DatabaseError, isConnectionFailure } from "./errors.ts";
export { migrate } from "./migrate.ts";
export { openDatabase } from "./open.ts";
