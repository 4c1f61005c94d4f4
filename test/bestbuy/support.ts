import { BestBuyClient, type BestBuyClientOptions } from "../../src/bestbuy/index.ts";
import { SANDBOX_CREDENTIALS } from "../../src/config/index.ts";
import type { Queryable } from "../../src/db/index.ts";
import { databaseAuditLog, HttpClient } from "../../src/http/index.ts";

/** A client on the sandbox that records to `db`, with short waits so retries stay quick. */
export function sandboxClient(db: Queryable, url: string, options: Partial<BestBuyClientOptions> = {}): BestBuyClient {
  return new BestBuyClient({
    http: new HttpClient({ audit: databaseAuditLog(db), maxWaitMs: 5_000 }),
    baseUrl: url,
    apiKey: SANDBOX_CREDENTIALS.bestBuyApiKey,
    baseDelayMs: 20,
    maxDelayMs: 100,
    timeoutMs: 5_000,
    ...options,
  });
}
