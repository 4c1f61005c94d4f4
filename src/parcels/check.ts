import type { WatchSettings } from "../config/index.ts";
import { lateness } from "./late.ts";
import type { Reading } from "./reading.ts";
import { isQuiet, nextCheck, pastWatch } from "./schedule.ts";
import { attentionOf, isSettled, type ParcelAttention, type ParcelState } from "./states.ts";
import type { CheckRow, DueParcel } from "./store.ts";

/** One answer about a parcel, as it is saved, with what changed for the clerk. */
export interface Checked {
  row: CheckRow;
  state: ParcelState;
  attention: ParcelAttention | null;
  /** An attention --auto has not exited 1 for yet. */
  announce: boolean;
  settled: boolean;
}

const iso = (d: Date | undefined | null) => (d ? d.toISOString() : null);

/**
 * What the parcel is now, from Canada Post's reading (none: "004 No Pin History", no scan yet)
 * and the clock: stuck when quiet for watch.stuck_after_days working days, no longer followed
 * after watch.days, late when delivered after its promised date; and when to ask next.
 */
export function checked(p: DueParcel, reading: Reading | undefined, now: Date, watch: WatchSettings): Checked {
  let state: ParcelState = reading?.state ?? "not_scanned";
  const lastScanAt = reading?.lastScanAt ?? p.last_scan_at;
  const moving = state === "not_scanned" || state === "in_transit" || state === "out_for_delivery";
  if (moving && isQuiet(lastScanAt, p.label_at, now, watch.stuckAfterDays)) state = "stuck";
  const watchEnded = !isSettled(state) && pastWatch(p.label_at, now, watch.days);
  if (watchEnded) state = "stuck";
  const promised = reading?.expected ?? p.expected_delivery ?? undefined;
  const { late, claimBy } = state === "delivered" ? lateness(reading?.deliveredOn, promised, reading?.firstAttemptOn) : { late: false, claimBy: undefined };
  const attention = attentionOf(state, late);
  const settled = isSettled(state) || watchEnded;
  const expected = reading?.changed ?? p.changed_delivery ?? promised;
  const next = settled ? null : nextCheck({ state, labelAt: p.label_at, expected }, now);
  const announce = attention !== null && attention !== p.announced;
  const row: CheckRow = {
    tracking_pin: p.tracking_pin,
    state,
    attention,
    last_event_code: reading?.last.code ?? null,
    last_event_text: reading?.last.text ?? null,
    last_event_place: reading?.last.place || null,
    last_event_at: iso(reading?.last.at),
    last_scan_at: iso(reading?.lastScanAt),
    expected_delivery: reading?.expected ?? null,
    changed_delivery: reading?.changed ?? null,
    delivered_at: iso(reading?.deliveredAt),
    delivered_on: reading?.deliveredOn ?? null,
    signed_by: reading?.signedBy ?? null,
    attempts: reading?.attempts ?? 0,
    post_office: reading?.postOffice ?? null,
    held_until: reading?.heldUntil ?? null,
    late,
    claim_by: claimBy ?? null,
    checked_at: now.toISOString(),
    next_check_at: iso(next),
    settled,
    watch_ended: watchEnded,
    announce,
  };
  return { row, state, attention, announce, settled };
}
