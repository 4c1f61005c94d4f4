import { describe, expect, test } from "bun:test";
import { voidLabel } from "../../src/voids/index.ts";
import { runEndOfDay } from "../../src/manifest/index.ts";
import { cancelledAfterLabel } from "../../src/common/cancelled-after-label.ts";
import { runShipping } from "../../src/shipping/index.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { carrierFor, sandboxSettings, shippingDeps } from "../support/shipping.ts";
import { labelTests } from "../support/label-tests.ts";
import { sentText } from "../support/carriers.ts";
import shipmentsSql from "./shipments.sql" with { type: "text" };
import historySql from "./history.sql" with { type: "text" };
import apiCallsSql from "./api_calls.sql" with { type: "text" };
import setAttentionSql from "./set_attention.sql" with { type: "text" };
import orderSql from "./order.sql" with { type: "text" };
import markShippedSql from "./mark_shipped.sql" with { type: "text" };

const t = labelTests("void");

async function fresh(label: string, orderIds: string[]) {
  await t.fresh(label);
  await insertOrders(t.db, orderIds.map((id, i) => testOrder(i, { order_id: id })));
  const summary = await runShipping(shippingDeps(t.db, settings(), t.cp.url));
  expect(summary.created).toHaveLength(orderIds.length);
}

const settings = () => sandboxSettings(t.labelsDir);
const deps = () => ({ db: t.db, carrier: carrierFor(t.db, settings(), t.cp.url) });
const rows = () => t.db.query<Record<string, any>>(shipmentsSql);
const row = async (orderId: string) => (await rows()).find((r) => r.order_id === orderId);
// The order's calls from the label on; the price asked before buying it is not the void's business.
const endpoints = async (orderId: string) =>
  (await t.db.query<Record<string, any>>(apiCallsSql, [orderId])).filter((c) => c.endpoint !== "GetRates").map((c) => `${c.method} ${c.endpoint} ${c.status_code}`);
const endOfDay = () => runEndOfDay({ db: t.db, carrier: carrierFor(t.db, settings(), t.cp.url), settings: settings() });

describe("void before the end of day", () => {
  test("Void Shipment (DELETE self, 204): the row keeps its history as voided; Canada Post shows it voided; every call audited", async () => {
    await fresh("before", ["V-1", "V-2"]);
    const before = (await row("V-1"))!;
    const result = await voidLabel(deps(), "V-1", { reason: "customer changed the address" });
    expect(result).toMatchObject({ kind: "done", action: "voided", reshipped: false });
    const after = (await row("V-1"))!;
    expect(after).toMatchObject({ status: "voided", void_reason: "customer changed the address", tracking_pin: before.tracking_pin });
    expect(after.voided_at).not.toBeNull();
    expect(t.cp.state.shipments.get(before.cp_shipment_id)!.status).toBe("voided");
    expect(await endpoints("V-1")).toEqual(["POST CreateShipment 200", "GET GetArtifact 200", "DELETE VoidShipment 204"]);
    // Without --reship the order does not ship again.
    const again = await runShipping(shippingDeps(t.db, settings(), t.cp.url));
    expect(again.created).toEqual([]);
    expect(t.cp.state.labelsFor("V-1")).toHaveLength(1);
    // The end of day leaves the voided label out.
    await endOfDay();
    const manifest = [...t.cp.state.manifests.values()][0]!;
    expect(manifest.shipmentIds).toEqual([(await row("V-2"))!.cp_shipment_id]);
    expect((await row("V-1"))!.status).toBe("voided");
  });

  test("a cancelled order's 'void the label' flag is cleared on the order and its shipment", async () => {
    await fresh("attention", ["C-1"]);
    const sentence = cancelledAfterLabel("C-1", "cancelled");
    await t.db.query(setAttentionSql, ["C-1", sentence]);
    const result = await voidLabel(deps(), "C-1", {});
    expect(result.kind).toBe("done");
    expect((await row("C-1"))!.attention).toBeNull();
    expect((await t.db.query<Record<string, any>>(orderSql, ["C-1"]))[0]!.attention).toBeNull();
    // --reship on a cancelled order is refused with the reason.
    const reship = await voidLabel(deps(), "C-1", { allowReship: true });
    expect(reship).toMatchObject({ kind: "done", action: "already", reshipped: false });
    expect(reship.warnings.join(" ")).toContain("cancelled at Best Buy");
  });

  test("--reship: the old row moves to shipment_history and the next ship run buys exactly one new label, under a new request id", async () => {
    await fresh("reship", ["R-1"]);
    const old = (await row("R-1"))!;
    const result = await voidLabel(deps(), "R-1", { reason: "box damaged", allowReship: true });
    expect(result).toMatchObject({ kind: "done", action: "voided", reshipped: true });
    expect(await rows()).toEqual([]);
    const history = await t.db.query<Record<string, any>>(historySql);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ order_id: "R-1", status: "voided", void_reason: "box damaged", tracking_pin: old.tracking_pin, create_attempt: 1 });
    expect(history[0]!.shipment.customer_request_id).toBe("R-1-1");

    const summary = await runShipping(shippingDeps(t.db, settings(), t.cp.url));
    expect(summary.created).toEqual(["R-1"]);
    expect(t.cp.state.callsTo("CreateShipment")).toBe(2);
    expect(t.cp.state.activeLabelsFor("R-1")).toHaveLength(1);
    const fresh2 = (await row("R-1"))!;
    expect(fresh2).toMatchObject({ status: "label_created", customer_request_id: "R-1-2", create_attempt: 2 });
    expect(fresh2.tracking_pin).not.toBe(old.tracking_pin);
    // And a second run buys nothing more.
    await runShipping(shippingDeps(t.db, settings(), t.cp.url));
    expect(t.cp.state.callsTo("CreateShipment")).toBe(2);
  });

  test("an order with no label is refused; voiding twice calls Canada Post once", async () => {
    await fresh("refused", ["F-1"]);
    expect(await voidLabel(deps(), "NOPE", {})).toMatchObject({ kind: "refused" });
    await voidLabel(deps(), "F-1", {});
    expect(await voidLabel(deps(), "F-1", {})).toMatchObject({ kind: "done", action: "already" });
    expect(t.cp.state.callsTo("VoidShipment")).toBe(1);
  });

  test("no answer to the void: nothing changes here and the clerk is told to run it again; the next try sees 404 and records the void", async () => {
    await fresh("lost", ["L-1"]);
    t.cp.faults.inject("VoidShipment", { kind: "lose-reply" });
    const first = await voidLabel(deps(), "L-1", {});
    expect(first.kind).toBe("unreachable");
    expect((await row("L-1"))!.status).toBe("label_created");
    const second = await voidLabel(deps(), "L-1", {});
    expect(second).toMatchObject({ kind: "done", action: "voided" });
    expect((await row("L-1"))!.status).toBe("voided");
  });
});

