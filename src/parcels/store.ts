// The parcel watch's database operations, one named function per SQL file.
import { namedParams } from "../common/named-params.ts";
import type { Queryable } from "../db/index.ts";
import type { ParcelAttention, ParcelState } from "./states.ts";
import enrollCandidatesSql from "../../sql/parcels/enroll_candidates.sql" with { type: "text" };
import insertParcelSql from "../../sql/parcels/insert_parcel.sql" with { type: "text" };
import claimDueSql from "../../sql/parcels/claim_due.sql" with { type: "text" };
import saveCheckSql from "../../sql/parcels/save_check.sql" with { type: "text" };
import recordCheckErrorSql from "../../sql/parcels/record_check_error.sql" with { type: "text" };
import releaseClaimsSql from "../../sql/parcels/release_claims.sql" with { type: "text" };
import parcelOfOrderSql from "../../sql/parcels/parcel_of_order.sql" with { type: "text" };
import saveProofSql from "../../sql/parcels/save_proof.sql" with { type: "text" };
import markHandledSql from "../../sql/parcels/mark_handled.sql" with { type: "text" };

export interface Candidate {
  tracking_pin: string;
  order_id: string;
  service_code: string | null;
  label_at: Date;
  expected_delivery: string | null;
}

export const enrollCandidates = (db: Queryable, since: Date) => db.query<Candidate & Record<string, unknown>>(enrollCandidatesSql, [since.toISOString()]);

const insertParcelParams = namedParams(insertParcelSql, [
  "tracking_pin", "order_id", "service_code", "guaranteed", "label_at", "expected_delivery", "next_check_at",
] as const);

export async function insertParcel(db: Queryable, c: Candidate, guaranteed: boolean, nextCheckAt: Date): Promise<void> {
  await db.query(
    insertParcelSql,
    insertParcelParams({
      tracking_pin: c.tracking_pin,
      order_id: c.order_id,
      service_code: c.service_code,
      guaranteed,
      label_at: new Date(c.label_at).toISOString(),
      expected_delivery: c.expected_delivery,
      next_check_at: nextCheckAt.toISOString(),
    }),
  );
}

/** What every query of a parcel gives. */
export interface ParcelHead {
  tracking_pin: string;
  order_id: string;
  service_code: string | null;
  guaranteed: boolean;
  label_at: Date;
  state: ParcelState;
  attention: ParcelAttention | null;
}

/** A parcel claimed for a check, as claim_due.sql returns it. */
export interface DueParcel extends ParcelHead {
  last_scan_at: Date | null;
  expected_delivery: string | null;
  changed_delivery: string | null;
  announced: string | null;
  /** When it fell due (before the claim moved it). */
  was_due: Date;
}

export async function claimDue(db: Queryable, now: Date, leaseUntil: Date, limit: number): Promise<DueParcel[]> {
  const rows = await db.query<DueParcel & Record<string, unknown>>(claimDueSql, [now.toISOString(), leaseUntil.toISOString(), limit]);
  return rows
    .map((r) => ({ ...r, label_at: new Date(r.label_at), last_scan_at: r.last_scan_at ? new Date(r.last_scan_at) : null, was_due: new Date(r.was_due) }))
    .sort((a, b) => a.was_due.getTime() - b.was_due.getTime() || a.tracking_pin.localeCompare(b.tracking_pin));
}

const saveCheckParams = namedParams(saveCheckSql, [
  "tracking_pin", "state", "attention", "last_event_code", "last_event_text", "last_event_place",
  "last_event_at", "last_scan_at", "expected_delivery", "changed_delivery", "delivered_at",
  "delivered_on", "signed_by", "attempts", "post_office", "held_until", "late", "claim_by",
  "checked_at", "next_check_at", "settled", "watch_ended", "announce",
] as const);

export type CheckRow = Parameters<typeof saveCheckParams>[0];

export async function saveCheck(db: Queryable, row: CheckRow): Promise<void> {
  await db.query(saveCheckSql, saveCheckParams(row));
}

export async function recordCheckError(db: Queryable, pin: string, error: string, nextCheckAt: Date, checkedAt: Date): Promise<void> {
  await db.query(recordCheckErrorSql, [pin, error, nextCheckAt.toISOString(), checkedAt.toISOString()]);
}

export async function releaseClaims(db: Queryable, pins: readonly string[], dueAt: Date): Promise<void> {
  if (pins.length > 0) await db.query(releaseClaimsSql, [pins, dueAt.toISOString()]);
}

export interface ParcelOfOrder {
  tracking_pin: string;
  order_id: string;
  state: ParcelState;
  proof_pdf_path: string | null;
  proof_sha256: string | null;
  label_pdf_path: string | null;
}

export async function parcelOfOrder(db: Queryable, orderId: string): Promise<ParcelOfOrder | undefined> {
  return (await db.query<ParcelOfOrder & Record<string, unknown>>(parcelOfOrderSql, [orderId]))[0];
}

export async function saveProofPath(db: Queryable, pin: string, path: string, sha256: string): Promise<void> {
  await db.query(saveProofSql, [pin, path, sha256]);
}

/** The order's parcel needs no person for what it needed: which reason was marked; [] when none. */
export async function markHandled(db: Queryable, orderId: string): Promise<{ tracking_pin: string; attention: string }[]> {
  return db.query<{ tracking_pin: string; attention: string }>(markHandledSql, [orderId]);
}
