import type { Queryable } from "../db/index.ts";
import insertApiCall from "../../sql/audit/insert_api_call.sql" with { type: "text" };

export type Service = "CanadaPost" | "BestBuy";

/** One row of `api_calls`: one attempt of one call, whatever came of it. */
export interface AuditRecord {
  service: Service;
  endpoint: string;
  relatedId: string | undefined;
  method: string;
  url: string;
  /** JSON as sent; XML as `{ xml: "<…>" }`. Never headers, so never credentials. */
  requestPayload: unknown;
  responseBody: string | null;
  statusCode: number | null;
  isSuccess: boolean;
  durationMs: number;
  error: string | null;
  attempt: number;
}

export interface AuditLog {
  record(entry: AuditRecord): Promise<void>;
}

/**
 * Writes each call to `api_calls`. A failure to write is not swallowed: a call we cannot
 * account for is treated like a lost reply, and the workflows' recovery takes over.
 */
export function databaseAuditLog(db: Queryable): AuditLog {
  return {
    async record(e) {
      await db.query(insertApiCall, [
        e.service,
        e.endpoint,
        e.relatedId ?? null,
        e.method,
        e.url,
        // Serialised here, and cast in SQL, so both drivers store the same JSON.
        e.requestPayload === undefined ? null : JSON.stringify(e.requestPayload),
        e.responseBody,
        e.statusCode,
        e.isSuccess,
        Math.round(e.durationMs),
        e.error,
        e.attempt,
      ]);
    },
  };
}
