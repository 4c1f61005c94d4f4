// A refused key is a refused key, not a stale token (issue 24, item 7). Over the Developer
// Portal, a token fetched before a throttle back-off was sent after it had expired; the second
// 401 was read as "Canada Post refused shipdesk's API key" (exit 2, the rest of the run not
// started). The portal sandbox hands out one-second tokens and throttles with a two-second
// Retry-After, so the waits are short and the token still runs out during them.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CanadaPostPortalClient, throttleLimiters, type ShipmentRequest } from "../../src/canadapost/index.ts";
import { loadSettings } from "../../src/config/index.ts";
import { databaseAuditLog, HttpClient } from "../../src/http/index.ts";
import { startPortalSandbox, type RunningPortalSandbox } from "../../src/sandbox/canadapost/index.ts";
import { runCli } from "../cli/run-cli.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import shipmentsSql from "../shipping/queries.sql" with { type: "text" };
import truncateSql from "../cli/truncate.sql" with { type: "text" };

const JSON_REFUSAL = JSON.stringify({ title: "Validation failed", detail: "Errors occurred while processing the request.", errors: [{ errorCode: "1153", message: "The destination postal code is invalid." }] });

let t: TestDatabase;
const dir = tempDir("portal-token");
beforeAll(async () => {
  t = await freshServerDatabase("portal_token");
});
afterAll(async () => {
  await t.drop();
  dir.remove();
});

describe("a token that runs out while a call waits out a throttle", () => {
  test("ship --auto, two labels at a time: the waiting label is bought with a token checked after the wait, not refused as a bad key", async () => {
    const cp = startPortalSandbox({ tokenLifetimeSeconds: 1 });
    try {
      await t.db.query(truncateSql);
      const cwd = join(dir.path, "cli");
      mkdirSync(cwd);
      writeFileSync(join(cwd, "shipdesk.toml"), `[canadapost]\nservice = "DOM.EP"\n[run]\nconcurrency = 2\n`, { mode: 0o600 });
      const [x, y, z] = ["TOK-X", "TOK-Y", "TOK-Z"];
      await insertOrders(t.db, [testOrder(0, { order_id: x }), testOrder(1, { order_id: y }), testOrder(2, { order_id: z })]);
      // The first two labels go out together: one is throttled (2 s), the other refused, so the
      // third order starts at once and waits out the throttle in the queue with the token it
      // already had (1 s of life). The third Create Shipment to arrive is slowed, so the first
      // label's retry is throttled again while the third waits for its answer.
      cp.faults
        .inject("CreateShipment", { kind: "throttle", retryAfterSeconds: 2 })
        .inject("CreateShipment", { kind: "status", status: 400, contentType: "application/json", body: JSON_REFUSAL })
        .inject("CreateShipment", { kind: "delay", ms: 300 })
        .inject("CreateShipment", { kind: "throttle", retryAfterSeconds: 2 });
      const run = await runCli(["ship", "--auto"], {
        cwd,
        env: { DATABASE_URL: t.url, SHIPDESK_DATA_DIR: join(cwd, "data"), SHIPDESK_LABELS_DIR: join(cwd, "labels"), CANADAPOST_API: "portal", CANADAPOST_BASE_URL: cp.url, BESTBUY_BASE_URL: "http://127.0.0.1:9" },
      });
      expect(run.stdout).not.toContain("refused shipdesk's API key");
      expect(run.code).toBe(1); // the one refused label needs a person; nothing else does
      const rows = await t.db.query<{ order_id: string; status: string }>(shipmentsSql);
      expect(rows.filter((r) => r.status === "label_created")).toHaveLength(2);
      expect(rows.filter((r) => r.status === "label_failed")).toHaveLength(1);
      expect(cp.state.createCount).toBe(2);
      for (const id of [x, y, z]) expect(cp.state.labelsFor(id).length).toBeLessThanOrEqual(1);
    } finally {
      await cp.stop();
    }
  }, 60_000);
});

