// "Hold": an order kept back from every run until released (the desk's "leave one out" lasts for
// one batch only). shipdesk hold ORDER [--release]; --auto skips it; status lists it.
import { beforeAll, expect, test } from "bun:test";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { canadaPostForFile, cliScene, summaryOf } from "../support/cli-scene.ts";
import shipmentsOfSql from "./shipments_of.sql" with { type: "text" };

const sandbox = canadaPostForFile();
let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = sandbox();
});

test("a held order is skipped by every run and listed by status until released; then the next run buys it", async () => {
  const s = await cliScene("hold", "server", cp, { orders: 3, seed: 44 });
  try {
    const [a, b, c] = s.bb.state.orderIds();
    expect((await s.cli("orders", "sync")).code).toBe(0);
    const held = await s.cli("hold", b!);
    expect(held.code).toBe(0);
    expect(held.stdout.trim()).toBe(`Order ${b} is on hold: no run buys its label (--auto skips it) until you release it: shipdesk hold ${b} --release, or Release the hold in the desk.`);
    expect((await s.cli("hold", b!)).stdout).toContain(`Order ${b} is already on hold since `);

    const auto = await s.cli("--auto");
    expect(auto.code).toBe(0); // a hold is the clerk's decision, not a problem
    expect(auto.stdout).toContain(`${b} on hold since `);
    expect(summaryOf(auto.stdout)).toContain("2 label(s) bought");
    expect(summaryOf(auto.stdout)).toContain("1 on hold (shipdesk hold ORDER --release)");
    expect((await s.query(shipmentsOfSql)).map((r) => r.order_id)).toEqual([a, c].sort());
    expect(cp.state.labelsFor(b!)).toHaveLength(0);

    const status = await s.cli("status");
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`On hold \\(1\\): no run buys these until released\\.\\n  ${b}: on hold since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\([^)]+\\); shipdesk hold ${b} --release ships it`));
    expect(status.stdout).toMatch(new RegExp(`! ${b}  ships by \\S+ \\d\\d:\\d\\d — [^;]+; on hold`));

    const released = await s.cli("hold", b!, "--release");
    expect(released.code).toBe(0);
    expect(released.stdout.trim()).toBe(`Order ${b} is released: the next run buys its label.`);
    expect((await s.cli("ship")).code).toBe(0);
    expect(cp.state.labelsFor(b!)).toHaveLength(1);
    expect((await s.cli("status")).stdout).not.toContain("On hold");

    // A label already bought is past holding: void it to keep the parcel back.
    const late = await s.cli("hold", b!);
    expect(late.code).toBe(1);
    expect(late.stdout).toContain(`The label of order ${b} is already bought (PIN `);
    expect(late.stdout).toContain(`shipdesk void ${b}`);
    expect((await s.cli("hold", "NO-SUCH-ORDER")).code).toBe(2);
    expect((await s.cli("hold")).code).toBe(2);
    expect((await s.cli("status", "--release")).stderr.trim()).toBe("--release goes with shipdesk hold ORDER.");
  } finally {
    await s.done();
  }
}, 60_000);
