import type { CanadaPostSettings } from "../../config/index.ts";
import type { HttpClient, HttpOutcome, RateLimiter, RetryPolicy } from "../../http/index.ts";
import type { CallSpec, Wire } from "../call.ts";
import type { CanadaPostEndpoint } from "../carrier.ts";
import type { CarrierFailure } from "../outcome.ts";
import type { JsonBody } from "./bodies.ts";
import { classifyJson, quoteJson } from "./classify.ts";
import { PortalTokenSource } from "./token.ts";

export const JSON_TYPE = "application/json";
const MAX_REDIRECTS = 5;

/** One call's use of the OAuth token: which one was sent and when, or why none could be had. */
interface Bearer {
  /** Only a token fetched no earlier than this will do (after a 401). */
  fetchedAfter?: number;
  token?: string;
  sentAt?: number;
  failure?: CarrierFailure;
}

type Spec = CallSpec<unknown, JsonBody>;

/**
 * The Developer Portal's wire: an OAuth 2.0 Bearer token asked for right before each attempt
 * (one more try with a new token after a 401), JSON bodies kept in the audit row as objects,
 * redirects followed, a label or manifest still rendering (404) tried again.
 */
export class PortalWire implements Wire<JsonBody> {
  readonly api = "portal";
  readonly classify = classifyJson;
  readonly quote = quoteJson;

  constructor(
    private readonly o: {
      http: HttpClient;
      settings: CanadaPostSettings;
      baseUrl: string;
      tokens: PortalTokenSource;
      readRetry: RetryPolicy;
      notReadyRetry: RetryPolicy;
    },
  ) {}

  async send(endpoint: CanadaPostEndpoint, relatedId: string | undefined, c: Spec, limiter: RateLimiter | undefined): Promise<HttpOutcome | CarrierFailure> {
    let bearer: Bearer = {};
    let outcome = await this.once(endpoint, relatedId, c, c.url, bearer, limiter);
    if (bearer.failure) return bearer.failure;
    // The token was good by its expires_in when it left (it is checked right before each send,
    // after any wait), so a 401 means it died early (revoked, the gateway restarted) or the keys
    // are refused: one more try with a token fetched since tells which. Only a 401 to that
    // fresh token is the keys themselves being refused.
    if (outcome.kind === "response" && outcome.status === 401 && bearer.token !== undefined) {
      this.o.tokens.invalidate(bearer.token);
      const refused = bearer.sentAt ?? this.o.tokens.time();
      bearer = { fetchedAfter: refused };
      outcome = await this.once(endpoint, relatedId, c, c.url, bearer, limiter);
      if (bearer.failure) return bearer.failure;
    }
    return this.followRedirects(endpoint, relatedId, c, outcome, limiter);
  }

  /**
   * A label link may answer 302 to where the file really is (devportal.md §3.4). Each hop is
   * its own audited GET; the Bearer token goes only to Canada Post's own origin.
   */
  private async followRedirects(endpoint: CanadaPostEndpoint, relatedId: string | undefined, c: Spec, first: HttpOutcome, limiter: RateLimiter | undefined): Promise<HttpOutcome> {
    let outcome = first;
    let url = c.url;
    for (let hop = 0; hop < MAX_REDIRECTS && c.method === "GET" && outcome.kind === "response" && isRedirect(outcome.status); hop++) {
      const location = outcome.headers.get("location");
      if (!location) break;
      url = new URL(location, url).toString();
      const sameOrigin = new URL(url).origin === new URL(this.o.baseUrl).origin;
      outcome = await this.once(endpoint, relatedId, { ...c, method: "GET" }, url, sameOrigin ? {} : undefined, limiter);
    }
    return outcome;
  }

  /**
   * One HTTP call. With `bearer`, the token is asked for right before each attempt goes out,
   * after the limiter's pause and any retry's back-off; what was sent, and a token endpoint's
   * failure, are written back into it.
   */
  private once(endpoint: CanadaPostEndpoint, relatedId: string | undefined, c: Spec, url: string, bearer: Bearer | undefined, limiter: RateLimiter | undefined): Promise<HttpOutcome> {
    const headers: Record<string, string> = { Accept: c.accept, "Accept-Language": "en-CA" };
    const body = c.body === undefined ? undefined : JSON.stringify(c.body);
    if (body !== undefined) headers["Content-Type"] = JSON_TYPE;
    return this.o.http.send({
      service: "CanadaPost",
      endpoint,
      relatedId,
      method: c.method,
      url,
      headers,
      ...(bearer ? { freshHeaders: () => this.bearerHeader(bearer) } : {}),
      body,
      auditPayload: c.body ?? null,
      timeoutMs: this.o.settings.timeoutMs,
      limiter,
      secrets: this.o.tokens.secrets(),
      ...(c.method === "GET" ? { retry: c.notReady ? this.o.notReadyRetry : this.o.readRetry } : {}),
    });
  }

  private async bearerHeader(bearer: Bearer): Promise<Record<string, string> | undefined> {
    const token = await this.o.tokens.get(bearer.fetchedAfter);
    if (token.kind !== "ok") {
      bearer.failure = token;
      return undefined;
    }
    bearer.token = token.value;
    bearer.sentAt = this.o.tokens.time();
    return { Authorization: `Bearer ${token.value}` };
  }
}

const isRedirect = (status: number) => status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
