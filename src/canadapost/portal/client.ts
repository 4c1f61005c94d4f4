import { carrierBaseUrl, retryableRead, type CanadaPostClientOptions } from "../client.ts";
import type { CanadaPostSettings } from "../../config/index.ts";
import type { HttpClient, HttpOutcome, HttpResponse, RateLimiter, RetryPolicy } from "../../http/index.ts";
import { looksLikePdf } from "../../pdf.ts";
import type { CanadaPostEndpoint as Endpoint, CreateShipmentOutcome, ShippingCarrier } from "../carrier.ts";
import { CanadaPostError } from "../error.ts";
import { hrefOf, otherApiLink, type Link, type LinkRef } from "../links.ts";
import { ok, type CarrierFailure, type CarrierOutcome } from "../outcome.ts";
import type { PriceQuote, RatesRequest } from "../rates.ts";
import type { Manifest, RefundTicket, ShipmentDetails, ShipmentInfo } from "../replies.ts";
import type { ServiceListing } from "../services.ts";
import { groupIdFor, type ShipmentRequest } from "../request.ts";
import { paced, skippedWhilePaused, THROTTLE_GROUP_OF, type ThrottleLimiters } from "../throttle-groups.ts";
import { buildRatesJson, buildRefundJson, buildShipmentJson, buildTransmitJson, portalGroupId, type JsonBody } from "./bodies.ts";
import { classifyJson, unreadableJson } from "./classify.ts";
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
import { PortalTokenSource } from "./token.ts";

/** The XML client's options (baseUrl here is the gateway root), and one more. */
export interface PortalClientOptions extends CanadaPostClientOptions {
  /**
   * Attempts for a label or manifest that answers 404 while Canada Post is still rendering
   * it, right after creation (devportal.md §3.4); default 5, a few seconds in all.
   */
  notReadyAttempts?: number;
}

/** Error 7314: a shipment with this customerRequestId exists already. */
const DUPLICATE_REQUEST_ID = "7314";
/** The `request-id` search parameter's limit (the create field allows 35). */
const SEARCH_ID_MAX = 32;
const JSON_TYPE = "application/json";
const MAX_REDIRECTS = 5;

/**
 * Canada Post's Developer Portal API (JSON, OAuth 2.0): the same carrier as the XML client,
 * to the published Shipping OpenAPI. A reused customerRequestId (7314) is answered by finding
 * and adopting the shipment that request already bought, never taken as a failure.
 */
export class CanadaPostPortalClient implements ShippingCarrier {
  private readonly http: HttpClient;
  private readonly settings: CanadaPostSettings;
  private readonly baseUrl: string;
  private readonly tokens: PortalTokenSource;
  private readonly limiters: Partial<ThrottleLimiters>;
  private readonly readRetry: RetryPolicy;
  private readonly notReadyRetry: RetryPolicy;
  private readonly now: () => Date;

  constructor(options: PortalClientOptions) {
    this.http = options.http;
    this.settings = options.settings;
    this.baseUrl = carrierBaseUrl(options, "CanadaPostPortalClient");
    this.limiters = options.limiters ?? (options.rateLimiter ? { A: options.rateLimiter } : {});
    const readAttempts = options.readAttempts ?? 3;
    this.readRetry = { attempts: readAttempts, baseDelayMs: options.readRetryDelayMs ?? 500, retryOn: retryableRead };
    // A 404 gets the extra tries; a 5xx no more than any other read.
    this.notReadyRetry = {
      attempts: Math.max(readAttempts, options.notReadyAttempts ?? 5),
      baseDelayMs: options.readRetryDelayMs ?? 400,
      maxDelayMs: 1_600,
      retryOn: (o) => (o.kind === "response" && o.status === 404) || (retryableRead(o) && o.attempt < readAttempts),
    };
    this.tokens = new PortalTokenSource({
      http: options.http,
      baseUrl: this.baseUrl,
      clientId: options.settings.clientId,
      clientSecret: options.settings.clientSecret,
      timeoutMs: options.settings.timeoutMs,
      retry: this.readRetry,
    });
    this.now = options.now ?? (() => new Date());
  }

  /** YYYYMMDD-portal: the day's group, apart from the XML API's (see portalGroupId). */
  groupIdFor(date: Date): string {
    return portalGroupId(groupIdFor(date));
  }

  /** Get Rates (rating/v1/prices): a question, never retried into a purchase. */
  getRates(request: RatesRequest): Promise<CarrierOutcome<PriceQuote[]>> {
    return this.call("GetRates", request.orderId, {
      method: "POST",
      url: `${this.baseUrl}/rating/v1/prices`,
      body: buildRatesJson(request, { customerNumber: this.settings.customerNumber, contractId: this.settings.contractId }),
      read: (r) => parsePriceQuotesJson(r.text) ?? "a list of price quotes",
    });
  }

