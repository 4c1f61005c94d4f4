// The message a run sends: the problems that are new (or changed) on a channel, each with its fix.
import { localDateTime, localIso } from "../common/local-time.ts";
import type { AlertMessage, MessageSection } from "./message.ts";
import type { AlertProblem } from "./problems.ts";

/** Where a message comes from: which PC, live or sandbox, when. */
export interface Origin {
  host: string;
  mode: "sandbox" | "live";
  now: Date;
}

/** What a channel has not been told yet: each unit key, new or changed since it was told. */
export type Pending = ReadonlyMap<string, "new" | "changed">;

/** At most this many problems in one message; the rest are in status. */
const MOST = 15;

export const shipdeskName = (o: Origin): string => (o.mode === "sandbox" ? "shipdesk SANDBOX" : "shipdesk");

export const introOf = (o: Origin): string =>
  `From ${shipdeskName(o)} on ${o.host}, ${localDateTime(o.now)}${o.mode === "sandbox" ? " (sandbox mode: test servers, nothing was bought)" : ""}.`;

export const STATUS_FOOTER = "Everything that needs a person, each with its fix: shipdesk status, or Needs attention on the print page (shipdesk serve).";

/** The problems with something the channel was not told; the rest are left out. */
export function pendingProblems(problems: readonly AlertProblem[], pending: Pending): AlertProblem[] {
  return problems.filter((p) => p.units.some((u) => pending.has(u.key)));
}

function section(p: AlertProblem, pending: Pending): MessageSection {
  const told = p.units.filter((u) => pending.has(u.key));
  const partly = p.units.length > 1 && told.length < p.units.length;
  const changed = told.every((u) => pending.get(u.key) === "changed");
  const newOrders = partly ? `; new: ${told.map((u) => u.orderId ?? u.key).join(", ")}` : "";
  return {
    heading: `${p.title}: ${p.who}${newOrders}${changed ? " (changed since the last alert)" : ""}`,
    lines: [p.reason, ...(p.details.length > 0 ? [p.details.join("; ")] : []), `Fix: ${p.fix}`],
  };
}

export function problemsMessage(problems: readonly AlertProblem[], pending: Pending, origin: Origin): AlertMessage {
  const shown = problems.slice(0, MOST);
  const more = problems.length - shown.length;
  const n = problems.length;
  return {
    kind: "problems",
    title: `${shipdeskName(origin)}: ${n === 1 ? "1 new problem needs" : `${n} new problems need`} a person`,
    intro: introOf(origin),
    sections: shown.map((p) => section(p, pending)),
    footer: `${more > 0 ? `… and ${more} more. ` : ""}${STATUS_FOOTER}`,
    data: {
      mode: origin.mode,
      host: origin.host,
      sent_at: localIso(origin.now),
      problems: problems.map((p) => ({
        kind: p.kind,
        title: p.title,
        who: p.who,
        orders: p.units.flatMap((u) => (u.orderId ? [u.orderId] : [])),
        new: p.units.filter((u) => pending.has(u.key)).map((u) => ({ key: u.key, change: pending.get(u.key) })),
        reason: p.reason,
        details: p.details,
        fix: p.fix,
      })),
    },
  };
}
