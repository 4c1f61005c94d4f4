import type { ShippingCarrier } from "../canadapost/index.ts";
import type { Settings } from "../config/index.ts";
import type { Database } from "../db/index.ts";
import type { EndOfDayEvent } from "./events.ts";

/** Where a crash is survivable; the crash tests stop the process here. */
export type EndOfDayCheckpoint = "transmit-sent" | "transmit-recorded" | "manifest-recorded" | "pdf-written";

export interface EndOfDayDeps {
  db: Database;
  carrier: ShippingCarrier;
  settings: Pick<Settings, "canadaPost" | "labelsDir">;
  onEvent?: (event: EndOfDayEvent) => void;
  checkpoint?: (step: EndOfDayCheckpoint) => void | Promise<void>;
  now?: () => Date;
}
