/**
 * The sandbox's price list: what a parcel costs and how long it takes, by service, weight, size
 * and distance. Protocol-neutral, so the XML sandbox (Get Rates, Create Shipment's
 * shipment-price) and the Developer Portal sandbox quote the same figures for the same parcel,
 * and a label is charged exactly what it was quoted.
 *
 * Not Canada Post's tariff, but shaped like it: a per-parcel base plus a per-kilogram rate that
 * grow with the distance between the origin's and destination's forward sortation areas, billed
 * on the greater of the actual and the cubed (dimensional) weight, a fuel surcharge, and the
 * sales tax of the destination province. Regular Parcel is the cheapest and slowest, Expedited a
 * little dearer, Xpresspost and Priority faster and dearer.
 */
import { addBusinessDays } from "../calendar.ts";

export interface SandboxService {
  code: string;
  name: string;
  /** Dollars per parcel at zone 0 (local). */
  base: number;
  /** Dollars per rated kilogram at zone 0. */
  perKg: number;
  /** Business days to deliver, by zone. */
  transitDays: (zone: number) => number;
  guaranteed: boolean;
}

export const SANDBOX_SERVICES: readonly SandboxService[] = [
  { code: "DOM.RP", name: "Regular Parcel", base: 9.1, perKg: 1.05, transitDays: (z) => 2 + z, guaranteed: false },
  { code: "DOM.EP", name: "Expedited Parcel", base: 10.35, perKg: 1.2, transitDays: (z) => 1 + z, guaranteed: true },
  { code: "DOM.XP", name: "Xpresspost", base: 14.6, perKg: 1.9, transitDays: (z) => 1 + Math.floor(z / 2), guaranteed: true },
  { code: "DOM.PC", name: "Priority", base: 22.4, perKg: 2.6, transitDays: (z) => (z >= 5 ? 2 : 1), guaranteed: true },
];

/** West to east, the first letter of a postal code placed on one line; the north is far from all. */
const REGION: Record<string, number> = {
  V: 0, T: 1, S: 2, R: 3, P: 4, N: 4, L: 4, M: 4, K: 4.5, J: 5, H: 5, G: 5.5, E: 6, B: 7, C: 7, A: 8,
};
const NORTH = new Set(["X", "Y"]);

/** 0 = same FSA (local) … 6 = across the country or to the north. */
export function zoneBetween(originPostal: string, destinationPostal: string): number {
  const o = originPostal.toUpperCase();
  const d = destinationPostal.toUpperCase();
  if (o.slice(0, 3) === d.slice(0, 3)) return 0;
  if (NORTH.has(o[0]!) || NORTH.has(d[0]!)) return o[0] === d[0] ? 1 : 6;
  if (o[0] === d[0]) return 1;
  const gap = Math.abs((REGION[o[0]!] ?? 4) - (REGION[d[0]!] ?? 4));
  return Math.min(5, 2 + Math.floor(gap / 2));
}

/** Sales tax on postage by the destination province (first letter of its postal code). */
function taxFor(destinationPostal: string): { gst?: number; pst?: number; hst?: number } {
  const letter = destinationPostal[0]!.toUpperCase();
  if ("KLMNP".includes(letter)) return { hst: 13 };
  if (letter === "B") return { hst: 14 };
  if ("ACE".includes(letter)) return { hst: 15 };
  if ("GHJ".includes(letter)) return { gst: 5, pst: 9.975 };
  return { gst: 5 };
}

export interface QuoteInput {
  serviceCode: string;
  originPostal: string;
  destinationPostal: string;
  weightKg: number;
  dimensionsCm?: { length: number; width: number; height: number } | undefined;
  /** The local date the parcel is mailed (YYYY-MM-DD). */
  mailingDate: string;
}

export interface SandboxQuote {
  serviceCode: string;
  serviceName: string;
  base: number;
  adjustments: { code: string; name: string; cost: number }[];
  taxes: { gst?: { amount: number; percent: number }; pst?: { amount: number; percent: number }; hst?: { amount: number; percent: number } };
  preTax: number;
  due: number;
  cubedWeightKg: number | undefined;
  ratedWeightKg: number;
  transitDays: number;
  /** YYYY-MM-DD */
  expectedDeliveryDate: string;
  guaranteed: boolean;
}

const cents = (x: number) => Math.round(x * 100) / 100;

/** The price of one parcel by one service; undefined when the sandbox does not sell that service. */
export function sandboxQuote(input: QuoteInput): SandboxQuote | undefined {
  const service = SANDBOX_SERVICES.find((s) => s.code === input.serviceCode);
  if (!service) return undefined;
  const zone = zoneBetween(input.originPostal, input.destinationPostal);
  const d = input.dimensionsCm;
  // Canada Post bills the greater of the actual weight and the volume at 6000 cm³ a kilogram.
  const cubed = d ? Math.round(((d.length * d.width * d.height) / 6000) * 1000) / 1000 : undefined;
  const rated = Math.max(input.weightKg, cubed ?? 0);
  const factor = 1 + zone * 0.28;
  const base = cents((service.base + service.perKg * Math.max(0.5, rated)) * factor);
  const fuel = cents(base * 0.165);
  const preTax = cents(base + fuel);
  const rates = taxFor(input.destinationPostal);
  const taxes: SandboxQuote["taxes"] = {};
  for (const kind of ["gst", "pst", "hst"] as const) {
    const percent = rates[kind];
    if (percent !== undefined) taxes[kind] = { amount: cents((preTax * percent) / 100), percent };
  }
  const due = cents(preTax + Object.values(taxes).reduce((sum, t) => sum + t.amount, 0));
  const transitDays = service.transitDays(zone);
  return {
    serviceCode: service.code,
    serviceName: service.name,
    base,
    adjustments: [{ code: "FUELSC", name: "Fuel surcharge", cost: fuel }],
    taxes,
    preTax,
    due,
    cubedWeightKg: cubed,
    ratedWeightKg: Math.round(rated * 1000) / 1000,
    transitDays,
    expectedDeliveryDate: addBusinessDays(input.mailingDate, transitDays),
    guaranteed: service.guaranteed,
  };
}
