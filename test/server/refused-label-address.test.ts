import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createPrintApp, type PrintApp } from "../../src/server/index.ts";
import { retryFailedLabels, runShipping } from "../../src/shipping/index.ts";
import { refusalFault, sentText } from "../support/carriers.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps, startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../support/shipping.ts";
import requestsSql from "./create_shipment_requests.sql" with { type: "text" };

// A label Canada Post refused for its address: nothing in shipdesk's own checks caught it (the
// street is there, only wrong), so the print page's Needs attention offers the same correction
// form as for an address problem, and the clerk's retry buys one label to the corrected address.

let t: TestDatabase;
let cp: RunningCanadaPostSandbox;
let app: PrintApp;
const dir = tempDir("refused-label-address");
const SELF = "http://localhost";
const ID = "REFUSED-ADDR-1";
const settings = () => sandboxSettings(dir.path);

function post(path: string, fields: Record<string, string>) {
  return app.request(path, { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: SELF } });
}
const requests = () => t.db.query<{ request_payload: unknown; is_success: boolean }>(requestsSql, [ID]);

beforeAll(async () => {
  t = await freshServerDatabase("refused_label_address");
  cp = startCanadaPostSandbox();
  app = createPrintApp({ db: t.db, labelsDir: dir.path, refetchLabel: async () => ({ ok: false, message: "no" }), mode: "sandbox" });
  await insertOrders(t.db, [testOrder(0, { order_id: ID, ship_street_1: "55 Queen Stret Wst", ship_city: "Halifax", ship_province: "NS", ship_postal_code: "B3J 1A1" })]);
  cp.faults.inject("CreateShipment", refusalFault("7292", "The destination address could not be found; check the street and the city."));
  const summary = await runShipping(shippingDeps(t.db, settings(), cp.url));
  expect(summary.failed.map((f) => f.orderId)).toEqual([ID]);
});
afterAll(async () => {
  await cp.stop();
  await t.drop();
  dir.remove();
});

describe("Needs attention: a label Canada Post refused", () => {
  test("the card gives Canada Post's reason and the correction form, its fix names the form and the retry", async () => {
    const html = await (await app.request("/status")).text();
    expect(html).toContain('data-kind="label_failed"');
    expect(html).toContain("The destination address could not be found; check the street and the city.");
    expect(html).toContain("the form on the print page&#39;s Needs attention), the service (shipdesk service");
    expect(html).toContain(`then buy it again: shipdesk ship --retry ${ID}`);
    expect(html).toContain(`action="/orders/${ID}/address"`);
    expect(html).toContain('name="street1" value="55 Queen Stret Wst"');
  });

  test("saved: the notice says the label is bought again only with --retry, and a plain run buys nothing", async () => {
    const res = await post(`/orders/${ID}/address`, { street1: "55 Queen Street West" });
    expect(res.status).toBe(303);
    const html = await (await app.request(res.headers.get("location")!)).text();
    expect(html).toContain(`The address of order ${ID} is saved; its label will read:`);
    expect(html).toContain("55 Queen Street West");
    expect(html).toContain(`Buy its label again with shipdesk ship --retry ${ID}.`);
    expect(html).not.toContain("It ships with the next run.");
    await runShipping(shippingDeps(t.db, settings(), cp.url));
    expect(cp.state.callsTo("CreateShipment")).toBe(1);
  });

  test("the clerk's retry buys exactly one label, to the corrected street; the card is gone", async () => {
    const { results } = await retryFailedLabels(shippingDeps(t.db, settings(), cp.url), [ID]);
    expect(results).toEqual([{ orderId: ID, ok: true }]);
    expect(cp.state.labelsFor(ID)).toHaveLength(1);
    const sent = await requests();
    expect(sent.map((r) => r.is_success)).toEqual([false, true]);
    expect(sentText(sent[0]!)).toContain("55 Queen Stret Wst");
    expect(sentText(sent[1]!)).toContain("55 Queen Street West");
    expect(sentText(sent[1]!)).not.toContain("Stret");
    const html = await (await app.request("/status")).text();
    expect(html).not.toContain('data-kind="label_failed"');
    expect(html).not.toContain(`action="/orders/${ID}/address"`);
  });
});
