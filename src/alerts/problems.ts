// What needs a person now, as the alerts count it: status's list (whatever kinds it has), the
// orders that miss their deadline today unless someone acts, and the run's own failure. Each
// problem is split into units (one per order) with a fingerprint, so that a person is told once
// about each, again when it changes, and again when it comes back after being fixed.
import type { Queryable } from "../db/index.ts";
import { missingDeadlineToday, type BoardRow } from "../deadlines/index.ts";
import { ATTENTION_TITLE, attentionFix, attentionWho, needsAttention, orderList, STATE_TITLE, type Attention } from "../status/index.ts";

/** One thing a person is told about once: its key, and what it says (a change says it again). */
export interface AlertUnit {
  key: string;
  fingerprint: string;
  /** The order it is about, when it is about one. */
  orderId: string | undefined;
}

export interface AlertProblem {
  /** status's kind ("label_failed", a new kind as it comes), "deadline_today", "run_failed". */
  kind: string;
  /** In a few words: "label refused". */
  title: string;
  /** "242000101-A", "3 orders (A, B and C)", "group 20261203". */
  who: string;
  reason: string;
  fix: string;
  /** What is known of each order beyond the reason ("A: PIN …"). */
  details: string[];
  units: AlertUnit[];
}

/** How a run ended, for its own failure (exit 2: settings, a folder or a key refused; exit 4: a bug). */
export interface RunEnd {
  /** How the clerk would name the run: "shipdesk --auto", "shipdesk ship --auto", "the desk (shipdesk)". */
  command: string;
  exitCode: number;
  /** The sentence the run ended with (its summary line, or the failure the clerk would read). */
  sentence: string | undefined;
  /**
   * What makes the failure this one and not another: the failure's own sentence when the run
   * stopped on it. Undefined for a run that ended with exit 2 among its steps' results: its
   * summary line also says what else the run did, which is no change in the failure.
   */
  cause?: string | undefined;
}

export function fingerprintOf(parts: readonly string[]): string {
  return new Bun.CryptoHasher("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

/**
 * Numbers in a reason (counts, times, "after 3 runs", an order id inside the words) do not make
 * a problem new; its kind, its code, its words and its fix do.
 */
const words = (text: string): string => text.replace(/\d+/g, "#");

/**
 * One unit per order (or one for an item about a group, a manifest, a channel): the key is the
 * kind and the order, the fingerprint the code, the reason's words and the fix as it reads for
 * that order alone, so that a fourth order refused for the same cause is one new unit, and the
 * three already told are not told again.
 */
export function unitsOf(a: Attention): AlertUnit[] {
  const subjects = a.orderIds.length > 0 ? a.orderIds.map((id) => ({ id, orderId: id as string | undefined })) : [{ id: a.orderId, orderId: undefined }];
  return subjects.map(({ id, orderId }) => ({
    key: `${a.kind}:${id}`,
    fingerprint: fingerprintOf([a.kind, a.code ?? "", words(a.reason), attentionFix(a.kind, [id], a.code) ?? words(a.fix)]),
    orderId,
  }));
}

function fromAttention(a: Attention): AlertProblem {
  return { kind: a.kind, title: ATTENTION_TITLE[a.kind] ?? a.kind.replaceAll("_", " "), who: attentionWho(a), reason: a.reason, fix: a.fix, details: a.details, units: unitsOf(a) };
}

/** The orders due by the end of today (or overdue) that no run ships on its own, as one problem. */
export function deadlineProblem(rows: readonly BoardRow[]): AlertProblem | undefined {
  if (rows.length === 0) return undefined;
  const ids = rows.map((r) => r.orderId);
  return {
    kind: "deadline_today",
    title: "will miss the shipping deadline unless someone acts",
    who: rows.length === 1 ? ids[0]! : `${rows.length} orders (${orderList(ids)})`,
    reason: rows.map((r) => `${r.orderId}: ${r.timeLeft.text}; ${STATE_TITLE[r.state]}`).join("; "),
    fix: "Deal with each today, as shipdesk status says (fix its problem, buy its label again, release its hold), so a run can ship it before the deadline; Best Buy counts a late shipment against the shop.",
    details: [],
    // Becoming overdue is a change worth telling; the minutes left are not.
    units: rows.map((r) => ({ key: `deadline_today:${r.orderId}`, fingerprint: fingerprintOf(["deadline_today", r.state, r.timeLeft.urgency]), orderId: r.orderId })),
  };
}

const RUN_FIX: Record<number, string> = {
  2: "Run the same command in a window (cmd.exe) and read the sentence: fix shipdesk.toml, the folder or the API key it names. Every run stops the same way until then.",
  4: "Run shipdesk again; if it stops the same way, send shipdesk.log (the data folder's, or the temporary folder's when the sentence names it) to the maintainer.",
};

/** The run's own failure: exit 2 (settings, a folder, a key) or 4 (a bug); nothing for the others. */
export function runFailure(run: RunEnd): AlertProblem | undefined {
  if (run.exitCode !== 2 && run.exitCode !== 4) return undefined;
  const what = run.exitCode === 2 ? "stopped on its settings, a folder or an API key (exit 2)" : "stopped on an unexpected error (exit 4)";
  const reason = run.sentence ?? (run.exitCode === 2 ? "A setting, a folder or an API key was refused; the sentence is in shipdesk.log." : "The details are in shipdesk.log.");
  return {
    kind: "run_failed",
    title: `the run ${what}`,
    who: run.command,
    reason,
    fix: RUN_FIX[run.exitCode]!,
    details: [],
    units: [{ key: "run_failed", fingerprint: fingerprintOf(["run_failed", String(run.exitCode), run.cause === undefined ? "" : words(run.cause)]), orderId: undefined }],
  };
}

/** Everything that needs a person now, in status's order, the deadline problem first. */
export async function currentProblems(db: Queryable, now: Date): Promise<AlertProblem[]> {
  const deadline = deadlineProblem(await missingDeadlineToday(db, now));
  const attention = (await needsAttention(db)).map(fromAttention);
  return deadline ? [deadline, ...attention] : attention;
}
