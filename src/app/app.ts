import { bestBuyClientFromSettings, type Marketplace } from "../bestbuy/index.ts";
import { CanadaPostPortalClient, CanadaPostXmlClient, throttleLimiters, type ShippingCarrier } from "../canadapost/index.ts";
import type { Settings } from "../config/index.ts";
import { migrate, openDatabase, type Database } from "../db/index.ts";
import { databaseAuditLog, HttpClient, routedFetch } from "../http/index.ts";
import { purchaseCheck } from "../shipping/before-buying.ts";
import type { ShippingDeps } from "../shipping/index.ts";
import { printerFrom, type Printer } from "../printing/index.ts";
import type { ExitCode } from "./exit-codes.ts";
import { startSandboxes, type OpenOptions, type Sandboxes } from "./sandboxes.ts";

/**
 * The clerk's desk (src/tui/) as the command line starts it: the entry hands it to the command
 * line's main, so neither imports the other.
 */
export type Desk = (app: App, options: { version: string }) => Promise<ExitCode>;

/** Everything a command needs, connected: the database, both services, the settings. */
export interface App {
  settings: Settings;
  db: Database;
  carrier: ShippingCarrier;
  marketplace: Marketplace;
  /** The built-in sandboxes, when sandbox mode started them in this process. */
  sandboxes: Sandboxes | undefined;
  /** The printer labels go to by themselves or when asked (printer.*); undefined for kind "none". */
  printer: Printer | undefined;
  /** "embedded PostgreSQL in …; Canada Post and Best Buy: SANDBOX (built in)". */
  where: string;
  /** The clock the parcel watch goes by: the PC's, or the demo's days later. */
  now: () => Date;
  shippingDeps(extra?: Partial<ShippingDeps>): ShippingDeps;
  close(): Promise<void>;
}

/** canadapost.api picks the adapter; the workflows see one ShippingCarrier either way. */
function carrierFor(settings: Settings, http: HttpClient, sandboxes: Sandboxes | undefined, clock: OpenOptions["clock"]): ShippingCarrier {
  const options = {
    http,
    settings: settings.canadaPost,
    baseUrl: settings.canadaPost.baseUrl ?? sandboxes?.canadaPostOrigin,
    limiters: throttleLimiters(settings.canadaPost.requestsPerMinute, clock ? { now: () => clock.now().getTime(), sleep: clock.sleep } : {}),
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
  const carrier = carrierFor(settings, http, sandboxes, options.clock);
  // One per run: Canada Post's list of services is asked at most once, when a label is first about to be bought.
  const checks = purchaseCheck({ settings, carrier });
  const marketplace = bestBuyClientFromSettings(settings.bestBuy, http, { baseUrl: settings.bestBuy.baseUrl ?? sandboxes?.bestBuy.url });
  const services =
    settings.mode === "sandbox"
      ? `Canada Post and Best Buy: SANDBOX${sandboxes ? " (built in; nothing is bought)" : ` (${settings.canadaPost.baseUrl}, ${settings.bestBuy.baseUrl})`}`
      : `Canada Post: LIVE ${settings.canadaPost.baseUrl}; Best Buy: LIVE ${settings.bestBuy.baseUrl}`;
  const api = settings.canadaPost.api === "portal" ? " (Canada Post over the Developer Portal API)" : "";
  const printer = printerFrom(settings.printer, { file: settings.file ?? "shipdesk.toml", dataDir: settings.dataDir });
  // Labels saved while printer.auto_print is on wait for the printer in the same statement.
  const queuePrint = printer !== undefined && settings.printer.autoPrint;
  return {
    settings,
    db,
    carrier,
    marketplace,
    sandboxes,
    printer,
    where: `${db.description}; ${services}${api}${printer ? `; printer: ${printer.target.described}${queuePrint ? " (labels print as they are saved)" : ""}` : ""}`,
    now: options.clock?.now ?? (() => new Date()),
    shippingDeps: (extra = {}) => ({ db, carrier, settings, purchaseCheck: checks, queuePrint, ...extra }),
    async close() {
      await sandboxes?.canadaPost.stop();
      await sandboxes?.bestBuy.stop();
      await db.close();
    },
  };
}
