// The embedded database's host killed with kill -9 at different points of a run (labels being
// bought, saved, reported): the run ends with exit 3 and one sentence, never a crash (exit 4:
// postgres.js once threw from a timer when a query met a connection that had just closed), and
// the next run finishes every order, one label each.
import { beforeAll, expect, test } from "bun:test";
import { readHostFile } from "../../src/db/host/file.ts";
import { embeddedFolder } from "../../src/db/index.ts";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { canadaPostForFile, cliScene } from "../support/cli-scene.ts";
import shipmentsSql from "./shipments.sql" with { type: "text" };
import ageCreateSentSql from "../support/age_create_sent.sql" with { type: "text" };

const ORDERS = 10;
const sandbox = canadaPostForFile();
let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = sandbox();
});

for (const bought of [3, 4, 8]) {
  test(`the host killed once ${bought} of ${ORDERS} labels are bought: exit 3 with its sentence, and the next run finishes, buying none twice`, async () => {
    const s = await cliScene(`host_killed_${bought}`, "embedded", cp, { orders: ORDERS, seed: 93 + bought });
    try {
      cp.faults.setLatency("CreateShipment", 150);
      const run = s.spawn("--auto");
      for (let i = 0; cp.state.callsTo("CreateShipment") < bought; i++) {
        if (i > 30_000) throw new Error("the labels were not being bought");
        await Bun.sleep(2);
      }
      const host = readHostFile(embeddedFolder(s.dataDir));
      expect(host).toBeDefined();
      process.kill(host!.pid, "SIGKILL");
      const killed = await Promise.race([run.done, Bun.sleep(40_000).then(() => undefined)]);
      // A run left waiting for ever on a connection its host took with it is the failure here.
      if (!killed) throw new Error("the run was still waiting 40 s after its host was killed");
      expect(killed.stderr).not.toContain("unexpected error");
      expect([0, 1, 3]).toContain(killed.code);
      if (killed.code === 3) expect(killed.stdout).toContain("stopped answering (its host, process ");

      cp.faults.clear();
      // The next run comes later, as a scheduled one would: a label asked for in the killed run's
      // last moments is past Canada Post's time to answer (the run at once waits for it: exit 3).
      await s.query(ageCreateSentSql, [600_000]);
      const next = await s.cli("--auto");
      expect(next.code, next.stdout.slice(-1500)).toBe(0);
      for (const id of s.bb.state.orderIds()) expect(cp.state.labelsFor(id).length, `labels bought for ${id}`).toBe(1);
      const rows = await s.query<{ status: string }>(shipmentsSql);
      expect(rows.map((r) => r.status)).toEqual(Array(ORDERS).fill("tracking_updated"));
    } finally {
      await s.done();
    }
  }, 120_000);
}
