import { looksLikePdf, looksLikeZpl, sha256 } from "../pdf.ts";
import type { AuditLog, Service } from "./audit.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import { isSuccess, retryAfterMs, type HttpOutcome } from "./outcome.ts";

export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number;
  /** Whether this outcome may be tried again. Only safe calls (reads, overwrites) say yes. */
  retryOn: (outcome: HttpOutcome) => boolean;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface HttpRequest {
  service: Service;
  /** The audit name: CreateShipment, GetArtifact, ListOrders, … */
  endpoint: string;
  relatedId?: string | undefined;
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  /**
   * Headers worked out right before each attempt goes out, after any wait (the limiter's pause
   * after a throttle, a retry's back-off): an OAuth token that may have run out while waiting is
   * checked then, not when the call was queued. Undefined sends nothing, and the call ends there
   * (the caller knows why: the token could not be had).
   */
  freshHeaders?: () => Promise<Record<string, string> | undefined>;
  body?: string | undefined;
  /** What `api_calls.request_payload` keeps; defaults to `{ body }` when there is a body. */
  auditPayload?: unknown;
  timeoutMs: number;
  retry?: RetryPolicy;
  /** Every attempt of this call counts against this limit (Canada Post's rate limit). */
  limiter?: RateLimiter | undefined;
  /**
   * Credentials that must never reach `api_calls`, wherever they turn up: Canada Post's label
   * links carry the API username in their path, a service may echo a key in an error.
   */
  secrets?: readonly string[];
  /**
   * Rewrites the reply before it is audited, for a secret that only the reply itself names
   * (an OAuth access token). The caller still gets the reply as it came.
   */
  auditResponse?: (text: string) => string;
}

/** Replaces every secret (of 4 characters or more) in `text`. */
export function redact(text: string, secrets: readonly string[] | undefined): string {
  let out = text;
  for (const secret of secrets ?? []) if (secret.length >= 4) out = out.replaceAll(secret, "[redacted]");
  return out;
}

export interface HttpClientOptions {
  audit: AuditLog;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Upper bound on any wait between attempts, Retry-After included. */
  maxWaitMs?: number;
  /**
   * A clock of the caller's own (a test's simulated days): each api_calls row is dated by it.
   * Without it the database dates the rows.
   */
  now?: () => Date;
}

const TEXT_LIMIT = 1_000_000;

function isPdf(bytes: Uint8Array, headers: Headers): boolean {
  return (headers.get("content-type") ?? "").includes("application/pdf") || looksLikePdf(bytes);
}

/** A label (PDF or ZPL) is kept by size and checksum: the audit log is for what was said, not for the label. */
export async function auditBody(o: HttpOutcome): Promise<string | null> {
  if (o.kind !== "response") return null;
  if (isPdf(o.body, o.headers)) return `[PDF ${o.body.byteLength} bytes, sha256 ${sha256(o.body)}]`;
  if (looksLikeZpl(o.body)) return `[ZPL ${o.body.byteLength} bytes, sha256 ${sha256(o.body)}]`;
  return o.text.length > TEXT_LIMIT ? `${o.text.slice(0, TEXT_LIMIT)}… [${o.text.length} characters in all]` : o.text;
}

function describeNetworkError(error: unknown): string {
  const e = error as { code?: string; message?: string; name?: string };
  const text = [e.code, e.message].filter(Boolean).join(": ");
  return text || String(error);
}

/**
 * The one place shipdesk calls fetch. Every attempt gets a timeout that covers the whole body,
 * an `api_calls` row, and a retry only when the caller's policy says the call is safe to repeat.
 */
export class HttpClient {
  private readonly audit: AuditLog;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxWaitMs: number;
  private readonly now: (() => Date) | undefined;

  constructor(options: HttpClientOptions) {
    this.now = options.now;
    this.audit = options.audit;
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => Bun.sleep(ms));
    this.maxWaitMs = options.maxWaitMs ?? 120_000;
  }

  async send(request: HttpRequest): Promise<HttpOutcome> {
    const policy = request.retry;
    const attempts = Math.max(1, policy?.attempts ?? 1);
    let outcome: HttpOutcome | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const n = attempt;
      const sent = request.limiter ? await request.limiter.run(() => this.attempt(request, n)) : await this.attempt(request, n);
      if (sent === undefined) return { kind: "no-answer", error: "not sent (its headers could not be made)", timedOut: false, durationMs: 0, attempt };
      outcome = sent;
      if (attempt === attempts || !policy || !policy.retryOn(outcome)) break;
      await this.sleep(this.delay(outcome, attempt, policy));
    }
    return outcome!;
  }

  /** Exponential backoff with jitter, unless the server said how long to wait. */
  private delay(outcome: HttpOutcome, attempt: number, policy: RetryPolicy): number {
    const asked = retryAfterMs(outcome);
    if (asked !== undefined) return Math.min(asked, this.maxWaitMs);
    const base = policy.baseDelayMs ?? 500;
    const max = policy.maxDelayMs ?? 10_000;
    const exp = Math.min(max, base * 2 ** (attempt - 1));
    return Math.min(this.maxWaitMs, Math.round(exp / 2 + Math.random() * (exp / 2)));
  }

  private async attempt(request: HttpRequest, attempt: number): Promise<HttpOutcome | undefined> {
    let headers = request.headers;
    if (request.freshHeaders) {
      const fresh = await request.freshHeaders();
      if (fresh === undefined) return undefined;
      headers = { ...headers, ...fresh };
    }
    const started = performance.now();
    const calledAt = this.now?.();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs);
    let outcome: HttpOutcome;
    try {
      const response = await this.fetchImpl(request.url, {
        method: request.method,
        headers,
        body: request.body,
        signal: controller.signal,
        redirect: "manual",
        // A state change (buying a label, shipping an order) always goes on a new connection:
        // a reused keep-alive socket the server has just closed can make fetch send it twice.
        keepalive: request.method === "GET",
      });
      const body = new Uint8Array(await response.arrayBuffer());
      outcome = {
        kind: "response",
        status: response.status,
        headers: response.headers,
        body,
        text: new TextDecoder().decode(body),
        durationMs: performance.now() - started,
        attempt,
      };
    } catch (error) {
      outcome = {
        kind: "no-answer",
        error: timedOut ? `no answer within ${request.timeoutMs} ms (timed out)` : describeNetworkError(error),
        timedOut,
        durationMs: performance.now() - started,
        attempt,
      };
    } finally {
      clearTimeout(timer);
    }
    const secrets = request.secrets;
    const payload = request.auditPayload ?? (request.body === undefined ? null : { body: request.body });
    const response = await auditBody(outcome);
    await this.audit.record({
      service: request.service,
      endpoint: request.endpoint,
      relatedId: request.relatedId,
      method: request.method,
      url: redact(request.url, secrets),
      requestPayload: secrets?.length ? JSON.parse(redact(JSON.stringify(payload), secrets)) : payload,
      responseBody: response === null ? null : redact(request.auditResponse ? request.auditResponse(response) : response, secrets),
      statusCode: outcome.kind === "response" ? outcome.status : null,
      isSuccess: isSuccess(outcome),
      durationMs: outcome.durationMs,
      error: outcome.kind === "no-answer" ? redact(outcome.error, secrets) : null,
      attempt,
      calledAt,
    });
    return outcome;
  }
}
