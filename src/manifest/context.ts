import type { Session } from "../db/index.ts";
import type { EndOfDayCheckpoint, EndOfDayDeps } from "./deps.ts";
import type { EndOfDayEvent, EndOfDaySummary } from "./events.ts";

/** The deps plus this run's own connection (which holds the end-of-day lock) and its summary. */
export interface EndOfDayRun extends EndOfDayDeps {
  session: Session;
  summary: EndOfDaySummary;
  emit(event: EndOfDayEvent): void;
  at(step: EndOfDayCheckpoint): Promise<void>;
  today(): Date;
  /** Manifests this run already tried to fetch: one try per run, so `attempts` counts runs. */
  triedManifests: Set<number>;
}

/** The last path segment of a Canada Post link: the shipment or manifest id. */
export const idOfHref = (href: string): string => new URL(href).pathname.split("/").filter(Boolean).pop() ?? href;

/** YYYYMMDD of the local date, as Canada Post's dates and group ids are written. */
export function localYmd(d: Date): string {
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
}
