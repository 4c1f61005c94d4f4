import type { CanadaPostSettings } from "../config/index.ts";
import type { HttpClient, HttpOutcome, HttpResponse, RateLimiter, RetryPolicy } from "../http/index.ts";
import type { CanadaPostEndpoint as Endpoint, CreateShipmentOutcome, ShippingCarrier } from "./carrier.ts";
import { classify, isThrottle, unreadable } from "./classify.ts";
import { CanadaPostError } from "./error.ts";
import { hrefOf, otherApiLink, type Link, type LinkRef } from "./links.ts";
import { MANIFEST_MEDIA_TYPE, PDF_MEDIA_TYPE, RATE_MEDIA_TYPE, SHIPMENT_MEDIA_TYPE } from "./media-types.ts";
import { ok, type CarrierOutcome } from "./outcome.ts";
import { looksLikePdf } from "../pdf.ts";
import {
  parseManifest,
  parseManifestLinks,
  parseRefundTicket,
  parseShipmentDetails,
  parseShipmentInfo,
  parseShipmentLinks,
  type RefundTicket,
  type ShipmentInfo,
} from "./replies.ts";
import { buildRefundXml } from "./refund-xml.ts";
import { groupIdFor, type ShipmentRequest } from "./request.ts";
import { buildShipmentXml } from "./shipment-xml.ts";
import { paced, skippedWhilePaused, THROTTLE_GROUP_OF, type ThrottleLimiters } from "./throttle-groups.ts";
import { buildTransmitXml } from "./transmit-xml.ts";
import { buildRatesXml, parsePriceQuotes, type PriceQuote, type RatesRequest } from "./rates.ts";
import { parseServices, type ServiceListing } from "./services.ts";

export interface CanadaPostClientOptions {
  http: HttpClient;
  settings: CanadaPostSettings;
  /** Overrides `settings.baseUrl` (e.g. the in-process sandbox's address). */
  baseUrl?: string;
  /**
   * One limiter per Canada Post throttle group, shared by all workers: every attempt of every
   * call counts against its group, and a throttle pauses that group only.
   */
  limiters?: Partial<ThrottleLimiters>;
  /** Group A's limiter alone (Create Shipment, Get Shipment, Get Artifact…), when `limiters` is not given. */
  rateLimiter?: RateLimiter;
  /** Attempts for reads (GETs) on no answer or 5xx; default 3. POSTs and DELETEs are tried once. */
  readAttempts?: number;
  readRetryDelayMs?: number;
  now?: () => Date;
}


/** The base URL both clients call: the one given, else the settings'; no trailing slash. */
export function carrierBaseUrl(options: CanadaPostClientOptions, client: string): string {
  const base = options.baseUrl ?? options.settings.baseUrl;
  if (!base) throw new Error(`${client} needs a base URL (settings.canadaPost.baseUrl or the sandbox's)`);
  return base.replace(/\/+$/, "");
}

/** A read worth trying again. Canada Post's throttle may come as a 5xx: waiting out its minute is the caller's call. */
export const retryableRead = (o: HttpOutcome): boolean => o.kind === "no-answer" || (o.status >= 500 && !isThrottle(o.text));

/** Canada Post's XML web services (soa-gw): contract shipping and manifests. */
export class CanadaPostXmlClient implements ShippingCarrier {
  private readonly http: HttpClient;
  private readonly settings: CanadaPostSettings;
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly limiters: Partial<ThrottleLimiters>;
  private readonly readRetry: RetryPolicy;
  private readonly now: () => Date;

