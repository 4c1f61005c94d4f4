import { addBusinessDays } from "../../calendar.ts";
import { seeded } from "../../faults.ts";
import { atWallClock, plantOf, wallClock, zoneOf } from "./places.ts";

/*
 * A sandbox parcel's journey: every scan it will get, in time, worked out from its PIN alone (and
 * when, how and where it was sent), so a parcel tells the same story to every run and to both
 * APIs. A share of parcels meet what a clerk must deal with: a delivery attempt with a notice
 * card (picked up later, or never and sent back), a refusal sent back to the sender, a parcel
 * that stops being scanned, and late deliveries.
 */

/** What happens to the parcel. */
export type JourneyKind = "on_time" | "late" | "picked_up" | "unclaimed" | "refused" | "lost";
export const JOURNEY_KINDS: readonly JourneyKind[] = ["on_time", "late", "picked_up", "unclaimed", "refused", "lost"];

/** How often each kind comes, by the PIN's hash (the rest are on time). */
const SHARES: readonly [JourneyKind, number][] = [
  ["lost", 0.05],
  ["refused", 0.05],
  ["unclaimed", 0.04],
  ["picked_up", 0.1],
  ["late", 0.12],
];

/**
 * "shares": each kind as often as SHARES says; "every-kind": consecutive labels take the kinds in
 * turn (the demo, to show each once in a handful of parcels).
 */
export type JourneyMix = "shares" | "every-kind";

/** The words of Canada Post's events the sandbox uses, codes as real replies write them. */
export const SCAN = {
  accepted: { code: "0101", description: "Item accepted at the Post Office", type: "INDUCTION" },
  processed: { code: "0100", description: "Item processed at postal facility", type: "TRANSIT" },
  delayed: { code: "0173", description: "Customer addressing error found; attempting to correct. Possible delay", type: "TRANSIT" },
  out: { code: "0174", description: "Item out for delivery", type: "OUT" },
  delivered: { code: "1496", description: "Item successfully delivered", type: "DELIVERED" },
  signature: { code: "20", description: "Signature image recorded for Online viewing", type: "INFO" },
  notice: { code: "0168", description: "Attempted delivery. Notice card left indicating where the item can be picked up", type: "ATTEMPTED" },
  pickedUp: { code: "1421", description: "Item picked up by recipient at the Post Office", type: "DELIVERED" },
  unclaimed: { code: "1414", description: "Item being returned to sender. Item not claimed by addressee", type: "RETURN" },
  refused: { code: "1415", description: "Item refused by addressee. Item being returned to sender", type: "RETURN" },
} as const;

export interface Route {
  fromPostal: string;
  fromCity: string;
  fromProvince: string;
  toPostal: string;
  toCity: string;
  toProvince: string;
}

export interface Scan {
  at: Date;
  code: string;
  description: string;
  type: string;
  site: string;
  province: string;
  retail?: { id: string; name: string };
  signatory?: string;
}

export interface Journey {
  kind: JourneyKind;
  /** YYYY-MM-DD: the day Canada Post took the parcel in. */
  mailedOn: string;
  /** YYYY-MM-DD: the service standard. */
  expected: string;
  /** Canada Post's revised date, from the moment a scan announces it. */
  changed?: { date: string; from: Date; reason: string };
  /** Chronological. */
  scans: Scan[];
  /** The scan that put it in the addressee's hands (not a return to the sender). */
  delivery?: Scan;
}

export interface JourneyInput {
  pin: string;
  labelAt: Date;
  transitDays: number;
  route: Route;
  mix: JourneyMix;
}

const SIGNERS = ["R GREGOIRE", "J TREMBLAY", "A SINGH", "M CHEN", "L MARTIN", "K OKAFOR"];
const MINUTE = 60_000;

/** The parcel's whole journey; what a reply shows is the part already past. */
export function journeyOf(input: JourneyInput): Journey {
  const random = seededBy(input.pin);
  const kind = kindOf(input.pin, input.mix, random());
  const { route } = input;
  const from = zoneOf(route.fromProvince);
  const to = zoneOf(route.toProvince);
  const mailedOn = addBusinessDays(wallClock(input.labelAt, from).date, 0);
  const expected = addBusinessDays(mailedOn, input.transitDays);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo));
  const at = (day: string, minutes: number, zone: string) => atWallClock(day, minutes, zone);
  const scans: Scan[] = [];
  const add = (when: Date, scan: { code: string; description: string; type: string }, site: string, province: string, extra: Partial<Scan> = {}) =>
    scans.push({ at: when, ...scan, site, province, ...extra });

  const accepted = new Date(Math.max(input.labelAt.getTime() + 60 * MINUTE, at(mailedOn, between(17 * 60, 19 * 60), from).getTime()));
  add(accepted, SCAN.accepted, route.fromCity, route.fromProvince);
  add(new Date(accepted.getTime() + between(180, 300) * MINUTE), SCAN.processed, plantOf(route.fromProvince), route.fromProvince);
  if (kind === "lost") {
    // Scanned once more at most, then never again.
    if (input.transitDays >= 2) add(at(addBusinessDays(mailedOn, 1), between(240, 360), to), SCAN.processed, plantOf(route.toProvince), route.toProvince);
    return { kind, mailedOn, expected, scans };
  }
  let arrival = expected;
  let changed: Journey["changed"];
  if (kind === "late") {
    arrival = addBusinessDays(expected, between(1, 4));
    const when = at(expected, between(300, 360), to);
    add(when, SCAN.delayed, plantOf(route.toProvince), route.toProvince);
    changed = { date: arrival, from: when, reason: "Customer addressing error" };
  }
  for (let day = addBusinessDays(mailedOn, 1); day <= arrival; day = addBusinessDays(day, 1)) {
    if (day !== arrival || input.transitDays === 1) add(at(day, between(180, 330), to), SCAN.processed, plantOf(route.toProvince), route.toProvince);
  }
  const outAt = at(arrival, between(8 * 60, 9 * 60 + 30), to);
  add(outAt, SCAN.out, route.toCity, route.toProvince);
  const attemptAt = at(arrival, between(11 * 60, 17 * 60), to);
  const rest = afterDelivery[kind];
  const delivery = rest({ route, arrival, attemptAt, between, random, add, at, zones: { from, to }, pin: input.pin });
  scans.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { kind, mailedOn, expected, ...(changed ? { changed } : {}), scans, ...(delivery ? { delivery } : {}) };
}

