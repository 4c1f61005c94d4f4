import { bestBuyClientFromSettings, type Marketplace } from "../bestbuy/index.ts";
import { CanadaPostXmlClient, throttleLimiters, type ShippingCarrier } from "../canadapost/index.ts";
import type { Settings } from "../config/index.ts";
import { migrate, openDatabase, type Database } from "../db/index.ts";
import { databaseAuditLog, HttpClient, routedFetch } from "../http/index.ts";
import type { BestBuySandboxOptions } from "../sandbox/bestbuy/index.ts";
import type { ShippingDeps } from "../shipping/index.ts";

export interface Sandboxes {
  canadaPost: import("../sandbox/canadapost/index.ts").RunningCanadaPostSandbox;
  bestBuy: import("../sandbox/bestbuy/index.ts").RunningBestBuySandbox;
  /** The fixed origin of the Canada Post sandbox's links, routed to `canadaPost.url`. */
  canadaPostOrigin: string;
}

/** Everything a command needs, connected: the database, both services, the settings. */
export interface App {
  settings: Settings;
  db: Database;
  carrier: ShippingCarrier;
  marketplace: Marketplace;
  /** The built-in sandboxes, when sandbox mode started them in this process. */
  sandboxes: Sandboxes | undefined;
  /** "embedded PostgreSQL in …; Canada Post and Best Buy: SANDBOX (built in)". */
  where: string;
  shippingDeps(extra?: Partial<ShippingDeps>): ShippingDeps;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** How the in-process Best Buy sandbox is seeded (sandbox mode only). */
  bestBuySandbox?: BestBuySandboxOptions;
}

async function startSandboxes(settings: Settings, options: OpenOptions): Promise<Sandboxes | undefined> {
  if (settings.mode !== "sandbox") return undefined;
  if (settings.canadaPost.baseUrl && settings.bestBuy.baseUrl) return undefined;
  const { startCanadaPostSandbox } = await import("../sandbox/canadapost/index.ts");
  const { startBestBuySandbox } = await import("../sandbox/bestbuy/index.ts");
  const { BUILT_IN_CANADA_POST_ORIGIN, sandboxStateFiles } = await import("../sandbox/state-file.ts");
  // Kept in the data folder: what one run bought, the next run's Canada Post knows, as the real one would.
  const files = sandboxStateFiles(settings.dataDir);
  return {
    canadaPostOrigin: BUILT_IN_CANADA_POST_ORIGIN,
    canadaPost: startCanadaPostSandbox({
      username: settings.canadaPost.username,
      password: settings.canadaPost.password,
      customerNumber: settings.canadaPost.customerNumber,
      stateFile: files.canadaPost,
      baseUrl: BUILT_IN_CANADA_POST_ORIGIN,
    }),
    bestBuy: startBestBuySandbox({ orders: 8, apiKey: settings.bestBuy.apiKey, stateFile: files.bestBuy, ...options.bestBuySandbox }),
  };
}

/** Opens the database (migrating it), and the Canada Post and Best Buy clients. */
export async function openApp(settings: Settings, options: OpenOptions = {}): Promise<App> {
  const db = await openDatabase(settings);
  let sandboxes: Sandboxes | undefined;
  try {
    await migrate(db);
    sandboxes = await startSandboxes(settings, options);
  } catch (error) {
    await db.close();
    throw error;
  }
  const routes = sandboxes ? { [sandboxes.canadaPostOrigin]: sandboxes.canadaPost.url } : undefined;
  const http = new HttpClient({ audit: databaseAuditLog(db), ...(routes ? { fetch: routedFetch(routes) } : {}) });
  const carrier = new CanadaPostXmlClient({
    http,
    settings: settings.canadaPost,
    baseUrl: settings.canadaPost.baseUrl ?? sandboxes?.canadaPostOrigin,
    limiters: throttleLimiters(settings.canadaPost.requestsPerMinute),
  });
  const marketplace = bestBuyClientFromSettings(settings.bestBuy, http, { baseUrl: settings.bestBuy.baseUrl ?? sandboxes?.bestBuy.url });
  const services =
    settings.mode === "sandbox"
      ? `Canada Post and Best Buy: SANDBOX${sandboxes ? " (built in; nothing is bought)" : ` (${settings.canadaPost.baseUrl}, ${settings.bestBuy.baseUrl})`}`
      : `Canada Post: LIVE ${settings.canadaPost.baseUrl}; Best Buy: LIVE ${settings.bestBuy.baseUrl}`;
  return {
    settings,
    db,
    carrier,
    marketplace,
    sandboxes,
    where: `${db.description}; ${services}`,
    shippingDeps: (extra = {}) => ({ db, carrier, settings, ...extra }),
    async close() {
      await sandboxes?.canadaPost.stop();
      await sandboxes?.bestBuy.stop();
      await db.close();
    },
  };
}
