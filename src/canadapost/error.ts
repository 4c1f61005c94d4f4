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
