import { bestBuyClientFromSettings, type Marketplace } from "../bestbuy/index.ts";
import { CanadaPostPortalClient, CanadaPostXmlClient, throttleLimiters, type ShippingCarrier } from "../canadapost/index.ts";
import type { Settings } from "../config/index.ts";
import { migrate, openDatabase, type Database } from "../db/index.ts";
import { databaseAuditLog, HttpClient } from "../http/index.ts";
import type { BestBuySandboxOptions } from "../sandbox/bestbuy/index.ts";
import type { ShippingDeps } from "../shipping/index.ts";

export interface Sandboxes {
  canadaPost: import("../sandbox/canadapost/index.ts").RunningCanadaPostSandbox;
  bestBuy: import("../sandbox/bestbuy/index.ts").RunningBestBuySandbox;
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
  const { startPortalSandbox } = await import("../sandbox/portal/index.ts");
  const { startBestBuySandbox } = await import("../sandbox/bestbuy/index.ts");
  const cp = settings.canadaPost;
  return {
    canadaPost:
      cp.api === "portal"
        ? startPortalSandbox({ clientId: cp.clientId, clientSecret: cp.clientSecret, customerNumber: cp.customerNumber })
        : startCanadaPostSandbox({ username: cp.username, password: cp.password, customerNumber: cp.customerNumber }),
    bestBuy: startBestBuySandbox({ orders: 8, apiKey: settings.bestBuy.apiKey, ...options.bestBuySandbox }),
  };
}

/** canadapost.api picks the adapter; the workflows see one ShippingCarrier either way. */
function carrierFor(settings: Settings, http: HttpClient, sandboxes: Sandboxes | undefined): ShippingCarrier {
  const options = {
    http,
    settings: settings.canadaPost,
    baseUrl: settings.canadaPost.baseUrl ?? sandboxes?.canadaPost.url,
    limiters: throttleLimiters(settings.canadaPost.requestsPerMinute),
  };
  return settings.canadaPost.api === "portal" ? new CanadaPostPortalClient(options) : new CanadaPostXmlClient(options);
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
  const http = new HttpClient({ audit: databaseAuditLog(db) });
  const carrier = carrierFor(settings, http, sandboxes);
  const marketplace = bestBuyClientFromSettings(settings.bestBuy, http, { baseUrl: settings.bestBuy.baseUrl ?? sandboxes?.bestBuy.url });
  const services =
    settings.mode === "sandbox"
      ? `Canada Post and Best Buy: SANDBOX${sandboxes ? " (built in; nothing is bought)" : ` (${settings.canadaPost.baseUrl}, ${settings.bestBuy.baseUrl})`}`
      : `Canada Post: LIVE ${settings.canadaPost.baseUrl}; Best Buy: LIVE ${settings.bestBuy.baseUrl}`;
  const api = settings.canadaPost.api === "portal" ? " (Canada Post over the Developer Portal API)" : "";
  return {
    settings,
    db,
    carrier,
    marketplace,
    sandboxes,
    where: `${db.description}; ${services}${api}`,
    shippingDeps: (extra = {}) => ({ db, carrier, settings, ...extra }),
    async close() {
      await sandboxes?.canadaPost.stop();
      await sandboxes?.bestBuy.stop();
      await db.close();
    },
  };
}
