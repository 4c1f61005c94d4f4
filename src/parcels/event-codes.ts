/*
 * Canada Post's tracking event codes (event-identifier), and what each says about the parcel.
 * Canada Post publishes no table of them: this one is gathered from what open clients read and
 * what live replies showed, each group with where it comes from. A code may come with leading
 * zeros ("0174"); it is looked up without them. An unknown code is read by its words.
 *
 * Sources: [K] karrio's Canada Post connector (providers/canadapost/units.py, TrackingStatus:
 * delivered, out_for_delivery, ready_for_pickup, delivery_failed, delivery_delayed, on_hold,
 * picked_up); [F] a real Get Tracking Details reply in karrio's tests (0100, 0173, 0174, 1496,
 * 20); [L] live replies reported by a 2026 Tracking API client (1442 and 1496 delivered, 20 a
 * signature image); [D] devportal.md's additions (5300 delivered to a parcel box).
 */

/** What one event says: where the parcel is, or nothing about that ("info": a signature image kept). */
export type EventMeaning = "in_transit" | "out_for_delivery" | "attempted" | "delivered" | "returning" | "returned" | "info";

/** Every code that means "delivered" in the sources. A return to the sender is worded the same way: see reading.ts. */
export const DELIVERED_CODES: readonly string[] = [
  // [K]; 1442 and 1496 also [L], 1496 [F]
  "1408", "1409", "1421", "1422", "1423", "1424", "1425", "1426", "1427", "1428", "1429", "1430", "1431",
  "1432", "1433", "1434", "1441", "1442", "1496", "1497", "1498", "1499",
  // [D]
  "5300",
];

const GROUPS: readonly [EventMeaning, readonly string[]][] = [
  ["delivered", DELIVERED_CODES],
  // [K] out_for_delivery; 174 also [F]
  ["out_for_delivery", ["174", "500"]],
  // [K] ready_for_pickup (at a post office) and delivery_failed (an attempt, a notice card): for
  // the clerk both are "delivery attempted, waiting at a post office".
  ["attempted", ["118", "156", "1407", "1410", "1435", "1436", "1437", "1438", "1479", "1488", "1701", "2410"]],
  ["attempted", ["150", "154", "167", "168", "169", "179", "181", "182", "183", "184", "190", "1100", "1415", "1416", "1417", "1418", "1419", "1420", "1450", "1481", "1482", "1483", "1491", "1492", "1493", "2600", "2802", "3001", "4650"]],
  // [K] picked_up, delivery_delayed, on_hold: still on its way (a delay, a hold); 100 and 173 also [F]
  ["in_transit", ["100", "101", "102", "103", "104", "105", "106", "107", "1400", "1401", "1402", "1403", "1404", "1405"]],
  ["in_transit", ["159", "160", "161", "162", "163", "172", "173", "2412"]],
  ["in_transit", ["117", "120", "121", "125", "127", "810", "1411", "1414", "1443", "1484", "1487", "1494", "2411", "2414", "4700"]],
  // [F][L] a signature image recorded: says who signed, not where the parcel is
  ["info", ["20"]],
];

/** The table: code (no leading zeros) → meaning. */
export const EVENT_CODES: ReadonlyMap<string, EventMeaning> = new Map(GROUPS.flatMap(([meaning, codes]) => codes.map((c) => [c, meaning] as const)));

export const plainCode = (code: string): string => code.trim().replace(/^0+(?=\d)/, "");

// The words decide over the code when they say the parcel goes back: Canada Post's own
// tracking shows a return that reached the sender as "Delivered" (devportal.md, additions).
const RETURNED_TEXT = /\bdelivered to (the )?(sender|shipper)\b|\blivr[ée] à l['’]exp[ée]diteur\b/i;
const RETURNING_TEXT = /\breturn(ed|ing)? to (the )?(sender|shipper)\b|\bbeing returned\b|\bretour(n[ée]e?)? (à|a) l['’]exp[ée]diteur\b|\bretourn[ée]\b/i;
const OUT_TEXT = /\bout for delivery\b|\ben cours de livraison\b/i;
const ATTEMPT_TEXT = /\bnotice card\b|\battempted\b|\bavis de livraison\b|\btentative\b|\bavailable for pick ?up\b|\bready for pick ?up\b/i;
const DELIVERED_TEXT = /\bdelivered\b|\blivr[ée]\b/i;

/**
 * What one event means: its words when they speak of a return (a delivery code with them: the
 * parcel is back with the sender), else the table, else its words.
 */
export function meaningOf(code: string, description: string): EventMeaning {
  const known = EVENT_CODES.get(plainCode(code));
  if (RETURNED_TEXT.test(description)) return "returned";
  if (RETURNING_TEXT.test(description)) return known === "delivered" ? "returned" : "returning";
  if (known) return known;
  if (OUT_TEXT.test(description)) return "out_for_delivery";
  if (ATTEMPT_TEXT.test(description)) return "attempted";
  if (DELIVERED_TEXT.test(description)) return "delivered";
  return "in_transit";
}
