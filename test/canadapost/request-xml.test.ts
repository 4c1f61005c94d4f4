import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { shipmentRequestFromOrder, type ShipmentRequest } from "../../src/canadapost/index.ts";
import { buildShipmentXml } from "../../src/canadapost/xml/shipment-xml.ts";
import { buildTransmitXml } from "../../src/canadapost/xml/transmit-xml.ts";
import { createCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { REFUSED, SHIPPABLE } from "./corpus.ts";
import { REFERENCE_DIR, SECRETS, sandboxSettings } from "./support.ts";

const settings = sandboxSettings();
const today = new Date(2026, 10, 25);

function request(i: number, entry: (typeof SHIPPABLE)[number]): ShipmentRequest | undefined {
  const built = shipmentRequestFromOrder({
    orderId: `ORDER-${1000 + i}-A`,
    requestId: `ORDER-${1000 + i}-A-1`,
    shipTo: entry.shipTo,
    parcel: { weightKg: 0.5 + i * 0.1234, dimensionsCm: { length: 30, width: 20.05, height: 10 } },
    skus: entry.skus,
  });
  return built.ok ? built.request : undefined;
}

const documents = SHIPPABLE.map((entry, i) => {
  const req = request(i, entry);
  const built = req && buildShipmentXml(req, i % 2 ? settings : { ...settings, manifest: "transmit", labelFormat: "8.5x11" }, today);
  return { label: entry.label, xml: built?.ok ? built.xml : undefined, problems: built && !built.ok ? built.problems : undefined };
});

const xmllint = Bun.which("xmllint");

describe("Create Shipment XML for a corpus of orders", () => {
  test("every shippable order builds", () => {
    expect(documents.length).toBeGreaterThanOrEqual(20);
    for (const d of documents) expect({ label: d.label, problems: d.problems, built: d.xml !== undefined }).toEqual({ label: d.label, problems: undefined, built: true });
  });

  test.skipIf(!REFERENCE_DIR || !xmllint)("every request validates against shipment.xsd with xmllint", () => {
    const dir = mkdtempSync(join(tmpdir(), "shipdesk-cp-xsd-"));
    try {
      const files = documents.map((d, i) => {
        const file = join(dir, `request-${i}.xml`);
        writeFileSync(file, d.xml!);
        return file;
      });
      const run = Bun.spawnSync([xmllint!, "--noout", "--schema", join(REFERENCE_DIR!, "xsd", "shipment.xsd"), ...files]);
      const stderr = run.stderr.toString();
      expect(stderr.split("\n").filter((l) => l.trim() !== "" && !l.endsWith(" validates"))).toEqual([]);
      expect(run.exitCode).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test.skipIf(!REFERENCE_DIR || !xmllint)("the transmit-set validates against manifest.xsd", () => {
    const xml = buildTransmitXml(["20261125", "20261126"], settings);
    const run = Bun.spawnSync([xmllint!, "--noout", "--schema", join(REFERENCE_DIR!, "xsd", "manifest.xsd"), "-"], { stdin: Buffer.from(xml) });
    expect(run.stderr.toString().trim()).toBe("- validates");
  });

  if (!REFERENCE_DIR || !xmllint) console.warn(`SKIPPED: xmllint check (${!REFERENCE_DIR ? "reference/canadapost not found" : "xmllint not installed"})`);

  test("the sandbox's own schema checks accept every request", async () => {
    const { app, state } = createCanadaPostSandbox();
    const auth = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString("base64")}`;
    for (const d of documents) {
      const res = await app.request(`/rs/${settings.customerNumber}/${settings.mobo}/shipment`, {
        method: "POST",
        headers: { Authorization: auth, Accept: "application/vnd.cpc.shipment-v8+xml", "Content-Type": "application/vnd.cpc.shipment-v8+xml" },
        body: d.xml!,
      });
      expect({ label: d.label, status: res.status, body: res.status === 200 ? "" : await res.text() }).toEqual({ label: d.label, status: 200, body: "" });
    }
    expect(state.createCount).toBe(documents.length);
  });

  test("accents stay UTF-8, names and streets are shortened the way Canada Post abbreviates, provinces and postal codes normalised", () => {
    const byLabel = (l: string) => documents.find((d) => d.label === l)!.xml!;
    expect(byLabel("accents")).toContain("<name>Amélie Côté-Bérubé</name>");
    expect(byLabel("accents")).toContain("<postal-zip-code>G9A5H7</postal-zip-code>");
    expect(byLabel("Quebec in French")).toContain("<prov-state>QC</prov-state>");
    expect(byLabel("Colombie-Britannique")).toContain("<prov-state>BC</prov-state>");
    expect(byLabel("long name")).toContain("<name>Maximilian A. B. Fitzgerald-Worthington III</name>");
    expect(byLabel("street too long spills")).toMatch(/<address-line-1>123456 Ch de la Côte-Sainte-Catherine O<\/address-line-1><address-line-2>Bureau 400<\/address-line-2>/);
    expect(byLabel("phone with +1 and ext")).toContain("<client-voice-number>4165550123</client-voice-number>");
    expect(byLabel("several order lines")).toMatch(/<customer-ref-2>10512345, 10598765, 10611111 \+3<\/customer-ref-2>/);
    expect(byLabel("plain Ontario")).toContain("<transmit-shipment>true</transmit-shipment>");
    expect(byLabel("long name")).toContain("<group-id>20261125</group-id>");
    expect(byLabel("long name")).toContain("<customer-ref-1>ORDER-1001-A</customer-ref-1>");
    expect(byLabel("long name")).toContain("<customer-request-id>ORDER-1001-A-1</customer-request-id>");
    expect(byLabel("apostrophes and ampersands")).toContain("O'Brien &amp; Sons &lt;Shipping&gt;");
    expect(byLabel("odd email")).not.toContain("<notification>");
    for (const d of documents) for (const s of SECRETS.slice(0, 2)) expect(d.xml!).not.toContain(s);
  });

  test("orders that cannot be shipped validly are refused with the field named", () => {
    for (const [i, entry] of REFUSED.entries()) {
      const built = shipmentRequestFromOrder({
        orderId: `BAD-${i}`,
        requestId: `BAD-${i}-1`,
        shipTo: entry.shipTo,
        parcel: { weightKg: 1 },
      });
      const problems = built.ok ? (() => { const x = buildShipmentXml(built.request, settings, today); return x.ok ? [] : x.problems; })() : built.problems;
      expect({ label: entry.label, fields: problems.map((p) => p.field) }).toEqual({ label: entry.label, fields: expect.arrayContaining([entry.field]) });
      for (const p of problems) expect(p.message.length).toBeGreaterThan(10);
    }
  });

  test("the builder itself refuses what the order step cannot see: weight, ids, foreign country", () => {
    const ok = request(0, SHIPPABLE[0]!)!;
    const fields = (r: ShipmentRequest) => {
      const x = buildShipmentXml(r, settings, today);
      return x.ok ? [] : x.problems.map((p) => p.field);
    };
    expect(fields({ ...ok, parcel: { weightKg: 31 } })).toEqual(["weight"]);
    expect(fields({ ...ok, parcel: { weightKg: 0 } })).toEqual(["weight"]);
    expect(fields({ ...ok, requestId: "x".repeat(36) })).toEqual(["requestId"]);
    expect(fields({ ...ok, recipient: { ...ok.recipient, country: "US", province: "NY", postalCode: "10001" } })).toEqual(
      expect.arrayContaining(["country"]),
    );
    expect(fields({ ...ok, recipient: { ...ok.recipient, postalCode: "K2B 8J" } })).toEqual(["postalCode"]);
    const heavy = buildShipmentXml({ ...ok, parcel: { weightKg: 1.23456, dimensionsCm: { length: 10.01, width: 5, height: 2 } } }, settings, today);
    expect(heavy.ok && heavy.xml).toContain("<weight>1.235</weight>");
    expect(heavy.ok && heavy.xml).toContain("<length>10.1</length>");
  });
});
