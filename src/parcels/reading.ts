import type { TrackingDetails, TrackingEvent } from "../canadapost/index.ts";
import { meaningOf } from "./event-codes.ts";
import type { ParcelState } from "./states.ts";

/** How long a post office holds a parcel after the notice card, in days (Canada Post's notice: 15 days). */
export const HELD_DAYS = 15;

/** What Canada Post's events say about a parcel, in the clerk's terms. */
export interface Reading {
  state: Exclude<ParcelState, "not_scanned" | "stuck">;
  /** The newest event that says where the parcel is (a signature record is not one). */
  last: { code: string; text: string; place: string; at: Date };
  /** The newest event of any kind. */
  lastScanAt: Date;
  deliveredAt: Date | undefined;
  /** YYYY-MM-DD, Canada Post's date of the delivery. */
  deliveredOn: string | undefined;
  signedBy: string | undefined;
  attempts: number;
  /** YYYY-MM-DD of the first delivery attempt: one on time keeps the promise, whenever the pickup. */
  firstAttemptOn: string | undefined;
  postOffice: string | undefined;
  heldUntil: string | undefined;
  expected: string | undefined;
  changed: string | undefined;
}

// Canada Post dates each event in the zone where it happened; the clerk sees it in the PC's.
const OFFSET_HOURS: Record<string, number> = {
  NST: -3.5, NDT: -2.5, AST: -4, ADT: -3, EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7, UTC: 0, GMT: 0,
};

/** The moment of an event; a zone Canada Post did not name is taken as the PC's own. */
export function eventInstant(e: Pick<TrackingEvent, "date" | "time" | "timeZone">): Date {
  const [y, m, d] = e.date.split("-").map(Number);
  const [hh, mm, ss] = (/^\d{1,2}:\d{2}(:\d{2})?$/.test(e.time.trim()) ? e.time.trim() : "12:00:00").split(":").map(Number);
  const offset = OFFSET_HOURS[e.timeZone.trim().toUpperCase()];
  if (offset === undefined) return new Date(y!, m! - 1, d!, hh!, mm!, ss ?? 0);
  return new Date(Date.UTC(y!, m! - 1, d!, hh!, mm!, ss ?? 0) - offset * 3_600_000);
}

const placeOf = (e: TrackingEvent) => [e.site, e.province].filter(Boolean).join(", ");
const addDays = (ymd: string, days: number) => new Date(Date.parse(`${ymd}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Reads the events oldest first. Once an event says the parcel goes back to the sender, a later
 * "delivered" is its arrival back with the sender, never a delivery: Canada Post words both
 * alike. A return label's PIN on the parcel means the same from the start.
 */
export function readDetails(details: TrackingDetails): Reading | undefined {
  const events = [...details.events].reverse();
  if (events.length === 0) return undefined;
  let state: Reading["state"] = "in_transit";
  let returning = details.returnPin !== undefined;
  let last: TrackingEvent | undefined;
  let delivery: TrackingEvent | undefined;
  let attempt: TrackingEvent | undefined;
  let firstAttempt: TrackingEvent | undefined;
  let attempts = 0;
  for (const e of events) {
    const meaning = meaningOf(e.code, e.description);
    if (meaning === "info") continue;
    last = e;
    if (meaning === "returning" || meaning === "returned") returning = true;
    if (meaning === "returned" || (meaning === "delivered" && returning)) state = "returned";
    else if (returning) state = "returning";
    else if (meaning === "delivered") {
      state = "delivered";
      delivery = e;
    } else {
      state = meaning as Reading["state"];
      if (meaning === "attempted") {
        attempts++;
        attempt = e;
        firstAttempt ??= e;
      }
    }
  }
  const newest = events.at(-1)!;
  const shown = last ?? newest;
  const deliveredAt = state === "delivered" && delivery ? eventInstant(delivery) : undefined;
  return {
    state,
    last: { code: shown.code, text: shown.description, place: placeOf(shown), at: eventInstant(shown) },
    lastScanAt: events.map(eventInstant).reduce((a, b) => (b > a ? b : a)),
    deliveredAt,
    deliveredOn: deliveredAt ? delivery!.date : undefined,
    signedBy: deliveredAt ? signerOf(delivery!, events) : undefined,
    attempts,
    firstAttemptOn: firstAttempt?.date,
    postOffice: attempt ? postOfficeOf(attempt) : undefined,
    heldUntil: attempt ? addDays(attempt.date, HELD_DAYS) : undefined,
    expected: details.expectedDeliveryDate,
    changed: details.changedExpectedDate,
  };
}

/** Who signed: on the delivery itself, or the signature image recorded with it (code 20). */
function signerOf(delivery: TrackingEvent, events: readonly TrackingEvent[]): string | undefined {
  if (delivery.signatory) return delivery.signatory;
  const at = eventInstant(delivery).getTime();
  const image = events.find((e) => e.signatory && meaningOf(e.code, e.description) === "info" && Math.abs(eventInstant(e).getTime() - at) < 86_400_000);
  return image?.signatory;
}

function postOfficeOf(e: TrackingEvent): string | undefined {
  if (e.retailName) return e.retailLocationId ? `${e.retailName} (post office ${e.retailLocationId})` : e.retailName;
  return e.site ? `the post office in ${placeOf(e)}` : undefined;
}
