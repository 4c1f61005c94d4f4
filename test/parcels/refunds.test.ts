import { describe, expect, test } from "bun:test";
import { localDay } from "../../src/common/calendar.ts";
import { listParcels } from "../../src/parcels/index.ts";
import { labelsCsv, labelsOfDay } from "../../src/report/index.ts";
import { addBusinessDays as sandboxBusinessDays } from "../../src/sandbox/calendar.ts";
import { formatStatus, statusReport } from "../../src/status/index.ts";
import { followedParcels } from "./scene.ts";

// Every kind of journey in turn; every fifth order Regular Parcel (no guarantee). 72 orders, so
// that on any weekday the labels are bought (the days start now) a Regular Parcel arrives late.
const f = followedParcels("parcel_refunds", 72, 20, { journeys: "every-kind", prefix: "RF" });

describe("late-delivery refunds", () => {
  test("a guaranteed parcel delivered late: what it cost and the last day to claim, in status and in the day's CSV (a column and a total); a late Regular Parcel has none", async () => {
    const late = (await listParcels(f.db, { state: "delivered" })).filter((p) => p.late);
    const guaranteed = late.filter((p) => p.service_code === "DOM.EP");
    const regular = late.filter((p) => p.service_code === "DOM.RP");
    expect(guaranteed.length).toBeGreaterThan(0);
    expect(regular.length).toBeGreaterThan(0);
    for (const p of late) expect(p.claim_by).toBe(sandboxBusinessDays(p.delivered_on!, 30));

    const csv = labelsCsv(await labelsOfDay(f.db, localDay(new Date()))).trimEnd().split("\r\n");
    const header = csv[0]!.split(",");
    const at = (line: string, column: string) => line.split(",")[header.indexOf(column)];
    let total = 0;
    for (const p of guaranteed) {
      const line = csv.find((l) => l.startsWith(`${p.order_id},`))!;
      expect(at(line, "late_refund")).toBe(p.paid!.toFixed(2));
      expect(at(line, "claim_by")).toBe(p.claim_by!);
      total += p.paid!;
    }
    for (const p of regular) expect(at(csv.find((l) => l.startsWith(`${p.order_id},`))!, "late_refund")).toBe("");
    expect(at(csv.at(-1)!, "late_refund")).toBe(total.toFixed(2));

    const report = await statusReport(f.db, 0);
    expect(report.refunds.map((r) => r.order_id).sort()).toEqual(guaranteed.map((p) => p.order_id).sort());
    const text = formatStatus(report);
    expect(text).toContain(`Late-delivery refunds to claim: ${guaranteed.length} parcel(s), $${total.toFixed(2)} in all; the first by ${[...guaranteed].sort((a, b) => a.claim_by!.localeCompare(b.claim_by!))[0]!.claim_by}`);
    for (const p of guaranteed) {
      const item = report.attention.find((a) => a.orderId === p.order_id && a.kind === "parcel_late")!;
      expect(item.fix).toStartWith(`Claim the late-delivery refund of $${p.paid!.toFixed(2)} from Canada Post (service guarantee, PIN ${p.tracking_pin}) by ${p.claim_by}`);
      expect(item.details).toEqual([`${p.order_id}: PIN ${p.tracking_pin}, $${p.paid!.toFixed(2)} paid, claim by ${p.claim_by}`]);
    }
    for (const p of regular) expect(report.attention.find((a) => a.orderId === p.order_id)!.fix).toStartWith("This service has no delivery guarantee");
  });
});
