// Get Rates (rate-v4) end to end: the request against rating.xsd, the sandbox's answers against
// it too, and prices that behave like Canada Post's (by service, weight, size, distance, day).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import type { RatesRequest } from "../../src/canadapost/index.ts";
import { buildRatesXml } from "../../src/canadapost/xml/rates-xml.ts";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { addBusinessDays } from "../../src/sandbox/calendar.ts";
import { SANDBOX_CREDENTIALS } from "../../src/config/index.ts";
import { freshServerDatabase, type TestDatabase } from "../support/database.ts";
import { auditRows, clientFor, shipmentFor } from "./client-helpers.ts";
import { REFERENCE_DIR, SECRETS } from "./support.ts";
import { RateLimiter } from "../../src/http/index.ts";

const xmllint = Bun.which("xmllint");
let t: TestDatabase;
let sandbox: RunningCanadaPostSandbox;
beforeAll(async () => {
  t = await freshServerDatabase("cp_rates");
  sandbox = startCanadaPostSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
  await t?.drop();
});

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

const scenario = (over: Partial<RatesRequest> = {}): RatesRequest => ({
  orderId: "RATE-1",
  originPostalCode: "K1A0B1",
  destinationPostalCode: "H2T1R2",
  weightKg: 1.2,
  dimensionsCm: { length: 30, width: 20, height: 10 },
  mailingDate: today(),
  ...over,
});

function validate(xml: string, xsd: string): { ok: boolean; errors: string } {
  const run = Bun.spawnSync([xmllint!, "--noout", "--schema", join(REFERENCE_DIR!, "xsd", xsd), "-"], { stdin: Buffer.from(xml) });
  return { ok: run.exitCode === 0, errors: run.stderr.toString() };
}

describe("the mailing-scenario", () => {
  const cases: [string, Partial<RatesRequest>][] = [
    ["a parcel with a size", {}],
    ["no size known", { dimensionsCm: undefined }],
    ["the allowed services only", { services: ["DOM.RP", "DOM.EP", "DOM.XP"] }],
    ["the lightest weight Canada Post takes", { weightKg: 0.0004 }],
    ["the heaviest", { weightKg: 120 }],
    ["a size with more decimals than the schema's one", { dimensionsCm: { length: 30.25, width: 20.04, height: 9.99 } }],
  ];
  test.skipIf(!REFERENCE_DIR || !xmllint).each(cases)("%s validates against rating.xsd", (_, over) => {
    const xml = buildRatesXml(scenario(over), { customerNumber: SANDBOX_CREDENTIALS.customerNumber, contractId: SANDBOX_CREDENTIALS.contractId });
    const result = validate(xml, "rating.xsd");
    expect(result.errors).toBe(result.ok ? result.errors : "");
    expect(result.ok).toBe(true);
  });
});

