import { describe, expect, test } from "bun:test";
import { endOfDayExitCode } from "../../src/cli/commands/manifest.ts";
import { EXIT } from "../../src/app/exit-codes.ts";
import { runEndOfDay, type EndOfDayEvent } from "../../src/manifest/index.ts";
import { createPrintApp } from "../../src/server/index.ts";
import { runShipping } from "../../src/shipping/index.ts";
import { statusReport } from "../../src/status/index.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { carrierFor, sandboxSettings, shippingDeps } from "../support/shipping.ts";
import { labelTests } from "../support/label-tests.ts";
import labelsSql from "./labels.sql" with { type: "text" };
import manifestsSql from "./manifests.sql" with { type: "text" };
import transmitsSql from "./transmit_state.sql" with { type: "text" };

const t = labelTests("settle");

const settings = (timeoutMs = 5000) => sandboxSettings(t.labelsDir, { timeoutMs });
const endOfDay = (events: EndOfDayEvent[] = [], timeoutMs?: number) =>
  runEndOfDay({ db: t.db, carrier: carrierFor(t.db, settings(timeoutMs), t.cp.url), settings: settings(timeoutMs), onEvent: (e) => events.push(e) });
const rows = () => t.db.query<Record<string, any>>(labelsSql);
const transmits = () => t.db.query<Record<string, any>>(transmitsSql);
const manifests = () => t.db.query<Record<string, any>>(manifestsSql);

/** A day's batch bought with the real label workflow; returns the day's group id. */
async function shipBatch(n: number, prefix: string): Promise<string> {
  await insertOrders(t.db, Array.from({ length: n }, (_, i) => testOrder(i, { order_id: `${prefix}-${i}` })));
  const summary = await runShipping({ ...shippingDeps(t.db, settings(), t.cp.url) });
  expect(summary.created).toHaveLength(n);
  return (await rows())[0]!.group_id;
}

/** Every label on one saved manifest, which Canada Post's own manifest lists. */
async function expectAllOnOneSavedManifest() {
  const [m, ...more] = await manifests();
  expect(more).toEqual([]);
  expect(m!.status).toBe("manifest_saved");
  const sandbox = [...t.cp.state.manifests.values()].find((x) => x.poNumber === m!.po_number)!;
  const live = (await rows()).filter((r) => r.status !== "voided");
  expect(live.map((r) => r.cp_shipment_id).sort()).toEqual([...sandbox.shipmentIds].sort());
  for (const r of live) {
    expect(r.manifest_id).toBe(m!.manifest_id);
    expect(r.transmitted_at).not.toBeNull();
  }
}

const said = (events: EndOfDayEvent[]) => events.map((e) => ("message" in e ? e.message : e.type)).join("\n");

