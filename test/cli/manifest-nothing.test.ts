import { beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readdirSync } from "node:fs";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { canadaPostForFile, cliScene, DATABASE_KINDS, summaryOf } from "../support/cli-scene.ts";

// An end of day that transmitted nothing is not "all done": when Canada Post says "nothing to
// transmit" (9122) while the day's labels are still open there, shipdesk manifest transmits them
// again in the same run; refused twice, it exits 1 and status lists the group. It never says
// "transmitted" for what was not.

const NOTHING_TO_TRANSMIT = {
  kind: "status" as const,
  status: 400,
  body: `<?xml version="1.0" encoding="UTF-8"?><messages xmlns="http://www.canadapost.ca/ws/messages"><message><code>9122</code><description>All groups are empty or all shipments in them were excluded: Group id was not found for transmission.</description></message></messages>`,
};

const sandbox = canadaPostForFile();
let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = sandbox();
});

const manifestsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith("manifest-")) : []);

for (const kind of DATABASE_KINDS) {
  describe(`on the ${kind} database`, () => {
    test("Canada Post says 'nothing to transmit' once while the labels are open: they are found open and transmitted in the same run, the manifest saved", async () => {
      const s = await cliScene("nothing_once", kind, cp, { orders: 6, seed: 91 });
      try {
        expect((await s.cli("orders", "sync")).code).toBe(0);
        expect((await s.cli("ship")).code).toBe(0);
        cp.faults.inject("TransmitShipments", NOTHING_TO_TRANSMIT, 1);
        const run = await s.cli("manifest");
        expect(run.code).toBe(0);
        expect(run.stdout).toContain("found nothing to transmit");
        expect(run.stdout).toContain("6 still open (transmitted again now)");
        expect(cp.state.callsTo("TransmitShipments")).toBe(2);
        expect([...cp.state.shipments.values()].every((x) => x.status === "transmitted")).toBe(true);
        expect(summaryOf(run.stdout)).toContain("end of day: 1 group(s) transmitted, 1 manifest(s) saved");
        expect(manifestsIn(s.labelsDir)).toHaveLength(1);
        expect((await s.cli("status")).stdout).toContain("Nothing needs a person.");
      } finally {
        await s.done();
      }
    }, 90_000);

    test("refused twice while the labels are open: exit 1, said so (never 'transmitted'), status lists the group; the next run transmits them", async () => {
      const s = await cliScene("nothing_twice", kind, cp, { orders: 3, seed: 92 });
      try {
        expect((await s.cli("orders", "sync")).code).toBe(0);
        expect((await s.cli("ship")).code).toBe(0);
        cp.faults.inject("TransmitShipments", NOTHING_TO_TRANSMIT, 2);
        const run = await s.cli("manifest");
        expect(run.code).toBe(1);
        expect(cp.state.callsTo("TransmitShipments")).toBe(2);
        expect(run.stdout).toContain("3 still open (still not transmitted)");
        expect(run.stdout).toContain("Canada Post refused twice to transmit 3 label(s) it has as open");
        expect(summaryOf(run.stdout)).toContain("end of day: 0 group(s) transmitted, 0 manifest(s) saved, 1 problem(s) for a person");
        expect(manifestsIn(s.labelsDir)).toEqual([]);
        const status = await s.cli("status");
        expect(status.code).toBe(1);
        expect(status.stdout).toContain("the last two times it was sent: Canada Post TransmitShipments: HTTP 400: 9122");

        const next = await s.cli("manifest");
        expect(next.code).toBe(0);
        expect(manifestsIn(s.labelsDir)).toHaveLength(1);
        expect((await s.cli("status")).stdout).toContain("Nothing needs a person.");
      } finally {
        await s.done();
      }
    }, 90_000);
  });
}
