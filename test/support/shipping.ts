import type { ShippingCarrier, ThrottleLimiters } from "../../src/canadapost/index.ts";
import { loadSettings, type Settings } from "../../src/config/index.ts";
import type { Database } from "../../src/db/index.ts";
import { databaseAuditLog, HttpClient } from "../../src/http/index.ts";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import type { ShippingDeps, ShippingEvent } from "../../src/shipping/index.ts";
import { carrierOf, startSandbox, testApi } from "./carriers.ts";

/**
 * Sandbox-mode settings pointed at a running Canada Post sandbox and a labels folder, for the
 * API under test (see carriers.ts).
 */
export function sandboxSettings(labelsDir: string, overrides: { timeoutMs?: number; concurrency?: number } = {}): Settings {
  const env = testApi() === "portal" ? { CANADAPOST_API: "portal" } : {};
  const s = loadSettings({ env, cwd: labelsDir, programDir: labelsDir });
  return {
    ...s,
    labelsDir,
    canadaPost: { ...s.canadaPost, timeoutMs: overrides.timeoutMs ?? 5000 },
    run: { ...s.run, concurrency: overrides.concurrency ?? s.run.concurrency },
  };
}

export function carrierFor(db: Database, settings: Settings, url: string, extra: { limiters?: Partial<ThrottleLimiters> } = {}): ShippingCarrier {
  const http = new HttpClient({ audit: databaseAuditLog(db), sleep: async () => {} });
  return carrierOf(settings, http, url, extra);
}

export function shippingDeps(db: Database, settings: Settings, url: string, events: ShippingEvent[] = []): ShippingDeps {
  return { db, carrier: carrierFor(db, settings, url), settings, onEvent: (e) => events.push(e), sleep: async () => {} };
}

/** The Canada Post sandbox of the API under test. */
export const startCanadaPostSandbox = startSandbox;

export type { RunningCanadaPostSandbox };
