import type { ShipmentInfo } from "../answers.ts";
import type { CreateShipmentOutcome } from "../carrier.ts";
import { CanadaPostClient, carrierSite, retryableRead, type CanadaPostClientOptions } from "../client.ts";
import { CanadaPostError } from "../error.ts";
import { ok } from "../outcome.ts";
import type { ShipmentRequest } from "../request.ts";
import type { JsonBody } from "./bodies.ts";
import { portalRequests, type PortalRequests } from "./requests.ts";
import { PortalTokenSource } from "./token.ts";
import { PortalWire } from "./wire.ts";

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

/**
 * Canada Post's Developer Portal API (JSON, OAuth 2.0): the same carrier as the XML client,
 * to the published Shipping OpenAPI. A reused customerRequestId (7314) is answered by finding
 * and adopting the shipment that request already bought, never taken as a failure.
 */
export class CanadaPostPortalClient extends CanadaPostClient<JsonBody> {
  protected declare readonly requests: PortalRequests;

  constructor(options: PortalClientOptions) {
    const site = carrierSite(options, "CanadaPostPortalClient");
    const readAttempts = options.readAttempts ?? 3;
    const tokens = new PortalTokenSource({
      http: options.http,
      baseUrl: site.baseUrl,
      clientId: options.settings.clientId,
      clientSecret: options.settings.clientSecret,
      timeoutMs: options.settings.timeoutMs,
      retry: site.readRetry,
    });
    const notReadyRetry = {
      attempts: Math.max(readAttempts, options.notReadyAttempts ?? 5),
      baseDelayMs: options.readRetryDelayMs ?? 400,
      maxDelayMs: 1_600,
      // A 404 gets the extra tries; a 5xx no more than any other read.
      retryOn: (o: Parameters<typeof retryableRead>[0]) => (o.kind === "response" && o.status === 404) || (retryableRead(o) && o.attempt < readAttempts),
    };
    const wire = new PortalWire({ http: options.http, settings: options.settings, baseUrl: site.baseUrl, tokens, readRetry: site.readRetry, notReadyRetry });
    super(options, wire, portalRequests(site));
  }

  override async createShipment(request: ShipmentRequest): Promise<CreateShipmentOutcome> {
    const created = await super.createShipment(request);
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
    const price = await this.calls.call("GetShipmentPrice", relatedId, this.requests.getShipmentPrice(info.links.price));
    return price.kind === "ok" ? { ...info, price: price.value } : info;
  }
}
