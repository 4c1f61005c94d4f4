import { localDay } from "../common/calendar.ts";

/**
 * How pressing an order's deadline is: past it (`overdue`), later today (`today`), after today
 * (`later`), or no deadline known (`none`).
 */
export type Urgency = "overdue" | "today" | "later" | "none";

export interface TimeLeft {
  urgency: Urgency;
  /** "ships by today 17:00 — 2 h 10 min", "ships by today 09:00 — overdue by 1 h 5 min", "no shipping deadline". */
  text: string;
  /** "today 17:00", "tomorrow 23:59", "Wed 2026-12-09 23:59": when, without the time left. */
  when: string;
  /** "2 h 10 min", "overdue 1 h 5 min": the time left alone, for narrow columns. */
  left: string;
  /** Milliseconds until the deadline (negative: past it); undefined without a deadline. */
  ms: number | undefined;
}

const MINUTE = 60_000;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const pad = (n: number) => String(n).padStart(2, "0");

/** "45 min", "2 h 10 min", "3 d 4 h": whole minutes, the largest two units. */
export function duration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes < 1) return "less than a minute";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** The local day as the clerk says it, seen from `now`: today, tomorrow, yesterday, "Wed 2026-12-09". */
export function dayWord(date: Date, now: Date): string {
  const day = localDay(date);
  if (day === localDay(now)) return "today";
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  if (day === localDay(next)) return "tomorrow";
  const before = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (day === localDay(before)) return "yesterday";
  return `${WEEKDAYS[date.getDay()]} ${day}`;
}

/**
 * The time left before the deadline, in the PC's local time, seen from `now` (injected, so a test
 * fixes the clock). Rounded down while time is left, so the clerk is never promised a minute
 * that is not there; rounded up once past it ("overdue by 1 min" at 30 s past).
 */
export function timeLeft(deadline: Date | undefined, now: Date): TimeLeft {
  if (!deadline) return { urgency: "none", text: "no shipping deadline", when: "no deadline", left: "", ms: undefined };
  const ms = deadline.getTime() - now.getTime();
  const when = `${dayWord(deadline, now)} ${pad(deadline.getHours())}:${pad(deadline.getMinutes())}`;
  if (ms < 0) {
    const late = duration(Math.ceil(-ms / MINUTE) * MINUTE);
    return { urgency: "overdue", text: `ships by ${when} — overdue by ${late}`, when, left: `overdue ${late}`, ms };
  }
  const urgency: Urgency = localDay(deadline) === localDay(now) ? "today" : "later";
  const left = duration(ms);
  return { urgency, text: `ships by ${when} — ${left}`, when, left, ms };
}
