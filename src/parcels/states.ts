/** The clerk's states of a parcel, from Canada Post's events (reading.ts) and the watch (stuck). */
export type ParcelState = "not_scanned" | "in_transit" | "out_for_delivery" | "attempted" | "delivered" | "returning" | "returned" | "stuck";

export const PARCEL_STATES: readonly ParcelState[] = ["not_scanned", "in_transit", "out_for_delivery", "attempted", "delivered", "returning", "returned", "stuck"];

/** The state in the clerk's words. */
export const STATE_WORDS: Record<ParcelState, string> = {
  not_scanned: "not scanned yet",
  in_transit: "in transit",
  out_for_delivery: "out for delivery",
  attempted: "delivery attempted, waiting at a post office",
  delivered: "delivered",
  returning: "returning to you",
  returned: "returned to you",
  stuck: "stuck (no scan)",
};

/** Nothing more will happen to it: shipdesk stops asking. */
export const isSettled = (state: ParcelState): boolean => state === "delivered" || state === "returned";

/** What needs a person about a parcel: its state, or a delivery after the promised date. */
export type ParcelAttention = "attempted" | "returning" | "returned" | "stuck" | "late";

export function attentionOf(state: ParcelState, late: boolean): ParcelAttention | null {
  if (state === "attempted" || state === "returning" || state === "returned" || state === "stuck") return state;
  return state === "delivered" && late ? "late" : null;
}

export const isParcelState = (s: string): s is ParcelState => (PARCEL_STATES as readonly string[]).includes(s);
