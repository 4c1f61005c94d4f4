// The shipping workflow's database operations, one named function per SQL file.
import type { Problem } from "../address/index.ts";
import { LOCK, tryLock, unlock } from "../common/locks.ts";
import { namedParams, type ParamsRow } from "../common/named-params.ts";
import type { Queryable, Session } from "../db/index.ts";
import type { Link, ShipmentInfo } from "../canadapost/index.ts";
import type { ParcelChoice, SkuPackage } from "./parcel.ts";
import type { ServiceChoice } from "../rates/index.ts";
import type { OrderAddressRow } from "../common/order-row.ts";
import type { WorkShipment } from "./shipment-row.ts";
import unshippedOrdersSql from "../../sql/shipping/unshipped_orders.sql" with { type: "text" };
import ordersAgainSql from "../../sql/shipping/orders_again.sql" with { type: "text" };
import setOrderProblemsSql from "../../sql/shipping/set_order_problems.sql" with { type: "text" };
import skuPackagesSql from "../../sql/shipping/sku_packages.sql" with { type: "text" };
import claimShipmentSql from "../../sql/shipping/claim_shipment.sql" with { type: "text" };
import shipmentForWorkSql from "../../sql/shipping/shipment_for_work.sql" with { type: "text" };
import saveCreatedShipmentSql from "../../sql/shipping/save_created_shipment.sql" with { type: "text" };
import markLabelCreatedSql from "../../sql/shipping/mark_label_created.sql" with { type: "text" };
import saveLabelFileSql from "../../sql/shipping/save_label_file.sql" with { type: "text" };
import markLabelFailedSql from "../../sql/shipping/mark_label_failed.sql" with { type: "text" };
import recordShipmentErrorSql from "../../sql/shipping/record_shipment_error.sql" with { type: "text" };
import markCreateSentSql from "../../sql/shipping/mark_create_sent.sql" with { type: "text" };
import unfinishedShipmentsSql from "../../sql/shipping/unfinished_shipments.sql" with { type: "text" };
import labelsToVerifySql from "../../sql/shipping/labels_to_verify.sql" with { type: "text" };
import retryFailedShipmentSql from "../../sql/shipping/retry_failed_shipment.sql" with { type: "text" };
import failedShipmentSql from "../../sql/shipping/failed_shipment.sql" with { type: "text" };
import spendOfOrdersSql from "../../sql/shipping/spend_of_orders.sql" with { type: "text" };
import voidedWaitingSql from "../../sql/shipping/voided_waiting.sql" with { type: "text" };

export interface UnshippedOrder extends OrderAddressRow {
  problems: Problem[];
  weight_override_kg: number | null;
  service_override: string | null;
  /** 1, or one past the attempts of labels voided or refunded before (shipment_history). */
  next_attempt: number;
  /** The clerk's address correction in force (the address columns are then its), or null. */
  correction_id: number | null;
  /** Best Buy's address changed after that correction was saved. */
  bestbuy_changed: boolean;
  /** OR11's delivery_date.latest and shipping_deadline, as Best Buy wrote them. */
  delivery_latest: string | null;
  shipping_deadline: string | null;
  /** The clerk held the order (shipdesk hold): no run buys its label until it is released. */
  held_at: Date | string | null;
  held_by: string | null;
}

export const unshippedOrders = (db: Queryable) => db.query<UnshippedOrder & Record<string, unknown>>(unshippedOrdersSql);

/** An accepted order whose label Canada Post refused or the clerk voided, with why. */
export interface OrderAgain extends UnshippedOrder {
  again: "refused" | "voided";
  again_reason: string;
}

/** Every such order, or only `orderId` (a retry). */
export const ordersAgain = (db: Queryable, orderId?: string) => db.query<OrderAgain & Record<string, unknown>>(ordersAgainSql, [orderId ?? null]);

export async function setOrderProblems(db: Queryable, orderId: string, problems: Problem[]): Promise<void> {
  await db.query(setOrderProblemsSql, [orderId, JSON.stringify(problems)]);
}

