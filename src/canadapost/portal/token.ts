import type { HttpClient, HttpOutcome, RetryPolicy } from "../../http/index.ts";
import { ok, type CarrierOutcome } from "../outcome.ts";
import { classifyJson, unreadableJson } from "./classify.ts";
import { parseTokenJson } from "./replies.ts";

/** The token endpoint, relative to the gateway root (devportal.md §2). */
export const TOKEN_PATH = "/cpc-api-native-oauth-provider/oauth2/token";

export interface TokenSourceOptions {
  http: HttpClient;
  /** The gateway root (…/devportal-portaildesdeveloppeurs, or the sandbox's address). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  retry: RetryPolicy;
  now?: () => number;
}

/**
 * The OAuth 2.0 client-credentials token, kept in memory and shared by every call and worker
 * of the run. Sources disagree on its lifetime (1 h, 8 h, 30 min): `expires_in` is honoured,
 * and a new token is fetched a little before it runs out (a tenth of the lifetime, at most a
 * minute). The client asks for it right before each send, after any wait, so no call goes out
 * with a token that ran out while it waited. Concurrent callers share one token request.
 */
export class PortalTokenSource {
  private current: { token: string; refreshAt: number; fetchedAt: number } | undefined;
  private pending: { outcome: Promise<CarrierOutcome<string>>; startedAt: number } | undefined;
  private readonly now: () => number;

  constructor(private readonly o: TokenSourceOptions) {
    this.now = o.now ?? Date.now;
  }

  /** The source's clock, for "fetched after" questions. */
  time(): number {
    return this.now();
  }

  /** The secrets of the flow, for redaction: the id, the secret and the token now in use. */
  secrets(): string[] {
    return [this.o.clientId, this.o.clientSecret, ...(this.current ? [this.current.token] : [])];
  }

  /**
   * A token good for a while yet; with `fetchedAfter`, one asked for no earlier than that
   * (after a 401, only a token fetched since can tell a revoked token from refused keys).
   */
  async get(fetchedAfter = Number.NEGATIVE_INFINITY): Promise<CarrierOutcome<string>> {
    for (;;) {
      const c = this.current;
      if (c && this.now() < c.refreshAt && c.fetchedAt >= fetchedAfter) return ok(c.token);
      const p = this.pending;
      if (p && p.startedAt < fetchedAfter) {
        // A request already on its way was sent too early to count: let it land, then ask anew.
        await p.outcome;
        continue;
      }
      if (p) return p.outcome;
      const startedAt = this.now();
      const outcome = this.fetch(startedAt).finally(() => {
        if (this.pending?.outcome === outcome) this.pending = undefined;
      });
      this.pending = { outcome, startedAt };
      return outcome;
    }
  }

  /** After a 401: this token is no good any more (expired early, revoked); the next get() fetches one. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private async fetch(started: number): Promise<CarrierOutcome<string>> {
    const { clientId, clientSecret } = this.o;
    // The guide's curl sends the X-IBM headers, Canada Post's own samples the form fields:
    // both are sent, the combination devportal.md §2 finds safest.
    const form = new URLSearchParams({ grant_type: "client_credentials", scope: "merchant", client_id: clientId, client_secret: clientSecret }).toString();
    const outcome: HttpOutcome = await this.o.http.send({
      service: "CanadaPost",
      endpoint: "GetToken",
      method: "POST",
      url: `${this.o.baseUrl}${TOKEN_PATH}`,
      headers: {
        Accept: "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
        "X-IBM-Client-Id": clientId,
        "X-IBM-Client-Secret": clientSecret,
      },
      body: form,
      auditPayload: { form },
      timeoutMs: this.o.timeoutMs,
      retry: this.o.retry,
      secrets: [clientId, clientSecret, encodeURIComponent(clientSecret)],
      auditResponse: (text) => text.replace(/("access_token"\s*:\s*")[^"]*"/g, '$1[redacted]"'),
    });
    const sorted = classifyJson("GetToken", outcome);
    if (sorted.kind !== "answer") return sorted;
    const token = parseTokenJson(sorted.response.text);
    if (!token) return unreadableJson("GetToken", sorted.response, "expected a token reply {access_token, expires_in}");
    const lifetimeMs = token.expiresInSeconds * 1000;
    const margin = Math.min(60_000, lifetimeMs / 10);
    this.current = { token: token.accessToken, refreshAt: started + lifetimeMs - margin, fetchedAt: started };
    return ok(token.accessToken);
  }
}