describe("a transmit answer is done, refused, or in doubt: nothing else", () => {
  test("refused (9122): every label of the group was voided at Canada Post before the transmit; each is asked about and marked voided, the clerk is told not to ship them, and the next run has nothing to do", async () => {
    await t.fresh("voided_elsewhere");
    const group = await shipBatch(2, "VG");
    expect(t.cp.state.voidGroupElsewhere(group)).toHaveLength(2);
    const events: EndOfDayEvent[] = [];
    const first = await endOfDay(events);
    expect(said(events)).not.toContain("did not answer");
    expect(first.unreachable).toEqual([]);
    expect(first.refused).toHaveLength(1);
    expect(first.refused[0]).toContain("found nothing to transmit");
    expect(first.refused[0]).toContain("9122");
    expect(first.voided).toHaveLength(2);
    expect(first.voided[0]).toMatch(/^The label of order VG-0 \(PIN \d{16}\) was cancelled at Canada Post, not by shipdesk; it is marked voided: do not ship a parcel with it/);
    expect(endOfDayExitCode(first)).toBe(EXIT.needsPerson);
    for (const r of await rows()) {
      expect(r).toMatchObject({ status: "voided", cp_status: "cancelled", transmitted_at: null, manifest_id: null });
      expect(r.void_reason).toContain("not by shipdesk");
    }
    const [tr] = await transmits();
    expect(tr).toMatchObject({ status: "not_transmitted" });
    expect(tr!.refusal).toContain("9122");
    expect(t.cp.state.callsTo("GetShipment")).toBe(2);

    const second = await endOfDay();
    expect(second.nothing).toContain("Nothing to transmit");
    expect(t.cp.state.callsTo("TransmitShipments")).toBe(1);
    // The orders themselves are still to ship at Best Buy, with no label now: status says so, once.
    const attention = (await statusReport(t.db)).attention;
    expect(attention.map((a) => [a.kind, a.orderIds])).toEqual([["voided_no_label", ["VG-0", "VG-1"]]]);
    expect(attention[0]!.fix).toContain("shipdesk void VG-0 --reship; shipdesk void VG-1 --reship");
  });

  test("refused (9122): an earlier transmit this database never heard of took the labels; each is found transmitted and its manifest fetched by date", async () => {
    await t.fresh("taken_before");
    const group = await shipBatch(3, "TB");
    // Another copy of the program, or a run whose every trace was lost, transmitted the group.
    expect((await carrierFor(t.db, settings(), t.cp.url).transmit([group])).kind).toBe("ok");
    const first = await endOfDay();
    expect(first.refused[0]).toContain("9122");
    expect(first.failed).toEqual([]);
    expect(first.unreachable).toEqual([]);
    expect(first.voided).toEqual([]);
    expect(first.saved).toHaveLength(1);
    expect(endOfDayExitCode(first)).toBe(EXIT.ok);
    expect((await transmits()).map((x) => x.status)).toEqual(["recovered"]);
    expect((await rows()).every((r) => r.cp_status === "transmitted")).toBe(true);
    await expectAllOnOneSavedManifest();
  });

  test("refused for another reason: Canada Post's words and the fix; the labels are still open and go in the next transmit; refused twice, status lists the group", async () => {
    await t.fresh("refused_other");
    const group = await shipBatch(2, "RO");
    const body = `<?xml version="1.0" encoding="UTF-8"?><messages xmlns="http://www.canadapost.ca/ws/messages"><message><code>7292</code><description>The manifest address is not valid.</description></message></messages>`;
    t.cp.faults.inject("TransmitShipments", { kind: "status", status: 400, body }, 2);
    const first = await endOfDay();
    expect(first.failed).toEqual([`Canada Post refused to transmit ${group}: Canada Post TransmitShipments: HTTP 400: 7292 The manifest address is not valid. Fix the cause, then run shipdesk manifest again.`]);
    expect(endOfDayExitCode(first)).toBe(EXIT.needsPerson);
    expect((await rows()).map((r) => [r.transmit_id, r.cp_status, r.transmitted_at])).toEqual([
      [null, "created", null],
      [null, "created", null],
    ]);
    expect((await statusReport(t.db)).attention).toEqual([]);

    const second = await endOfDay();
    expect(second.failed).toHaveLength(1);
    const refusedTwice = (await statusReport(t.db)).attention;
    expect(refusedTwice.map((a) => [a.orderId, a.kind])).toEqual([[`group ${group}`, "transmit_refused"]]);
    expect(refusedTwice[0]!.reason).toContain("7292 The manifest address is not valid");
    expect(refusedTwice[0]!.fix).toContain("shipdesk.toml");

    const third = await endOfDay();
    expect(third.failed).toEqual([]);
    expect(t.cp.state.callsTo("TransmitShipments")).toBe(3);
    expect((await transmits()).map((x) => x.status)).toEqual(["not_transmitted", "not_transmitted", "answered"]);
    await expectAllOnOneSavedManifest();
    expect((await statusReport(t.db)).attention).toEqual([]);
  });

  for (const [name, fault] of [
    ["a timeout", { kind: "hang" }],
    ["a dropped connection", { kind: "reset" }],
    ["a 5xx", { kind: "status", status: 502 }],
  ] as const) {
    test(`in doubt (${name}): the next run asks Canada Post about each label, finds them open and transmits them once`, async () => {
      await t.fresh(`doubt_${fault.kind}`);
      await shipBatch(2, "D");
      t.cp.faults.inject("TransmitShipments", fault);
      const first = await endOfDay([], 400);
      expect(first.unreachable).toHaveLength(1);
      expect(first.unreachable[0]).toContain("did not answer the transmit");
      expect(endOfDayExitCode(first)).toBe(EXIT.unreachable);
      expect((await transmits()).map((x) => x.status)).toEqual(["sent"]);
      t.cp.faults.clear();
      const second = await endOfDay();
      expect(second.unreachable).toEqual([]);
      expect(second.failed).toEqual([]);
      expect(t.cp.state.callsTo("GetShipment")).toBe(2);
      expect((await transmits()).map((x) => x.status)).toEqual(["not_transmitted", "answered"]);
      await expectAllOnOneSavedManifest();
    });
  }

  test("throttled: Canada Post turned the transmit away before doing anything; the labels go in the next run's transmit", async () => {
    await t.fresh("throttled");
    await shipBatch(2, "TH");
    t.cp.faults.inject("TransmitShipments", { kind: "throttle" });
    const first = await endOfDay();
    expect(first.unreachable[0]).toContain("slow down");
    expect((await transmits()).map((x) => x.status)).toEqual(["not_transmitted"]);
    const second = await endOfDay();
    expect(second.transmitted).toHaveLength(1);
    expect(t.cp.state.callsTo("GetShipment")).toBe(0);
    await expectAllOnOneSavedManifest();
  });
});

