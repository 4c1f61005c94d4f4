import type { Context } from "hono";
import type { Fault, FaultReplies } from "../../faults.ts";
import { acceptedTypes, type Endpoint, type Gateway, type Media } from "../gate.ts";
import type { PostOffice, Refusal } from "../post-office.ts";

export const JSON_TYPE = "application/json";

/** One error of the spec's error body. */
export type Failure = { errorCode: string; message: string };

const TITLES: Record<number, string> = { 403: "Forbidden", 404: "Not Found", 406: "Not Acceptable", 415: "Unsupported Media Type" };

/** A JSON reply. */
export const json = (c: Context, body: unknown, status = 200): Response => c.body(JSON.stringify(body), status as 200, { "Content-Type": JSON_TYPE });

/** The spec's error body `{title, detail, errors}`, titled by its status. */
export function fail(c: Context, status: number, errors: Failure[]): Response {
  const title = TITLES[status] ?? "Validation failed";
  return json(c, { title, detail: errors.length ? "Errors occurred while processing the request." : title, errors }, status);
}

/** Canada Post's no, in the spec's error body: one refusal, or several of one status. */
export function refuse(c: Context, refusals: Refusal | readonly Refusal[]): Response {
  const list = Array.isArray(refusals) ? refusals : [refusals as Refusal];
  return fail(c, list[0]!.status, list.map((r) => ({ errorCode: r.code, message: r.text })));
}

export const notFound = (c: Context): Response => fail(c, 404, [{ errorCode: "404", message: "The requested resource was not found." }]);

/** The IBM gateway's own 401 `{httpCode, httpMessage, moreInformation}`, alone or in an array as seen live. */
function unauthorized(c: Context, more: string, asArray: boolean): Response {
  const e = { httpCode: "401", httpMessage: "Unauthorized", moreInformation: more };
  return json(c, asArray ? [e] : e, 401);
}

/**
 * The Developer Portal's gateway: OAuth 2.0 Bearer tokens that expire (handed out by the token
 * route), the mailed-by customer in the path, JSON media types, and its throttle (429).
 */
export class PortalGateway implements Gateway {
  /** Token → when it expires (ms since the epoch). */
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly office: PostOffice,
    private readonly o: { lifetimeSeconds: number; throttleStatus?: number | undefined },
  ) {}

  faultReplies(c: Context): FaultReplies {
    return {
      status: (fault: Extract<Fault, { kind: "status" }>) =>
        c.body(fault.body ?? JSON.stringify({ httpCode: String(fault.status), httpMessage: "Service Unavailable", moreInformation: "Failed to establish a backside connection" }), fault.status as 500, {
          "Content-Type": fault.contentType ?? JSON_TYPE,
          ...fault.headers,
        }),
      throttled: (retryAfterSeconds) => {
        const headers: Record<string, string> = { "Content-Type": JSON_TYPE };
        if (retryAfterSeconds !== undefined) headers["Retry-After"] = String(retryAfterSeconds);
        return c.body(JSON.stringify({ httpCode: "429", httpMessage: "Too Many Requests", moreInformation: "Rejected by SLM Monitor" }), (this.o.throttleStatus ?? 429) as 429, headers);
      },
      malformed: () => c.body('{"shipmentId":"12', 200, { "Content-Type": JSON_TYPE }),
    };
  }

  check(c: Context, endpoint: Endpoint, media: Media): Response | undefined {
    if (endpoint !== "GetToken") {
      const refused = this.bearerRefused(c);
      if (refused) return refused;
      if (!this.office.isCustomer(c.req.param("mb"))) return fail(c, 403, [{ errorCode: "AA003", message: "The API key does not match the mailed-by customer number." }]);
    }
    if (!acceptedTypes(c).includes(media.accept)) {
      return fail(c, 406, [{ errorCode: "Server", message: `Accept header must be ${media.accept}; got "${c.req.header("accept") ?? ""}".` }]);
    }
    if (media.contentType !== undefined && (c.req.header("content-type") ?? "").split(";")[0]!.trim() !== media.contentType) {
      return fail(c, 415, [{ errorCode: "Server", message: `Content-Type must be ${media.contentType}; got "${c.req.header("content-type") ?? ""}".` }]);
    }
    return undefined;
  }

  private bearerRefused(c: Context): Response | undefined {
    const auth = c.req.header("authorization") ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : undefined;
    const expires = token === undefined ? undefined : this.tokens.get(token);
    if (expires === undefined) return unauthorized(c, "Cannot pass the security checks that are required by the target API or operation, Enable debug headers for more details.", false);
    if (Date.now() >= expires) return unauthorized(c, "The access token has expired.", true);
    return undefined;
  }

  /** A new token, good for the lifetime from now. */
  issue(): { token: string; expiresIn: number } {
    const token = crypto.randomUUID().replace(/-/g, "") + crypto.randomUUID().replace(/-/g, "");
    this.tokens.set(token, Date.now() + this.o.lifetimeSeconds * 1000);
    return { token, expiresIn: this.o.lifetimeSeconds };
  }

  /** Ends every token handed out so far: the next call with one gets a 401. */
  expireTokens(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }

  issuedTokens(): string[] {
    return [...this.tokens.keys()];
  }
}
