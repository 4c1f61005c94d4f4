/** One `<message>` of a Canada Post `<messages>` body. */
export interface CanadaPostMessage {
  code: string;
  description: string;
}

/**
 * What Canada Post (or the network on the way) said when a call did not give what was asked.
 * Carried inside the failure outcomes; thrown never.
 */
export class CanadaPostError extends Error {
  override readonly name = "CanadaPostError";

  constructor(
    /** The audit endpoint name: CreateShipment, GetArtifact, … */
    readonly endpoint: string,
    /** HTTP status, or null when no answer came at all. */
    readonly status: number | null,
    /** Every `<message>` of the reply, in order (often empty: 404 on void, timeouts). */
    readonly messages: readonly CanadaPostMessage[],
    /** What went wrong when the messages do not say it: "timed out after 30000 ms", "not a PDF". */
    readonly detail?: string,
  ) {
    super(describe(endpoint, status, messages, detail));
  }

  has(code: string): boolean {
    return this.messages.some((m) => m.code === code);
  }

  /**
   * Canada Post refused shipdesk itself, not the request: its API key (401/403), or, on the
   * Developer Portal, the token endpoint refused the client id and secret. Nothing was done.
   */
  get keyRefused(): boolean {
    if (this.status === 401 || this.status === 403) return true;
    return this.endpoint === "GetToken" && this.status !== null && this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }

  /** Void refused because the shipment was already transmitted (8064): only a refund helps now. */
  get alreadyTransmitted(): boolean {
    return this.has("8064");
  }
}

function describe(endpoint: string, status: number | null, messages: readonly CanadaPostMessage[], detail?: string): string {
  const said = messages.map((m) => `${m.code} ${m.description}`).join("; ");
  const parts = [`Canada Post ${endpoint}`, status === null ? "no answer" : `HTTP ${status}`, said, detail].filter(Boolean);
  return parts.join(": ");
}
