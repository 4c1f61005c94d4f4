import type { ShippingCarrier } from "../canadapost/index.ts";
import type { Database } from "../db/index.ts";

export interface VoidDeps {
  db: Database;
  carrier: ShippingCarrier;
}

export interface VoidOptions {
  /** The clerk's words, kept on the shipment. */
  reason?: string | undefined;
  /** Make the order shippable again: the next ship run buys one new label. */
  allowReship?: boolean;
  /** Where Canada Post writes about a refund (needed only when the label was transmitted). */
  email?: string | undefined;
}

/**
 * What became of the request, as values:
 * - done: voided, or a refund requested (ticket), or already so; `reshipped` when the order ships again.
 * - refused: nothing to do, or not safe now; the message says what to do instead.
 * - rejected: Canada Post said no; its words are in the message.
 * - unreachable: no answer from Canada Post; run the command again later.
 */
export type VoidResult =
  | {
      kind: "done";
      action: "voided" | "refund_requested" | "already";
      message: string;
      ticketId: string | undefined;
      reshipped: boolean;
      warnings: string[];
    }
  | { kind: "refused" | "rejected" | "unreachable"; message: string; warnings: string[] };
