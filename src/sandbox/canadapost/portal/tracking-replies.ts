import type { ParcelStory } from "../tracking/desk.ts";
import { eventWords, serviceNames, summaryWords } from "../tracking/words.ts";

/*
 * The Tracking API's JSON: details as the flat object of its OpenAPI (pin, activeExists,
 * archiveExists, signatureImageExists, suppressSignature required; significantEvents with
 * eventDate and eventTime required), the summary and the certificate as the XML elements
 * camel-cased (their JSON shapes are not published).
 */

const pad10 = (customer: string) => customer.padStart(10, "0");

export function trackingDetailsJson(p: ParcelStory, customer: string): Record<string, unknown> {
  const s = p.shipment;
  const names = serviceNames(s.serviceCode);
  return {
    pin: s.trackingPin,
    activeExists: true,
    archiveExists: false,
    changedExpectedDate: p.changed?.date ?? "",
    destinationPostalId: s.route?.toPostal ?? "",
    expectedDeliveryDate: p.journey.expected,
    changedExpectedDeliveryReason: p.changed?.reason ?? "",
    mailedByCustomerNumber: pad10(customer),
    mailedOnBehalfOfCustomerNumber: pad10(customer),
    originalPin: "",
    serviceName: names.en,
    serviceName2: names.fr,
    customerRef1: s.orderId ?? "",
    customerRef2: "",
    returnPin: "",
    signatureImageExists: p.seen.some((x) => x.code === "20"),
    suppressSignature: false,
    deliveryOptions: [],
    significantEvents: p.seen.map((scan) => {
      const e = eventWords(scan);
      return {
        eventIdentifier: e.code,
        eventDate: e.date,
        eventTime: e.time,
        eventTimeZone: e.zone,
        eventDescription: e.description,
        signatoryName: e.signatory,
        eventSite: e.site,
        eventProvince: e.province,
        eventRetailLocationId: e.retailId,
        eventRetailName: e.retailName,
      };
    }),
  };
}

/** The summaries of one PIN: a plain array (XML's repeated pin-summary, by the mirror rule). */
export function trackingSummariesJson(p: ParcelStory): Record<string, unknown>[] {
  const s = p.shipment;
  const w = summaryWords(p);
  return [
    {
      pin: s.trackingPin,
      originPostalId: (s.route?.fromPostal ?? "").slice(0, 3),
      destinationPostalId: (s.route?.toPostal ?? "").slice(0, 3),
      destinationProvince: s.route?.toProvince ?? "",
      serviceName: serviceNames(s.serviceCode).en,
      mailedOnDate: w.mailedOn,
      expectedDeliveryDate: w.expected,
      actualDeliveryDate: w.actualDelivery,
      deliveryOptionCompletedInd: "2",
      eventDateTime: w.eventDateTime,
      eventDescription: w.eventDescription,
      attemptedDate: w.attempted,
      customerRef1: s.orderId ?? "",
      customerRef2: "",
      returnPin: "",
      eventType: w.eventType,
      eventLocation: w.eventLocation,
      signatoryName: w.signatory,
    },
  ];
}

export function certificateJson(pin: string, pdf: Uint8Array): Record<string, unknown> {
  return { filename: `${pin}.pdf`, image: Buffer.from(pdf).toString("base64"), mimeType: "application/pdf" };
}
