import * as v from "valibot";
import type { HttpResponse } from "../../http/index.ts";
import { looksLikePdf } from "../../pdf.ts";
import { certificatePdf, given, type TrackingDetails, type TrackingEvent, type TrackingSummary } from "../tracking.ts";

/*
 * The Tracking API's JSON replies → the contract's values. Details: the flat object of the
 * Tracking OpenAPI (pin, activeExists, archiveExists, signatureImageExists, suppressSignature
 * required; significantEvents[] with eventDate and eventTime required). The summary's and the
 * certificate's shapes are not published: they are read as the XML elements camel-cased (the
 * mirror rule of devportal.md §4), with the forms a wrapper could take.
 */

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const opt = v.optional(v.nullable(v.union([v.string(), v.number()])));
const flag = v.union([v.boolean(), v.string(), v.number()]);
const asText = (x: string | number | null | undefined) => given(x === undefined || x === null ? undefined : String(x));
const day = (x: string | number | null | undefined) => {
  const t = asText(x);
  return t && /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : undefined;
};
const yes = (x: boolean | string | number) => x === true || x === "true" || x === "1" || x === 1;

const EventSchema = v.object({
  eventIdentifier: v.pipe(v.union([v.string(), v.number()]), v.transform(String), v.minLength(1)),
  eventDate: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}/)),
  eventTime: v.string(),
  eventTimeZone: opt,
  eventDescription: opt,
  signatoryName: opt,
  eventSite: opt,
  eventProvince: opt,
  eventRetailLocationId: opt,
  eventRetailName: opt,
});

const DetailsSchema = v.object({
  pin: v.pipe(v.union([v.string(), v.number()]), v.transform(String)),
  activeExists: flag,
  archiveExists: flag,
  signatureImageExists: flag,
  suppressSignature: flag,
  expectedDeliveryDate: opt,
  changedExpectedDate: opt,
  changedExpectedDeliveryReason: opt,
  serviceName: opt,
  returnPin: opt,
  significantEvents: v.optional(v.nullable(v.array(EventSchema))),
});

function eventOf(e: v.InferOutput<typeof EventSchema>): TrackingEvent {
  return {
    code: e.eventIdentifier,
    date: e.eventDate.slice(0, 10),
    time: e.eventTime,
    timeZone: asText(e.eventTimeZone) ?? "",
    description: asText(e.eventDescription) ?? "",
    signatory: asText(e.signatoryName),
    site: asText(e.eventSite),
    province: asText(e.eventProvince),
    retailLocationId: asText(e.eventRetailLocationId),
    retailName: asText(e.eventRetailName),
  };
}

/** Get Tracking Details (`tracking/v1/pins/{pin}/details`) → TrackingDetails. */
export function parseTrackingDetailsJson(body: string): TrackingDetails | undefined {
  const parsed = v.safeParse(DetailsSchema, json(body));
  if (!parsed.success) return undefined;
  const d = parsed.output;
  return {
    pin: d.pin,
    expectedDeliveryDate: day(d.expectedDeliveryDate),
    changedExpectedDate: day(d.changedExpectedDate),
    changedReason: asText(d.changedExpectedDeliveryReason),
    serviceName: asText(d.serviceName),
    returnPin: asText(d.returnPin),
    signatureImageExists: yes(d.signatureImageExists),
    events: (d.significantEvents ?? []).map(eventOf),
  };
}

const PinSummarySchema = v.object({
  pin: v.pipe(v.union([v.string(), v.number()]), v.transform(String)),
  mailedOnDate: opt,
  expectedDeliveryDate: opt,
  actualDeliveryDate: opt,
  attemptedDate: opt,
  eventDateTime: opt,
  eventDescription: opt,
  eventType: opt,
  eventLocation: opt,
  returnPin: opt,
  signatoryName: opt,
  serviceName: opt,
});

/** The first pin summary of a bare array, a `{pinSummary: […]}` wrapper or a lone object. */
function firstSummary(raw: unknown): unknown {
  if (Array.isArray(raw)) return raw[0];
  if (typeof raw === "object" && raw !== null) {
    const inner = (raw as { pinSummary?: unknown; trackingSummary?: unknown }).pinSummary ?? (raw as { trackingSummary?: unknown }).trackingSummary;
    if (inner !== undefined) return firstSummary(inner);
  }
  return raw;
}

/** Get Tracking Summary (`tracking/v1/pins/{pin}/summaries`) → TrackingSummary. */
export function parseTrackingSummaryJson(body: string): TrackingSummary | undefined {
  const parsed = v.safeParse(PinSummarySchema, firstSummary(json(body)));
  if (!parsed.success) return undefined;
  const s = parsed.output;
  return {
    pin: s.pin,
    mailedOnDate: day(s.mailedOnDate),
    expectedDeliveryDate: day(s.expectedDeliveryDate),
    actualDeliveryDate: day(s.actualDeliveryDate),
    attemptedDate: day(s.attemptedDate),
    eventDateTime: asText(s.eventDateTime),
    eventDescription: asText(s.eventDescription),
    eventType: asText(s.eventType),
    eventLocation: asText(s.eventLocation),
    returnPin: asText(s.returnPin),
    signatoryName: asText(s.signatoryName),
    serviceName: asText(s.serviceName),
  };
}

const CertificateSchema = v.object({ filename: opt, image: v.pipe(v.string(), v.minLength(1)), mimeType: opt });

/**
 * The certificate: the PDF itself, or `{filename, image, mimeType}` with the PDF in base64 (the
 * XML reply's `delivery-confirmation-certificate`, camel-cased); undefined when it is neither.
 */
export function readCertificateJson(r: HttpResponse): Uint8Array | undefined {
  if (looksLikePdf(r.body)) return r.body;
  const parsed = v.safeParse(CertificateSchema, json(r.text));
  return parsed.success ? certificatePdf(parsed.output.image, looksLikePdf) : undefined;
}