  constructor(options: CanadaPostClientOptions) {
    this.http = options.http;
    this.settings = options.settings;
    this.baseUrl = carrierBaseUrl(options, "CanadaPostXmlClient");
    const { username, password } = options.settings;
    this.authorization = `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
    this.limiters = options.limiters ?? (options.rateLimiter ? { A: options.rateLimiter } : {});
    this.readRetry = {
      attempts: options.readAttempts ?? 3,
      baseDelayMs: options.readRetryDelayMs ?? 500,
      retryOn: retryableRead,
    };
    this.now = options.now ?? (() => new Date());
  }

  groupIdFor(date: Date): string {
    return groupIdFor(date);
  }

  /** Get Rates (contract rates, rate-v4): a question, never retried into a purchase. */
  async getRates(request: RatesRequest): Promise<CarrierOutcome<PriceQuote[]>> {
    return this.call("GetRates", request.orderId, {
      method: "POST",
      url: `${this.baseUrl}/rs/ship/price`,
      accept: RATE_MEDIA_TYPE,
      body: buildRatesXml(request, { customerNumber: this.settings.customerNumber, contractId: this.settings.contractId }),
      read: (r) => parsePriceQuotes(r.text) ?? "a price-quotes reply",
    });
  }

  /**
   * Discover Services (rate-v4, `GET /rs/ship/service?country=`): the services Canada Post
   * offers for that country. A read, tried again on no answer or a 5xx like every read.
   */
  getServices(country: "CA"): Promise<CarrierOutcome<ServiceListing[]>> {
    return this.call("GetServices", undefined, {
      method: "GET",
      url: `${this.baseUrl}/rs/ship/service?country=${country}`,
      accept: RATE_MEDIA_TYPE,
      read: (r) => parseServices(r.text) ?? "a services reply",
    });
  }

  async createShipment(request: ShipmentRequest): Promise<CreateShipmentOutcome> {
    const built = buildShipmentXml(request, this.settings, this.now());
    if (!built.ok) return { kind: "invalid", problems: built.problems };
    return this.call("CreateShipment", request.orderId, {
      method: "POST",
      url: this.path("shipment"),
      accept: SHIPMENT_MEDIA_TYPE,
      body: built.xml,
      read: (r) => parseShipmentInfo(r.text) ?? "a shipment-info reply",
    });
  }

  findShipmentsByRequestId(requestId: string, relatedId: string): Promise<CarrierOutcome<Link[]>> {
    return this.call("GetShipments", relatedId, {
      method: "GET",
      url: `${this.path("shipment")}?requestId=${encodeURIComponent(requestId)}`,
      accept: SHIPMENT_MEDIA_TYPE,
      read: (r) => parseShipmentLinks(r.text) ?? "a shipments reply",
    });
  }

  findShipmentsByGroup(groupId: string, relatedId?: string): Promise<CarrierOutcome<Link[]>> {
    return this.call("GetShipments", relatedId, {
      method: "GET",
      url: `${this.path("shipment")}?groupId=${encodeURIComponent(groupId)}`,
      accept: SHIPMENT_MEDIA_TYPE,
      read: (r) => parseShipmentLinks(r.text) ?? "a shipments reply",
    });
  }

  getShipment(link: LinkRef, relatedId: string): Promise<CarrierOutcome<ShipmentInfo>> {
    return this.call("GetShipment", relatedId, {
      method: "GET",
      url: hrefOf(link),
      accept: mediaTypeOf(link, SHIPMENT_MEDIA_TYPE),
      read: (r) => parseShipmentInfo(r.text) ?? "a shipment-info reply",
    });
  }

  getShipmentDetails(link: LinkRef, relatedId: string) {
    return this.call("GetShipmentDetails", relatedId, {
      method: "GET",
      url: hrefOf(link),
      accept: mediaTypeOf(link, SHIPMENT_MEDIA_TYPE),
      read: (r) => parseShipmentDetails(r.text) ?? "a shipment-details reply",
    });
  }

  getLabel(link: LinkRef, relatedId: string): Promise<CarrierOutcome<Uint8Array>> {
    return this.artifact(link, relatedId);
  }

  voidShipment(link: LinkRef, relatedId: string): Promise<CarrierOutcome<void>> {
    return this.call("VoidShipment", relatedId, {
      method: "DELETE",
      url: hrefOf(link),
      accept: mediaTypeOf(link, SHIPMENT_MEDIA_TYPE),
      read: () => undefined,
    });
  }

  requestRefund(link: LinkRef, email: string, relatedId: string): Promise<CarrierOutcome<RefundTicket>> {
    return this.call("RequestRefund", relatedId, {
      method: "POST",
      url: hrefOf(link),
      accept: mediaTypeOf(link, SHIPMENT_MEDIA_TYPE),
      body: buildRefundXml(email),
      read: (r) => parseRefundTicket(r.text) ?? "a shipment-refund-request-info reply",
    });
  }

  transmit(groupIds: readonly string[], relatedId?: string): Promise<CarrierOutcome<Link[]>> {
    return this.call("TransmitShipments", relatedId, {
      method: "POST",
      url: this.path("manifest"),
      accept: MANIFEST_MEDIA_TYPE,
      body: buildTransmitXml(groupIds, this.settings),
      read: (r) => parseManifestLinks(r.text) ?? "a manifests reply",
    });
  }

  getManifest(link: LinkRef, relatedId?: string) {
    return this.call("GetManifest", relatedId, {
      method: "GET",
      url: hrefOf(link),
      accept: mediaTypeOf(link, MANIFEST_MEDIA_TYPE),
      read: (r) => parseManifest(r.text) ?? "a manifest reply",
    });
  }

  findManifests(start: string, end?: string): Promise<CarrierOutcome<Link[]>> {
    const range = `start=${encodeURIComponent(start)}${end === undefined ? "" : `&end=${encodeURIComponent(end)}`}`;
    return this.call("GetManifests", undefined, {
      method: "GET",
      url: `${this.path("manifest")}?${range}`,
      accept: MANIFEST_MEDIA_TYPE,
      read: (r) => parseManifestLinks(r.text) ?? "a manifests reply",
    });
  }

  getManifestShipments(link: LinkRef, relatedId?: string): Promise<CarrierOutcome<Link[]>> {
    return this.call("GetShipments", relatedId, {
      method: "GET",
      url: hrefOf(link),
      accept: mediaTypeOf(link, SHIPMENT_MEDIA_TYPE),
      read: (r) => parseShipmentLinks(r.text) ?? "a shipments reply",
    });
  }

  getManifestPdf(link: LinkRef, relatedId?: string): Promise<CarrierOutcome<Uint8Array>> {
    return this.artifact(link, relatedId);
  }

  /** Get Artifact: a label or a manifest, as a PDF (checked), inside the rate limit. */
  private artifact(link: LinkRef, relatedId: string | undefined): Promise<CarrierOutcome<Uint8Array>> {
    return this.call("GetArtifact", relatedId, {
      method: "GET",
      url: hrefOf(link),
      accept: PDF_MEDIA_TYPE,
      read: (r) => (looksLikePdf(r.body) ? r.body : "a PDF (it does not start with %PDF-)"),
    });
  }

  private path(resource: "shipment" | "manifest"): string {
    const { customerNumber, mobo } = this.settings;
    return `${this.baseUrl}/rs/${encodeURIComponent(customerNumber)}/${encodeURIComponent(mobo)}/${resource}`;
  }

  /**
   * One call: headers, audit, retry for reads only, classification. `read` turns a 2xx reply
   * into the value, or names what was expected when the reply is not it.
   */
  private async call<T>(
    endpoint: Endpoint,
    relatedId: string | undefined,
    c: {
      method: "GET" | "POST" | "DELETE";
      url: string;
      accept: string;
      body?: string;
      read: (r: HttpResponse) => T | string;
    },
  ): Promise<CarrierOutcome<Exclude<T, string>>> {
    const elsewhere = otherApiLink(c.url, "xml");
    if (elsewhere) return { kind: "rejected", error: new CanadaPostError(endpoint, null, [], elsewhere) };
    const headers: Record<string, string> = {
      Authorization: this.authorization,
      Accept: c.accept,
      "Accept-language": "en-CA",
    };
    if (c.body !== undefined) headers["Content-Type"] = c.accept;
    const limiter = this.limiters[THROTTLE_GROUP_OF[endpoint]];
    const skipped = skippedWhilePaused(endpoint, limiter);
    if (skipped) return skipped;
    const outcome = await this.http.send({
      service: "CanadaPost",
      endpoint,
      relatedId,
      method: c.method,
      url: c.url,
      headers,
      body: c.body,
      auditPayload: c.body === undefined ? null : { xml: c.body },
      timeoutMs: this.settings.timeoutMs,
      limiter,
      secrets: [this.settings.username, this.settings.password],
      ...(c.method === "GET" ? { retry: this.readRetry } : {}),
    });
    const sorted = paced(classify(endpoint, outcome), outcome, limiter);
    if (sorted.kind !== "answer") return sorted;
    const value = c.read(sorted.response);
    if (typeof value === "string") return unreadable(endpoint, sorted.response, `expected ${value}`);
    return ok(value as Exclude<T, string>);
  }
}

function mediaTypeOf(link: LinkRef, fallback: string): string {
  return typeof link === "string" ? fallback : link.mediaType;
}
