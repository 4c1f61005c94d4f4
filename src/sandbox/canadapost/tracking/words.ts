import { SANDBOX_SERVICES } from "../pricing.ts";
import type { ParcelStory } from "./desk.ts";
import type { Scan } from "./journey.ts";
import { wallClock, zoneOf } from "./places.ts";

/* What both APIs' tracking replies say of a parcel, in neutral words; each writes it in its own format. */

const FRENCH: Record<string, string> = { "DOM.RP": "Colis standard", "DOM.EP": "Colis accélérés", "DOM.XP": "Xpresspost", "DOM.PC": "Priorité" };

export const serviceNames = (code: string): { en: string; fr: string } => {
  const en = SANDBOX_SERVICES.find((s) => s.code === code)?.name ?? code;
  return { en, fr: FRENCH[code] ?? en };
};

/** A scan as a reply's event: the wall clock where it happened, in that province's zone. */
export interface EventWords {
  code: string;
  date: string;
  time: string;
  zone: string;
  description: string;
  signatory: string;
  site: string;
  province: string;
  retailId: string;
  retailName: string;
  type: string;
}

export function eventWords(s: Scan): EventWords {
  const w = wallClock(s.at, zoneOf(s.province));
  return {
    code: s.code,
    date: w.date,
    time: w.time,
    zone: w.zoneName,
    description: s.description,
    signatory: s.signatory ?? "",
    site: s.site,
    province: s.province,
    retailId: s.retail?.id ?? "",
    retailName: s.retail?.name ?? "",
    type: s.type,
  };
}

/** The summary's dates and latest significant event (a signature record is not one). */
export function summaryWords(p: ParcelStory) {
  const latest = p.seen.find((s) => s.type !== "INFO");
  const e = latest ? eventWords(latest) : undefined;
  const attempt = p.seen.find((s) => s.type === "ATTEMPTED");
  // The last "delivered" scan, the addressee's or the sender's on a return: worded alike.
  const delivered = p.seen.find((s) => s.type === "DELIVERED");
  return {
    mailedOn: p.journey.mailedOn,
    expected: p.journey.expected,
    actualDelivery: delivered ? eventWords(delivered).date : "",
    attempted: attempt ? eventWords(attempt).date : "",
    eventDateTime: e ? `${e.date.replaceAll("-", "")}:${e.time.replaceAll(":", "")}` : "",
    eventDescription: e?.description ?? "",
    eventType: e?.type ?? "",
    eventLocation: e?.site ?? "",
    signatory: delivered?.signatory ?? "",
  };
}

/** What the certificate of a delivered parcel states. */
export function certificateWords(p: ParcelStory) {
  const d = eventWords(p.delivery!);
  return {
    pin: p.shipment.trackingPin,
    service: serviceNames(p.shipment.serviceCode).en,
    reference: p.shipment.orderId,
    deliveredOn: d.date,
    deliveredAt: `${d.time} ${d.zone}`,
    place: `${d.site}, ${d.province}`,
    signatory: p.delivery!.signatory,
  };
}
