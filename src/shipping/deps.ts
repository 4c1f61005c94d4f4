import type { ShippingCarrier } from "../canadapost/index.ts";
import type { Settings } from "../config/index.ts";
import type { Database, Session } from "../db/index.ts";
import { labelsOnFile } from "../labels/index.ts";
import type { NamedService, PurchaseCheck } from "./before-buying.ts";
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
  /**
   * The checks made before the first label of a run is bought (before-buying.ts): the CLI and
   * the desk always give them; without, nothing is checked.
   */
  purchaseCheck?: PurchaseCheck;
  /** Each label saved is queued for the printer (printer.auto_print); the app's printer sends it. */
  queuePrint?: boolean;
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
  /** Set when the checks before buying refused the run: nothing is bought. */
  notReady: string | undefined;
  /**
   * Whether labels may be bought in this run, with these services of the orders at hand too;
   * false (and `notReady` set) when the checks before buying found something to fix.
   */
  readyToBuy(orderServices?: readonly NamedService[]): Promise<boolean>;
  /** True once the run was told to stop starting work (Ctrl-C, or --auto's run.max_minutes). */
  stopping(): boolean;
  /** Whether the labels folder holds a label of the order (src/labels/on-file.ts). */
  labelOnFile(orderId: string): boolean;
}

export function runContext(deps: ShippingDeps, session: Session, signal?: AbortSignal): RunContext {
  // The settings' own services are checked once a run however many labels ask (recovery's
  // workers side by side); a batch's orders bring services of their own.
  let settingsOnly: Promise<boolean> | undefined;
  const check = async (services: readonly NamedService[]): Promise<boolean> => {
    if (ctx.notReady) return false;
    if (!deps.purchaseCheck) return true;
    const result = await deps.purchaseCheck.check(services);
    if (result.note) ctx.emit({ type: "note", message: result.note });
    if (result.problem) ctx.notReady ??= result.problem;
    return ctx.notReady === undefined;
  };
  const ctx: RunContext = {
    ...deps,
    session,
    emit: (event) => deps.onEvent?.(event),
    pause: deps.sleep ?? ((ms) => Bun.sleep(ms)),
    at: async (step, orderId) => {
      await deps.checkpoint?.(step, orderId);
    },
    today: deps.now ?? (() => new Date()),
    refusedKey: undefined,
    notReady: undefined,
    readyToBuy: (services = []) => (services.length > 0 ? check(services) : (settingsOnly ??= check([]))),
    stopping: () => signal?.aborted === true,
    labelOnFile: labelsOnFile(deps.settings.labelsDir),
  };
  return ctx;
}
