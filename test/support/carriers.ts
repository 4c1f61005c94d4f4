import { afterAll, beforeAll } from "bun:test";
import { resolve } from "node:path";
import { CanadaPostPortalClient, CanadaPostXmlClient, type ShippingCarrier } from "../../src/canadapost/index.ts";
import type { ThrottleLimiters } from "../../src/canadapost/index.ts";
import type { Settings } from "../../src/config/index.ts";
import type { HttpClient } from "../../src/http/index.ts";
import type { Fault } from "../../src/sandbox/faults.ts";
import { startCanadaPostSandbox as startXmlSandbox, type CanadaPostSandboxOptions, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { startPortalSandbox, type PortalSandboxOptions } from "../../src/sandbox/canadapost/index.ts";

/**
 * The one switch between the two Canada Post adapters in the tests. The workflow tests are
 * written once against test/support/shipping.ts; test/portal/*.test.ts runs each of those
 * files again with SHIPDESK_TEST_API=portal, so the label, recovery, end-of-day, void and
 * reprint tests prove the same things over both APIs, and the adapters cannot drift apart.
 * Child processes (the crash tests' runners) inherit the variable.
 */
export type TestApi = "xml" | "portal";
export const TEST_API_VARIABLE = "SHIPDESK_TEST_API";

export function testApi(): TestApi {
  return process.env[TEST_API_VARIABLE] === "portal" ? "portal" : "xml";
}

/**
 * Runs an existing test file's tests again, against the portal adapter, in the calling file:
 * the file is imported under a query string, which makes it a module of its own (the plain
 * import is cached from its own run), so its tests register once more.
 */
export async function againstPortal(dir: string, testFile: string): Promise<void> {
  const before = process.env[TEST_API_VARIABLE];
  const set = () => {
    process.env[TEST_API_VARIABLE] = "portal";
  };
  set();
  beforeAll(set);
  afterAll(() => {
    if (before === undefined) delete process.env[TEST_API_VARIABLE];
    else process.env[TEST_API_VARIABLE] = before;
  });
  await import(`${resolve(dir, testFile)}?portal`);
}

/**
 * In a child process (the crash tests' runners): Bun.spawn passes the environment the test
 * run started with, not SHIPDESK_TEST_API as set since, so the child takes the API from the
 * sandbox's address (the portal sandbox answers under the live gateway's root path).
 */
export function useApiOfSandbox(url: string): void {
  if (new URL(url).pathname.startsWith("/prod/devportal-portaildesdeveloppeurs")) process.env[TEST_API_VARIABLE] = "portal";
}

/** The sandbox of the API under test, on a loopback port. */
export function startSandbox(options: CanadaPostSandboxOptions & PortalSandboxOptions = {}): RunningCanadaPostSandbox {
  return testApi() === "portal" ? startPortalSandbox(options) : startXmlSandbox(options);
}

/** The adapter of the API under test. */
export function carrierOf(
  settings: Settings,
  http: HttpClient,
  url: string,
  extra: { limiters?: Partial<ThrottleLimiters> } = {},
): ShippingCarrier {
  const options = { http, settings: settings.canadaPost, baseUrl: url, readRetryDelayMs: 1, ...extra };
  return settings.canadaPost.api === "portal" ? new CanadaPostPortalClient(options) : new CanadaPostXmlClient(options);
}

/** Canada Post refusing a label for a reason of its own, in the API's error shape. */
export function refusalFault(code: string, description: string): Fault {
  if (testApi() === "portal") {
    return {
      kind: "status",
      status: 400,
      contentType: "application/json",
      body: JSON.stringify({ title: "Validation failed", detail: "Errors occurred while processing the request.", errors: [{ errorCode: code, message: description }] }),
    };
  }
  return {
    kind: "status",
    status: 400,
    contentType: "application/vnd.cpc.shipment-v8+xml",
    body: `<?xml version="1.0" encoding="UTF-8"?><messages xmlns="http://www.canadapost.ca/ws/messages"><message><code>${code}</code><description>${description}</description></message></messages>`,
  };
}

/** The settings with the wrong secret for the API under test. */
export function withWrongKey(settings: Settings): Settings {
  const cp = settings.canadaPost;
  return { ...settings, canadaPost: cp.api === "portal" ? { ...cp, clientSecret: "0".repeat(32) } : { ...cp, password: "wrong-password" } };
}

/** The setting a refused key points the clerk to. */
export const secretSetting = (): string => (testApi() === "portal" ? "canadapost.client_secret" : "canadapost.password");

/** What a request sent, as text, whatever the API (XML kept as a string, JSON as the object). */
export const sentText = (row: Record<string, any>): string => JSON.stringify(row.request_payload);

/** The name the customer-request-id goes by in a Create Shipment. */
export const requestIdField = (): string => (testApi() === "portal" ? '"customerRequestId"' : "<customer-request-id>");
