// The end of day's database operations, one named function per SQL file.
import { tryLock, unlock } from "../common/locks.ts";
import type { Link } from "../canadapost/index.ts";
import type { Queryable } from "../db/index.ts";
import openTransmitsSql from "../../sql/manifest/open_transmits.sql" with { type: "text" };
import labelsToSettleSql from "../../sql/manifest/labels_to_settle.sql" with { type: "text" };
import labelFoundTransmittedSql from "../../sql/manifest/label_found_transmitted.sql" with { type: "text" };
import labelFoundOpenSql from "../../sql/manifest/label_found_open.sql" with { type: "text" };
import labelFoundCancelledSql from "../../sql/manifest/label_found_cancelled.sql" with { type: "text" };
import recordLabelStatusSql from "../../sql/manifest/record_label_status.sql" with { type: "text" };
import closeTransmitSql from "../../sql/manifest/close_transmit.sql" with { type: "text" };
import recordTransmitRefusedSql from "../../sql/manifest/record_transmit_refused.sql" with { type: "text" };
import labelsWithoutManifestSql from "../../sql/manifest/labels_without_manifest.sql" with { type: "text" };
import countUnsettledRunSql from "../../sql/manifest/count_unsettled_run.sql" with { type: "text" };
import untransmittedGroupsSql from "../../sql/manifest/untransmitted_groups.sql" with { type: "text" };
import startTransmitSql from "../../sql/manifest/start_transmit.sql" with { type: "text" };
import markTransmitShipmentsSql from "../../sql/manifest/mark_transmit_shipments.sql" with { type: "text" };
import recordTransmitAnswerSql from "../../sql/manifest/record_transmit_answer.sql" with { type: "text" };
import markShipmentsTransmittedSql from "../../sql/manifest/mark_shipments_transmitted.sql" with { type: "text" };
import insertManifestSql from "../../sql/manifest/insert_manifest.sql" with { type: "text" };
import abandonTransmitSql from "../../sql/manifest/abandon_transmit.sql" with { type: "text" };
import releaseTransmitShipmentsSql from "../../sql/manifest/release_transmit_shipments.sql" with { type: "text" };
import recordTransmitErrorSql from "../../sql/manifest/record_transmit_error.sql" with { type: "text" };
import manifestsToFinishSql from "../../sql/manifest/manifests_to_finish.sql" with { type: "text" };
import knownManifestUrlsSql from "../../sql/manifest/known_manifest_urls.sql" with { type: "text" };
import saveManifestInfoSql from "../../sql/manifest/save_manifest_info.sql" with { type: "text" };
import linkManifestShipmentsSql from "../../sql/manifest/link_manifest_shipments.sql" with { type: "text" };
import linkTransmitShipmentsSql from "../../sql/manifest/link_transmit_shipments.sql" with { type: "text" };
import saveManifestPdfSql from "../../sql/manifest/save_manifest_pdf.sql" with { type: "text" };
import recordManifestErrorSql from "../../sql/manifest/record_manifest_error.sql" with { type: "text" };
import endOfDayDoneSql from "../../sql/manifest/end_of_day_done.sql" with { type: "text" };

/** False while another end of day runs, or a void holds it off (LOCK.endOfDay). */
export const lockEndOfDay = (db: Queryable): Promise<boolean> => tryLock(db, "endOfDay");

export const unlockEndOfDay = (db: Queryable): Promise<void> => unlock(db, "endOfDay");

export interface OpenTransmit {
  transmit_id: number;
  group_ids: string[];
  /** 'sent': no answer recorded (in doubt); 'refused': Canada Post said no. */
  status: "sent" | "refused";
  sent_at: Date;
  last_error: string | null;
}
export const openTransmits = (db: Queryable) => db.query<OpenTransmit & Record<string, unknown>>(openTransmitsSql);

export interface LabelToSettle {
  shipment_id: number;
  order_id: string;
  cp_shipment_id: string | null;
  tracking_pin: string | null;
  cp_links: unknown;
}
export const labelsToSettle = (db: Queryable, transmitId: number) =>
  db.query<LabelToSettle & Record<string, unknown>>(labelsToSettleSql, [transmitId]);

export async function labelFoundTransmitted(db: Queryable, shipmentId: number, cpStatus: string): Promise<void> {
  await db.query(labelFoundTransmittedSql, [shipmentId, cpStatus]);
}

export async function labelFoundOpen(db: Queryable, shipmentId: number, cpStatus: string): Promise<void> {
  await db.query(labelFoundOpenSql, [shipmentId, cpStatus]);
}

export async function labelFoundCancelled(db: Queryable, shipmentId: number, reason: string, cpStatus: string): Promise<void> {
  await db.query(labelFoundCancelledSql, [shipmentId, reason, cpStatus]);
}

export async function recordLabelStatus(db: Queryable, shipmentId: number, cpStatus: string): Promise<void> {
  await db.query(recordLabelStatusSql, [shipmentId, cpStatus]);
}