describe("after the end of day: a refund", () => {
  test("a transmitted label is refunded (Get Shipment → refund link → Request Refund): refund_requested with Canada Post's ticket", async () => {
    await fresh("refund", ["X-1", "X-2"]);
    await endOfDay();
    expect((await row("X-1"))!.cp_shipment_id).toBeDefined();
    const result = await voidLabel(deps(), "X-1", { reason: "lost in the warehouse", email: "desk@example.com" });
    expect(result).toMatchObject({ kind: "done", action: "refund_requested" });
    const refund = t.cp.state.refunds[0]!;
    expect(result.kind === "done" && result.ticketId).toBe(refund.ticketId);
    expect(refund.email).toBe("desk@example.com");
    const after = (await row("X-1"))!;
    expect(after).toMatchObject({ status: "refund_requested", void_reason: "lost in the warehouse", refund_ticket_id: refund.ticketId, refund_ticket_date: refund.ticketDate });
    // No void was tried: the database knew it was transmitted.
    expect(await endpoints("X-1")).toEqual(["POST CreateShipment 200", "GET GetArtifact 200", "GET GetShipment 200", "POST RequestRefund 200"]);
    const audit = await t.db.query<Record<string, any>>(apiCallsSql, ["X-1"]);
    expect(sentText(audit.at(-1)!)).toContain("desk@example.com");
  });

  test("transmitted behind shipdesk's back: the void is refused with 8064 and the refund follows", async () => {
    await fresh("8064", ["Y-1"]);
    const s = (await row("Y-1"))!;
    t.cp.state.shipments.get(s.cp_shipment_id)!.status = "transmitted";
    const result = await voidLabel(deps(), "Y-1", { email: "desk@example.com" });
    expect(result).toMatchObject({ kind: "done", action: "refund_requested" });
    expect(await endpoints("Y-1")).toEqual(["POST CreateShipment 200", "GET GetArtifact 200", "DELETE VoidShipment 400", "GET GetShipment 200", "POST RequestRefund 200"]);
  });

  test("without an e-mail address the refund is not asked for, and the clerk reads how to give one", async () => {
    await fresh("no_email", ["Z-1"]);
    await endOfDay();
    const result = await voidLabel(deps(), "Z-1", {});
    expect(result.kind).toBe("refused");
    expect(result.message).toContain("--email");
    expect(t.cp.state.refunds).toHaveLength(0);
  });

  test("an order already shipped at Best Buy: the refund goes ahead with a warning, and --reship is refused", async () => {
    await fresh("shipped", ["S-1"]);
    await endOfDay();
    await t.db.query(markShippedSql, ["S-1"]);
    const result = await voidLabel(deps(), "S-1", { email: "desk@example.com", allowReship: true });
    expect(result).toMatchObject({ kind: "done", action: "refund_requested", reshipped: false });
    expect(result.warnings.join(" ")).toContain("Best Buy will not take a new tracking number");
    expect((await rows()).map((r) => r.status)).toEqual(["refund_requested"]);
  });

  test("refunded with --reship: the next ship run buys one new label, and a crash recovery could never adopt the refunded one", async () => {
    await fresh("refund_reship", ["W-1"]);
    await endOfDay();
    const result = await voidLabel(deps(), "W-1", { email: "desk@example.com", allowReship: true });
    expect(result).toMatchObject({ kind: "done", action: "refund_requested", reshipped: true });
    const summary = await runShipping(shippingDeps(t.db, settings(), t.cp.url));
    expect(summary.created).toEqual(["W-1"]);
    expect(t.cp.state.labelsFor("W-1")).toHaveLength(2);
    expect(new Set(t.cp.state.labelsFor("W-1").map((l) => l.requestId))).toEqual(new Set(["W-1-1", "W-1-2"]));
  });
});

