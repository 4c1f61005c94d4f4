import { readFile } from "node:fs/promises";
import { tryLock, unlock } from "../common/locks.ts";
import type { Database, Queryable } from "../db/index.ts";
import { labelEncodingOf, sha256 } from "../pdf.ts";
import type { PrintJob, PrintOutcome } from "./outcome.ts";
import type { Printer } from "./printer.ts";
import { claimPrint, failWaiting, orderOfShipment, labelsToPrint, printStateOfOrder, recordOutcome, recordPrintJob, type ClaimedPrint } from "./store.ts";

/** The step boundaries a crash test stops the process at. */
export type PrintCheckpoint = "print-claimed" | "print-sent";

export interface PrintingDeps {
  db: Database;
  printer: Printer;
  checkpoint?: (step: PrintCheckpoint, orderId: string) => void | Promise<void>;
}

/** What became of one label sent to the printer, with the sentence the clerk reads. */
export type PrintResult =
  | { orderId: string; kind: "printed"; reprint: boolean; sentence: string; ms: number }
  | { orderId: string; kind: "not-sent"; cause: "setting" | "unreachable" | "file"; sentence: string }
  | { orderId: string; kind: "in-doubt"; sentence: string }
  /** Not sent, on purpose: printed already, maybe printed, or no label to print. */
  | { orderId: string; kind: "refused"; sentence: string };

const when = (t: Date | string | null) => (t ? new Date(t).toLocaleString("en-CA", { hour12: false }) : "earlier");

/**
 * Sends one saved label to the printer, once: "sending" is recorded before the job goes out,
 * the printer's answer after. `again` is a person asking for a reprint (or for a label whose
 * last job is in doubt); nothing else ever sends a label a second time.
 */
export async function printShipment(deps: PrintingDeps, shipmentId: number, orderId: string, again: boolean): Promise<PrintResult> {
  // The print lock, on a connection of its own, is held while the job is under way: `status`
  // lists a label left "sending" only once no session holds it (its run stopped).
  const session = await deps.db.reserve();
  try {
    if (!(await tryLock(session, "print", shipmentId))) return { orderId, kind: "refused", sentence: `Another shipdesk is printing the label of order ${orderId} right now.` };
    try {
      return await sendOnce(deps, shipmentId, orderId, again);
    } finally {
      await unlock(session, "print", shipmentId);
    }
  } finally {
    await session.release();
  }
}

async function sendOnce(deps: PrintingDeps, shipmentId: number, orderId: string, again: boolean): Promise<PrintResult> {
  const claimed = await claimPrint(deps.db, shipmentId, again);
  if (!claimed) return refused(deps.db, orderId);
  await deps.checkpoint?.("print-claimed", claimed.order_id);
  const job = await jobOf(claimed);
  const reprint = claimed.print_count > 0 || claimed.was === "printed";
  let outcome: PrintOutcome;
  if ("problem" in job) outcome = { kind: "not-sent", sentence: job.problem, detail: "label file", cause: "file", ms: 0 };
  else {
    outcome = await deps.printer.send(job);
    await recordPrintJob(deps.db, reprint ? "ReprintLabel" : "PrintLabel", deps.printer.target, job, outcome);
    await deps.checkpoint?.("print-sent", claimed.order_id);
  }
  await recordOutcome(deps.db, shipmentId, outcome);
  if (outcome.kind === "accepted") {
    const what = reprint ? `Reprint of the label of order ${claimed.order_id}` : `Label of order ${claimed.order_id}`;
    return { orderId: claimed.order_id, kind: "printed", reprint, sentence: `${what} sent to ${deps.printer.target.described}: ${outcome.answered}.`, ms: outcome.ms };
  }
  if (outcome.kind === "in-doubt") return { orderId: claimed.order_id, kind: "in-doubt", sentence: outcome.sentence };
  return { orderId: claimed.order_id, kind: "not-sent", cause: outcome.cause, sentence: outcome.sentence };
}

