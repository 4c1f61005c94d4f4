import { afterAll, afterEach, beforeAll } from "bun:test";
import { BestBuyClient } from "../../src/bestbuy/index.ts";
import { SANDBOX_CREDENTIALS, type BestBuySettings } from "../../src/config/index.ts";
import type { Database } from "../../src/db/index.ts";
import { databaseAuditLog, HttpClient } from "../../src/http/index.ts";
import { startBestBuySandbox, type BestBuySandboxOptions, type RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { syncOrders } from "../../src/orders/index.ts";
import type { TrackingDeps } from "../../src/tracking/index.ts";
import insertShipment from "./insert_shipment.sql" with { type: "text" };
import reset from "./reset.sql" with { type: "text" };
import resetCalls from "./reset_calls.sql" with { type: "text" };
import shipmentState from "./shipment_state.sql" with { type: "text" };
import callsForOrder from "./calls_for_order.sql" with { type: "text" };
import { freshServerDatabase, type TestDatabase } from "../support/database.ts";

/** A client on `url` that records to `db`, with short waits so retries stay quick. */
export function trackingClient(db: Database, url: string, apiKey: string = SANDBOX_CREDENTIALS.bestBuyApiKey): BestBuyClient {
  return new BestBuyClient({
    http: new HttpClient({ audit: databaseAuditLog(db), maxWaitMs: 5_000 }),
    baseUrl: url,
    apiKey,
    carrierCode: "CPCL",
    baseDelayMs: 20,
    maxDelayMs: 100,
    timeoutMs: 5_000,
  });
}

export const runSettings = (overrides: Partial<TrackingDeps["settings"]["run"]> = {}): TrackingDeps["settings"] => ({
  run: { concurrency: 1, trackingMaxAttempts: 5, trackingGiveUpHours: 24, ...overrides },
});

export const pinFor = (index: number) => String(7_023_000_000_000_000 + index);

const bestBuySettings = (url: string): BestBuySettings => ({
  baseUrl: url,
  apiKey: SANDBOX_CREDENTIALS.bestBuyApiKey,
  shopId: undefined,
  carrierCode: "CPCL",
  autoAccept: false,
  timeoutMs: 5_000,
});

/** `shipdesk orders sync` against the sandbox: the intake's view of Best Buy's orders. */
export async function sync(db: Database, sandbox: RunningBestBuySandbox) {
  return syncOrders({ db, marketplace: trackingClient(db, sandbox.url), settings: { bestBuy: bestBuySettings(sandbox.url) } });
}

/**
 * A fresh sandbox with `orders` orders in SHIPPING, synced into the database by the intake,
 * each with a bought label (the label workflow is tested elsewhere; here the label is a fixture).
 */
export async function scene(db: Database, options: BestBuySandboxOptions = {}): Promise<{ sandbox: RunningBestBuySandbox; orderIds: string[] }> {
  const sandbox = startBestBuySandbox({ seed: 11, orders: 3, ...options });
  await db.exec(reset);
  const orderIds = sandbox.state.orderIds("SHIPPING");
  const synced = await sync(db, sandbox);
  if (synced.imported !== orderIds.length) throw new Error(`the intake imported ${synced.imported} of ${orderIds.length} orders`);
  for (const [i, id] of orderIds.entries()) await db.query(insertShipment, [id, `${id}-1`.slice(0, 35), pinFor(i)]);
  await db.exec(resetCalls);
  return { sandbox, orderIds };
}

export interface TrackingTests {
  /** The file's database. */
  readonly db: Database;
  /** Its address, for a child process. */
  readonly url: string;
  /** A fresh scene (see `scene`) on the file's database; its sandbox is stopped after the test. */
  scene(options?: BestBuySandboxOptions): Promise<{ sandbox: RunningBestBuySandbox; orderIds: string[] }>;
}

/** The set-up the tracking tests share: one database named `name` for the file, a scene per test. */
export function trackingTests(name: string): TrackingTests {
  let tdb: TestDatabase | undefined;
  let sandbox: RunningBestBuySandbox | undefined;
  beforeAll(async () => {
    tdb = await freshServerDatabase(name);
  });
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });
  afterAll(async () => {
    await tdb?.drop();
  });
  const database = () => {
    if (!tdb) throw new Error("the tracking tests' database is made before the first test");
    return tdb;
  };
  return {
    get db() {
      return database().db;
    },
    get url() {
      return database().url;
    },
    async scene(options) {
      const made = await scene(database().db, options);
      sandbox = made.sandbox;
      return made;
    },
  };
}

export interface ShipmentState extends Record<string, unknown> {
  status: string;
  tracking_pin: string | null;
  attention: string | null;
  last_error: string | null;
  error_messages: unknown;
  tracking_attempts: number;
  tracking_first_failed_at: Date | null;
  tracking_sent_at: Date | null;
  bestbuy_shipped_at: Date | null;
  tracking_updated_at: Date | null;
  order_status: string;
  shipped_at: Date | null;
  order_attention: string | null;
}

export async function stateOf(db: Database, orderId: string): Promise<ShipmentState> {
  const rows = await db.query<ShipmentState>(shipmentState, [orderId]);
  if (!rows[0]) throw new Error(`no shipment for ${orderId}`);
  return rows[0];
}

export interface CallRow extends Record<string, unknown> {
  service: string;
  endpoint: string;
  status_code: number | null;
  is_success: boolean;
  attempt: number;
}

export const callsFor = (db: Database, orderId: string) => db.query<CallRow>(callsForOrder, [orderId]);

/** OR24 calls Best Buy answered for the order, by status: `[204]` is one accepted call. */
export const shipStatuses = (sandbox: RunningBestBuySandbox, orderId: string) => sandbox.state.shipCalls(orderId).map((c) => c.status);
export const trackingStatuses = (sandbox: RunningBestBuySandbox, orderId: string) => sandbox.state.trackingCalls(orderId).map((c) => c.status);
