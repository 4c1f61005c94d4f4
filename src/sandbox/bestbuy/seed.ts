import { buildOrder, type OrderSpec, type SandboxAddress } from "./order-json.ts";
import { COMPANIES, ENGLISH_NAMES, FRENCH_NAMES, PLACES, PRODUCTS, UNITS_EN, UNITS_FR } from "./places.ts";
import { Random } from "./random.ts";

/** Letters Canada Post uses in the last three characters of a postal code. */
const LDU_LETTERS = "ABCEGHJKLMNPRSTVWXYZ";
const FIRST_COMMERCIAL_ID = 242_000_100;
const FIRST_CREATED = Date.parse("2025-11-20T13:05:00Z");

export interface SeedOptions {
  seed: number;
  /** Where numbering starts, so several batches do not collide. */
  index: number;
  state: string;
}

export interface OrderOverrides {
  orderId?: string;
  state?: string;
  address?: Partial<SandboxAddress> | null;
  firstname?: string;
  lastname?: string;
  lines?: OrderSpec["lines"];
  /** Best Buy's promise (shipping deadline, delivery window) instead of the seeded one. */
  promise?: OrderSpec["promise"];
}

/** A realistic Canadian order, the same for the same seed and index. */
export function seededOrderSpec(options: SeedOptions, overrides: OrderOverrides = {}): OrderSpec {
  const rnd = new Random(options.seed * 7919 + options.index * 104_729);
  const place = rnd.pick(PLACES);
  const names = place.french ? FRENCH_NAMES : ENGLISH_NAMES;
  const firstname = overrides.firstname ?? rnd.pick(names.first);
  const lastname = overrides.lastname ?? rnd.pick(names.last);
  const number = rnd.int(10, 4999);
  const street = rnd.pick(place.streets);
  const postal = `${rnd.pick(place.fsa)} ${rnd.int(0, 9)}${LDU_LETTERS[rnd.int(0, LDU_LETTERS.length - 1)]}${rnd.int(0, 9)}`;
  const commercialId = String(FIRST_COMMERCIAL_ID + options.index * 37 + (options.seed % 31));
  const unit = rnd.chance(0.35) ? rnd.pick(place.french ? UNITS_FR : UNITS_EN) : null;
  const company = rnd.chance(0.25) ? rnd.pick(COMPANIES) : null;
  // Best Buy's `state` format is not confirmed: mostly codes, sometimes the province's name.
  const state = rnd.chance(0.15) ? place.provinceName : place.province;
  const address: SandboxAddress = {
    firstname,
    lastname,
    company,
    street_1: place.french ? `${number}, ${street}` : `${number} ${street}`,
    street_2: unit,
    city: place.city,
    state,
    zip_code: postal,
    country: "Canada",
    country_iso_code: "CAN",
    phone: `${place.areaCode}-555-0${String(rnd.int(100, 199))}`,
  };
  const lineCount = rnd.chance(0.3) ? rnd.int(2, 3) : 1;
  const products = [...PRODUCTS].sort(() => rnd.next() - 0.5).slice(0, lineCount);
  const lines = products.map((product) => ({ product, quantity: rnd.chance(0.2) ? 2 : 1, shippingPrice: rnd.chance(0.5) ? 0 : 5.99 }));
  // Promises relative to the day the sandbox starts, as a live shop's open orders would be: ship
  // by tomorrow evening; most with a delivery window of 3 to 8 days, some tight, some roomy.
  const day = 24 * 60 * 60_000;
  const today = new Date(new Date().setHours(0, 0, 0, 0)).getTime();
  const withDates = rnd.chance(0.75);
  const latestDays = rnd.int(3, 8);
  const promise = {
    shipBy: new Date(today + day + 23 * 60 * 60_000),
    ...(withDates ? { deliverFrom: new Date(today + 2 * day), deliverBy: new Date(today + latestDays * day + 23 * 60 * 60_000) } : {}),
  };
  return {
    orderId: overrides.orderId ?? `${commercialId}-A`,
    commercialId: overrides.orderId ? overrides.orderId.replace(/-A$/, "") : commercialId,
    state: overrides.state ?? options.state,
    createdAt: new Date(FIRST_CREATED + options.index * 37 * 60_000),
    locale: place.french ? "fr_CA" : "en_CA",
    customerId: `bbyca-cust-${(options.seed * 1_000_003 + options.index).toString(16).padStart(8, "0").slice(-8)}`,
    firstname,
    lastname,
    address: overrides.address === null ? null : { ...address, ...overrides.address },
    taxProvince: place.province,
    lines: overrides.lines ?? lines,
    promise: overrides.promise ?? promise,
  };
}

export const seededOrder = (options: SeedOptions, overrides?: OrderOverrides) => buildOrder(seededOrderSpec(options, overrides));