  /** Discover Services (rating/v1/services?country=): a read, on the Rating API like Get Rates. */
  getServices(country: "CA"): Promise<CarrierOutcome<ServiceListing[]>> {
    return this.call("GetServices", undefined, {
      method: "GET",
      url: `${this.baseUrl}/rating/v1/services?country=${country}`,
      read: (r) => parseServicesJson(r.text) ?? "a list of services [{serviceCode, serviceName}]",
    });
  }

  async createShipment(request: ShipmentRequest): Promise<CreateShipmentOutcome> {
    const built = buildShipmentJson(request, this.settings, this.now());
    if (!built.ok) return { kind: "invalid", problems: built.problems };
    const created = await this.call("CreateShipment", request.orderId, {
      method: "POST",
      url: this.path("shipments"),
      body: built.body,
      read: (r) => parseShipmentInfoJson(r.text) ?? "a createShipmentResponse",
    });
    if (created.kind === "rejected" && created.error.has(DUPLICATE_REQUEST_ID)) {
      return this.adoptDuplicate(request, created.error);
    }
    if (created.kind !== "ok") return created;
    return ok(await this.withPrice(created.value, request.orderId));
  }

  /**
   * 7314: this request id bought a label before (a reply lost on the way, a crash between
   * the call and its answer). That label is the answer: it is looked up and adopted. Until it
   * can be read, the label stays in doubt; nothing is bought again.
   */
  private async adoptDuplicate(request: ShipmentRequest, said: CanadaPostError): Promise<CreateShipmentOutcome> {
    const inDoubt = (why: string): CreateShipmentOutcome => ({
      kind: "unknown",
      error: new CanadaPostError("CreateShipment", said.status, said.messages, `a label exists for request ${request.requestId} (7314) but ${why}`),
    });
    const found = await this.findShipmentsByRequestId(request.requestId, request.orderId);
    if (found.kind !== "ok") return inDoubt(`it could not be found (${found.error.message})`);
    const [first] = found.value;
    if (!first) return inDoubt("Get Shipments does not list it yet");
    const got = await this.getShipment(first, request.orderId);
    if (got.kind !== "ok") return inDoubt(`it could not be read (${got.error.message})`);
    return ok(await this.withPrice(got.value, request.orderId));
  }

  /**
   * A grouped shipment's reply carries no price (the spec returns shipmentPrice only with
   * transmitShipment): it is read from the `price` link. A failure there leaves the price
   * unknown; the label is bought either way and nothing is retried into a purchase.
   */
  private async withPrice(info: ShipmentInfo, relatedId: string): Promise<ShipmentInfo> {
    if (info.price || !info.links.price) return info;
    const price = await this.call("GetShipmentPrice", relatedId, {
      method: "GET",
      url: info.links.price.href,
      accept: info.links.price.mediaType,
      read: (r) => parseShipmentPriceJson(r.text) ?? "a shipmentPrice",
    });
    return price.kind === "ok" ? { ...info, price: price.value } : info;
  }

  findShipmentsByRequestId(requestId: string, relatedId: string): Promise<CarrierOutcome<Link[]>> {
    if (requestId.length > SEARCH_ID_MAX) {
      // Made before ids were kept to 32 (the XML API allowed 35): the portal cannot search it.
      return Promise.resolve({
        kind: "unknown",
        error: new CanadaPostError(
          "GetShipments",
          null,
          [],
          `request id ${requestId} is longer than the ${SEARCH_ID_MAX} characters the Developer Portal can search; finish this label with canadapost.api = "xml"`,
        ),
      });
    }
    return this.searchShipments(`request-id=${encodeURIComponent(requestId)}`, relatedId);
  }

  findShipmentsByGroup(groupId: string, relatedId?: string): Promise<CarrierOutcome<Link[]>> {
    return this.searchShipments(`group-id=${encodeURIComponent(groupId)}`, relatedId);
  }

  private searchShipments(query: string, relatedId: string | undefined): Promise<CarrierOutcome<Link[]>> {
    return this.call("GetShipments", relatedId, {
      method: "GET",
      url: `${this.path("shipments")}?${query}`,
      read: (r) => parseLinksJson(r.text) ?? "a list of shipment links",
    });
  }

  getShipment(link: LinkRef, relatedId: string): Promise<CarrierOutcome<ShipmentInfo>> {
    return this.call("GetShipment", relatedId, {
      method: "GET",
      url: hrefOf(link),
      accept: mediaTypeOf(link),
      read: (r) => parseShipmentInfoJson(r.text) ?? "a shipmentInfo",
    });
  }