describe("Get Rates against the sandbox over HTTP", () => {
  test("every service quoted, cheapest first; the sandbox's answer validates against rating.xsd; audited without secrets", async () => {
    const outcome = await clientFor(t.db, sandbox.url).getRates(scenario({ orderId: "RATE-ALL" }));
    if (outcome.kind !== "ok") throw new Error(JSON.stringify(outcome));
    const codes = outcome.value.map((q) => q.serviceCode);
    expect(codes).toEqual(["DOM.RP", "DOM.EP", "DOM.XP", "DOM.PC"]);
    for (const q of outcome.value) {
      expect(q.due).toBeCloseTo(q.base * 1.165 + q.taxes, 1);
      expect(q.expectedDeliveryDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
    const [rp, ep, xp, pc] = outcome.value;
    expect(rp!.transitDays!).toBeGreaterThan(ep!.transitDays!);
    expect(xp!.transitDays!).toBeLessThanOrEqual(ep!.transitDays!);
    expect(pc!.transitDays!).toBeLessThanOrEqual(xp!.transitDays!);
    const [row] = await auditRows(t.db, "RATE-ALL");
    expect(row!.endpoint).toBe("GetRates");
    expect(row!.url).toEndWith("/rs/ship/price");
    const text = JSON.stringify(row);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    if (REFERENCE_DIR && xmllint) {
      const reply = validate(row!.response_body!, "rating.xsd");
      expect(reply.errors).toBe(reply.ok ? reply.errors : "");
    }
  });

  test("heavier, bigger and farther cost more; Quebec pays GST + QST, Ontario HST", async () => {
    const c = clientFor(t.db, sandbox.url);
    const due = async (over: Partial<RatesRequest>) => {
      const o = await c.getRates(scenario({ services: ["DOM.EP"], ...over }));
      if (o.kind !== "ok") throw new Error(JSON.stringify(o));
      return o.value[0]!;
    };
    const base = await due({});
    expect((await due({ weightKg: 8 })).due).toBeGreaterThan(base.due);
    expect((await due({ dimensionsCm: { length: 60, width: 50, height: 40 } })).due).toBeGreaterThan(base.due); // cubed weight 20 kg
    expect((await due({ destinationPostalCode: "V6E4R2" })).due).toBeGreaterThan((await due({ destinationPostalCode: "K2P1L4" })).due);
    expect((await due({ destinationPostalCode: "X0A0H0" })).transitDays!).toBeGreaterThan((await due({ destinationPostalCode: "K2P1L4" })).transitDays!);
    const quebec = await due({ destinationPostalCode: "H2T1R2" });
    const ontario = await due({ destinationPostalCode: "M5H2N2" });
    expect(quebec.taxes / (quebec.due - quebec.taxes)).toBeCloseTo(0.14975, 3);
    expect(ontario.taxes / (ontario.due - ontario.taxes)).toBeCloseTo(0.13, 3);
  });

  test("a Friday's mailing arrives after the weekend", () => {
    expect(addBusinessDays("2026-12-04", 1)).toBe("2026-12-07");
    expect(addBusinessDays("2026-12-05", 0)).toBe("2026-12-07");
    expect(addBusinessDays("2026-12-03", 2)).toBe("2026-12-07");
  });

  test("the label is charged what was quoted for the same parcel (provide-pricing-info)", async () => {
    const c = clientFor(t.db, sandbox.url);
    const request = shipmentFor("RATE-CHARGED");
    const quoted = await c.getRates(
      scenario({
        orderId: "RATE-CHARGED",
        originPostalCode: SANDBOX_CREDENTIALS.sender.postalCode.replace(/\s/g, ""),
        destinationPostalCode: request.recipient.postalCode,
        weightKg: request.parcel.weightKg,
        dimensionsCm: request.parcel.dimensionsCm,
        services: ["DOM.EP"],
      }),
    );
    const created = await c.createShipment({ ...request, serviceCode: "DOM.EP" });
    if (quoted.kind !== "ok" || created.kind !== "ok") throw new Error(JSON.stringify({ quoted, created }));
    expect(created.value.price).toEqual({
      serviceCode: "DOM.EP",
      preTax: Math.round((quoted.value[0]!.due - quoted.value[0]!.taxes) * 100) / 100,
      taxes: quoted.value[0]!.taxes,
      due: quoted.value[0]!.due,
      expectedDeliveryDate: quoted.value[0]!.expectedDeliveryDate,
    });
  });

  test("Canada Post's refusals are values: a wrong contract (2550), a past mailing date (1622), the throttle", async () => {
    const wrong = await clientFor(t.db, sandbox.url, { contractId: "99999999" }).getRates(scenario());
    expect(wrong.kind === "rejected" && wrong.error.has("2550")).toBe(true);
    const past = await clientFor(t.db, sandbox.url).getRates(scenario({ mailingDate: "2020-01-06" }));
    expect(past.kind === "rejected" && past.error.has("1622")).toBe(true);
    sandbox.faults.inject("GetRates", { kind: "throttle" });
    const throttled = await clientFor(t.db, sandbox.url).getRates(scenario());
    expect(throttled.kind).toBe("throttled");
    const wrongKey = await clientFor(t.db, sandbox.url, { password: "not-it" }).getRates(scenario());
    expect(wrongKey.kind === "rejected" && wrongKey.error.status).toBe(401);
  });

  test("while Get Rates' group is paused by a throttle, a quote is not queued behind it: throttled at once, nothing sent", async () => {
    let now = 0;
    const limiter = new RateLimiter(840, 60_000, () => now, async (ms) => void (now += ms));
    const c = clientFor(t.db, sandbox.url, {}, { limiters: { D: limiter } });
    sandbox.faults.inject("GetRates", { kind: "throttle" });
    const before = sandbox.state.callsTo("GetRates");
    const first = await c.getRates(scenario({ orderId: "RATE-PAUSED" }));
    expect(first.kind === "throttled" && first.retryAfterMs).toBe(2_000);
    const second = await c.getRates(scenario({ orderId: "RATE-PAUSED" }));
    expect(second.kind).toBe("throttled");
    expect(second.kind === "throttled" && second.error.message).toContain("not asked: Canada Post asked to slow down moments ago");
    expect(sandbox.state.callsTo("GetRates") - before).toBe(1);
    now += 2_000; // the pause is over: asked again, answered
    expect((await c.getRates(scenario({ orderId: "RATE-PAUSED" }))).kind).toBe("ok");
  });
});
