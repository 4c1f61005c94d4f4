import { bestBuyClientFromSettings, type Marketplace } from "../bestbuy/index.ts";
import { CanadaPostPortalClient, CanadaPostXmlClient, throttleLimiters, type ShippingCarrier } from "../canadapost/index.ts";
import { ConfigError, type Settings } from "../config/index.ts";
import { migrate, openDatabase, type Database } from "../db/index.ts";
import { databaseAuditLog, HttpClient, routedFetch } from "../http/index.ts";
import type { BestBuySandboxOptions } from "../sandbox/bestbuy/index.ts";
import { purchaseCheck } from "../shipping/before-buying.ts";
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
  const { PORTAL_ROOT, startCanadaPostSandbox, startPortalSandbox } = await import("../sandbox/canadapost/index.ts");
  const { startBestBuySandbox } = await import("../sandbox/bestbuy/index.ts");
  const { BUILT_IN_CANADA_POST_ORIGIN, SandboxStateDamaged, sandboxStateFiles } = await import("../sandbox/state-file.ts");
  // Kept in the data folder: what one run bought, the next run's Canada Post knows, as the real
  // one would; both APIs' sandboxes keep the same Canada Post, as a shop switching APIs would see.
  const files = sandboxStateFiles(settings.dataDir);
  const cp = settings.canadaPost;
  // The built-in sandbox stands in for the clerk's own account: it takes the settings' customer
  // number and contract, as Canada Post takes the ones on the agreement. (It used to keep a
  // contract of its own, so the README's example contract_id was refused on every label.)
  const account = { customerNumber: cp.customerNumber, contractId: cp.contractId };
  const portal = cp.api === "portal";
  const origin = portal ? `${BUILT_IN_CANADA_POST_ORIGIN}${PORTAL_ROOT}` : BUILT_IN_CANADA_POST_ORIGIN;
  try {
    return {
      canadaPostOrigin: origin,
      canadaPost: portal
        ? startPortalSandbox({ clientId: cp.clientId, clientSecret: cp.clientSecret, ...account, stateFile: files.canadaPost, baseUrl: origin })
        : startCanadaPostSandbox({ username: cp.username, password: cp.password, ...account, stateFile: files.canadaPost, baseUrl: origin }),
      bestBuy: startBestBuySandbox({ orders: 8, apiKey: settings.bestBuy.apiKey, stateFile: files.bestBuy, ...options.bestBuySandbox }),
    };
  } catch (error) {
    // The sandbox's saved state is part of the data folder the settings name: the clerk's fix.
    if (error instanceof SandboxStateDamaged) throw new ConfigError(error.message);
    throw error;
  }
}

/** canadapost.api picks the adapter; the workflows see one ShippingCarrier either way. */
function carrierFor(settings: Settings, http: HttpClient, sandboxes: Sandboxes | undefined): ShippingCarrier {
  const options = {
    http,
    settings: settings.canadaPost,
    baseUrl: settings.canadaPost.baseUrl ?? sandboxes?.canadaPostOrigin,
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
  // Links name the sandbox's fixed origin; its server listens on a new port each run.
  const routes = sandboxes ? { [new URL(sandboxes.canadaPostOrigin).origin]: sandboxes.canadaPost.url } : undefined;
  const http = new HttpClient({ audit: databaseAuditLog(db), ...(routes ? { fetch: routedFetch(routes) } : {}) });
  const carrier = carrierFor(settings, http, sandboxes);
  // One per run: Canada Post's list of services is asked at most once, when a label is first about to be bought.
  const checks = purchaseCheck({ settings, carrier });
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
    shippingDeps: (extra = {}) => ({ db, carrier, settings, purchaseCheck: checks, ...extra }),
    async close() {
      await sandboxes?.canadaPost.stop();
      await sandboxes?.bestBuy.stop();
      await db.close();
    },
  };
}