  getShipmentDetails(link: LinkRef, relatedId: string): Promise<CarrierOutcome<ShipmentDetails>> {
    return this.call("GetShipmentDetails", relatedId, {
      method: "GET",
      url: hrefOf(link),
      accept: mediaTypeOf(link),
      read: (r) => parseShipmentDetailsJson(r.text) ?? "a shipmentDetails",
    });
  }

  getLabel(link: LinkRef, relatedId: string): Promise<CarrierOutcome<Uint8Array>> {
    return this.artifact(link, relatedId);
  }

  voidShipment(link: LinkRef, relatedId: string): Promise<CarrierOutcome<void>> {
    return this.call("VoidShipment", relatedId, { method: "DELETE", url: hrefOf(link), accept: mediaTypeOf(link), read: () => undefined });
  }

  requestRefund(link: LinkRef, email: string, relatedId: string): Promise<CarrierOutcome<RefundTicket>> {
    return this.call("RequestRefund", relatedId, {
      method: "POST",
      url: hrefOf(link),
      accept: mediaTypeOf(link),
      body: buildRefundJson(email),
      read: (r) => parseRefundTicketJson(r.text) ?? "a refund ticket {serviceTicketId, serviceTicketDate}",
    });
  }

  transmit(groupIds: readonly string[], relatedId?: string): Promise<CarrierOutcome<Link[]>> {
    return this.call("TransmitShipments", relatedId, {
      method: "POST",
      url: this.path("manifests"),
      body: buildTransmitJson(groupIds, this.settings),
      read: (r) => parseLinksJson(r.text) ?? "a list of manifest links",
    });
  }

  getManifest(link: LinkRef, relatedId?: string): Promise<CarrierOutcome<Manifest>> {
    return this.call("GetManifest", relatedId, {
      method: "GET",
      url: hrefOf(link),
      accept: mediaTypeOf(link),
      notReady: true,
      read: (r) => parseManifestJson(r.text) ?? "a manifest {poNumber, links}",
    });
  }

  /** Get Manifests takes `from` and `to` (YYYYMMDD); `to` defaults to today here, as the XML API does. */
  findManifests(start: string, end?: string): Promise<CarrierOutcome<Link[]>> {
    const to = end ?? groupIdFor(this.now());
    return this.call("GetManifests", undefined, {
      method: "GET",
      url: `${this.path("manifests")}?from=${encodeURIComponent(start)}&to=${encodeURIComponent(to)}`,
      read: (r) => parseLinksJson(r.text) ?? "a list of manifest links",
    });
  }

  getManifestShipments(link: LinkRef, relatedId?: string): Promise<CarrierOutcome<Link[]>> {
    return this.call("GetShipments", relatedId, {
      method: "GET",
      url: hrefOf(link),
      accept: mediaTypeOf(link),
      read: (r) => parseLinksJson(r.text) ?? "a list of shipment links",
    });
  }

  getManifestPdf(link: LinkRef, relatedId?: string): Promise<CarrierOutcome<Uint8Array>> {
    return this.artifact(link, relatedId);
  }

  /**
   * Get Artifact: a label or manifest, with the Accept its link's mediaType names (a stored
   * href: application/pdf), redirects followed, a 404 while it is rendered tried again.
   */
  private artifact(link: LinkRef, relatedId: string | undefined): Promise<CarrierOutcome<Uint8Array>> {
    const accept = typeof link === "string" ? "application/pdf" : link.mediaType;
    return this.call("GetArtifact", relatedId, {
      method: "GET",
      url: hrefOf(link),
      accept,
      notReady: true,
      read: (r) => (accept !== "application/pdf" || looksLikePdf(r.body) ? r.body : "a PDF (it does not start with %PDF-)"),
    });
  }

  private path(resource: "shipments" | "manifests"): string {
    const { customerNumber, mobo } = this.settings;
    return `${this.baseUrl}/shipping/v1/${encodeURIComponent(customerNumber)}/${encodeURIComponent(mobo)}/${resource}`;
  }

