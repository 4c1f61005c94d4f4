import { addBusinessDays, localDay } from "../common/calendar.ts";
import type { ParcelState } from "./states.ts";

/*
 * When a parcel is next worth a tracking call (Canada Post allows 20 a minute for every parcel
 * of the shop): not before its first scan can be there, a call each couple of working days on
 * the way, every hour or two on the day it is due (and after, while it is late) and while it is
 * out for delivery, twice a day while it waits at a post office, daily on its way back, every
 * other working day once it is quiet; never once delivered or returned.
 * Times are the PC's local time: a check falls due at a run of the schedule at or after it.
 */

export interface Due {
  state: ParcelState;
  /** When its label was bought. */
  labelAt: Date;
  /** YYYY-MM-DD: when Canada Post expects it now (its revised date, else the standard). */
  expected: string | undefined;
}

const HOUR = 3_600_000;
/** The day's first checks; the day's last check on a due day. */
const MORNING = 9;
const NOON = 12;
const EVENING = 18;
const LAST_LOOK = 17;

/** `day` (YYYY-MM-DD, local) at `hour` o'clock local. */
function at(day: string, hour: number): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y!, m! - 1, d!, hour);
}

const nextWorkingDay = (now: Date) => addBusinessDays(localDay(now), 1);

/** The first look: the morning of the working day after the label, when its first scan is in. */
export function firstCheck(labelAt: Date): Date {
  return at(nextWorkingDay(labelAt), MORNING);
}

/** The next check after one at `now`; null: never again. */
export function nextCheck(p: Due, now: Date): Date | null {
  const today = localDay(now);
  const hour = now.getHours();
  // Within the working day; a last look before its end, then the next working morning.
  const soon = (hours: number) => {
    if (hour + hours < EVENING) return new Date(now.getTime() + hours * HOUR);
    return hour < LAST_LOOK ? at(today, LAST_LOOK) : at(nextWorkingDay(now), MORNING);
  };
  const inWorkingDays = (days: number, hr: number) => at(addBusinessDays(today, days), hr);
  switch (p.state) {
    case "delivered":
    case "returned":
      return null;
    case "out_for_delivery":
      return soon(1);
    case "attempted":
      // Picked up any hour the post office is open: at noon and before the day ends.
      return hour < NOON ? at(today, NOON) : hour < LAST_LOOK ? at(today, LAST_LOOK) : inWorkingDays(1, NOON);
    case "returning":
      return inWorkingDays(1, NOON);
    case "stuck":
      return inWorkingDays(2, NOON);
    case "not_scanned":
      return inWorkingDays(1, MORNING);
    case "in_transit": {
      if (!p.expected) return inWorkingDays(1, NOON);
      // Due today, or overdue (late): it may arrive any hour.
      if (p.expected <= today) return soon(2);
      // On the way: every other working day, and at noon the day it is due.
      const due = at(p.expected, NOON);
      const twoDays = inWorkingDays(2, NOON);
      return due < twoDays ? due : twoDays;
    }
  }
}

/** No new scan for `days` working days (none at all since the label: counted from it). */
export function isQuiet(lastScanAt: Date | null, labelAt: Date, now: Date, days: number): boolean {
  return addBusinessDays(localDay(lastScanAt ?? labelAt), days) <= localDay(now);
}

/** Followed for `days` days since the label: shipdesk stops asking. */
export const pastWatch = (labelAt: Date, now: Date, days: number): boolean => now.getTime() - labelAt.getTime() > days * 24 * HOUR;
