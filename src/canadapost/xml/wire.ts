import type { CanadaPostSettings } from "../../config/index.ts";
import type { HttpClient, HttpOutcome, RateLimiter, RetryPolicy } from "../../http/index.ts";
import type { CallSpec, Wire } from "../call.ts";
import type { CanadaPostEndpoint } from "../carrier.ts";
import { classify, shortBody } from "./classify.ts";

/**
 * The XML web services' wire: HTTP Basic with the API username and password, the vendor media
 * type as Accept (and as Content-Type of a body), the XML kept in the audit row as sent.
 */
export class XmlWire implements Wire<string> {
  readonly api = "xml";
  readonly classify = classify;
  readonly quote = shortBody;
  private readonly authorization: string;

  constructor(
    private readonly http: HttpClient,
    private readonly settings: CanadaPostSettings,
    private readonly readRetry: RetryPolicy,
  ) {
    const { username, password } = settings;
    this.authorization = `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
  }

  send(endpoint: CanadaPostEndpoint, relatedId: string | undefined, c: CallSpec<unknown, string>, limiter: RateLimiter | undefined): Promise<HttpOutcome> {
    const headers: Record<string, string> = { Authorization: this.authorization, Accept: c.accept, "Accept-language": "en-CA" };
    if (c.body !== undefined) headers["Content-Type"] = c.accept;
    return this.http.send({
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
  }
}