  /**
   * One call: Bearer, audit, retry for reads only, one more try with a new token after a 401,
   * redirects, classification. `read` turns a 2xx reply into the value, or names what was
   * expected when the reply is not it.
   */
  private async call<T>(
    endpoint: Endpoint,
    relatedId: string | undefined,
    c: {
      method: "GET" | "POST" | "DELETE";
      url: string;
      accept?: string;
      body?: JsonBody;
      notReady?: boolean;
      read: (r: HttpResponse) => T | string;
    },
  ): Promise<CarrierOutcome<Exclude<T, string>>> {
    const elsewhere = otherApiLink(c.url, "portal");
    if (elsewhere) return { kind: "rejected", error: new CanadaPostError(endpoint, null, [], elsewhere) };
    const limiter = this.limiters[THROTTLE_GROUP_OF[endpoint]];
    const skipped = skippedWhilePaused(endpoint, limiter);
    if (skipped) return skipped;
    let bearer: Bearer = {};
    let outcome = await this.send(endpoint, relatedId, c, c.url, bearer, limiter);
    if (bearer.failure) return bearer.failure;
    // The token was good by its expires_in when it left (it is checked right before each send,
    // after any wait), so a 401 means it died early (revoked, the gateway restarted) or the keys
    // are refused: one more try with a token fetched since tells which. Only a 401 to that
    // fresh token is the keys themselves being refused.
    if (outcome.kind === "response" && outcome.status === 401 && bearer.token !== undefined) {
      this.tokens.invalidate(bearer.token);
      const refused = bearer.sentAt ?? this.tokens.time();
      bearer = { fetchedAfter: refused };
      outcome = await this.send(endpoint, relatedId, c, c.url, bearer, limiter);
      if (bearer.failure) return bearer.failure;
    }
    outcome = await this.followRedirects(endpoint, relatedId, c, c.url, outcome, limiter);
    const sorted = paced(classifyJson(endpoint, outcome), outcome, limiter);
    if (sorted.kind !== "answer") return sorted;
    const value = c.read(sorted.response);
    if (typeof value === "string") return unreadableJson(endpoint, sorted.response, `expected ${value}`);
    return ok(value as Exclude<T, string>);
  }

  /**
   * A label link may answer 302 to where the file really is (devportal.md §3.4). Each hop is
   * its own audited GET; the Bearer token goes only to Canada Post's own origin.
   */
  private async followRedirects(
    endpoint: Endpoint,
    relatedId: string | undefined,
    c: { method: string; accept?: string; notReady?: boolean },
    from: string,
    first: HttpOutcome,
    limiter: RateLimiter | undefined,
  ): Promise<HttpOutcome> {
    let outcome = first;
    let url = from;
    for (let hop = 0; hop < MAX_REDIRECTS && c.method === "GET" && outcome.kind === "response" && isRedirect(outcome.status); hop++) {
      const location = outcome.headers.get("location");
      if (!location) break;
      url = new URL(location, url).toString();
      const sameOrigin = new URL(url).origin === new URL(this.baseUrl).origin;
      outcome = await this.send(endpoint, relatedId, { ...c, method: "GET" }, url, sameOrigin ? {} : undefined, limiter);
    }
    return outcome;
  }

  /**
   * One HTTP call. With `bearer`, the token is asked for right before each attempt goes out,
   * after the limiter's pause and any retry's back-off; what was sent, and a token endpoint's
   * failure, are written back into it.
   */
  private send(
    endpoint: Endpoint,
    relatedId: string | undefined,
    c: { method: "GET" | "POST" | "DELETE"; accept?: string; body?: JsonBody; notReady?: boolean },
    url: string,
    bearer: Bearer | undefined,
    limiter: RateLimiter | undefined,
  ): Promise<HttpOutcome> {
    const headers: Record<string, string> = { Accept: c.accept ?? JSON_TYPE, "Accept-Language": "en-CA" };
    const body = c.body === undefined ? undefined : JSON.stringify(c.body);
    if (body !== undefined) headers["Content-Type"] = JSON_TYPE;
    const freshHeaders = bearer
      ? async (): Promise<Record<string, string> | undefined> => {
          const token = await this.tokens.get(bearer.fetchedAfter);
          if (token.kind !== "ok") {
            bearer.failure = token;
            return undefined;
          }
          bearer.token = token.value;
          bearer.sentAt = this.tokens.time();
          return { Authorization: `Bearer ${token.value}` };
        }
      : undefined;
    return this.http.send({
      service: "CanadaPost",
      endpoint,
      relatedId,
      method: c.method,
      url,
      headers,
      ...(freshHeaders ? { freshHeaders } : {}),
      body,
      auditPayload: c.body ?? null,
      timeoutMs: this.settings.timeoutMs,
      limiter,
      secrets: this.tokens.secrets(),
      ...(c.method === "GET" ? { retry: c.notReady ? this.notReadyRetry : this.readRetry } : {}),
    });
  }
}

/** One call's use of the OAuth token: which one was sent and when, or why none could be had. */
interface Bearer {
  /** Only a token fetched no earlier than this will do (after a 401). */
  fetchedAfter?: number;
  token?: string;
  sentAt?: number;
  failure?: CarrierFailure;
}

const isRedirect = (status: number) => status === 301 || status === 302 || status === 303 || status === 307 || status === 308;

function mediaTypeOf(link: LinkRef): string {
  return typeof link === "string" ? JSON_TYPE : link.mediaType;
}
