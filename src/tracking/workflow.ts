import { inPool } from "../common/pool.ts";
import { runContext, type TrackingDeps } from "./deps.ts";
import { emptySummary, type TrackingSummary } from "./events.ts";
import { pushOne } from "./push-one.ts";
import { shipmentsToUpdate } from "./store.ts";

export interface TrackOptions {
  /** Only these orders; every waiting shipment when absent. */
  only?: readonly string[];
  /** Once aborted (--auto's run.max_minutes), no new shipment is started; those under way finish. */
  signal?: AbortSignal;
}

/**
 * The tracking-update workflow (seed section 2.2): for every label not yet known to Best Buy,
 * OR23 (tracking) then OR24 (shipped), then the shipment `tracking_updated` and the order
 * `shipped` in one transaction. Each step is recorded as soon as Best Buy confirms it, so a
 * crash or a refusal resumes where it stopped. The first sign that Best Buy is down ends the run.
 */
export async function pushTracking(deps: TrackingDeps, options: TrackOptions = {}): Promise<TrackingSummary> {
  const session = await deps.db.reserve();
  const ctx = runContext(deps, session);
  const summary = emptySummary();
  try {
    const wanted = options.only ? new Set(options.only) : undefined;
    const rows = (await shipmentsToUpdate(deps.db)).filter((r) => !wanted || wanted.has(r.order_id));
    ctx.emit({ type: "checking", shipments: rows.length });
    await inPool(rows, deps.settings.run.concurrency, async (row) => {
      if (!options.signal?.aborted) return pushOne(ctx, row, summary);
      summary.outOfTime.push(row.order_id);
      ctx.emit({ type: "out-of-time", orderId: row.order_id });
    });
    return summary;
  } finally {
    await session.release();
  }
}
