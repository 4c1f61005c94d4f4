import { SANDBOX_ACCOUNT } from "../account.ts";
import { FaultPlan } from "../faults.ts";
import { serveOnLoopback } from "../serve.ts";
import { bestBuySandboxApp } from "./app.ts";
import { SandboxRateLimit } from "./replies.ts";
import type { OrderOverrides } from "./seed.ts";
import { SandboxStateFile } from "../state-file.ts";
import type { BestBuySnapshot, SandboxRules } from "./records.ts";
import { BestBuySandboxState } from "./state.ts";

export interface BestBuySandboxOptions extends Partial<SandboxRules> {
  /** Seed number: the same number gives the same orders. Default 1. */
  seed?: number;
  /** Seeded orders in SHIPPING (accepted, ready to ship). Default 5. */
  orders?: number;
  /** Seeded orders in WAITING_ACCEPTANCE. Default 0. */
  waitingOrders?: number;
  /** Seeded orders already SHIPPED. Default 0. */
  shippedOrders?: number;
  /** Seeded orders with changes (bad postal code, no street …), added after the others. */
  specialOrders?: ReadonlyArray<{ state?: string } & OrderOverrides>;
  /** Added verbatim: malformed orders, orders with fields missing, elements without an id. */
  rawOrders?: readonly unknown[];
  /** Orders (by id) to cancel once seeded. */
  cancel?: readonly string[];
  apiKey?: string;
  shopId?: string;
  /** 429 with Retry-After once an endpoint gets more than `limit` calls within `windowMs`. Off by default. */
  rateLimit?: { limit: number; windowMs: number };
  faults?: FaultPlan;
  now?: () => Date;
  /**
   * Keep the orders, their states and queued faults in this file, so that separate runs meet the
   * same Best Buy (the in-process sandbox of sandbox mode). The seed options apply only when the
   * file does not exist yet.
   */
  stateFile?: string;
}

export interface BestBuySandbox {
  app: ReturnType<typeof bestBuySandboxApp>;
  state: BestBuySandboxState;
  faults: FaultPlan;
  apiKey: string;
  /** Writes the state and queued faults to `stateFile` now (a test setting the scene); a no-op without one. */
  save(): void;
}

export function createBestBuySandbox(options: BestBuySandboxOptions = {}): BestBuySandbox {
  const rules: SandboxRules = {
    debitDelayMs: options.debitDelayMs ?? 0,
    strictTracking: options.strictTracking ?? false,
    requireTrackingBeforeShip: options.requireTrackingBeforeShip ?? false,
    partialAcceptance: options.partialAcceptance ?? false,
  };
  const state = new BestBuySandboxState(rules, options.seed ?? 1, options.now);
  const faults = options.faults ?? new FaultPlan();
  const file = options.stateFile ? new SandboxStateFile(options.stateFile) : undefined;
  const persisted = {
    snapshot: () => ({ state: state.snapshot(), faults: faults.snapshot() }),
    restore: (data: unknown) => {
      const d = data as { state: BestBuySnapshot; faults: Parameters<FaultPlan["restore"]>[0] };
      state.restore(d.state);
      faults.restore(d.faults);
    },
  };
  const saved = file?.read();
  if (saved !== undefined) persisted.restore(saved);
  else {
    for (let i = 0; i < (options.orders ?? 5); i++) state.addSeededOrder("SHIPPING");
    for (let i = 0; i < (options.waitingOrders ?? 0); i++) state.addSeededOrder("WAITING_ACCEPTANCE");
    for (let i = 0; i < (options.shippedOrders ?? 0); i++) state.addSeededOrder("SHIPPED");
    for (const special of options.specialOrders ?? []) state.addSeededOrder(special.state ?? "SHIPPING", special);
    for (const raw of options.rawOrders ?? []) state.addRawOrder(raw);
    for (const id of options.cancel ?? []) state.cancel(id);
    file?.write(persisted.snapshot());
  }
  const apiKey = options.apiKey ?? SANDBOX_ACCOUNT.bestBuy.apiKey;
  const rateLimit = options.rateLimit ? new SandboxRateLimit(options.rateLimit.limit, options.rateLimit.windowMs) : undefined;
  const app = bestBuySandboxApp({ state, faults, apiKey, shopId: options.shopId, rateLimit, persist: file && file.middleware(persisted) });
  return { app, state, faults, apiKey, save: () => file?.write(persisted.snapshot()) };
}

export interface RunningBestBuySandbox extends BestBuySandbox {
  /** e.g. http://127.0.0.1:41234; the client adds /api/…. */
  url: string;
  stop(): Promise<void>;
}

/** The sandbox on a loopback port (0: any free one). */
export function startBestBuySandbox(options: BestBuySandboxOptions & { port?: number } = {}): RunningBestBuySandbox {
  const sandbox = createBestBuySandbox(options);
  const server = serveOnLoopback(sandbox.app, options.port ?? 0, () => sandbox.faults.releaseHangs());
  return { ...sandbox, url: server.url, stop: () => server.stop() };
}
