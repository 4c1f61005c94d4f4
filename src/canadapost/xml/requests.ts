import type { HttpResponse } from "../../http/index.ts";
import { readArtifact } from "../artifact.ts";
import type { CallSpec } from "../call.ts";
import { accountUrl, type CarrierSite } from "../client.ts";
import { acceptOf, hrefOf, type LinkRef } from "../links.ts";
import type { CarrierRequests } from "../requests.ts";
import { groupIdFor } from "../request.ts";
import { MANIFEST_MEDIA_TYPE, PDF_MEDIA_TYPE, RATE_MEDIA_TYPE, SHIPMENT_MEDIA_TYPE, TRACK_MEDIA_TYPE } from "./media-types.ts";
import { buildRatesXml, parsePriceQuotes } from "./rates-xml.ts";
import { buildRefundXml } from "./refund-xml.ts";
import { parseManifest, parseManifestLinks, parseRefundTicket, parseShipmentDetails, parseShipmentInfo, parseShipmentLinks } from "./replies.ts";
import { parseServices } from "./services-xml.ts";
import { buildShipmentXml } from "./shipment-xml.ts";
import { buildTransmitXml } from "./transmit-xml.ts";
import { parseCertificate, parseTrackingDetails, parseTrackingSummary } from "./tracking-xml.ts";

type Method = CallSpec<unknown, string>["method"];

/**
 * A call to a URL, or along a link as Canada Post gave it: the link's media type is the Accept
 * (a stored href: the resource's `type`), and a document is sent in that same type.
 */
function xml<T>(method: Method, target: LinkRef, type: string, read: (text: string) => T | undefined, expected: string, body?: string): CallSpec<T, string> {
  return { method, url: hrefOf(target), accept: acceptOf(target, type), ...(body === undefined ? {} : { body }), read: (r: HttpResponse) => read(r.text) ?? expected };
}

/** The XML web services' calls (soa-gw: shipment-v8, manifest-v8, rate-v4): URL, media type, document, reply. */
export function xmlRequests(site: CarrierSite): CarrierRequests<string> {
  const { settings } = site;
  const shipments = accountUrl(site, "rs", "shipment");
  const manifests = accountUrl(site, "rs", "manifest");
  return {
    groupIdFor,
    getRates: (request) => xml("POST", `${site.baseUrl}/rs/ship/price`, RATE_MEDIA_TYPE, parsePriceQuotes, "a price-quotes reply", buildRatesXml(request, settings)),
    getServices: (country) => xml("GET", `${site.baseUrl}/rs/ship/service?country=${country}`, RATE_MEDIA_TYPE, parseServices, "a services reply"),
    createShipment: (request) => {
      const built = buildShipmentXml(request, settings, site.now());
      return built.ok ? xml("POST", shipments, SHIPMENT_MEDIA_TYPE, parseShipmentInfo, "a shipment-info reply", built.xml) : { kind: "invalid", problems: built.problems };
    },
    findShipmentsByRequestId: (id) => xml("GET", `${shipments}?requestId=${encodeURIComponent(id)}`, SHIPMENT_MEDIA_TYPE, parseShipmentLinks, "a shipments reply"),
    findShipmentsByGroup: (id) => xml("GET", `${shipments}?groupId=${encodeURIComponent(id)}`, SHIPMENT_MEDIA_TYPE, parseShipmentLinks, "a shipments reply"),
    getShipment: (link) => xml("GET", link, SHIPMENT_MEDIA_TYPE, parseShipmentInfo, "a shipment-info reply"),
    getShipmentDetails: (link) => xml("GET", link, SHIPMENT_MEDIA_TYPE, parseShipmentDetails, "a shipment-details reply"),
    // Get Artifact: a label or a manifest, asked for in the link's media type (a stored href: a
    // PDF) and checked to be that: a PDF, or a ZPL label when Create Shipment asked for ZPL.
    getArtifact: (link) => {
      const accept = acceptOf(link, PDF_MEDIA_TYPE);
      return { method: "GET", url: hrefOf(link), accept, read: readArtifact(accept) };
    },
    voidShipment: (link) => ({ method: "DELETE", url: hrefOf(link), accept: acceptOf(link, SHIPMENT_MEDIA_TYPE), read: () => undefined }),
    requestRefund: (link, email) => xml("POST", link, SHIPMENT_MEDIA_TYPE, parseRefundTicket, "a shipment-refund-request-info reply", buildRefundXml(email)),
    transmit: (groupIds) => xml("POST", manifests, MANIFEST_MEDIA_TYPE, parseManifestLinks, "a manifests reply", buildTransmitXml(groupIds, settings)),
    getManifest: (link) => xml("GET", link, MANIFEST_MEDIA_TYPE, parseManifest, "a manifest reply"),
    findManifests: (start, end) => {
      const range = `start=${encodeURIComponent(start)}${end === undefined ? "" : `&end=${encodeURIComponent(end)}`}`;
      return xml("GET", `${manifests}?${range}`, MANIFEST_MEDIA_TYPE, parseManifestLinks, "a manifests reply");
    },
    getManifestShipments: (link) => xml("GET", link, SHIPMENT_MEDIA_TYPE, parseShipmentLinks, "a shipments reply"),
    // Tracking (track-v2) is not under the account's path: a PIN is enough (README §7).
    getTrackingSummary: (pin) => xml("GET", `${site.baseUrl}/vis/track/pin/${encodeURIComponent(pin)}/summary`, TRACK_MEDIA_TYPE, parseTrackingSummary, "a tracking-summary reply"),
    getTrackingDetails: (pin) => xml("GET", `${site.baseUrl}/vis/track/pin/${encodeURIComponent(pin)}/detail`, TRACK_MEDIA_TYPE, parseTrackingDetails, "a tracking-detail reply"),
    getDeliveryCertificate: (pin) =>
      xml("GET", `${site.baseUrl}/vis/certificate/${encodeURIComponent(pin)}`, TRACK_MEDIA_TYPE, parseCertificate, "a delivery-confirmation-certificate reply holding a PDF"),
  };
}
