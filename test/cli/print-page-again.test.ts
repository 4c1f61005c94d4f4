import { beforeAll, describe, expect, test } from "bun:test";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { refusalFault } from "../support/carriers.ts";
import { canadaPostForFile, cliScene, DATABASE_KINDS, summaryOf } from "../support/cli-scene.ts";
import shipmentsSql from "./shipments.sql" with { type: "text" };
import { freePort } from "../support/throwaway-cluster.ts";
import { waitForPage } from "../support/print-page.ts";

// shipdesk serve's Needs attention: a refused label is bought again with the service the clerk
// picks there (built afresh and quoted again), and an order whose label was voided is given a
// new one; posting the same form again buys nothing more.

const sandbox = canadaPostForFile();
let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = sandbox();
});

for (const kind of DATABASE_KINDS) {
  describe(`on the ${kind} database`, () => {
    test("Needs attention buys a refused label again with the service picked there, and a voided order a new label; a second post buys nothing", async () => {
      const s = await cliScene("page_again", kind, cp, { orders: 2, seed: 71 });
      try {
        const [refused, voided] = [...s.bb.state.orderIds()].sort();
        expect((await s.cli("orders", "sync")).code).toBe(0);
        cp.faults.inject("CreateShipment", refusalFault("3000", "Service DOM.EP is not available for this contract."), 1);
        expect((await s.cli("ship")).code).toBe(1);
        // Which order was refused depends on the run's order: make `refused` the refused one.
        const rows = await s.query(shipmentsSql);
        const failed = rows.find((r) => r.status === "label_failed")!.order_id as string;
        const [r, v] = failed === refused ? [refused!, voided!] : [voided!, refused!];
        expect((await s.cli("void", v)).code).toBe(0);

        const port = freePort();
        const url = `http://127.0.0.1:${port}`;
        const serve = s.spawn("serve", "--port", String(port));
        try {
          await waitForPage(url, 15_000);
          const page = await (await fetch(`${url}/status`)).text();
          expect(page).toContain(`data-orders="${r}" data-kind="label_failed"`);
          expect(page).toContain(`data-orders="${v}" data-kind="voided_no_label"`);
          expect(page).toContain("Buy the label again");
          expect(page).toContain("Buy a new label");
          const post = (fields: [string, string][]) =>
            fetch(`${url}/orders/again`, { method: "POST", body: new URLSearchParams(fields), headers: { Origin: url } });

          // Regular Parcel may arrive after Best Buy's promise, depending on the weekday the test
          // runs: the page then asks once, buys nothing, and the clerk confirms.
          let again = await post([["order", r], ["service", "DOM.RP"]]);
          expect(again.status).toBe(200);
          const asked = await again.clone().text();
          if (asked.includes('name="late_ok"')) {
            expect(asked).toContain("Buy with DOM.RP anyway");
            expect(cp.state.activeLabelsFor(r)).toHaveLength(0);
            again = await post([["order", r], ["service", "DOM.RP"], ["late_ok", "1"]]);
            expect(again.status).toBe(200);
          }
          const [label] = cp.state.activeLabelsFor(r);
          expect(label!.serviceCode).toBe("DOM.RP");
          expect(await again.text()).toContain(`Order ${r}: label bought (DOM.RP, PIN ${label!.trackingPin}, $${label!.price!.due.toFixed(2)} charged); print it from Labels.`);

          const fresh = await post([["order", v]]);
          expect(fresh.status).toBe(200);
          const text = await fresh.text();
          expect(cp.state.activeLabelsFor(v)).toHaveLength(1);
          expect(text).toContain(`Order ${v}: label bought (`);
          expect(text).toContain("Nothing needs a person right now.");

          // The same forms posted again (a reload, a stale tab): nothing is bought or voided.
          await post([["order", r], ["service", "DOM.RP"], ["late_ok", "1"]]);
          await post([["order", v]]);
          expect(cp.state.labelsFor(r)).toHaveLength(1);
          expect(cp.state.labelsFor(v)).toHaveLength(2);
          expect(cp.state.activeLabelsFor(v)).toHaveLength(1);
        } finally {
          serve.kill("SIGINT");
          await serve.done;
        }
        expect((await s.query(shipmentsSql)).map((x) => x.status)).toEqual(["label_created", "label_created"]);
        expect((await s.cli("status")).stdout).toContain("Nothing needs a person.");
      } finally {
        await s.done();
      }
    }, 90_000);
  });
}
