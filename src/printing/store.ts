// Printing's database operations, one named function per SQL file.
import { namedParams } from "../common/named-params.ts";
import type { Queryable } from "../db/index.ts";
import type { PrintJob, PrintOutcome, PrinterTarget } from "./outcome.ts";
import claimPrintSql from "../../sql/printing/claim_print.sql" with { type: "text" };
import markAcceptedSql from "../../sql/printing/mark_job_accepted.sql" with { type: "text" };
import markNotSentSql from "../../sql/printing/mark_job_not_sent.sql" with { type: "text" };
import markInDoubtSql from "../../sql/printing/mark_job_in_doubt.sql" with { type: "text" };
import labelsToPrintSql from "../../sql/printing/labels_to_print.sql" with { type: "text" };
import failWaitingSql from "../../sql/printing/fail_waiting.sql" with { type: "text" };
import printStateOfOrderSql from "../../sql/printing/print_state_of_order.sql" with { type: "text" };
import orderOfShipmentSql from "../../sql/printing/order_of_shipment.sql" with { type: "text" };
import markSeenPrintedSql from "../../sql/printing/mark_seen_printed.sql" with { type: "text" };
import recordPrintJobSql from "../../sql/printing/record_print_job.sql" with { type: "text" };

export interface ClaimedPrint {
  shipment_id: number;
  order_id: string;
  tracking_pin: string | null;
  label_pdf_path: string;
  label_sha256: string | null;
  print_count: number;
  /** The state before this claim: "printed" or "sending" make it a reprint. */
  was: string | null;
}

/** The label marked "sending", or undefined when it is not to be sent (printed already, in doubt, not a saved label, another run has it). */
export async function claimPrint(db: Queryable, shipmentId: number, again: boolean): Promise<ClaimedPrint | undefined> {
  const rows = await db.query<ClaimedPrint & Record<string, unknown>>(claimPrintSql, [shipmentId, again]);
  return rows[0];
}

export async function recordOutcome(db: Queryable, shipmentId: number, outcome: PrintOutcome): Promise<void> {
  if (outcome.kind === "accepted") await db.query(markAcceptedSql, [shipmentId]);
  else if (outcome.kind === "not-sent") await db.query(markNotSentSql, [shipmentId, outcome.sentence]);
  else await db.query(markInDoubtSql, [shipmentId, outcome.sentence]);
}

export const labelsToPrint = (db: Queryable) => db.query<{ shipment_id: number; order_id: string }>(labelsToPrintSql);

/** The labels still waiting for a printer that could not be reached: failed, with why. */
export async function failWaiting(db: Queryable, sentence: string): Promise<string[]> {
  return (await db.query<{ order_id: string }>(failWaitingSql, [sentence])).map((r) => r.order_id);
}

export interface OrderPrintState {
  shipment_id: number;
  order_id: string;
  status: string;
  label_pdf_path: string | null;
  print_state: string | null;
  print_count: number;
  printed_at: Date | string | null;
  print_sending_at: Date | string | null;
  print_error: string | null;
}

export async function printStateOfOrder(db: Queryable, orderId: string): Promise<OrderPrintState | undefined> {
  return (await db.query<OrderPrintState & Record<string, unknown>>(printStateOfOrderSql, [orderId]))[0];
}

const recordJobParams = namedParams(recordPrintJobSql, [
  "endpoint", "related_id", "method", "url", "request_payload", "response_body", "is_success", "duration_ms", "error",
] as const);

/** The job on record (api_calls, service "Printer"): the clerk's order page and the maintainer see it with the calls. */
export async function recordPrintJob(
  db: Queryable,
  endpoint: "PrintLabel" | "ReprintLabel" | "TestLabel",
  target: PrinterTarget,
  job: PrintJob & { sha256: string },
  outcome: PrintOutcome,
): Promise<void> {
  await db.query(
    recordPrintJobSql,
    recordJobParams({
      endpoint,
      related_id: job.title,
      method: target.method,
      url: target.url,
      request_payload: JSON.stringify({ file: job.path, encoding: job.encoding, bytes: job.bytes.byteLength, sha256: job.sha256 }),
      response_body: outcome.kind === "accepted" ? outcome.answered : outcome.sentence,
      is_success: outcome.kind === "accepted",
      duration_ms: outcome.ms,
      error: outcome.kind === "accepted" ? null : outcome.detail,
    }),
  );
}

export async function orderOfShipment(db: Queryable, shipmentId: number): Promise<string | undefined> {
  return (await db.query<{ order_id: string }>(orderOfShipmentSql, [shipmentId]))[0]?.order_id;
}

/** A person saw the label of a stopped run's job come out: it counts as printed. */
export async function markSeenPrinted(db: Queryable, orderId: string): Promise<boolean> {
  return (await db.query(markSeenPrintedSql, [orderId])).length === 1;
}