/** The transmit's end state once every label's fate is known; undefined while some is not. */
export async function closeTransmit(db: Queryable, transmitId: number): Promise<"recovered" | "not_transmitted" | undefined> {
  const rows = await db.query<{ status: "recovered" | "not_transmitted" }>(closeTransmitSql, [transmitId]);
  return rows[0]?.status;
}

export async function recordTransmitRefused(db: Queryable, transmitId: number, refusal: string, message: string): Promise<void> {
  await db.query(recordTransmitRefusedSql, [transmitId, refusal, message]);
}

export interface LabelWithoutManifest {
  shipment_id: number;
  order_id: string;
  cp_shipment_id: string;
  transmit_id: number;
  group_id: string;
  bought_at: Date;
}
export const labelsWithoutManifest = (db: Queryable) => db.query<LabelWithoutManifest & Record<string, unknown>>(labelsWithoutManifestSql);

export async function countUnsettledRun(db: Queryable): Promise<void> {
  await db.query(countUnsettledRunSql);
}

export interface OpenGroup {
  group_id: string;
  ready: number;
  in_doubt: string[];
  ready_orders: string[];
  ready_label_urls: (string | null)[];
}
export const untransmittedGroups = (db: Queryable, upToGroup: string) =>
  db.query<OpenGroup & Record<string, unknown>>(untransmittedGroupsSql, [upToGroup]);

/** The transmit row and the labels it closes, in one transaction, before the call. */
export async function startTransmit(tx: Queryable, groupIds: readonly string[]): Promise<number> {
  const [row] = await tx.query<{ transmit_id: number }>(startTransmitSql, [groupIds]);
  await tx.query(markTransmitShipmentsSql, [row!.transmit_id, groupIds]);
  return row!.transmit_id;
}

/** Canada Post transmitted: the answer, the labels and the manifests to fetch, all at once. */
export async function recordTransmitted(
  tx: Queryable,
  transmitId: number,
  how: "answered" | "recovered",
  groupIds: readonly string[],
  links: readonly Link[],
): Promise<void> {
  await tx.query(recordTransmitAnswerSql, [transmitId, how, JSON.stringify(links)]);
  await tx.query(markShipmentsTransmittedSql, [transmitId]);
  for (const link of links) await tx.query(insertManifestSql, [transmitId, groupIds, link.href]);
}

/** A manifest Get Manifests showed with one of our labels on it: fetched and linked like any other. */
export async function recordFoundManifest(db: Queryable, transmitId: number, groupIds: readonly string[], href: string): Promise<void> {
  await db.query(insertManifestSql, [transmitId, groupIds, href]);
}

export async function abandonTransmit(tx: Queryable, transmitId: number, why: string): Promise<void> {
  await tx.query(abandonTransmitSql, [transmitId, why]);
  await tx.query(releaseTransmitShipmentsSql, [transmitId]);
}

export async function recordTransmitError(db: Queryable, transmitId: number, why: string): Promise<void> {
  await db.query(recordTransmitErrorSql, [transmitId, why]);
}

export interface ManifestToFinish {
  manifest_id: number;
  transmit_id: number;
  group_ids: string[];
  cp_manifest_url: string;
  po_number: string | null;
  artifact_url: string | null;
  siblings: number;
}
export const manifestsToFinish = (db: Queryable) => db.query<ManifestToFinish & Record<string, unknown>>(manifestsToFinishSql);

export async function knownManifestUrls(db: Queryable): Promise<Set<string>> {
  const rows = await db.query<{ cp_manifest_url: string }>(knownManifestUrlsSql);
  return new Set(rows.map((r) => r.cp_manifest_url));
}

export async function saveManifestInfo(db: Queryable, manifestId: number, poNumber: string | null, artifactUrl: string): Promise<void> {
  await db.query(saveManifestInfoSql, [manifestId, poNumber, artifactUrl]);
}

export async function linkManifestShipments(db: Queryable, manifestId: number, cpShipmentIds: readonly string[]): Promise<void> {
  await db.query(linkManifestShipmentsSql, [manifestId, cpShipmentIds]);
}

export async function linkTransmitShipments(db: Queryable, manifestId: number, transmitId: number): Promise<void> {
  await db.query(linkTransmitShipmentsSql, [manifestId, transmitId]);
}

export async function saveManifestPdf(db: Queryable, manifestId: number, file: { path: string; sha256: string; bytes: number }): Promise<void> {
  await db.query(saveManifestPdfSql, [manifestId, file.path, file.sha256, file.bytes]);
}

export async function recordManifestError(db: Queryable, manifestId: number, why: string): Promise<void> {
  await db.query(recordManifestErrorSql, [manifestId, why]);
}

export async function endOfDayDone(db: Queryable, startOfDay: Date): Promise<boolean> {
  const rows = await db.query<{ done: boolean }>(endOfDayDoneSql, [startOfDay.toISOString()]);
  return rows[0]?.done === true;
}
