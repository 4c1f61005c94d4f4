// The one place production code starts the built-in sandboxes (sandbox mode without base URLs):
// the exception the dependency rules name (.dependency-cruiser.cjs). They are loaded on demand,
// so a live run never loads them.
import { ConfigError, type Settings } from "../config/index.ts";
import type { BestBuySandboxOptions } from "../sandbox/bestbuy/index.ts";

export interface Sandboxes {
  canadaPost: import("../sandbox/canadapost/index.ts").RunningCanadaPostSandbox;
  bestBuy: import("../sandbox/bestbuy/index.ts").RunningBestBuySandbox;
  /** The fixed origin of the Canada Post sandbox's links, routed to `canadaPost.url`. */
  canadaPostOrigin: string;
}

export interface OpenOptions {
  /** How the in-process Best Buy sandbox is seeded (sandbox mode only). */
  bestBuySandbox?: BestBuySandboxOptions;
  /**
   * A clock for the parcel watch, the Canada Post throttle limiters and the built-in Canada Post
   * sandbox's journeys (the demo shows parcels days later): `sleep` is how a wait passes on it.
   * Default the PC's.
   */
  clock?: { now: () => Date; sleep: (ms: number) => Promise<void> };
  /** How the built-in Canada Post sandbox deals out journeys: "every-kind" shows each in a few parcels (the demo). */
  journeys?: "shares" | "every-kind";
}

export async function startSandboxes(settings: Settings, options: OpenOptions): Promise<Sandboxes | undefined> {
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
  const tracking = { ...(options.clock ? { now: options.clock.now } : {}), ...(options.journeys ? { journeys: options.journeys } : {}) };
  const origin = portal ? `${BUILT_IN_CANADA_POST_ORIGIN}${PORTAL_ROOT}` : BUILT_IN_CANADA_POST_ORIGIN;
  try {
    return {
      canadaPostOrigin: origin,
      canadaPost: portal
        ? startPortalSandbox({ clientId: cp.clientId, clientSecret: cp.clientSecret, ...account, ...tracking, stateFile: files.canadaPost, baseUrl: origin })
        : startCanadaPostSandbox({ username: cp.username, password: cp.password, ...account, ...tracking, stateFile: files.canadaPost, baseUrl: origin }),
      bestBuy: startBestBuySandbox({ orders: 8, apiKey: settings.bestBuy.apiKey, stateFile: files.bestBuy, ...options.bestBuySandbox }),
    };
  } catch (error) {
    // The sandbox's saved state is part of the data folder the settings name: the clerk's fix.
    if (error instanceof SandboxStateDamaged) throw new ConfigError(error.message);
    throw error;
  }
}
