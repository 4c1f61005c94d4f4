import type { CarrierOutcome } from "./outcome.ts";

/*
 * What Canada Post's tracking answers (Get Tracking Summary, Get Tracking Details, the Delivery
 * Confirmation Certificate), as the values both adapters give. Dates and times are kept as
 * Canada Post wrote them: what they mean as a moment is the workflow's reading (src/parcels/).
 */

/** One `occurrence` of Get Tracking Details' significant events. */
export interface TrackingEvent {
  /** event-identifier as given: "1496", "0174" (leading zeros and all). */
  code: string;
  /** YYYY-MM-DD, the event's local day where it happened. */
  date: string;
  /** HH:MM:SS, local where it happened ("" when not given). */
  time: string;
  /** EST, EDT, PST…: the zone `date` and `time` are in ("" when not given). */
  timeZone: string;
  description: string;
  signatory: string | undefined;
  /** The town or facility (event-site) and its province. */
  site: string | undefined;
  province: string | undefined;
  /** A post office's id and name, when the event happened at one (a notice card's counter). */
  retailLocationId: string | undefined;
  retailName: string | undefined;
}

/** Get Tracking Details: the parcel's story, newest event first as Canada Post lists it. */
export interface TrackingDetails {
  pin: string;
  /** YYYY-MM-DD: the service standard when the parcel was mailed. */
  expectedDeliveryDate: string | undefined;
  /** YYYY-MM-DD: Canada Post's revised date, when it changed it. */
  changedExpectedDate: string | undefined;
  changedReason: string | undefined;
  serviceName: string | undefined;
  /** The PIN of the return label when the parcel is going back on it. */
  returnPin: string | undefined;
  signatureImageExists: boolean;
  events: TrackingEvent[];
}

/** Get Tracking Summary: the latest significant event and the dates, one line per PIN. */
export interface TrackingSummary {
  pin: string;
  mailedOnDate: string | undefined;
  expectedDeliveryDate: string | undefined;
  actualDeliveryDate: string | undefined;
  attemptedDate: string | undefined;
  /** yyyymmdd:hhmmss of the latest significant event. */
  eventDateTime: string | undefined;
  eventDescription: string | undefined;
  eventType: string | undefined;
  eventLocation: string | undefined;
  returnPin: string | undefined;
  signatoryName: string | undefined;
  serviceName: string | undefined;
}

/**
 * Canada Post's "004 No Pin History": it has never scanned the parcel (a label not yet handed
 * over), or does not know the PIN. An answer about the parcel, not a failure of the call.
 */
export const NO_PIN_HISTORY = "004";

/** Whether a tracking outcome is Canada Post saying it has no scan of this PIN yet. */
export const noPinHistory = (outcome: CarrierOutcome<unknown>): boolean => outcome.kind === "rejected" && outcome.error.has(NO_PIN_HISTORY);

/** An empty string as absent, for the optional fields of both APIs' replies. */
export const given = (x: string | null | undefined): string | undefined => (x === undefined || x === null || x.trim() === "" ? undefined : x.trim());

/**
 * The certificate's `image` (base64, as `delivery-confirmation-certificate` of track.xsd carries
 * it) as PDF bytes; undefined when it is not a PDF.
 */
export function certificatePdf(image: string, isPdf: (bytes: Uint8Array) => boolean): Uint8Array | undefined {
  const compact = image.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  const bytes = new Uint8Array(Buffer.from(compact, "base64"));
  return isPdf(bytes) ? bytes : undefined;
}
