/** One Get Rates question: a parcel from the sender's postal code to a Canadian one. */
export interface RatesRequest {
  /** The audit's related id (the order). */
  orderId: string;
  /** Upper case, no space. */
  originPostalCode: string;
  destinationPostalCode: string;
  weightKg: number;
  dimensionsCm?: { length: number; width: number; height: number } | undefined;
  /** YYYY-MM-DD, the local day the parcel is mailed. */
  mailingDate: string;
  /** Only these services (at most 20); all the contract's when absent. */
  services?: readonly string[] | undefined;
}

/** What one service would cost for the parcel, and when it would arrive. */
export interface PriceQuote {
  serviceCode: string;
  serviceName: string;
  base: number;
  /** gst + pst + hst. */
  taxes: number;
  /** What Canada Post bills, taxes included. */
  due: number;
  /** Business days in transit, when Canada Post says. */
  transitDays: number | undefined;
  /** YYYY-MM-DD, when Canada Post says. */
  expectedDeliveryDate: string | undefined;
  guaranteed: boolean;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const dim = (n: number) => Math.round(n * 10) / 10;

/** A Get Rates question's parcel as both APIs send it: within the rating schema's bounds. */
export interface RatesParcel {
  /** Kilograms, 3 decimals, 0.001 to 99.999. */
  weightKg: number;
  /** Centimetres, 1 decimal. */
  dimensionsCm: { length: number; width: number; height: number } | undefined;
  /** At most 20 codes; undefined asks for every service of the contract. */
  services: string[] | undefined;
}

export function ratesParcel(r: RatesRequest): RatesParcel {
  const d = r.dimensionsCm;
  return {
    weightKg: Math.min(99.999, Math.max(0.001, round3(r.weightKg))),
    dimensionsCm: d ? { length: dim(d.length), width: dim(d.width), height: dim(d.height) } : undefined,
    services: r.services && r.services.length > 0 ? r.services.slice(0, 20) : undefined,
  };
}

/** Quotes as shipdesk compares them: cheapest first. */
export const cheapestFirst = (quotes: PriceQuote[]): PriceQuote[] => quotes.sort((a, b) => a.due - b.due);