describe("the adapter: the token is checked after any wait, and only a fresh token's 401 is a refused key", () => {
  const request = (orderId: string): ShipmentRequest => ({
    requestId: `${orderId}-1`,
    orderId,
    recipient: { name: "Priya Sharma", addressLine1: "88 Queen St W", city: "Toronto", province: "ON", postalCode: "M5H2N2", country: "CA", phone: "4165550199" },
    parcel: { weightKg: 1, dimensionsCm: { length: 30, width: 20, height: 10 } },
  });

  function portalClient(cp: RunningPortalSandbox, onToken: () => void) {
    const settings = loadSettings({ env: { CANADAPOST_API: "portal" }, cwd: dir.path, programDir: dir.path });
    const limiters = throttleLimiters(600);
    // Every token the gateway hands out is followed by another worker's throttle: the group is
    // paused for longer than the token lives, between the token and the call that uses it.
    const fetchThrough: typeof fetch = Object.assign(
      async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
        const response = await fetch(input, init);
        if (String(input).endsWith("/oauth2/token")) {
          limiters.A.pause(1_500);
          onToken();
        }
        return response;
      },
      { preconnect: fetch.preconnect },
    );
    const http = new HttpClient({ audit: databaseAuditLog(t.db), fetch: fetchThrough });
    return new CanadaPostPortalClient({ http, settings: settings.canadaPost, baseUrl: cp.url, limiters });
  }

  test("the group paused (another worker throttled) after the token was fetched, for longer than it lives: the label is bought with a new token, no 401", async () => {
    const cp = startPortalSandbox({ tokenLifetimeSeconds: 1 });
    try {
      let tokens = 0;
      const carrier = portalClient(cp, () => tokens++);
      expect((await carrier.getServices("CA")).kind).toBe("ok"); // the run's first call fetches the token
      const outcome = await carrier.createShipment(request("PAUSE-1"));
      expect(outcome.kind).toBe("ok");
      expect(cp.state.createCount).toBe(1);
      expect(cp.state.callsTo("CreateShipment")).toBe(1);
      expect(tokens).toBe(2);
    } finally {
      await cp.stop();
    }
  }, 30_000);

  test("a 401 to a token fetched after the first 401 is the keys refused: a rejection after two tries, not a loop", async () => {
    const cp = startPortalSandbox();
    try {
      const unauthorized = { kind: "status" as const, status: 401, contentType: "application/json", body: JSON.stringify([{ httpCode: "401", httpMessage: "Unauthorized", moreInformation: "Not subscribed to this API" }]) };
      cp.faults.inject("CreateShipment", unauthorized, 2);
      const carrier = portalClient(cp, () => {});
      const outcome = await carrier.createShipment(request("SUBSCRIBED-1"));
      expect(outcome.kind).toBe("rejected");
      expect(outcome.kind === "rejected" && outcome.error.keyRefused).toBe(true);
      expect(cp.state.callsTo("CreateShipment")).toBe(2);
      expect(cp.state.callsTo("GetToken")).toBe(2);
      expect(cp.state.createCount).toBe(0);
    } finally {
      await cp.stop();
    }
  }, 30_000);

  test("keys really refused: a rejection naming the key, after one token request, not a loop", async () => {
    const cp = startPortalSandbox({ tokenLifetimeSeconds: 1, clientSecret: "e".repeat(32) });
    try {
      const carrier = portalClient(cp, () => {});
      const outcome = await carrier.createShipment(request("REFUSED-1"));
      expect(outcome.kind).toBe("rejected");
      expect(outcome.kind === "rejected" && outcome.error.keyRefused).toBe(true);
      expect(cp.state.callsTo("GetToken")).toBe(1);
      expect(cp.state.callsTo("CreateShipment")).toBe(0);
    } finally {
      await cp.stop();
    }
  }, 30_000);
});
