import { afterAll, beforeAll, expect, test } from "bun:test";
import { DatabaseError, migrate, openDatabase } from "../../src/db/index.ts";
import { runShipping } from "../../src/shipping/index.ts";
import { tempDir } from "../support/database.ts";
import { insertOrders, testOrder } from "../support/orders.ts";
import { sandboxSettings, shippingDeps, startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../support/shipping.ts";
import { canRunThrowawayCluster, throwawayCluster } from "../support/throwaway-cluster.ts";
import shipmentsSql from "./queries.sql" with { type: "text" };

let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = startCanadaPostSandbox();
});
afterAll(async () => {
  await cp.stop();
});

test.skipIf(!canRunThrowawayCluster())(
  "the database stops in the middle of a batch: the run ends with the clerk's sentence, the next one buys nothing twice",
  async () => {
    const cluster = throwawayCluster();
    const labels = tempDir("db-outage");
    try {
      const db = await openDatabase({ databaseUrl: cluster.url, dataDir: "" });
      await migrate(db);
      const orders = Array.from({ length: 6 }, (_, i) => testOrder(i, { order_id: `DBO-${i}` }));
      await insertOrders(db, orders);
      const settings = sandboxSettings(labels.path, { concurrency: 2 });
      let answered = 0;
      const error = await runShipping({
        ...shippingDeps(db, settings, cp.url),
        // Canada Post has just sold the third label; the database goes down before it is saved.
        checkpoint: (step) => {
          if (step === "create-answered" && ++answered === 3) cluster.stop();
        },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseError);
      expect((error as DatabaseError).sentence).toContain("Cannot reach the database");
      expect((error as DatabaseError).sentence).toContain("check that PostgreSQL is running");
      await db.close().catch(() => {});

      cluster.start();
      const again = await openDatabase({ databaseUrl: cluster.url, dataDir: "" });
      try {
        const summary = await runShipping(shippingDeps(again, settings, cp.url));
        expect(summary.failed).toEqual([]);
        expect(summary.inDoubt).toEqual([]);
        const rows = await again.query<{ order_id: string; status: string; tracking_pin: string }>(shipmentsSql);
        expect(rows).toHaveLength(6);
        for (const row of rows) {
          expect(row.status).toBe("label_created");
          expect(cp.state.labelsFor(row.order_id)).toHaveLength(1);
          expect(row.tracking_pin).toBe(cp.state.labelsFor(row.order_id)[0]!.trackingPin);
        }
      } finally {
        await again.close();
      }
    } finally {
      cluster.remove();
      labels.remove();
    }
  },
  60_000,
);
