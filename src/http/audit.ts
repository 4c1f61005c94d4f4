import { namedParams } from "../common/named-params.ts";
import type { Queryable } from "../db/index.ts";
import insertApiCall from "../../sql/audit/insert_api_call.sql" with { type: "text" };

export type Service = "CanadaPost" | "BestBuy" | "Alert";

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
  /** When the call was made, by the client's own clock; undefined: the database's now(). */
  calledAt?: Date | undefined;
}

export interface AuditLog {
  record(entry: AuditRecord): Promise<void>;
}

const insertApiCallParams = namedParams(insertApiCall, [
  "service", "endpoint", "related_id", "method", "url", "request_payload", "response_body", "status_code",
  "is_success", "duration_ms", "error", "attempt", "called_at",
] as const);

/**
 * Writes each call to `api_calls`. A failure to write is not swallowed: a call we cannot
 * account for is treated like a lost reply, and the workflows' recovery takes over.
 */
export function databaseAuditLog(db: Queryable): AuditLog {
  return {
    async record(e) {
      await db.query(
        insertApiCall,
        insertApiCallParams({
          service: e.service,
          endpoint: e.endpoint,
          related_id: e.relatedId ?? null,
          method: e.method,
          url: e.url,
          // Serialised here, and cast in SQL, so both drivers store the same JSON.
          request_payload: e.requestPayload === undefined ? null : JSON.stringify(e.requestPayload),
          response_body: e.responseBody,
          status_code: e.statusCode,
          is_success: e.isSuccess,
          duration_ms: Math.round(e.durationMs),
          error: e.error,
          attempt: e.attempt,
          called_at: e.calledAt ? e.calledAt.toISOString() : null,
        }),
      );
    },
  };
}
