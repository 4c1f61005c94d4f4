import type { Marketplace } from "../bestbuy/index.ts";
import type { Settings } from "../config/index.ts";
import type { Database, Session } from "../db/index.ts";
import type { TrackingEvent } from "./events.ts";

/**
 * The step boundaries where a crash is survivable; the crash tests stop the process at each.
 * - `tracking-sent`: OR23 accepted and recorded, OR24 not sent.
 * - `ship-answered`: OR24 accepted, not yet recorded.
 * - `bestbuy-shipped`: OR24 recorded, the shipment and order not yet updated.
 */
export type TrackingCheckpoint = "tracking-sent" | "ship-answered" | "bestbuy-shipped";

export interface TrackingDeps {
  db: Database;
  marketplace: Marketplace;
  settings: { run: Pick<Settings["run"], "concurrency" | "trackingMaxAttempts" | "trackingGiveUpHours"> };
  onEvent?: (event: TrackingEvent) => void;
  checkpoint?: (step: TrackingCheckpoint, orderId: string) => void | Promise<void>;
  now?: () => Date;
}

/** The deps plus this run's own database connection, which holds its shipment locks. */
export interface RunContext extends TrackingDeps {
  session: Session;
  emit(event: TrackingEvent): void;
  at(step: TrackingCheckpoint, orderId: string): Promise<void>;
  today(): Date;
  /** Set by the first `unavailable` answer: the rest of the run sends nothing more. */
  bestBuyDown: boolean;
}

export function runContext(deps: TrackingDeps, session: Session): RunContext {
  return {
    ...deps,
    session,
    emit: (event) => deps.onEvent?.(event),
    at: async (step, orderId) => {
      await deps.checkpoint?.(step, orderId);
    },
    today: deps.now ?? (() => new Date()),
    bestBuyDown: false,
  };
}
