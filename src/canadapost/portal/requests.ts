import type { HttpResponse } from "../../http/index.ts";
import { readArtifact } from "../artifact.ts";
import type { ShipmentPrice } from "../answers.ts";
import type { CallSpec } from "../call.ts";
import { accountUrl, type CarrierSite } from "../client.ts";
import { CanadaPostError } from "../error.ts";
import { acceptOf, hrefOf, type Link, type LinkRef } from "../links.ts";
import type { CarrierRequests } from "../requests.ts";
import { groupIdFor } from "../request.ts";
import { buildRatesJson, buildRefundJson, buildShipmentJson, buildTransmitJson, portalGroupId, type JsonBody } from "./bodies.ts";
import {
  parseLinksJson,
  parseManifestJson,
  parsePriceQuotesJson,
  parseRefundTicketJson,
  parseServicesJson,
  parseShipmentDetailsJson,
  parseShipmentInfoJson,
  parseShipmentPriceJson,
} from "./replies.ts";
import { JSON_TYPE } from "./wire.ts";
import { parseTrackingDetailsJson, parseTrackingSummaryJson, readCertificateJson } from "./tracking-json.ts";

/** The `request-id` search parameter's limit (the create field allows 35). */
const SEARCH_ID_MAX = 32;

/** The Developer Portal's calls, by the published Shipping OpenAPI (and the Rating API's paths). */
export interface PortalRequests extends CarrierRequests<JsonBody> {
  /** Get Shipment Price: a grouped label's price, from its `price` link. */
  getShipmentPrice(link: Link): CallSpec<ShipmentPrice, JsonBody>;
}

type Read<T> = (text: string) => T | undefined;

/** JSON both ways: a URL, or a link followed asking for what it names (a stored href: JSON). */
const json = <T>(target: LinkRef, read: Read<T>, expected: string) => ({
  url: hrefOf(target),
  accept: acceptOf(target, JSON_TYPE),
  read: (r: HttpResponse) => read(r.text) ?? expected,
});
const get = <T>(target: LinkRef, read: Read<T>, expected: string): CallSpec<T, JsonBody> => ({ method: "GET", ...json(target, read, expected) });
const post = <T>(target: LinkRef, body: JsonBody, read: Read<T>, expected: string): CallSpec<T, JsonBody> => ({ method: "POST", body, ...json(target, read, expected) });

export function portalRequests(site: CarrierSite): PortalRequests {
  const { settings } = site;
  const shipments = accountUrl(site, "shipping/v1", "shipments");
  const manifests = accountUrl(site, "shipping/v1", "manifests");
  const shipmentLinks = (query: string) => get(`${shipments}?${query}`, parseLinksJson, "a list of shipment links");
  const tracking = `${site.baseUrl}/tracking/v1`;
  return {
    // YYYYMMDD-portal: the day's group, apart from the XML API's (see portalGroupId).
    groupIdFor: (date) => portalGroupId(groupIdFor(date)),
    getRates: (request) => post(`${site.baseUrl}/rating/v1/prices`, buildRatesJson(request, settings), parsePriceQuotesJson, "a list of price quotes"),
    getServices: (country) => get(`${site.baseUrl}/rating/v1/services?country=${country}`, parseServicesJson, "a list of services [{serviceCode, serviceName}]"),
    createShipment: (request) => {
      const built = buildShipmentJson(request, settings, site.now());
      return built.ok ? post(shipments, built.body, parseShipmentInfoJson, "a createShipmentResponse") : { kind: "invalid", problems: built.problems };
    },
    findShipmentsByRequestId: (requestId) => {
      if (requestId.length <= SEARCH_ID_MAX) return shipmentLinks(`request-id=${encodeURIComponent(requestId)}`);
      // Made before ids were kept to 32 (the XML API allowed 35): the portal cannot search it.
      const why = `request id ${requestId} is longer than the ${SEARCH_ID_MAX} characters the Developer Portal can search; finish this label with canadapost.api = "xml"`;
      return { kind: "unknown", error: new CanadaPostError("GetShipments", null, [], why) };
    },
    findShipmentsByGroup: (groupId) => shipmentLinks(`group-id=${encodeURIComponent(groupId)}`),
    getShipment: (link) => get(link, parseShipmentInfoJson, "a shipmentInfo"),
    getShipmentPrice: (link) => get(link, parseShipmentPriceJson, "a shipmentPrice"),
    getShipmentDetails: (link) => get(link, parseShipmentDetailsJson, "a shipmentDetails"),
    // Get Artifact: asking for what its link names (a stored href: a PDF), checked to be that;
    // a 404 is tried again while Canada Post renders it.
    getArtifact: (link) => {
      const accept = acceptOf(link, "application/pdf");
      return { method: "GET", url: hrefOf(link), accept, notReady: true, read: readArtifact(accept) };
    },
    voidShipment: (link) => ({ method: "DELETE", url: hrefOf(link), accept: acceptOf(link, JSON_TYPE), read: () => undefined }),
    requestRefund: (link, email) => post(link, buildRefundJson(email), parseRefundTicketJson, "a refund ticket {serviceTicketId, serviceTicketDate}"),
    transmit: (groupIds) => post(manifests, buildTransmitJson(groupIds, settings), parseLinksJson, "a list of manifest links"),
    getManifest: (link) => ({ ...get(link, parseManifestJson, "a manifest {poNumber, links}"), notReady: true }),
    // Get Manifests takes `from` and `to` (YYYYMMDD); `to` defaults to today here, as the XML API does.
    findManifests: (start, end = groupIdFor(site.now())) =>
      get(`${manifests}?from=${encodeURIComponent(start)}&to=${encodeURIComponent(end)}`, parseLinksJson, "a list of manifest links"),
    getManifestShipments: (link) => get(link, parseLinksJson, "a list of shipment links"),
    // The Tracking API (its own product: the app must be subscribed to it). "summaries" is the
    // path of Canada Post's own samples; devportal.md's additions write "summary".
    getTrackingSummary: (pin) => get(`${tracking}/pins/${encodeURIComponent(pin)}/summaries`, parseTrackingSummaryJson, "a tracking summary {pin, eventDescription, …}"),
    getTrackingDetails: (pin) => get(`${tracking}/pins/${encodeURIComponent(pin)}/details`, parseTrackingDetailsJson, "tracking details {pin, significantEvents, …}"),
    // The PIN goes as a string: 16 digits do not survive as a JSON number (above 2^53).
    getDeliveryCertificate: (pin) => ({
      method: "POST",
      url: `${tracking}/create-certificate`,
      accept: JSON_TYPE,
      body: { pin, language: "en" },
      read: (r: HttpResponse) => readCertificateJson(r) ?? "a delivery confirmation certificate (a PDF, or {filename, image, mimeType})",
    }),
  };
}
