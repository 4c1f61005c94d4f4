import type { Queryable } from "../db/index.ts";
import tryLockSql from "../../sql/locks/try_lock.sql" with { type: "text" };
import tryLockSharedSql from "../../sql/locks/try_lock_shared.sql" with { type: "text" };
import unlockSql from "../../sql/locks/unlock.sql" with { type: "text" };
import unlockSharedSql from "../../sql/locks/unlock_shared.sql" with { type: "text" };

/**
 * shipdesk's session advisory locks, each named once: PostgreSQL's two-integer form, the class
 * saying whose lock it is and the key which shipment (0 for the one end-of-day lock). A session
 * lock is released by the server when its connection ends, so a runner that dies never leaves
 * one behind. Taken on a runner's own connection (Database.reserve), never inside a transaction.
 * The statements that take or look for one in the same statement as other work
 * (sql/shipping/claim_shipment.sql, retry_failed_shipment.sql, sql/status/needs_person.sql)
 * are handed the class as a parameter too.
 */
export const LOCK = {
  /** The label workflow on a shipment: two runners never buy, download or re-fetch one label at once; a void waits for it. */
  label: 7142,
  /** The tracking workflow on a shipment: two runs never send OR23/OR24 for one order at once; a void waits for it. */
  tracking: 7143,
  /** The end of day, exclusive: two runs never transmit at once. Voids take it shared, so no label is voided while a transmit that may include it is decided. */
  endOfDay: 7144,
  /** Printing a label: held while its job is sent, so `status` tells a job under way from one a stopped run left "sending". */
  print: 7145,
  /** Sending the alerts after a run: two runs ending at once never tell a person the same thing twice. */
  alerts: 7146,
} as const;

export type LockName = keyof typeof LOCK;

/** False when another session holds it. */
export async function tryLock(session: Queryable, lock: LockName, key = 0): Promise<boolean> {
  return (await session.query<{ locked: boolean }>(tryLockSql, [LOCK[lock], key]))[0]?.locked === true;
}

export async function unlock(session: Queryable, lock: LockName, key = 0): Promise<void> {
  await session.query(unlockSql, [LOCK[lock], key]);
}

/** False while another session holds it exclusively. */
export async function tryLockShared(session: Queryable, lock: LockName, key = 0): Promise<boolean> {
  return (await session.query<{ locked: boolean }>(tryLockSharedSql, [LOCK[lock], key]))[0]?.locked === true;
}

export async function unlockShared(session: Queryable, lock: LockName, key = 0): Promise<void> {
  await session.query(unlockSharedSql, [LOCK[lock], key]);
}
