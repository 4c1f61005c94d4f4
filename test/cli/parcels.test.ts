import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { cliScene, summaryOf, type CliScene } from "../support/cli-scene.ts";
import { SimClock } from "../parcels/clock.ts";
import makeDue from "./make_parcels_due.sql" with { type: "text" };
import parcelStates from "./parcel_states.sql" with { type: "text" };

// The clerk's commands around the parcel watch, each in its own process as Task Scheduler and the
// clerk run them. The Canada Post sandbox runs in the test, on a clock the test moves: its
// parcels travel days while shipdesk's runs come minutes apart (their parcels made due by hand).
const clock = new SimClock(Date.now());
let cp: RunningCanadaPostSandbox;
let s: CliScene;

beforeAll(async () => {
  cp = startCanadaPostSandbox({ now: clock.date, journeys: "every-kind" });
  s = await cliScene("parcels", "server", cp, { orders: 12, seed: 27 });
});
afterAll(async () => {
  await s?.done();
  await cp?.stop();
});

interface State extends Record<string, unknown> {
  order_id: string;
  tracking_pin: string;
  state: string;
  attention: string | null;
  announced: string | null;
}

describe("the parcel watch from the command line", () => {
  test("--auto exits 1 the first time parcels need a person, 0 at the next run; status, parcels, proof and --done", async () => {
    const first = await s.cli("--auto");
    expect(first.code).toBe(0);
    expect(summaryOf(first.stdout)).toContain("parcels: 0 asked about");
    // Nothing is asked before a parcel's first scan can be in: all 12 wait for tomorrow.
    expect(cp.state.callsTo("GetTrackingDetails")).toBe(0);

    clock.to(new Date(Date.now() + 12 * 86_400_000));
    await s.query(makeDue);
    const second = await s.cli("--auto");
    expect(second.code).toBe(1);
    expect(summaryOf(second.stdout)).toMatch(/parcels: 12 asked about, \d+ moved on, \d+ settled, \d+ now need a person/);
    expect(second.stdout).toMatch(/WARN +\S+ parcel \d+ needs a person: /);
    const states = await s.query<State>(parcelStates);
    const needing = states.filter((p) => p.attention !== null);
    expect(needing.length).toBeGreaterThan(0);

    // The next run asks again about the parcels still on their way: nothing new, exit 0.
    await s.query(makeDue);
    const third = await s.cli("--auto");
    expect(summaryOf(third.stdout)).toMatch(/parcels: \d+ asked about/);
    expect(summaryOf(third.stdout)).not.toContain("now need a person");
    expect(third.code).toBe(0);

    const status = await s.cli("status");
    expect(status.code).toBe(1);
    for (const p of needing) expect(status.stdout).toContain(`${p.order_id}: parcel`);
    expect(status.stdout).toContain(`Fix: `);

    const returned = states.find((p) => p.state === "returned")!;
    const listed = await s.cli("parcels", "--state", "returned");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${returned.order_id}  PIN ${returned.tracking_pin}`);
    expect(listed.stdout).toContain("returned to you");
    expect(listed.stdout).toMatch(/last: \d{4}-\d\d-\d\d \d\d:\d\d, Item successfully delivered, /);
    expect((await s.cli("parcels", "--state", "lost")).code).toBe(2);

    const delivered = states.find((p) => p.state === "delivered")!;
    const proof = await s.cli("proof", delivered.order_id);
    expect(proof.code).toBe(0);
    const saved = /delivery certificate saved: (\S+\.pdf)/.exec(proof.stdout)![1]!;
    expect(existsSync(saved)).toBe(true);
    expect(saved.startsWith(s.labelsDir)).toBe(true);
    const refused = await s.cli("proof", returned.order_id);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain("is not delivered: it went back to you");

    const done = await s.cli("parcels", "--done", returned.order_id);
    expect(done.code).toBe(0);
    const after = await s.cli("status");
    expect(after.stdout).not.toContain(`${returned.order_id}: parcel`);
    expect((await s.cli("parcels", "--done", returned.order_id)).code).toBe(2);
  }, 120_000);
});
