import type { CanadaPostSettings } from "../config/index.ts";
import type { HttpClient, HttpOutcome, RateLimiter, RetryPolicy } from "../http/index.ts";
import type { Manifest, RefundTicket, ShipmentDetails, ShipmentInfo } from "./answers.ts";
import { CarrierCalls, type Wire } from "./call.ts";
import type { CreateShipmentOutcome, ShippingCarrier } from "./carrier.ts";
import { isThrottle } from "./classify.ts";
import type { Link, LinkRef } from "./links.ts";
import type { CarrierOutcome } from "./outcome.ts";
import type { PriceQuote, RatesRequest } from "./rates.ts";
import type { CarrierRequests } from "./requests.ts";
import type { ShipmentRequest } from "./request.ts";
import type { ServiceListing } from "./services.ts";
import type { ThrottleLimiters } from "./throttle-groups.ts";
import type { TrackingDetails, TrackingSummary } from "./tracking.ts";

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

/** What an adapter builds its requests from: where they go, the account, the clock, the retry of reads. */
export interface CarrierSite {
  /** No trailing slash. */
  baseUrl: string;
  settings: CanadaPostSettings;
  now: () => Date;
  readRetry: RetryPolicy;
}

/** A read worth trying again. Canada Post's throttle may come as a 5xx: waiting out its minute is the caller's call. */
export const retryableRead = (o: HttpOutcome): boolean => o.kind === "no-answer" || (o.status >= 500 && !isThrottle(o.text));

/** The site both adapters call: the base URL given, else the settings'. */
export function carrierSite(options: CanadaPostClientOptions, client: string): CarrierSite {
  const base = options.baseUrl ?? options.settings.baseUrl;
  if (!base) throw new Error(`${client} needs a base URL (settings.canadaPost.baseUrl or the sandbox's)`);
  return {
    baseUrl: base.replace(/\/+$/, ""),
    settings: options.settings,
    now: options.now ?? (() => new Date()),
    readRetry: { attempts: options.readAttempts ?? 3, baseDelayMs: options.readRetryDelayMs ?? 500, retryOn: retryableRead },
  };
}

/** The account's own resources: `{root}/{customer number}/{mobo}/{resource}` under the base URL. */
export function accountUrl(site: CarrierSite, root: string, resource: string): string {
  const { customerNumber, mobo } = site.settings;
  return `${site.baseUrl}/${root}/${encodeURIComponent(customerNumber)}/${encodeURIComponent(mobo)}/${resource}`;
}

/**
 * The carrier contract carried out the same way for both APIs: each call is the adapter's
 * request (CarrierRequests) sent through the one call path (CarrierCalls) over the adapter's
 * wire. `relatedId` is the order id the audit row is filed under.
 */
export class CanadaPostClient<Body> implements ShippingCarrier {
  protected readonly calls: CarrierCalls<Body>;

  constructor(
    options: CanadaPostClientOptions,
    wire: Wire<Body>,
    protected readonly requests: CarrierRequests<Body>,
  ) {
    this.calls = new CarrierCalls(wire, options.limiters ?? (options.rateLimiter ? { A: options.rateLimiter } : {}));
  }

  groupIdFor(date: Date): string {
    return this.requests.groupIdFor(date);
  }

  /** Get Rates: a question, never retried into a purchase. */
  getRates(request: RatesRequest): Promise<CarrierOutcome<PriceQuote[]>> {
    return this.calls.call("GetRates", request.orderId, this.requests.getRates(request));
  }

  /** Discover Services: a read, tried again on no answer or a 5xx like every read. */
  getServices(country: "CA"): Promise<CarrierOutcome<ServiceListing[]>> {
    return this.calls.call("GetServices", undefined, this.requests.getServices(country));
  }

  createShipment(request: ShipmentRequest): Promise<CreateShipmentOutcome> {
    return this.calls.call("CreateShipment", request.orderId, this.requests.createShipment(request));
  }

  findShipmentsByRequestId(requestId: string, relatedId: string): Promise<CarrierOutcome<Link[]>> {
    return this.calls.call("GetShipments", relatedId, this.requests.findShipmentsByRequestId(requestId));
  }

  findShipmentsByGroup(groupId: string, relatedId?: string): Promise<CarrierOutcome<Link[]>> {
    return this.calls.call("GetShipments", relatedId, this.requests.findShipmentsByGroup(groupId));
  }

  getShipment(link: LinkRef, relatedId: string): Promise<CarrierOutcome<ShipmentInfo>> {
    return this.calls.call("GetShipment", relatedId, this.requests.getShipment(link));
  }

  getShipmentDetails(link: LinkRef, relatedId: string): Promise<CarrierOutcome<ShipmentDetails>> {
    return this.calls.call("GetShipmentDetails", relatedId, this.requests.getShipmentDetails(link));
  }

  getLabel(link: LinkRef, relatedId: string): Promise<CarrierOutcome<Uint8Array>> {
    return this.calls.call("GetArtifact", relatedId, this.requests.getArtifact(link));
  }

  voidShipment(link: LinkRef, relatedId: string): Promise<CarrierOutcome<void>> {
    return this.calls.call("VoidShipment", relatedId, this.requests.voidShipment(link));
  }

  requestRefund(link: LinkRef, email: string, relatedId: string): Promise<CarrierOutcome<RefundTicket>> {
    return this.calls.call("RequestRefund", relatedId, this.requests.requestRefund(link, email));
  }

  transmit(groupIds: readonly string[], relatedId?: string): Promise<CarrierOutcome<Link[]>> {
    return this.calls.call("TransmitShipments", relatedId, this.requests.transmit(groupIds));
  }

  getManifest(link: LinkRef, relatedId?: string): Promise<CarrierOutcome<Manifest>> {
    return this.calls.call("GetManifest", relatedId, this.requests.getManifest(link));
  }

  findManifests(start: string, end?: string): Promise<CarrierOutcome<Link[]>> {
    return this.calls.call("GetManifests", undefined, this.requests.findManifests(start, end));
  }

  getManifestShipments(link: LinkRef, relatedId?: string): Promise<CarrierOutcome<Link[]>> {
    return this.calls.call("GetShipments", relatedId, this.requests.getManifestShipments(link));
  }

  getManifestPdf(link: LinkRef, relatedId?: string): Promise<CarrierOutcome<Uint8Array>> {
    return this.calls.call("GetArtifact", relatedId, this.requests.getArtifact(link));
  }

  getTrackingSummary(pin: string, relatedId: string): Promise<CarrierOutcome<TrackingSummary>> {
    return this.calls.call("GetTrackingSummary", relatedId, this.requests.getTrackingSummary(pin));
  }

  getTrackingDetails(pin: string, relatedId: string): Promise<CarrierOutcome<TrackingDetails>> {
    return this.calls.call("GetTrackingDetails", relatedId, this.requests.getTrackingDetails(pin));
  }

  getDeliveryCertificate(pin: string, relatedId: string): Promise<CarrierOutcome<Uint8Array>> {
    return this.calls.call("GetDeliveryCertificate", relatedId, this.requests.getDeliveryCertificate(pin));
  }
}
