import { create } from "xmlbuilder2";
import type { ParcelStory } from "../tracking/desk.ts";
import { eventWords, serviceNames, summaryWords } from "../tracking/words.ts";
import { pad10 } from "./replies.ts";

export const TRACK_TYPE = "application/vnd.cpc.track-v2+xml";
/** track-v2's namespace; track.xsd (the v1 schema) has the same elements under http://www.canadapost.ca/ws/track. */
export const TRACK_NS = "http://www.canadapost.ca/ws/track-v2";

const end = (doc: ReturnType<typeof create>) => doc.end({ prettyPrint: true });

/** `<tracking-detail>`: every element track.xsd requires, the events newest first. */
export function trackingDetailXml(p: ParcelStory, customer: string): string {
  const s = p.shipment;
  const names = serviceNames(s.serviceCode);
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(TRACK_NS, "tracking-detail");
  const put = (name: string, value: string) => doc.ele(name).txt(value).up();
  put("pin", s.trackingPin);
  put("active-exists", "1");
  put("archive-exists", "");
  put("changed-expected-date", p.changed?.date ?? "");
  put("destination-postal-id", s.route?.toPostal ?? "");
  put("expected-delivery-date", p.journey.expected);
  put("changed-expected-delivery-reason", p.changed?.reason ?? "");
  put("mailed-by-customer-number", pad10(customer));
  put("mailed-on-behalf-of-customer-number", pad10(customer));
  put("original-pin", "");
  put("service-name", names.en);
  put("service-name-2", names.fr);
  put("customer-ref-1", s.orderId ?? "");
  put("customer-ref-2", "");
  put("return-pin", "");
  put("signature-image-exists", String(p.seen.some((x) => x.code === "20")));
  put("suppress-signature", "false");
  doc.ele("delivery-options").up();
  const events = doc.ele("significant-events");
  for (const scan of p.seen) {
    const e = eventWords(scan);
    const o = events.ele("occurrence");
    o.ele("event-identifier").txt(e.code);
    o.ele("event-date").txt(e.date);
    o.ele("event-time").txt(e.time);
    o.ele("event-time-zone").txt(e.zone);
    o.ele("event-description").txt(e.description);
    o.ele("signatory-name").txt(e.signatory);
    o.ele("event-site").txt(e.site);
    o.ele("event-province").txt(e.province);
    o.ele("event-retail-location-id").txt(e.retailId);
    o.ele("event-retail-name").txt(e.retailName);
  }
  return end(doc);
}

/** `<tracking-summary>` with the one `<pin-summary>` of this PIN. */
export function trackingSummaryXml(p: ParcelStory): string {
  const s = p.shipment;
  const w = summaryWords(p);
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(TRACK_NS, "tracking-summary");
  const ps = doc.ele("pin-summary");
  const put = (name: string, value: string) => ps.ele(name).txt(value).up();
  put("pin", s.trackingPin);
  put("origin-postal-id", (s.route?.fromPostal ?? "").slice(0, 3));
  put("destination-postal-id", (s.route?.toPostal ?? "").slice(0, 3));
  put("destination-province", s.route?.toProvince ?? "");
  put("service-name", serviceNames(s.serviceCode).en);
  put("mailed-on-date", w.mailedOn);
  put("expected-delivery-date", w.expected);
  put("actual-delivery-date", w.actualDelivery);
  put("delivery-option-completed-ind", "2");
  put("event-date-time", w.eventDateTime);
  put("event-description", w.eventDescription);
  put("attempted-date", w.attempted);
  put("customer-ref-1", s.orderId ?? "");
  put("customer-ref-2", "");
  put("return-pin", "");
  put("event-type", w.eventType);
  put("event-location", w.eventLocation);
  put("signatory-name", w.signatory);
  return end(doc);
}

/** `<delivery-confirmation-certificate>`: the PDF in base64. */
export function certificateXml(pin: string, pdf: Uint8Array): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(TRACK_NS, "delivery-confirmation-certificate");
  doc.ele("filename").txt(`${pin}.pdf`);
  doc.ele("image").txt(Buffer.from(pdf).toString("base64"));
  doc.ele("mime-type").txt("application/pdf");
  return end(doc);
}

/** Tracking's errors come in a `<messages>` of the track namespace (as seen: "004 No Pin History"). */
export function trackMessagesXml(code: string, description: string): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(TRACK_NS, "messages");
  const m = doc.ele("message");
  m.ele("code").txt(code);
  m.ele("description").txt(description);
  return end(doc);
}
