import * as v from "valibot";
import { looksLikePdf } from "../../pdf.ts";
import { certificatePdf, given, type TrackingDetails, type TrackingEvent, type TrackingSummary } from "../tracking.ts";
import { readXml } from "./read-xml.ts";

/*
 * track-v2's replies (track.xsd's elements; the reference's copy is the v1 schema, whose
 * elements v2 keeps) → the contract's values, checked with valibot. Elements Canada Post adds
 * beyond the schema (duplicate-flag-ind, seen in real replies) are ignored.
 */

const str = v.optional(v.string(), "");
// An element with no content parses as "", a list with no item as "" too.
const listOf = <T extends v.GenericSchema>(schema: T) =>
  v.optional(v.union([v.literal(""), v.object({ occurrence: v.optional(v.array(schema), []) })]), "");

const OccurrenceSchema = v.object({
  "event-identifier": v.pipe(v.string(), v.minLength(1)),
  "event-date": v.pipe(v.string(), v.isoDate()),
  "event-time": str,
  "event-time-zone": str,
  "event-description": str,
  "signatory-name": str,
  "event-site": str,
  "event-province": str,
  "event-retail-location-id": str,
  "event-retail-name": str,
});

const DetailSchema = v.object({
  pin: v.pipe(v.string(), v.minLength(1)),
  "expected-delivery-date": str,
  "changed-expected-date": str,
  "changed-expected-delivery-reason": str,
  "service-name": str,
  "return-pin": str,
  "signature-image-exists": str,
  "significant-events": listOf(OccurrenceSchema),
});

function eventOf(o: v.InferOutput<typeof OccurrenceSchema>): TrackingEvent {
  return {
    code: o["event-identifier"],
    date: o["event-date"],
    time: o["event-time"],
    timeZone: o["event-time-zone"],
    description: o["event-description"],
    signatory: given(o["signatory-name"]),
    site: given(o["event-site"]),
    province: given(o["event-province"]),
    retailLocationId: given(o["event-retail-location-id"]),
    retailName: given(o["event-retail-name"]),
  };
}

const day = (x: string) => (/^\d{4}-\d{2}-\d{2}$/.test(x.trim()) ? x.trim() : undefined);

/** `<tracking-detail>` → TrackingDetails; undefined when the reply is not one. */
export function parseTrackingDetails(xml: string): TrackingDetails | undefined {
  const doc = readXml(xml);
  if (doc?.root !== "tracking-detail") return undefined;
  const parsed = v.safeParse(DetailSchema, doc.content);
  if (!parsed.success) return undefined;
  const d = parsed.output;
  const events = d["significant-events"] === "" ? [] : d["significant-events"].occurrence;
  return {
    pin: d.pin,
    expectedDeliveryDate: day(d["expected-delivery-date"]),
    changedExpectedDate: day(d["changed-expected-date"]),
    changedReason: given(d["changed-expected-delivery-reason"]),
    serviceName: given(d["service-name"]),
    returnPin: given(d["return-pin"]),
    signatureImageExists: d["signature-image-exists"] === "true" || d["signature-image-exists"] === "1",
    events: events.map(eventOf),
  };
}

const PinSummarySchema = v.object({
  pin: v.pipe(v.string(), v.minLength(1)),
  "mailed-on-date": str,
  "expected-delivery-date": str,
  "actual-delivery-date": str,
  "attempted-date": str,
  "event-date-time": str,
  "event-description": str,
  "event-type": str,
  "event-location": str,
  "return-pin": str,
  "signatory-name": str,
  "service-name": str,
});

/** `<tracking-summary>` → the first (for one PIN: the only) pin-summary; undefined when not one. */
export function parseTrackingSummary(xml: string): TrackingSummary | undefined {
  const doc = readXml(xml);
  if (doc?.root !== "tracking-summary") return undefined;
  const parsed = v.safeParse(v.object({ "pin-summary": v.pipe(v.array(PinSummarySchema), v.minLength(1)) }), doc.content);
  if (!parsed.success) return undefined;
  const s = parsed.output["pin-summary"][0]!;
  return {
    pin: s.pin,
    mailedOnDate: day(s["mailed-on-date"]),
    expectedDeliveryDate: day(s["expected-delivery-date"]),
    actualDeliveryDate: day(s["actual-delivery-date"]),
    attemptedDate: day(s["attempted-date"]),
    eventDateTime: given(s["event-date-time"]),
    eventDescription: given(s["event-description"]),
    eventType: given(s["event-type"]),
    eventLocation: given(s["event-location"]),
    returnPin: given(s["return-pin"]),
    signatoryName: given(s["signatory-name"]),
    serviceName: given(s["service-name"]),
  };
}

const CertificateSchema = v.object({ filename: str, image: v.pipe(v.string(), v.minLength(1)), "mime-type": str });

/** `<delivery-confirmation-certificate>` → the PDF's bytes; undefined when not one, or not a PDF. */
export function parseCertificate(xml: string): Uint8Array | undefined {
  const doc = readXml(xml);
  if (doc?.root !== "delivery-confirmation-certificate") return undefined;
  const parsed = v.safeParse(CertificateSchema, doc.content);
  return parsed.success ? certificatePdf(parsed.output.image, looksLikePdf) : undefined;
}
