// Check before paying over the Developer Portal: Canada Post's list of services comes from the
// Rating API (rating/v1/services?country=CA, Bearer token, JSON), audited like every call.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CanadaPostPortalClient } from "../../src/canadapost/index.ts";
import { loadSettings } from "../../src/config/index.ts";
import { databaseAuditLog, HttpClient } from "../../src/http/index.ts";
import { startPortalSandbox, type RunningPortalSandbox } from "../../src/sandbox/canadapost/index.ts";
import { runCli } from "../cli/run-cli.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import byEndpointSql from "../cli/api_calls_by_endpoint.sql" with { type: "text" };
import shipmentsSql from "../shipping/queries.sql" with { type: "text" };
import truncateSql from "../cli/truncate.sql" with { type: "text" };

let cp: RunningPortalSandbox;
let t: TestDatabase;
const dir = tempDir("portal-before-paying");
beforeAll(async () => {
  cp = startPortalSandbox({ domesticServices: ["DOM.RP", "DOM.EP", "DOM.XP", "DOM.PC"] });
  t = await freshServerDatabase("portal_before_paying");
});
afterAll(async () => {
  await cp.stop();
  await t.drop();
  dir.remove();
});

describe("Discover Services on the portal", () => {
  test("the adapter reads the sandbox's list with a Bearer token; without one the gateway says 401", async () => {
    const settings = loadSettings({ env: { CANADAPOST_API: "portal" }, cwd: dir.path, programDir: dir.path });
    const carrier = new CanadaPostPortalClient({ http: new HttpClient({ audit: databaseAuditLog(t.db) }), settings: settings.canadaPost, baseUrl: cp.url });
    const listed = await carrier.getServices("CA");
    expect(listed).toEqual({
      kind: "ok",
      value: [
        { code: "DOM.RP", name: "Regular Parcel" },
        { code: "DOM.EP", name: "Expedited Parcel" },
        { code: "DOM.XP", name: "Xpresspost" },
        { code: "DOM.PC", name: "Priority" },
      ],
    });
    const bare = await fetch(`${cp.url}/rating/v1/services?country=CA`, { headers: { Accept: "application/json" } });
    expect(bare.status).toBe(401);
  });

  test('ship --auto with canadapost.service = "DOM.LIB" (published, not on this account): exit 2, nothing bought, the list asked once on rating/v1', async () => {
    await t.db.query(truncateSql);
    const cwd = join(dir.path, "cli");
    mkdirSync(cwd);
    writeFileSync(join(cwd, "shipdesk.toml"), `[canadapost]\nservice = "DOM.LIB"\n`, { mode: 0o600 });
    await insertOrders(t.db, [testOrder(0, { order_id: "PBP-1" }), testOrder(1, { order_id: "PBP-2" })]);
    const run = await runCli(["ship", "--auto"], {
      cwd,
      env: { DATABASE_URL: t.url, SHIPDESK_DATA_DIR: join(cwd, "data"), SHIPDESK_LABELS_DIR: join(cwd, "labels"), CANADAPOST_API: "portal", CANADAPOST_BASE_URL: cp.url, BESTBUY_BASE_URL: "http://127.0.0.1:9" },
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'Setting canadapost.service is "DOM.LIB", which Canada Post does not offer for Canadian addresses (it offers DOM.RP Regular Parcel, DOM.EP Expedited Parcel, DOM.XP Xpresspost, DOM.PC Priority)',
    );
    const calls = await t.db.query<{ endpoint: string; n: number; url: string }>(byEndpointSql);
    expect(calls.map((c) => [c.endpoint, c.n])).toEqual([
      ["GetServices", 1],
      ["GetToken", 1],
    ]);
    expect(calls[0]!.url).toBe(`${cp.url}/rating/v1/services?country=CA`);
    expect(await t.db.query(shipmentsSql)).toEqual([]);
    expect(cp.state.createCount).toBe(0);
  }, 30_000);
});
