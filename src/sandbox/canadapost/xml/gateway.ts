import type { Context } from "hono";
import type { Fault, FaultReplies } from "../../faults.ts";
import { acceptedTypes, type Endpoint, type Gateway, type Media } from "../gate.ts";
import type { PostOffice, Refusal } from "../post-office.ts";
import { messagesXml, SHIPMENT_NS } from "./replies.ts";

export const MESSAGES_TYPE = "application/vnd.cpc.messages+xml";

type Message = { code: string; description: string };

/** An XML document as the reply. */
export const xmlReply = (c: Context, body: string, status: number, type: string): Response => c.body(body, status as 200, { "Content-Type": type });

/** A `<messages>` error body. */
export const fail = (c: Context, status: number, messages: Message[]): Response => xmlReply(c, messagesXml(messages), status, MESSAGES_TYPE);

/** Canada Post's no, as `<messages>`: one refusal, or several of one status. */
export function refuse(c: Context, refusals: Refusal | readonly Refusal[]): Response {
  const list = Array.isArray(refusals) ? refusals : [refusals as Refusal];
  return fail(c, list[0]!.status, list.map((r) => ({ code: r.code, description: r.text })));
}

export interface XmlGatewayOptions {
  /** Basic with the API username and password. */
  authorization: string;
  /** Status of the SLM throttle reply; Canada Post does not document it (README §4). Default 503. */
  throttleStatus?: number | undefined;
  /** Rolling-window limit on Create Shipment + Get Artifact, answered like Canada Post's SLM. */
  rateLimit?: { perMinute: number; windowMs?: number } | undefined;
}

/**
 * The soa-gw gateway: HTTP Basic, the mailed-by customer in the path, the vendor media types
 * (Accept, and exactly that Content-Type for a body), and Canada Post's SLM throttle.
 */
export class XmlGateway implements Gateway {
  private readonly stamps: number[] = [];

  constructor(
    private readonly office: PostOffice,
    private readonly o: XmlGatewayOptions,
  ) {}

  faultReplies(c: Context, media: Media): FaultReplies {
    return {
      status: (fault: Extract<Fault, { kind: "status" }>) =>
        c.body(fault.body ?? messagesXml([{ code: "Server", description: "Failed to establish a backside connection" }]), fault.status as 500, {
          "Content-Type": fault.contentType ?? MESSAGES_TYPE,
          ...fault.headers,
        }),
      throttled: (retryAfterSeconds) => this.throttled(c, retryAfterSeconds),
      malformed: () => xmlReply(c, `<?xml version="1.0" encoding="UTF-8"?><shipment-info xmlns="${SHIPMENT_NS}"><shipment-id>12`, 200, media.accept),
    };
  }

  check(c: Context, endpoint: Endpoint, media: Media): Response | undefined {
    if (c.req.header("authorization") !== this.o.authorization) return fail(c, 401, [{ code: "E002", description: "AAA Authentication Failure" }]);
    if (!this.office.isCustomer(c.req.param("mb"))) {
      return fail(c, 403, [{ code: "AA003", description: "The API key does not match the mailed-by customer number." }]);
    }
    if (!acceptedTypes(c).includes(media.accept)) {
      return fail(c, 406, [{ code: "Server", description: `Accept header must be ${media.accept}; got "${c.req.header("accept") ?? ""}".` }]);
    }
    if (media.contentType !== undefined && c.req.header("content-type") !== media.contentType) {
      return fail(c, 415, [{ code: "Server", description: `Content-Type must be exactly ${media.contentType}; got "${c.req.header("content-type") ?? ""}".` }]);
    }
    return endpoint === "CreateShipment" || endpoint === "GetArtifact" ? this.overLimit(c) : undefined;
  }

  private overLimit(c: Context): Response | undefined {
    const limit = this.o.rateLimit;
    if (!limit) return undefined;
    const now = performance.now();
    const windowMs = limit.windowMs ?? 60_000;
    while (this.stamps.length > 0 && now - this.stamps[0]! >= windowMs) this.stamps.shift();
    if (this.stamps.length >= limit.perMinute) return this.throttled(c);
    this.stamps.push(now);
    return undefined;
  }

  private throttled(c: Context, retryAfterSeconds?: number): Response {
    const headers: Record<string, string> = { "Content-Type": MESSAGES_TYPE };
    if (retryAfterSeconds !== undefined) headers["Retry-After"] = String(retryAfterSeconds);
    return c.body(messagesXml([{ code: "Server", description: "Rejected by SLM Monitor" }]), (this.o.throttleStatus ?? 503) as 503, headers);
  }
}
