import type { ShippingCarrier } from "../canadapost/index.ts";
import type { WatchSettings } from "../config/index.ts";
import type { Queryable } from "../db/index.ts";
import type { WatchEvent } from "./events.ts";

export interface ParcelsDeps {
  db: Queryable;
  carrier: Pick<ShippingCarrier, "getTrackingDetails" | "getDeliveryCertificate">;
  settings: { watch: WatchSettings; labelsDir: string };
  /** The clock every decision goes by (a test's simulated days); default the PC's. */
  now?: () => Date;
  onEvent?: (event: WatchEvent) => void;
}