describe("with the end of day's transmit in doubt: void asks Canada Post for the label's own status", () => {
  test("Canada Post had transmitted it (the answer was lost): a refund is requested at once, and the end of day then settles the rest", async () => {
    await fresh("doubt_transmitted", ["DT-1", "DT-2"]);
    t.cp.faults.inject("TransmitShipments", { kind: "lose-reply" });
    await endOfDay();
    expect((await row("DT-1"))!.transmit_id).not.toBeNull();
    const result = await voidLabel(deps(), "DT-1", { reason: "wrong item", email: "desk@example.com" });
    expect(result).toMatchObject({ kind: "done", action: "refund_requested" });
    expect(await endpoints("DT-1")).toEqual(["POST CreateShipment 200", "GET GetArtifact 200", "GET GetShipment 200", "POST RequestRefund 200"]);
    expect(t.cp.state.refunds.map((r) => r.shipmentId)).toEqual([(await row("DT-1"))!.cp_shipment_id]);
    const settled = await endOfDay();
    expect(settled.failed).toEqual([]);
    expect(settled.unreachable).toEqual([]);
    expect(settled.saved).toHaveLength(1);
    expect(t.cp.state.callsTo("TransmitShipments")).toBe(1);
    expect((await rows()).map((r) => r.status)).toEqual(["refund_requested", "label_created"]);
  });

  test("Canada Post had not transmitted it: it is voided (nothing billed), and the end of day transmits the others", async () => {
    await fresh("doubt_open", ["DO-1", "DO-2"]);
    t.cp.faults.inject("TransmitShipments", { kind: "status", status: 503 });
    await endOfDay();
    const result = await voidLabel(deps(), "DO-1", { reason: "customer cancelled" });
    expect(result).toMatchObject({ kind: "done", action: "voided" });
    expect(await endpoints("DO-1")).toEqual(["POST CreateShipment 200", "GET GetArtifact 200", "GET GetShipment 200", "DELETE VoidShipment 204"]);
    await endOfDay();
    const manifest = [...t.cp.state.manifests.values()][0]!;
    expect(manifest.shipmentIds).toEqual([(await row("DO-2"))!.cp_shipment_id]);
    expect((await rows()).map((r) => r.status)).toEqual(["voided", "label_created"]);
  });

  test("Canada Post had it cancelled already: it is recorded voided without another call", async () => {
    await fresh("doubt_cancelled", ["DC-1"]);
    t.cp.faults.inject("TransmitShipments", { kind: "status", status: 503 });
    await endOfDay();
    t.cp.state.shipments.get((await row("DC-1"))!.cp_shipment_id)!.status = "voided";
    const result = await voidLabel(deps(), "DC-1", {});
    expect(result).toMatchObject({ kind: "done", action: "voided" });
    expect(result.message).toContain("already cancelled at Canada Post");
    expect(t.cp.state.callsTo("VoidShipment")).toBe(0);
  });

  test("Canada Post does not answer the question: nothing changes, and the clerk is told to run it again later", async () => {
    await fresh("doubt_silent", ["DS-1"]);
    t.cp.faults.inject("TransmitShipments", { kind: "status", status: 503 });
    await endOfDay();
    t.cp.faults.inject("GetShipment", { kind: "status", status: 500 }, 3);
    const result = await voidLabel(deps(), "DS-1", {});
    expect(result.kind).toBe("unreachable");
    expect(result.message).toContain("run shipdesk void DS-1 again later");
    expect((await row("DS-1"))!.status).toBe("label_created");
    expect(t.cp.state.callsTo("VoidShipment")).toBe(0);
  });
});
