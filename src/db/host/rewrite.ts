import { BodyReader, concat, message, type Message } from "./wire.ts";

/**
 * PGlite is one session, shared by every client of the host. Two things of a session must stay
 * each client's own: its prepared statements (postgres.js names them per connection, so two
 * clients may both say "p1") and its session advisory locks (shipdesk's claims). The host
 * rewrites what each client sends: statement and portal names get the client's prefix, and the
 * session lock functions become the host's per-client ones (sql/host/session_locks.sql).
 */

const LOCK_CALLS: readonly [RegExp, string][] = [
  [/\bpg_try_advisory_lock_shared\s*\(/gi, "pg_temp.shipdesk_try_lock_shared"],
  [/\bpg_try_advisory_lock\s*\(/gi, "pg_temp.shipdesk_try_lock"],
  [/\bpg_advisory_lock_shared\s*\(/gi, "pg_temp.shipdesk_lock_shared"],
  [/\bpg_advisory_lock\s*\(/gi, "pg_temp.shipdesk_lock"],
  [/\bpg_advisory_unlock_shared\s*\(/gi, "pg_temp.shipdesk_unlock_shared"],
  [/\bpg_advisory_unlock\s*\(/gi, "pg_temp.shipdesk_unlock"],
];

/** A client's SQL with its session locks made its own, and pg_locks read as the host keeps them. */
export function rewriteSql(sql: string, client: number): string {
  if (!/advisory|pg_locks/i.test(sql)) return sql;
  let out = sql.replace(/\bpg_advisory_unlock_all\s*\(\s*\)/gi, `pg_temp.shipdesk_unlock_all(${client})`);
  for (const [pattern, name] of LOCK_CALLS) out = out.replace(pattern, `${name}(${client}, `);
  return out.replace(/\bpg_catalog\.pg_locks\b|\bpg_locks\b/gi, "pg_temp.shipdesk_locks");
}

/** The prefix of a client's statement and portal names. */
export const namePrefix = (client: number): string => `h${client}_`;

const own = (name: string, client: number) => (name === "" ? "" : namePrefix(client) + name);

/** The message as the shared backend must see it from `client`. */
export function rewriteMessage(m: Message, client: number): Uint8Array {
  const body = new BodyReader(m.bytes);
  switch (m.type) {
    case "Q":
      return message("Q", rewriteSql(body.string(), client));
    case "P": {
      const name = body.string();
      const sql = body.string();
      return message("P", own(name, client), rewriteSql(sql, client), body.rest());
    }
    case "B": {
      const portal = body.string();
      const statement = body.string();
      return message("B", own(portal, client), own(statement, client), body.rest());
    }
    case "D":
    case "C": {
      const kind = body.byte();
      return message(m.type, concat([new Uint8Array([kind.charCodeAt(0)]), new TextEncoder().encode(`${own(body.string(), client)}\0`)]));
    }
    case "E": {
      const portal = body.string();
      return message("E", own(portal, client), body.rest());
    }
    default:
      return m.bytes;
  }
}
