// The day's summary (alerts.daily_summary_at): labels bought, what they cost, late shipments,
// what needs a person. Sent once a day, by the first run at or after that time.
import { localDay } from "../common/calendar.ts";
import { localIso } from "../common/local-time.ts";
import { money } from "../common/money.ts";
import type { Queryable } from "../db/index.ts";
import { deadlineBoard, lateRateLine, lateShipmentRate, lateShipmentText } from "../deadlines/index.ts";
import { spend } from "../report/index.ts";
import { attentionWho, ATTENTION_TITLE, needsAttention } from "../status/index.ts";
import { introOf, shipdeskName, STATUS_FOOTER, type Origin } from "./compose.ts";
import type { AlertMessage } from "./message.ts";

/** The summary's row in alerts_sent: its fingerprint is the local day it was sent for. */
export const SUMMARY_KEY = "daily_summary";

/** True once today's `at` ("HH:MM", local time) has come. */
export function summaryDue(at: string | undefined, now: Date): boolean {
  if (!at) return false;
  const [h, m] = at.split(":").map(Number);
  return now.getTime() >= new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, m).getTime();
}

export const summaryDay = (now: Date): string => localDay(now);

export async function summaryMessage(db: Queryable, origin: Origin): Promise<AlertMessage> {
  const now = origin.now;
  const s = await spend(db, now);
  const rate = await lateShipmentRate(db, now);
  const startOfDay = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const lateToday = rate.late.filter((l) => l.shippedAt.getTime() >= startOfDay.getTime());
  const board = await deadlineBoard(db, now);
  const dueToday = board.filter((r) => r.timeLeft.urgency === "today").length;
  const overdue = board.filter((r) => r.timeLeft.urgency === "overdue").length;
  const blocked = board.filter((r) => r.blocked).length;
  const attention = await needsAttention(db);
  const unpriced = s.monthUnpriced ? ` (${s.monthUnpriced} without a price)` : "";
  return {
    kind: "daily_summary",
    title: `${shipdeskName(origin)}: the day's summary, ${summaryDay(now)}`,
    intro: introOf(origin),
    sections: [
      { heading: "Labels", lines: [`Bought today: ${s.todayLabels}, for ${money(s.today)} (taxes included).`, `This month: ${s.monthLabels}, for ${money(s.month)}${unpriced}.`] },
      {
        heading: "Late shipments",
        lines: [`Shipped late today: ${lateToday.length}.`, ...lateToday.map(lateShipmentText), lateRateLine(rate)],
      },
      {
        heading: "Orders to ship",
        lines: [`${board.length} open: ${dueToday} due today, ${overdue} overdue, ${blocked} that no run can ship as they are.`],
      },
      {
        heading: `Needs a person: ${attention.length}`,
        lines: attention.length === 0 ? ["Nothing."] : attention.map((a) => `${ATTENTION_TITLE[a.kind] ?? a.kind}: ${attentionWho(a)}`),
      },
    ],
    footer: STATUS_FOOTER,
    data: {
      mode: origin.mode,
      host: origin.host,
      sent_at: localIso(now),
      day: summaryDay(now),
      labels_today: s.todayLabels,
      spend_today: s.today,
      labels_month: s.monthLabels,
      spend_month: s.month,
      late_today: lateToday.map((l) => ({ order: l.orderId, deadline: localIso(l.deadline), shipped_at: localIso(l.shippedAt) })),
      late_rate_30_days: rate.rate ?? null,
      shipped_30_days: rate.shipped,
      open_orders: board.length,
      due_today: dueToday,
      overdue,
      needs_a_person: attention.map((a) => ({ kind: a.kind, who: attentionWho(a), reason: a.reason, fix: a.fix })),
    },
  };
}
