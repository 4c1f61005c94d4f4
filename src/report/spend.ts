import type { Queryable } from "../db/index.ts";
import { money } from "../common/money.ts";
import spendSql from "../../sql/report/spend.sql" with { type: "text" };

export interface Spend {
  today: number;
  todayLabels: number;
  month: number;
  monthLabels: number;
  /** Labels this month whose price is not known (bought before prices were kept, or adopted). */
  monthUnpriced: number;
}

/** Today's and this month's label spend, by the PC's local calendar. */
export async function spend(db: Queryable, now: Date = new Date()): Promise<Spend> {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const month = new Date(now.getFullYear(), now.getMonth(), 1);
  const [row] = await db.query<{ today: number; today_labels: number; month: number; month_labels: number; month_unpriced: number }>(spendSql, [today, month]);
  return {
    today: row?.today ?? 0,
    todayLabels: row?.today_labels ?? 0,
    month: row?.month ?? 0,
    monthLabels: row?.month_labels ?? 0,
    monthUnpriced: row?.month_unpriced ?? 0,
  };
}


export function spendLine(s: Spend): string {
  const unpriced = s.monthUnpriced ? ` (${s.monthUnpriced} label(s) without a price)` : "";
  return `Spent on labels (taxes included): today ${money(s.today)} for ${s.todayLabels} label(s); this month ${money(s.month)} for ${s.monthLabels}${unpriced}`;
}
