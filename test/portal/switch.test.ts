import { afterAll, beforeAll, expect, test } from "bun:test";
import { runEndOfDay } from "../../src/manifest/index.ts";
import { startCanadaPostSandbox as startXmlSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { startPortalSandbox, type RunningPortalSandbox } from "../../src/sandbox/canadapost/index.ts";
import { runShipping } from "../../src/shipping/index.ts";
import { TEST_API_VARIABLE } from "../support/carriers.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps, carrierFor } from "../support/shipping.ts";
import shipmentsSql from "../manifest/queries.sql" with { type: "text" };
import labelOfSql from "./label_of.sql" with { type: "text" };

// A shop that switches from the XML API to the Developer Portal in the middle of a day: the
// day's labels bought over XML are transmitted over XML, the portal's over the portal, none
// is left out and none goes through the API that did not buy it.
let t: TestDatabase;
let xml: RunningCanadaPostSandbox;
let portal: RunningPortalSandbox;
const labels = tempDir("switch");

beforeAll(async () => {
  t = await freshServerDatabase("portal_switch");
  xml = startXmlSandbox();
  portal = startPortalSandbox();
});
afterAll(async () => {
  await xml.stop();
  await portal.stop();
  await t.drop();
  labels.remove();
});

function settingsOf(api: "xml" | "portal") {
  const before = process.env[TEST_API_VARIABLE];
  process.env[TEST_API_VARIABLE] = api;
  try {
    return sandboxSettings(labels.path);
  } finally {
    if (before === undefined) delete process.env[TEST_API_VARIABLE];
    else process.env[TEST_API_VARIABLE] = before;
  }
}

test("switched mid-day: each API's labels sit in their own group, and the end of day sends each through its own API", async () => {
  const asXml = settingsOf("xml");
  const asPortal = settingsOf("portal");
  await insertOrders(t.db, [testOrder(0, { order_id: "SW-X0" }), testOrder(1, { order_id: "SW-X1" })]);
  expect((await runShipping(shippingDeps(t.db, asXml, xml.url))).created).toHaveLength(2);
  await insertOrders(t.db, [testOrder(2, { order_id: "SW-P0" }), testOrder(3, { order_id: "SW-P1" })]);
  expect((await runShipping(shippingDeps(t.db, asPortal, portal.url))).created).toHaveLength(2);
  const groups = new Set((await t.db.query<Record<string, any>>(shipmentsSql)).map((r) => r.group_id));
  expect(groups.size).toBe(2);
  expect([...groups].some((g) => g.endsWith("-portal"))).toBe(true);

  // The end of day under the portal: its own group goes, the XML group waits, with the way out.
  const underPortal = await runEndOfDay({ db: t.db, carrier: carrierFor(t.db, asPortal, portal.url), settings: asPortal });
  expect(underPortal.transmitted).toHaveLength(1);
  expect(underPortal.transmitted[0]).toEndWith("-portal");
  expect(underPortal.blocked).toHaveLength(1);
  expect(underPortal.blocked[0]!.orderIds).toEqual(["SW-X0", "SW-X1"]);
  expect(underPortal.blocked[0]!.message).toContain('canadapost.api = "xml"');
  expect(portal.state.callsTo("TransmitShipments")).toBe(1);
  expect(xml.state.callsTo("TransmitShipments")).toBe(0);

  // Switched back for the end of day: the XML group goes over XML; nothing is transmitted twice.
  const underXml = await runEndOfDay({ db: t.db, carrier: carrierFor(t.db, asXml, xml.url), settings: asXml });
  expect(underXml.blocked).toEqual([]);
  expect(underXml.transmitted).toHaveLength(1);
  expect(xml.state.callsTo("TransmitShipments")).toBe(1);
  const rows = await t.db.query<Record<string, any>>(shipmentsSql);
  expect(rows.every((r) => r.transmitted_at !== null)).toBe(true);
  expect(portal.state.callsTo("TransmitShipments")).toBe(1);
});

test("a label of the other API is never called with this API's credentials: one sentence with the setting instead", async () => {
  const [row] = await t.db.query<Record<string, any>>(labelOfSql, ["SW-X0"]);
  const downloadsBefore = xml.state.callsTo("GetArtifact");
  const got = await carrierFor(t.db, settingsOf("portal"), portal.url).getLabel(row!.cp_api_label_url, "SW-X0");
  expect(got.kind).toBe("rejected");
  expect(got.kind !== "ok" && got.error.message).toContain('set canadapost.api = "xml"');
  expect(xml.state.callsTo("GetArtifact")).toBe(downloadsBefore);
  const [p] = await t.db.query<Record<string, any>>(labelOfSql, ["SW-P0"]);
  const back = await carrierFor(t.db, settingsOf("xml"), xml.url).getLabel(p!.cp_api_label_url, "SW-P0");
  expect(back.kind !== "ok" && back.error.message).toContain('set canadapost.api = "portal"');
});
