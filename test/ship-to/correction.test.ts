import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { BestBuySettings } from "../../src/config/index.ts";
import { SANDBOX_CREDENTIALS } from "../../src/config/index.ts";
import { syncOrders } from "../../src/orders/index.ts";
import { startBestBuySandbox, type RunningBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { addressView, dropCorrection, saveCorrection, type Actor } from "../../src/ship-to/index.ts";
import { runShipping } from "../../src/shipping/index.ts";
import { reopenFailedShipment } from "../../src/shipping/store.ts";
import { sandboxClient } from "../bestbuy/support.ts";
import { freshServerDatabase, tempDir, type TestDatabase } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps, startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../support/shipping.ts";
import claimSql from "./claim.sql" with { type: "text" };
import correctionsSql from "./corrections.sql" with { type: "text" };
import createRequestsSql from "./create_requests.sql" with { type: "text" };
import orderRowSql from "./order_row.sql" with { type: "text" };
import setShipmentStatusSql from "./set_shipment_status.sql" with { type: "text" };
import lockOrderSql from "../../sql/ship-to/lock_order.sql" with { type: "text" };

const clerk: Actor = { who: "clerk@DESK-1", via: "command" };
let t: TestDatabase;
let cp: RunningCanadaPostSandbox;
const labels = tempDir("ship-to");

beforeAll(async () => {
  t = await freshServerDatabase("ship_to");
  cp = startCanadaPostSandbox();
});
afterAll(async () => {
  await cp.stop();
  await t.drop();
  labels.remove();
});

const orderRow = async (id: string) => (await t.db.query<Record<string, any>>(orderRowSql, [id]))[0]!;
const corrections = (id: string) => t.db.query<Record<string, any>>(correctionsSql, [id]);
const sentXml = async (id: string) => (await t.db.query<{ request_payload: { xml: string } }>(createRequestsSql, [id])).map((r) => r.request_payload.xml);
const ship = (only: string[]) => runShipping(shippingDeps(t.db, sandboxSettings(labels.path), cp.url), { only });

describe("the clerk's address correction", () => {
  test("a unit-only address gets no label; the correction is stored beside Best Buy's, who and when, and the label uses it", async () => {
    await insertOrders(t.db, [testOrder(0, { order_id: "UNIT-1", ship_street_1: null, ship_street_2: "Unit 9" })]);
    const first = await ship(["UNIT-1"]);
    expect(first.created).toEqual([]);
    expect(first.skipped[0]!.reasons.join(" ")).toContain('only "Unit 9"');
    expect(first.skipped[0]!.reasons.join(" ")).toContain('shipdesk address UNIT-1 --line1 "…"');
    expect(cp.state.labelsFor("UNIT-1")).toHaveLength(0);

    const saved = await saveCorrection(t.db, "UNIT-1", { street1: "12  Spring Garden Road", street2: "Unit 9" }, clerk);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.message).toContain("12 Spring Garden Road / Unit 9 / Halifax NS  B3J 1A1");
    expect(saved.message).toContain("shipdesk address UNIT-1 --drop");

    // Best Buy's address is untouched; the correction row says who, when and from where.
    const order = await orderRow("UNIT-1");
    expect([order.ship_street_1, order.ship_street_2]).toEqual([null, "Unit 9"]);
    expect(order.problems).toEqual([]);
    const [row] = await corrections("UNIT-1");
    expect(row).toMatchObject({ ship_street_1: "12 Spring Garden Road", ship_street_2: "Unit 9", corrected_by: "clerk@DESK-1", corrected_via: "command", ended_at: null });
    expect(row!.bestbuy_address).toMatchObject({ street1: null, street2: "Unit 9", postalCode: "B3J 1A1" });
    expect(Date.now() - new Date(row!.corrected_at).getTime()).toBeLessThan(60_000);

    const second = await ship(["UNIT-1"]);
    expect(second.created).toEqual(["UNIT-1"]);
    const [xml] = await sentXml("UNIT-1");
    expect(xml).toContain("<address-line-1>12 Spring Garden Road</address-line-1><address-line-2>Unit 9</address-line-2>");
  });

  test("checked with the same rules before it is saved: a bad value is refused, nothing stored", async () => {
    await insertOrders(t.db, [testOrder(1, { order_id: "CHECK-1" })]);
    const refused = await saveCorrection(t.db, "CHECK-1", { postalCode: "ZZZ 999", street2: "Apt 4" }, clerk);
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('The postal code "ZZZ 999" is not a valid Canadian postal code');
    expect(refused.message).toContain("shipdesk address CHECK-1 --postal-code");
    const mismatch = await saveCorrection(t.db, "CHECK-1", { province: "B.C." }, clerk);
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok) expect(mismatch.problems.map((p) => p.code)).toEqual(["province_postal_mismatch"]);
    const unitOnly = await saveCorrection(t.db, "CHECK-1", { street1: "", street2: "Apt 4" }, clerk);
    expect(unitOnly.ok).toBe(false);
    if (!unitOnly.ok) expect(unitOnly.problems.map((p) => p.code)).toEqual(["missing_street"]);
    expect(await corrections("CHECK-1")).toEqual([]);
    // Typed loosely, stored the way Canada Post wants it.
    const ok = await saveCorrection(t.db, "CHECK-1", { province: "quebec", postalCode: "h2j-2l3", phone: "+1 (514) 555-0100 ext 4" }, clerk);
    expect(ok.ok).toBe(true);
    const view = (await addressView(t.db, "CHECK-1"))!;
    expect([view.current.province, view.current.postalCode, view.current.phone]).toEqual(["QC", "H2J2L3", "5145550100"]);
  });

  test("a new correction replaces the one before, dropping goes back to Best Buy's; every version is kept", async () => {
    await insertOrders(t.db, [testOrder(2, { order_id: "HIST-1" })]);
    expect((await saveCorrection(t.db, "HIST-1", { street2: "Apt 12" }, clerk)).ok).toBe(true);
    expect((await saveCorrection(t.db, "HIST-1", { street2: "Apt 12B" }, { who: "boss@DESK-2", via: "print page" })).ok).toBe(true);
    const same = await saveCorrection(t.db, "HIST-1", { street2: "Apt 12B" }, clerk);
    expect(same).toMatchObject({ ok: true, changed: false });
    const dropped = await dropCorrection(t.db, "HIST-1", clerk);
    expect(dropped.ok).toBe(true);
    expect(dropped.message).toContain("uses Best Buy's address again");
    const rows = await corrections("HIST-1");
    expect(rows.map((r) => [r.ship_street_2, r.corrected_by, r.ended_how, r.ended_by])).toEqual([
      ["Apt 12", "clerk@DESK-1", "replaced", "boss@DESK-2"],
      ["Apt 12B", "boss@DESK-2", "dropped", "clerk@DESK-1"],
    ]);
    const view = (await addressView(t.db, "HIST-1"))!;
    expect(view.correction).toBeUndefined();
    expect(view.current.street2).toBe(null);
    expect((await dropCorrection(t.db, "HIST-1", clerk)).ok).toBe(false);
  });

  test("never while a label exists or is being bought; again after Canada Post refused the label", async () => {
    await insertOrders(t.db, [testOrder(3, { order_id: "LBL-1" })]);
    await t.db.query(claimSql, ["LBL-1", "label_created"]);
    const refused = await saveCorrection(t.db, "LBL-1", { street2: "Apt 3" }, clerk);
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain("already has a Canada Post label");
    expect(refused.message).toContain("shipdesk void LBL-1 --reship");
    await t.db.query(setShipmentStatusSql, ["LBL-1", "label_creation_initiated"]);
    expect((await saveCorrection(t.db, "LBL-1", { street2: "Apt 3" }, clerk)).ok).toBe(false);
    expect((await dropCorrection(t.db, "LBL-1", clerk)).ok).toBe(false);
    await t.db.query(setShipmentStatusSql, ["LBL-1", "label_failed"]);
    expect((await saveCorrection(t.db, "LBL-1", { street2: "Apt 3" }, clerk)).ok).toBe(true);
    expect((await saveCorrection(t.db, "NO-SUCH-ORDER", { street2: "Apt 3" }, clerk)).message).toContain("There is no order NO-SUCH-ORDER");
  });

  test("a label being claimed at that moment: the correction waits for the claim, then is refused", async () => {
    await insertOrders(t.db, [testOrder(4, { order_id: "RACE-1" })]);
    const session = await t.db.reserve();
    try {
      let settled = false;
      let saving: Promise<{ ok: boolean; message: string }> | undefined;
      await session.transaction(async (tx) => {
        await tx.query(claimSql, ["RACE-1", "label_creation_initiated"]);
        saving = saveCorrection(t.db, "RACE-1", { street2: "Apt 9" }, clerk).then((r) => {
          settled = true;
          return r;
        });
        await Bun.sleep(300);
        // The claim's foreign key holds the order: the save cannot read past it.
        expect(settled).toBe(false);
      });
      const result = await saving!;
      expect(result.ok).toBe(false);
      expect(result.message).toContain("being bought");
      expect(await corrections("RACE-1")).toEqual([]);
    } finally {
      await session.release();
    }
  });

  test("a retry of a refused label waits for a correction being saved, so it buys from the new address", async () => {
    await insertOrders(t.db, [testOrder(5, { order_id: "RETRY-1" })]);
    await t.db.query(claimSql, ["RETRY-1", "label_failed"]);
    const session = await t.db.reserve();
    try {
      let reopened: number | undefined | "pending" = "pending";
      let retry: Promise<unknown> | undefined;
      await t.db.transaction(async (tx) => {
        await tx.query(lockOrderSql, ["RETRY-1"]); // as saveCorrection does first
        const claim = { orderId: "RETRY-1", requestId: "RETRY-1-2", attempt: 2, serviceCode: "DOM.EP", parcel: { weightKg: 1, dimensionsCm: undefined, source: "default" as const }, groupId: null };
        retry = reopenFailedShipment(session, claim).then((id) => (reopened = id));
        await Bun.sleep(300);
        expect(reopened).toBe("pending");
      });
      await retry;
      expect(typeof reopened).toBe("number");
    } finally {
      await session.release();
    }
  });
});

