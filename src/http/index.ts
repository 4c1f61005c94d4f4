export { HttpClient, auditBody, redact, type HttpRequest, type RetryPolicy, type HttpClientOptions } from "./client.ts";
export { databaseAuditLog, type AuditLog, type AuditRecord, type Service } from "./audit.ts";
export { isSuccess, retryAfterMs, type HttpOutcome, type HttpResponse, type HttpNoAnswer } from "./outcome.ts";
export { FIRST_BACKOFF_MS, RateLimiter } from "./rate-limiter.ts";
export { routedFetch } from "./routed-fetch.ts";