export async function skuPackages(db: Queryable, skus: string[]): Promise<Map<string, SkuPackage>> {
  const rows = skus.length ? await db.query<SkuPackage & Record<string, unknown>>(skuPackagesSql, [skus]) : [];
  return new Map(rows.map((r) => [r.sku, r]));
}

export interface Claim {
  orderId: string;
  requestId: string;
  /** The create attempt `requestId` was made for. */
  attempt: number;
  serviceCode: string;
  parcel: ParcelChoice;
  groupId: string | null;
  /** Why this service, and its quote, kept beside what Canada Post later charges. */
  choice?: ServiceChoice | undefined;
}

/**
 * Inserts the shipment row and takes its session lock in one statement on the runner's own
 * connection: the row is never visible to another runner without the lock already held.
 * Returns the new shipment id, or undefined when another runner claimed the order first.
 */
export async function claimShipment(session: Session, c: Claim): Promise<number | undefined> {
  const rows = await session.query<{ shipment_id: number; locked: boolean }>(claimShipmentSql, claimShipmentParams(claimRow(c)));
  return lockedId(rows[0]);
}

const CLAIM_PARAMS = [
  "order_id", "customer_request_id", "service_code", "weight_kg", "length_cm", "width_cm", "height_cm", "group_id",
  "create_attempt", "service_reason", "service_note", "quoted_due", "quoted_taxes", "expected_delivery", "label_lock", "quotes",
] as const;
const claimShipmentParams = namedParams(claimShipmentSql, CLAIM_PARAMS);
const retryFailedShipmentParams = namedParams(retryFailedShipmentSql, CLAIM_PARAMS);

/** A claim as claim_shipment.sql and retry_failed_shipment.sql take it (the same parameters). */
function claimRow(c: Claim): ParamsRow<typeof CLAIM_PARAMS> {
  const d = c.parcel.dimensionsCm;
  return {
    order_id: c.orderId,
    customer_request_id: c.requestId,
    service_code: c.serviceCode,
    weight_kg: c.parcel.weightKg,
    length_cm: d?.length ?? null,
    width_cm: d?.width ?? null,
    height_cm: d?.height ?? null,
    group_id: c.groupId,
    create_attempt: c.attempt,
    service_reason: c.choice?.reason ?? null,
    service_note: c.choice?.note ?? null,
    quoted_due: c.choice?.quote?.due ?? null,
    quoted_taxes: c.choice?.quote?.taxes ?? null,
    expected_delivery: c.choice?.quote?.expectedDeliveryDate ?? null,
    label_lock: LOCK.label,
    // Every service quoted with it: the print page's service form lists them later.
    quotes: c.choice && c.choice.quotes.length > 0 ? JSON.stringify({ mailingDay: c.choice.mailingDay, quotes: c.choice.quotes }) : null,
  };
}

/** A brand-new row's lock cannot be held by anyone else; if it were, that is a bug. */
function lockedId(row: { shipment_id: number; locked: boolean } | undefined): number | undefined {
  if (row && !row.locked) throw new Error(`shipment ${row.shipment_id} was locked by another session the moment it was claimed`);
  return row?.shipment_id;
}

/** False when another runner is working on this shipment right now. */
export const lockShipment = (session: Session, shipmentId: number): Promise<boolean> => tryLock(session, "label", shipmentId);

export const unlockShipment = (session: Session, shipmentId: number): Promise<void> => unlock(session, "label", shipmentId);

export async function shipmentForWork(db: Queryable, shipmentId: number): Promise<WorkShipment | undefined> {
  const rows = await db.query<WorkShipment & Record<string, unknown>>(shipmentForWorkSql, [shipmentId]);
  return rows[0];
}

const saveCreatedShipmentParams = namedParams(saveCreatedShipmentSql, [
  "shipment_id", "cp_shipment_id", "tracking_pin", "cp_api_label_url", "cp_links", "charged_due", "charged_taxes", "expected_delivery",
] as const);

export async function saveCreatedShipment(db: Queryable, shipmentId: number, info: ShipmentInfo): Promise<void> {
  const links: Link[] = info.links.all;
  await db.query(
    saveCreatedShipmentSql,
    saveCreatedShipmentParams({
      shipment_id: shipmentId,
      cp_shipment_id: info.shipmentId,
      tracking_pin: info.trackingPin ?? null,
      cp_api_label_url: info.links.label?.href ?? null,
      cp_links: JSON.stringify(links),
      charged_due: info.price?.due ?? null,
      charged_taxes: info.price?.taxes ?? null,
      expected_delivery: info.price?.expectedDeliveryDate ?? null,
    }),
  );
}

