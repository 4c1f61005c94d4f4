// shipdesk service ORDER CODE: a service that arrives after Best Buy's promise is said so, with
// its price and date and the services that are on time, and is only kept with --late-ok.
import { beforeAll, expect, test } from "bun:test";
import type { RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { localDay } from "../../src/common/calendar.ts";
import { canadaPostForFile, cliScene } from "../support/cli-scene.ts";
import setDeliveryPromiseSql from "./set_delivery_promise.sql" with { type: "text" };
import serviceOverrideSql from "./service_override.sql" with { type: "text" };

const sandbox = canadaPostForFile();
let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = sandbox();
});

test("a late choice is refused with the dates and the on-time services; --late-ok keeps it; an on-time one is kept with its quote", async () => {
  const s = await cliScene("service_late", "server", cp, { orders: 1, seed: 43 });
  try {
    const [id] = s.bb.state.orderIds();
    expect((await s.cli("orders", "sync")).code).toBe(0);
    // The sandbox's own quotes for this order: promise delivery the day Xpresspost arrives.
    const probe = await s.cli("service", id!, "DOM.XP");
    expect(probe.code).toBe(0);
    const xpArrives = /arrives (\d{4}-\d\d-\d\d)/.exec(probe.stdout)![1]!;
    expect(xpArrives > localDay(new Date())).toBe(true);
    await s.query(setDeliveryPromiseSql, [id, `${xpArrives}T23:59:00`]);

    const late = await s.cli("service", id!, "DOM.RP");
    expect(late.code).toBe(2);
    const rp = /DOM\.RP \(Regular Parcel\) arrives (\d{4}-\d\d-\d\d), after Best Buy's promise \(delivery by (\d{4}-\d\d-\d\d)\)/.exec(late.stdout);
    expect(rp).not.toBeNull();
    expect(rp![1]! > xpArrives).toBe(true);
    expect(rp![2]).toBe(xpArrives);
    expect(late.stdout).toContain("Nothing was changed.");
    expect(late.stdout).toMatch(/On time: .*DOM\.XP \(\$\d+\.\d\d, arrives /);
    expect(late.stdout.trim()).toEndWith(`To choose DOM.RP anyway: shipdesk service ${id} DOM.RP --late-ok`);
    expect((await s.query(serviceOverrideSql, [id]))[0]!.service_override).toBe("DOM.XP");

    const anyway = await s.cli("service", id!, "DOM.RP", "--late-ok");
    expect(anyway.code).toBe(0);
    expect(anyway.stdout).toContain(`Order ${id} will ship DOM.RP (Regular Parcel)`);
    expect(anyway.stdout).toContain(`after Best Buy's promise (delivery by ${xpArrives}), chosen anyway (--late-ok).`);
    expect((await s.query(serviceOverrideSql, [id]))[0]!.service_override).toBe("DOM.RP");

    // --late-ok goes with service only.
    const misplaced = await s.cli("ship", "--late-ok");
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr.trim()).toBe("--late-ok goes with shipdesk service ORDER CODE.");
  } finally {
    await s.done();
  }
}, 60_000);