describe("settled by each label's own status", () => {
  test("in doubt, then one label voided at Canada Post: it is marked voided, the others are transmitted in a new transmit", async () => {
    await t.fresh("mixed");
    await shipBatch(3, "M");
    t.cp.faults.inject("TransmitShipments", { kind: "status", status: 503 });
    await endOfDay();
    const gone = (await rows())[1]!;
    t.cp.state.shipments.get(gone.cp_shipment_id)!.status = "voided";
    const events: EndOfDayEvent[] = [];
    const second = await endOfDay(events);
    expect(second.voided).toHaveLength(1);
    expect(second.voided[0]).toContain("order M-1");
    expect(said(events)).toContain("settled label by label with Canada Post: 2 still open (transmitted again), 1 cancelled at Canada Post (marked voided)");
    expect((await rows()).map((r) => r.status)).toEqual(["label_created", "voided", "label_created"]);
    await expectAllOnOneSavedManifest();
  });

  test("a label whose link Canada Post answers with 404 (voided, as the reference has it) is marked voided too", async () => {
    await t.fresh("gone_404");
    await shipBatch(2, "G");
    t.cp.faults.inject("TransmitShipments", { kind: "status", status: 503 });
    await endOfDay();
    t.cp.state.shipments.get((await rows())[0]!.cp_shipment_id)!.status = "voided";
    t.cp.faults.inject("GetShipment", { kind: "status", status: 404, body: `<?xml version="1.0" encoding="UTF-8"?><messages xmlns="http://www.canadapost.ca/ws/messages"/>` });
    const second = await endOfDay();
    expect(second.voided).toHaveLength(1);
    expect((await rows()).map((r) => [r.status, r.cp_status])).toEqual([
      ["voided", "not found (404)"],
      ["label_created", "created"],
    ]);
    await expectAllOnOneSavedManifest();
  });

  test("stuck: Canada Post does not say what became of the labels; nothing new is transmitted, and after two runs status lists the transmit with what is known and the fix", async () => {
    await t.fresh("stuck_unknown");
    const group = await shipBatch(2, "SU");
    t.cp.faults.inject("TransmitShipments", { kind: "lose-reply" });
    await endOfDay();
    t.cp.faults.inject("GetShipment", { kind: "status", status: 500 }, 100);
    const second = await endOfDay();
    expect(second.unreachable).toEqual([`Canada Post did not say what became of the labels of ${group} (Canada Post GetShipment: HTTP 500: Server Failed to establish a backside connection); the next run asks again, and nothing is transmitted until it knows.`]);
    expect(t.cp.state.callsTo("TransmitShipments")).toBe(1);
    const stuck = (await statusReport(t.db)).attention;
    expect(stuck.map((a) => [a.orderId, a.kind])).toEqual([[`groups ${group}`, "transmit_in_doubt"]]);
    expect(stuck[0]!.reason).toContain("did not answer the transmit");
    expect(stuck[0]!.reason).toContain("2 label(s) whose fate Canada Post has not told yet (order(s) SU-0, SU-1).");
    expect(stuck[0]!.reason).toContain("Unsettled after 2 end-of-day run(s).");
    expect(stuck[0]!.fix).toContain("never transmits twice");
    // The print page's "Needs attention" says the same.
    const page = createPrintApp({ db: t.db, labelsDir: t.labelsDir, refetchLabel: async () => ({ ok: false, message: "no" }), mode: "sandbox" });
    const html = await (await page.request("/status")).text();
    expect(html).toContain(`groups ${group}`);
    expect(html).toContain("end of day unsettled");
    expect(html).toContain("whose fate Canada Post has not told yet");

    t.cp.faults.clear();
    const third = await endOfDay();
    expect(third.unreachable).toEqual([]);
    expect((await transmits()).map((x) => x.status)).toEqual(["recovered"]);
    await expectAllOnOneSavedManifest();
    expect((await statusReport(t.db)).attention).toEqual([]);
  });

  test("stuck the other way: Canada Post has the labels as transmitted but lists no manifest with them; said at each run, listed by status after two", async () => {
    await t.fresh("stuck_manifest");
    const group = await shipBatch(2, "SM");
    t.cp.faults.inject("TransmitShipments", { kind: "lose-reply" });
    await endOfDay();
    const made = [...t.cp.state.manifests.entries()];
    t.cp.state.manifests.clear();
    const second = await endOfDay();
    expect(second.unreachable).toEqual(["Canada Post has the label(s) of order(s) SM-0, SM-1 as transmitted but lists no manifest with them yet; the next run looks again."]);
    expect((await transmits()).map((x) => x.status)).toEqual(["recovered"]);
    const stuck = (await statusReport(t.db)).attention;
    expect(stuck.map((a) => [a.orderId, a.kind])).toEqual([[`groups ${group}`, "transmit_in_doubt"]]);
    expect(stuck[0]!.reason).toContain("2 label(s) Canada Post has as transmitted but on no manifest found yet (order(s) SM-0, SM-1).");
    expect(stuck[0]!.fix).toContain("Canada Post's website");

    for (const [id, m] of made) t.cp.state.manifests.set(id, m);
    await endOfDay();
    await expectAllOnOneSavedManifest();
    expect((await statusReport(t.db)).attention).toEqual([]);
  });

  test("a manifest whose PDF cannot be fetched is said at each run and listed by status after two", async () => {
    await t.fresh("manifest_unsaved");
    await shipBatch(2, "MU");
    // Each run tries Get Artifact three times (a read is retried).
    t.cp.faults.inject("GetArtifact", { kind: "status", status: 500 }, 6);
    const first = await endOfDay();
    expect(first.unreachable[0]).toContain("could not be downloaded");
    expect((await statusReport(t.db)).attention).toEqual([]);
    await endOfDay();
    const stuck = (await statusReport(t.db)).attention;
    expect(stuck.map((a) => a.kind)).toEqual(["manifest_unsaved"]);
    expect(stuck[0]!.reason).toContain("could not be downloaded");
    await endOfDay();
    await expectAllOnOneSavedManifest();
    expect((await statusReport(t.db)).attention).toEqual([]);
  });
});