/** `queuePrint`: the label waits for the printer (printer.auto_print), in the same statement that records it saved. */
export async function markLabelCreated(db: Queryable, shipmentId: number, file: { path: string; sha256: string; bytes: number }, queuePrint = false): Promise<void> {
  await db.query(markLabelCreatedSql, [shipmentId, file.path, file.sha256, file.bytes, queuePrint]);
}

export async function saveLabelFile(db: Queryable, shipmentId: number, file: { path: string; sha256: string; bytes: number }): Promise<void> {
  await db.query(saveLabelFileSql, [shipmentId, file.path, file.sha256, file.bytes]);
}

export interface ServiceMessage {
  code: string;
  description: string;
}

export async function markLabelFailed(db: Queryable, shipmentId: number, message: string, messages: readonly ServiceMessage[]): Promise<void> {
  await db.query(markLabelFailedSql, [shipmentId, message, JSON.stringify(messages)]);
}

export async function markCreateSent(db: Queryable, shipmentId: number): Promise<void> {
  await db.query(markCreateSentSql, [shipmentId]);
}

/** `answered`: Canada Post answered the last Create Shipment, so it is making no label for it now. */
export async function recordShipmentError(
  db: Queryable,
  shipmentId: number,
  message: string,
  messages: readonly ServiceMessage[] = [],
  options: { answered?: boolean } = {},
): Promise<void> {
  await db.query(recordShipmentErrorSql, [shipmentId, message, JSON.stringify(messages), options.answered ?? false]);
}

export const unfinishedShipments = (db: Queryable) => db.query<{ shipment_id: number; order_id: string }>(unfinishedShipmentsSql);

export interface LabelToVerify {
  shipment_id: number;
  order_id: string;
  label_pdf_path: string | null;
  label_sha256: string | null;
  tracking_pin: string | null;
  cp_api_label_url: string | null;
}
export const labelsToVerify = (db: Queryable) => db.query<LabelToVerify & Record<string, unknown>>(labelsToVerifySql);

export interface FailedShipment {
  shipment_id: number;
  order_id: string;
  create_attempt: number;
  status: string;
  last_error: string | null;
  weight_override_kg: number | null;
  service_override: string | null;
}

export async function shipmentOfOrder(db: Queryable, orderId: string): Promise<FailedShipment | undefined> {
  const rows = await db.query<FailedShipment & Record<string, unknown>>(failedShipmentSql, [orderId]);
  return rows[0];
}

/**
 * A refused label opened again for a new attempt (`c.attempt`, one past the refused one), with
 * the claim's fields as they are now. Returns the shipment id with its lock held, or undefined
 * when it is no longer refused or is locked elsewhere.
 */
export async function reopenFailedShipment(session: Session, c: Claim): Promise<number | undefined> {
  const rows = await session.query<{ shipment_id: number; locked: boolean }>(retryFailedShipmentSql, retryFailedShipmentParams(claimRow(c)));
  // Locked elsewhere (a void in progress): the row is reopened all the same, and the next run's
  // recovery, which asks Canada Post first, finishes it.
  return rows[0]?.locked ? rows[0].shipment_id : undefined;
}

/** What the labels of these orders cost, taxes included, and how many have no price known. */
export async function spendOf(db: Queryable, orderIds: readonly string[]): Promise<{ due: number; unpriced: number }> {
  if (orderIds.length === 0) return { due: 0, unpriced: 0 };
  const [row] = await db.query<{ due: number; unpriced: number }>(spendOfOrdersSql, [orderIds]);
  return { due: Math.round((row?.due ?? 0) * 100) / 100, unpriced: row?.unpriced ?? 0 };
}

/** Accepted orders whose label was cancelled and that have no new one. */
export const voidedWaiting = (db: Queryable) => db.query<{ order_id: string; tracking_pin: string | null; status: string }>(voidedWaitingSql);