/** The label's file as it was saved: the bytes, checked against the checksum kept (never altered). */
async function jobOf(c: ClaimedPrint): Promise<{ problem: string } | (PrintJob & { sha256: string })> {
  const problem = `The label file of order ${c.order_id} (${c.label_pdf_path}) is missing or damaged; run shipdesk ship (it downloads the same label again from Canada Post), then print it.`;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(c.label_pdf_path));
  } catch {
    return { problem };
  }
  const encoding = labelEncodingOf(bytes);
  const sum = sha256(bytes);
  if (!encoding || (c.label_sha256 && sum !== c.label_sha256)) return { problem };
  return { title: c.order_id, encoding, bytes, path: c.label_pdf_path, sha256: sum };
}

/** Why a label was not sent: the sentence for each state. */
async function refused(db: Queryable, orderId: string): Promise<PrintResult> {
  const s = await printStateOfOrder(db, orderId);
  let sentence: string;
  if (!s || !s.label_pdf_path || !["label_created", "tracking_updated"].includes(s.status)) {
    sentence = `Order ${orderId} has no saved label to print${s ? ` (its label is ${s.status.replaceAll("_", " ")})` : ""}.`;
  } else if (s.print_state === "sending") {
    sentence = `The label of order ${orderId} may already have printed: it was being sent to the printer at ${when(s.print_sending_at)} when shipdesk stopped or lost the printer. Look at the printer: if it did not print, run shipdesk print ${orderId} --again (or Send to printer on the label page); if it did, press Mark picked as printed on the label page.`;
  } else if (s.print_state === "printed" || s.printed_at) {
    sentence = `The label of order ${orderId} was printed at ${when(s.printed_at)}${s.print_count > 1 ? ` (${s.print_count} times)` : ""}; to print it again: shipdesk print ${orderId} --again, or Send to printer on the label page.`;
  } else sentence = `Another shipdesk is printing the label of order ${orderId} right now.`;
  return { orderId, kind: "refused", sentence };
}

/** The label of an order, as `shipdesk print ORDER [--again]` asks. */
export async function printOrder(deps: PrintingDeps, orderId: string, again: boolean): Promise<PrintResult> {
  const s = await printStateOfOrder(deps.db, orderId);
  if (!s) return { orderId, kind: "refused", sentence: `There is no label for order ${orderId}; shipdesk ship buys it.` };
  return printShipment(deps, s.shipment_id, orderId, again);
}

export interface WaitingPrinted {
  printed: string[];
  notSent: { orderId: string; sentence: string }[];
  inDoubt: { orderId: string; sentence: string }[];
  /** Why the printer was given up on for this run (the labels left wait for the next one). */
  down: string | undefined;
}

/**
 * Every label waiting for the printer (saved with auto_print on, or not taken before), each
 * once. A printer that cannot be reached (or a setting that cannot work) stops the round: the
 * labels left are marked with its sentence and wait for the next run or the label page.
 */
export async function printWaiting(deps: PrintingDeps, onResult?: (r: PrintResult) => void): Promise<WaitingPrinted> {
  const out: WaitingPrinted = { printed: [], notSent: [], inDoubt: [], down: undefined };
  for (const label of await labelsToPrint(deps.db)) {
    const r = await printShipment(deps, label.shipment_id, label.order_id, false);
    onResult?.(r);
    if (r.kind === "printed") out.printed.push(r.orderId);
    else if (r.kind === "in-doubt") out.inDoubt.push({ orderId: r.orderId, sentence: r.sentence });
    else if (r.kind === "not-sent") {
      out.notSent.push({ orderId: r.orderId, sentence: r.sentence });
      if (r.cause !== "file") {
        out.down = r.sentence;
        for (const orderId of await failWaiting(deps.db, r.sentence)) out.notSent.push({ orderId, sentence: r.sentence });
        break;
      }
    }
  }
  return out;
}

/** Labels a person picked on the label page, each sent as asked (a label printed before is reprinted). */
export async function printPicked(deps: PrintingDeps, shipmentIds: readonly number[]): Promise<PrintResult[]> {
  const out: PrintResult[] = [];
  for (const id of shipmentIds) {
    const orderId = await orderOfShipment(deps.db, id);
    out.push(orderId === undefined ? { orderId: String(id), kind: "refused", sentence: `There is no label ${id}.` } : await printShipment(deps, id, orderId, true));
  }
  return out;
}
