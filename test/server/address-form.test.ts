import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createPrintApp, type PrintApp } from "../../src/server/index.ts";
import { shippableOrders } from "../../src/shipping/index.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings } from "../support/shipping.ts";
import correctionsSql from "./address_corrections.sql" with { type: "text" };

// The print page's Needs attention: an order with an address problem carries the correction
// form, the same rules as the command and the review screen.

let t: TestDatabase;
let app: PrintApp;
const dir = tempDir("address-form");
const SELF = "http://localhost";
const ID = "PAGE-UNIT-A";

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = { Origin: SELF }) {
  return app.request(path, { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } });
}
const form = (overrides: Record<string, string>) => ({
  name: "Jordan MacLeod", company: "Acme Ltée", street1: "", street2: "Unit 9", city: "Halifax", province: "NS", postalCode: "B3J 1A1", phone: "514-555-0199", ...overrides,
});
const corrections = () => t.db.query<Record<string, any>>(correctionsSql, [ID]);
const recheck = () => shippableOrders({ db: t.db, settings: sandboxSettings(dir.path) });

beforeAll(async () => {
  t = await freshServerDatabase("address_form");
  app = createPrintApp({ db: t.db, labelsDir: dir.path, refetchLabel: async () => ({ ok: false, message: "no" }), mode: "sandbox" });
  await insertOrders(t.db, [testOrder(0, { order_id: ID, ship_street_1: null, ship_street_2: "Unit 9" }), testOrder(1, { order_id: "PAGE-OK-A" })]);
  await recheck();
});
afterAll(async () => {
  await t.drop();
  dir.remove();
});

describe("Needs attention: correcting an address on the print page", () => {
  test("the order with an address problem shows the label's lines, Best Buy's address and the form; the fix names shipdesk", async () => {
    const html = await (await app.request("/status")).text();
    expect(html).toContain(`Order ${ID}`);
    expect(html).toContain("The address has no street, only &quot;Unit 9&quot;");
    expect(html).toContain(`shipdesk address ${ID} --show`);
    expect(html).not.toMatch(/Correct the order at Best Buy/);
    expect(html).toContain(`action="/orders/${ID}/address"`);
    expect(html).toContain('name="street1" value=""');
    expect(html).toContain('name="street2" value="Unit 9"');
    expect(html).toContain("A seller cannot change it at Best Buy");
    expect(html).not.toContain('action="/orders/PAGE-OK-A/address"');
  });

  test("a refused value keeps what was typed and says why; an unchanged form saves nothing", async () => {
    const bad = await post(`/orders/${ID}/address`, form({ street1: "55 Queen Street West", postalCode: "ZZZ" }));
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("Not saved:");
    expect(html).toContain("The postal code &quot;ZZZ&quot; is not a valid Canadian postal code");
    expect(html).toContain('name="street1" value="55 Queen Street West"');
    const same = await post(`/orders/${ID}/address`, form({}));
    expect(same.status).toBe(422);
    expect(await same.text()).toContain("Nothing was changed");
    expect(await corrections()).toEqual([]);
  });

  test("saved: stored beside Best Buy's as from the print page, the problem gone, the label's lines said", async () => {
    const res = await post(`/orders/${ID}/address`, form({ street1: "55 Queen Street West" }));
    expect(res.status).toBe(303);
    const next = res.headers.get("location")!;
    expect(next).toBe(`/status?done=address&order=${ID}`);
    const html = await (await app.request(next)).text();
    expect(html).toContain(`The address of order ${ID} is saved; its label will read: Jordan MacLeod / Acme Ltée / 55 Queen Street West / Unit 9 / Halifax NS  B3J 1A1. It ships with the next run.`);
    expect(html).not.toContain(`action="/orders/${ID}/address"`);
    expect(await corrections()).toEqual([{ ship_street_1: "55 Queen Street West", corrected_via: "print page", ended_how: null }]);
    const order = await (await app.request(`/orders/${ID}`)).text();
    expect(order).toContain("Label address, corrected in shipdesk by ");
    expect(order).toContain("55 Queen Street West");
  });

  test("going back to Best Buy's address brings its problem back; a form without Origin needs the page's token", async () => {
    const refused = await post(`/orders/${ID}/address`, { action: "drop" }, {});
    expect(refused.status).toBe(403);
    const statusHtml = await (await app.request("/status")).text();
    expect(statusHtml).not.toContain(`action="/orders/${ID}/address"`); // no problem: no form
    const res = await post(`/orders/${ID}/address`, { action: "drop", _token: app.token }, {});
    expect(res.status).toBe(303);
    const html = await (await app.request(res.headers.get("location")!)).text();
    expect(html).toContain(`Order ${ID} uses Best Buy&#39;s address again.`);
    expect(html).toContain(`action="/orders/${ID}/address"`);
    expect((await corrections()).map((r) => r.ended_how)).toEqual(["dropped"]);
  });
});
