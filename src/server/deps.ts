import type { Database } from "../db/index.ts";

/** What fetching a label again from Canada Post came to: the file written, or why not. */
export type RefetchResult = { ok: true; path: string } | { ok: false; message: string };

/**
 * Downloads a shipment's label again from its stored Canada Post label URL and rewrites the
 * file. Never buys a new label: the shipping workflow provides it.
 */
export type RefetchLabel = (shipmentId: number) => Promise<RefetchResult>;

export interface PrintDeps {
  db: Database;
  /** The labels folder: every file the page serves must resolve inside it. */
  labelsDir: string;
  refetchLabel: RefetchLabel;
  now?: () => Date;
  mode?: "sandbox" | "live";
}
