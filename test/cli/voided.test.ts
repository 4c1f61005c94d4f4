import { beforeAll, describe, expect, test } from "bun:test";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { canadaPostForFile, cliScene, DATABASE_KINDS, summaryOf } from "../support/cli-scene.ts";
import shipmentsSql from "./shipments.sql" with { type: "text" };

// A voided order (shipdesk void ORDER, without --reship) is still accepted at Best Buy with no
// label. It is never silently "accepted" with nothing to do: ship names it (exit 1), status lists
// it with both ways out, and the fix it gives buys exactly one new label.

const sandbox = canadaPostForFile();
let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = sandbox();
});


for (const kind of DATABASE_KINDS) {
  describe(`on the ${kind} database`, () => {
    test("voided without --reship: ship says so and exits 1, status lists it with the fix, and the fix buys one new label", async () => {
      const s = await cliScene("voided", kind, cp, { orders: 2, seed: 61 });
      try {
        const [a, b] = [...s.bb.state.orderIds()].sort();
        expect((await s.cli("orders", "sync")).code).toBe(0);
        expect((await s.cli("ship")).code).toBe(0);
        const voided = await s.cli("void", a!, "--reason", "wrong box");
        expect(voided.code).toBe(0);
        const pin = cp.state.labelsFor(a!)[0]!.trackingPin;

        const ship = await s.cli("ship");
        expect(ship.code).toBe(1);
        expect(ship.stdout).toContain(`${a} its label (PIN ${pin}) was cancelled and no new one is bought on its own; if the order still ships: shipdesk void ${a} --reship, then shipdesk ship`);
        expect(summaryOf(ship.stdout)).toContain("1 order(s) whose label was voided, waiting for a new one (shipdesk void ORDER --reship)");
        expect(cp.state.labelsFor(a!)).toHaveLength(1);

        const status = await s.cli("status");
        expect(status.code).toBe(1);
        expect(status.stdout).toContain("Needs a person (1):");
        expect(status.stdout).toContain(`  ${a}: label voided, no new one: Its label was cancelled and no new label was bought; the order is still accepted at Best Buy, waiting to ship.`);
        expect(status.stdout).toContain(`${a}: PIN ${pin}, voided: wrong box`);
        expect(status.stdout).toContain(`Fix: If the order still ships, buy it a new label: shipdesk void ${a} --reship, then shipdesk ship`);
        expect(status.stdout).toContain("If it will not ship, cancel it in the Best Buy seller portal");

        // The fix as given: the voided label is already cancelled, so nothing is voided again.
        const reship = await s.cli("void", a!, "--reship");
        expect(reship.code).toBe(0);
        expect(cp.state.callsTo("VoidShipment")).toBe(1);
        const again = await s.cli("ship");
        expect(again.code).toBe(0);
        expect(summaryOf(again.stdout)).toContain("labels: 1 label(s) bought");
        expect(cp.state.activeLabelsFor(a!)).toHaveLength(1);
        expect(cp.state.activeLabelsFor(b!)).toHaveLength(1);
        expect((await s.query(shipmentsSql)).map((r) => [r.order_id, r.status, r.create_attempt])).toEqual([
          [a, "label_created", 2],
          [b, "label_created", 1],
        ]);
        expect((await s.cli("status")).stdout).toContain("Nothing needs a person.");
      } finally {
        await s.done();
      }
    }, 90_000);
  });
}
