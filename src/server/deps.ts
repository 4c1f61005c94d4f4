import type { Database } from "../db/index.ts";

/** What fetching a label again from Canada Post came to: the file written, or why not. */
export type RefetchResult = { ok: true; path: string } | { ok: false; message: string };

/**
 * Downloads a shipment's label again from its stored Canada Post label URL and rewrites the
 * file. Never buys a new label: the shipping workflow provides it.
 */
export type RefetchLabel = (shipmentId: number) => Promise<RefetchResult>;

/**
 * Buys again what the clerk asks for on Needs attention: refused labels (as ship --retry: built
 * afresh, quoted again) and new labels for orders whose label was cancelled. With `service`, that
 * service is kept on each order first. Returns a sentence for each order that was not started.
 */
export type BuyAgain = (selection: { refused: string[]; voided: string[]; service: string | undefined }) => Promise<{ refusals: string[] }>;

/** The printer the settings name, as the page may use it: where it is, and "send these labels" (a person asking: a label printed before is reprinted, and said to be). */
export interface PagePrinter {
  described: string;
  send(shipmentIds: readonly number[]): Promise<{ orderId: string; kind: "printed" | "not-sent" | "in-doubt" | "refused"; reprint?: boolean; sentence: string }[]>;
}

/** Saves the Delivery Confirmation Certificate of an order's delivered parcel beside its label. */
export type SaveProof = (orderId: string) => Promise<{ ok: true; path: string } | { ok: false; message: string }>;

export interface PrintDeps {
  db: Database;
  /** The labels folder: every file the page serves must resolve inside it. */
  labelsDir: string;
  refetchLabel: RefetchLabel;
  /** Without it (a page for printing only) the "buy again" buttons are not offered. */
  buyAgain?: BuyAgain | undefined;
  /** Without it the Parcels view shows saved certificates but cannot ask for one. */
  saveProof?: SaveProof | undefined;
  now?: () => Date;
  mode?: "sandbox" | "live";
  /** Without it (printer.kind = "none") the page offers no "send to the printer". */
  printer?: PagePrinter | undefined;
  /** The printer's resolution, at which ZPL labels are drawn (203 by default). */
  dpi?: 203 | 300 | 600;
}