interface Step {
  route: Route;
  arrival: string;
  attemptAt: Date;
  between: (lo: number, hi: number) => number;
  random: () => number;
  add: (when: Date, scan: { code: string; description: string; type: string }, site: string, province: string, extra?: Partial<Scan>) => void;
  at: (day: string, minutes: number, zone: string) => Date;
  zones: { from: string; to: string };
  pin: string;
}

/** The way back to the sender: two plants, then "delivered", worded like any delivery. */
function backToSender(s: Step, leftOn: string): undefined {
  const { route } = s;
  s.add(s.at(addBusinessDays(leftOn, 1), s.between(180, 330), s.zones.to), SCAN.processed, plantOf(route.toProvince), route.toProvince);
  s.add(s.at(addBusinessDays(leftOn, 2), s.between(180, 330), s.zones.from), SCAN.processed, plantOf(route.fromProvince), route.fromProvince);
  s.add(s.at(addBusinessDays(leftOn, 3), s.between(11 * 60, 16 * 60), s.zones.from), SCAN.delivered, route.fromCity, route.fromProvince);
  return undefined;
}

function postOffice(s: Step): { id: string; name: string } {
  return { id: String(100000 + (Number(s.pin.slice(-6)) % 900000)).padStart(7, "0"), name: `${s.route.toCity} PO` };
}

const afterDelivery: Record<Exclude<JourneyKind, "lost">, (s: Step) => Scan | undefined> = {
  on_time: (s) => delivered(s, s.attemptAt),
  late: (s) => delivered(s, s.attemptAt),
  picked_up: (s) => {
    const office = postOffice(s);
    s.add(s.attemptAt, SCAN.notice, s.route.toCity, s.route.toProvince, { retail: office });
    const day = addBusinessDays(s.arrival, s.between(1, 5));
    const when = s.at(day, s.between(10 * 60, 18 * 60), s.zones.to);
    return signed(s, when, SCAN.pickedUp, { retail: office });
  },
  unclaimed: (s) => {
    s.add(s.attemptAt, SCAN.notice, s.route.toCity, s.route.toProvince, { retail: postOffice(s) });
    // Held 15 days at the counter, then sent back.
    const back = new Date(Date.parse(`${s.arrival}T00:00:00Z`) + 16 * 86_400_000).toISOString().slice(0, 10);
    s.add(s.at(back, s.between(9 * 60, 11 * 60), s.zones.to), SCAN.unclaimed, s.route.toCity, s.route.toProvince);
    return backToSender(s, back);
  },
  refused: (s) => {
    s.add(s.attemptAt, SCAN.refused, s.route.toCity, s.route.toProvince);
    return backToSender(s, s.arrival);
  },
};

function delivered(s: Step, when: Date): Scan {
  return signed(s, when, SCAN.delivered, {});
}

/** The delivery scan, and half the time the signature recorded with it. */
function signed(s: Step, when: Date, scan: { code: string; description: string; type: string }, extra: Partial<Scan>): Scan {
  const signer = s.random() < 0.5 ? SIGNERS[Math.floor(s.random() * SIGNERS.length)] : undefined;
  s.add(when, scan, s.route.toCity, s.route.toProvince, { ...extra, ...(signer ? { signatory: signer } : {}) });
  if (signer) s.add(new Date(when.getTime() + MINUTE), SCAN.signature, s.route.toCity, s.route.toProvince, { signatory: signer });
  return { at: when, ...scan, site: s.route.toCity, province: s.route.toProvince, ...extra, ...(signer ? { signatory: signer } : {}) };
}

function kindOf(pin: string, mix: JourneyMix, draw: number): JourneyKind {
  if (mix === "every-kind") return JOURNEY_KINDS[Number(pin.slice(4, -1)) % JOURNEY_KINDS.length]!;
  let left = draw;
  for (const [kind, share] of SHARES) {
    if (left < share) return kind;
    left -= share;
  }
  return "on_time";
}

/** The fault plan's generator seeded by the PIN's FNV-1a hash: the same PIN, the same journey, every time. */
function seededBy(pin: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < pin.length; i++) h = Math.imul(h ^ pin.charCodeAt(i), 0x01000193) >>> 0;
  return seeded(h);
}
