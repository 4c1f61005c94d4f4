export type { Database, Queryable, Row, Session } from "./database.ts";
export { DatabaseError, embeddedDamage, isConnectionFailure, serverDamage } from "./errors.ts";
export { redactUrl } from "./server.ts";
export { migrate } from "./migrate.ts";
export { embeddedFolder, openDatabase } from "./open.ts";
export { stopHost } from "./host/file.ts";
