import { beforeAll, describe, expect, test } from "bun:test";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { refusalFault } from "../support/carriers.ts";
import { canadaPostForFile, cliScene, DATABASE_KINDS, summaryOf } from "../support/cli-scene.ts";
import shipmentsSql from "./shipments.sql" with { type: "text" };

// A refused label can be bought again with what the clerk changed: the settings, the order's
// service (shipdesk service), its address; and every summary's money is what was charged.

const sandbox = canadaPostForFile();
let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = sandbox();
});

/** What the sandbox sold for an order: the service it was bought with and what it was charged. */
function sold(orderId: string) {
  return [...cp.state.shipments.values()].filter((s) => s.orderId === orderId).map((s) => ({ service: s.serviceCode, due: s.price?.due }));
}

const money = (x: number) => `$${x.toFixed(2)}`;

for (const kind of DATABASE_KINDS) {
  describe(`on the ${kind} database`, () => {
    test("labels refused for a setting are said once in status; once the setting is fixed, --retry buys with the new service; shipdesk service chooses one order's", async () => {
      const s = await cliScene("refused_setting", kind, cp, { orders: 3, seed: 41 }, '[canadapost]\nservice = "DOM.XP"\n');
      try {
        const [a, b, c] = s.bb.state.orderIds();
        expect((await s.cli("orders", "sync")).code).toBe(0);
        cp.faults.inject("CreateShipment", refusalFault("3000", "Service DOM.XP is not available for this contract."), 3);
        const first = await s.cli("ship");
        expect(first.code).toBe(1);
        expect(summaryOf(first.stdout)).toContain("0 label(s) bought, 3 refused by Canada Post");

        // One cause, said once: the three orders, Canada Post's words, the service's fix.
        const status = await s.cli("status");
        expect(status.code).toBe(1);
        expect(status.stdout).toContain("Needs a person (1):");
        expect(status.stdout).toContain(`3 orders (${a}, ${b} and ${c}): label refused: Canada Post refused the label: Service DOM.XP is not available for this contract. (3000).`);
        expect(status.stdout).toContain("Fix: Choose a service Canada Post offers you: canadapost.service");
        expect(status.stdout).toContain(`shipdesk ship --retry ${a} --retry ${b} --retry ${c}`);

        // The setting fixed: the retry is built from it, not from the refused attempt.
        s.settings('[canadapost]\nservice = "DOM.EP"\n');
        const retryA = await s.cli("ship", "--retry", a!);
        expect(retryA.code).toBe(0);
        expect(sold(a!)).toEqual([{ service: "DOM.EP", due: expect.any(Number) }]);
        expect(summaryOf(retryA.stdout)).toContain(`retry: labels: 1 label(s) bought for ${money(sold(a!)[0]!.due!)} (taxes included)`);

        // One order's own service, checked against the allowed codes.
        const help = await s.cli("service", "--help");
        expect(help.code).toBe(0);
        expect(help.stdout).toContain("shipdesk service ORDER CODE");
        const bad = await s.cli("service", c!, "DOM.ZZ");
        expect(bad.code).toBe(2);
        expect(bad.stdout.trim()).toBe('"DOM.ZZ" is not a Canada Post service shipdesk can choose for an order; use one of DOM.RP (Regular Parcel), DOM.EP (Expedited Parcel), DOM.XP (Xpresspost), DOM.PC (Priority).');
        const chosen = await s.cli("service", b!, "dom.rp");
        expect(chosen.code).toBe(0);
        expect(chosen.stdout.trim()).toStartWith(`Order ${b} will ship DOM.RP (Regular Parcel); buy its refused label again with shipdesk ship --retry ${b} (quoted again with this service). Quoted $`);
        const retryB = await s.cli("ship", "--retry", b!);
        expect(retryB.code).toBe(0);
        expect(sold(b!)).toEqual([{ service: "DOM.RP", due: expect.any(Number) }]);
        const bought = await s.cli("service", a!, "DOM.RP");
        expect(bought.code).toBe(1);
        expect(bought.stdout).toContain(`The label of order ${a} is already bought (DOM.EP, PIN `);
        expect((await s.cli("service", "NO-SUCH-ORDER", "DOM.RP")).code).toBe(2);

        const rows = await s.query(shipmentsSql);
        expect(rows.map((r) => [r.order_id, r.status, r.service_code, r.create_attempt])).toEqual(
          [
            [a, "label_created", "DOM.EP", 2],
            [b, "label_created", "DOM.RP", 2],
            [c, "label_failed", "DOM.XP", 1],
          ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
        );
        const after = await s.cli("status");
        expect(after.stdout).toContain("Needs a person (1):");
        expect(after.stdout).toContain(`  ${c}: Canada Post refused the label`);
      } finally {
        await s.done();
      }
    }, 90_000);

    test("a label bought with the fallback service (no rates) and refused is quoted again on --retry, and its summary says what it was charged", async () => {
      const s = await cliScene("refused_fallback", kind, cp, { orders: 1, seed: 42 }, '[canadapost]\nfallback_service = "DOM.PC"\n');
      try {
        const [a] = s.bb.state.orderIds();
        expect((await s.cli("orders", "sync")).code).toBe(0);
        cp.faults.inject("GetRates", { kind: "status", status: 503 }, 20);
        cp.faults.inject("CreateShipment", refusalFault("1156", "Address line 1 is mandatory."), 1);
        const first = await s.cli("ship");
        expect(first.code).toBe(1);
        expect(first.stdout).toContain("no rates from Canada Post");
        expect((await s.query(shipmentsSql)).map((r) => [r.service_code, r.status])).toEqual([["DOM.PC", "label_failed"]]);

        cp.faults.clear(); // Canada Post quotes again
        const retry = await s.cli("ship", "--retry", a!);
        expect(retry.code).toBe(0);
        const [label] = sold(a!);
        // The rule's choice of now (never Priority, which `services` does not allow), not the fallback.
        expect(["DOM.RP", "DOM.EP", "DOM.XP"]).toContain(label!.service);
        expect(label!.due).toBeGreaterThan(0);
        expect(summaryOf(retry.stdout)).toContain(`retry: labels: 1 label(s) bought for ${money(label!.due!)} (taxes included)`);
        const [row] = await s.query(shipmentsSql);
        expect(row).toMatchObject({ status: "label_created", service_code: label!.service, charged_due: label!.due, service_reason: "cheapest_on_time" });
      } finally {
        await s.done();
      }
    }, 90_000);
  });
}
