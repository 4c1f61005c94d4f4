import type { ShippingCarrier } from "../canadapost/index.ts";
import type { Settings } from "../config/index.ts";
import type { Database, Session } from "../db/index.ts";
import type { ShippingEvent } from "./events.ts";

/** The step boundaries where a crash is survivable; the crash tests stop the process at each. */
export type Checkpoint = "claimed" | "create-answered" | "shipment-saved" | "label-written";

export interface ShippingDeps {
  db: Database;
  carrier: ShippingCarrier;
  settings: Pick<Settings, "canadaPost" | "parcel" | "run" | "labelsDir">;
  onEvent?: (event: ShippingEvent) => void;
  checkpoint?: (step: Checkpoint, orderId: string) => void | Promise<void>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

/** The deps plus this run's own database connection, which holds its shipment locks. */
export interface RunContext extends ShippingDeps {
  session: Session;
  emit(event: ShippingEvent): void;
  pause(ms: number): Promise<void>;
  at(step: Checkpoint, orderId: string): Promise<void>;
  today(): Date;
  /** Set when Canada Post refused shipdesk itself (its API key): no further label is started. */
  refusedKey: string | undefined;
  /** True once the run was told to stop starting work (Ctrl-C, or --auto's run.max_minutes). */
  stopping(): boolean;
}

export function runContext(deps: ShippingDeps, session: Session, signal?: AbortSignal): RunContext {
  return {
    ...deps,
    session,
    emit: (event) => deps.onEvent?.(event),
    pause: deps.sleep ?? ((ms) => Bun.sleep(ms)),
    at: async (step, orderId) => {
      await deps.checkpoint?.(step, orderId);
    },
    today: deps.now ?? (() => new Date()),
    refusedKey: undefined,
    stopping: () => signal?.aborted === true,
  };
}