describe("orders sync and the correction", () => {
  let bb: RunningBestBuySandbox;
  const settings: { bestBuy: BestBuySettings } = {
    bestBuy: { baseUrl: undefined, apiKey: SANDBOX_CREDENTIALS.bestBuyApiKey, shopId: undefined, carrierCode: "CPCL", autoAccept: false, timeoutMs: 5000 },
  };
  const sync = () => syncOrders({ db: t.db, marketplace: sandboxClient(t.db, bb.url), settings });
  const ID = "310000001-A";

  beforeAll(() => {
    bb = startBestBuySandbox({ seed: 77, orders: 0, specialOrders: [{ orderId: ID, address: { street_1: "", street_2: "Apt 4B", zip_code: "H2X 1Y4", state: "QC", city: "Montréal" } }] });
  });
  afterAll(async () => bb.stop());

  test("sync never overwrites a correction, reports the corrected address's problems, and Best Buy's later change is caught", async () => {
    const first = await sync();
    expect(first.problems.filter((p) => p.orderId === ID).map((p) => p.message).join(" ")).toContain(`shipdesk address ${ID} --line1`);
    expect((await orderRow(ID)).problems.map((p: { code: string }) => p.code)).toEqual(["missing_street"]);

    expect((await saveCorrection(t.db, ID, { street1: "4500, boulevard Saint-Laurent" }, clerk)).ok).toBe(true);
    const again = await sync();
    // (The orders of the tests above are in the same database, not at this Best Buy.)
    expect(again.problems.filter((p) => p.orderId === ID)).toEqual([]);
    expect((await orderRow(ID)).problems).toEqual([]);
    const [kept] = await corrections(ID);
    expect(kept).toMatchObject({ ship_street_1: "4500, boulevard Saint-Laurent", ended_at: null });

    // Best Buy's copy changes (its customer service edited it): the label waits for a person.
    bb.state.order(ID)!.customer.shipping_address.street_2 = "Apt 5C";
    await sync();
    const changed = (await orderRow(ID)).problems as { code: string; message: string }[];
    expect(changed.map((p) => p.code)).toEqual(["bestbuy_address_changed"]);
    expect(changed[0]!.message).toContain(`shipdesk address ${ID} --show`);
    expect((await ship([ID])).created).toEqual([]);
    expect((await addressView(t.db, ID))!.bestBuyChanged).toBe(true);

    // The clerk looked: the correction is kept against Best Buy's new address, and it ships.
    const confirmed = await saveCorrection(t.db, ID, {}, clerk);
    expect(confirmed).toMatchObject({ ok: true, changed: true });
    expect((await orderRow(ID)).problems).toEqual([]);
    await sync();
    expect((await orderRow(ID)).problems).toEqual([]);
    expect((await ship([ID])).created).toEqual([ID]);
    const [xml] = await sentXml(ID);
    expect(xml).toContain("<address-line-1>4500, boulevard Saint-Laurent</address-line-1><address-line-2>Apt 4B</address-line-2>");
    expect((await corrections(ID)).map((r) => r.ended_how)).toEqual(["replaced", null]);
  });
});
