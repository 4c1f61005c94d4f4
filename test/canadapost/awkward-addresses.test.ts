import { describe, expect, test } from "bun:test";
import { XMLParser } from "fast-xml-parser";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalizePostalCode } from "../../src/address/index.ts";
import { shipmentRequestFromOrder } from "../../src/canadapost/index.ts";
import { buildShipmentXml } from "../../src/canadapost/xml/shipment-xml.ts";
import { AWKWARD, UNSHIPPABLE } from "./awkward-corpus.ts";
import { REFERENCE_DIR, sandboxSettings } from "./support.ts";

const settings = sandboxSettings();
const today = new Date(2026, 10, 25);
const parser = new XMLParser({ parseTagValue: false, trimValues: false });

interface Destination {
  name?: string;
  company?: string;
  "additional-address-info"?: string;
  "address-details": { "address-line-1": string; "address-line-2"?: string; city: string; "prov-state": string; "postal-zip-code": string };
}

const built = AWKWARD.map((entry, i) => {
  const req = shipmentRequestFromOrder({ orderId: `AWK-${i}-A`, requestId: `AWK-${i}-A-1`, shipTo: entry.shipTo, parcel: { weightKg: 1.2 } });
  if (!req.ok) return { entry, problems: req.problems.map((p) => p.message), xml: undefined, destination: undefined };
  const xml = buildShipmentXml(req.request, settings, today);
  if (!xml.ok) return { entry, problems: xml.problems.map((p) => p.message), xml: undefined, destination: undefined };
  const destination = parser.parse(xml.xml).shipment["delivery-spec"].destination as Destination;
  return { entry, problems: [], xml: xml.xml, destination };
});

const xmllint = Bun.which("xmllint");

describe(`${AWKWARD.length} long and awkward real-style addresses`, () => {
  test("every one builds a request, fitted to Canada Post's fields", () => {
    expect(AWKWARD.length).toBeGreaterThanOrEqual(40);
    for (const b of built) expect({ label: b.entry.label, problems: b.problems }).toEqual({ label: b.entry.label, problems: [] });
  });

  test.skipIf(!REFERENCE_DIR || !xmllint)("every request validates with xmllint against shipment.xsd", () => {
    const dir = mkdtempSync(join(tmpdir(), "shipdesk-awkward-xsd-"));
    try {
      const files = built.map((b, i) => {
        const file = join(dir, `awkward-${i}.xml`);
        writeFileSync(file, b.xml!);
        return file;
      });
      const run = Bun.spawnSync([xmllint!, "--noout", "--schema", join(REFERENCE_DIR!, "xsd", "shipment.xsd"), ...files]);
      const complaints = run.stderr.toString().split("\n").filter((l) => l.trim() !== "" && !l.endsWith(" validates"));
      expect(complaints).toEqual([]);
      expect(run.exitCode).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  if (!REFERENCE_DIR || !xmllint) console.warn(`SKIPPED: xmllint check (${!REFERENCE_DIR ? "reference/canadapost not found" : "xmllint not installed"})`);

  test("no civic number, street name, unit number or postal code is lost on the way", () => {
    for (const { entry, destination } of built) {
      const d = destination!["address-details"];
      const lines = `${d["address-line-1"]} ${d["address-line-2"] ?? ""}`;
      for (const token of entry.keep) expect({ label: entry.label, token, found: lines.includes(token) }).toEqual({ label: entry.label, token, found: true });
      expect({ label: entry.label, postal: d["postal-zip-code"] }).toEqual({ label: entry.label, postal: normalizePostalCode(entry.shipTo.postalCode)! });
      expect(d["prov-state"]).toMatch(/^(AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)$/);
    }
  });

  test("every field within its length: names, company, lines and extra line 44, city 40", () => {
    for (const { entry, destination } of built) {
      const d = destination!;
      const lengths = {
        label: entry.label,
        name: (d.name ?? "").length <= 44,
        company: (d.company ?? "").length <= 44,
        extra: (d["additional-address-info"] ?? "").length <= 44,
        line1: d["address-details"]["address-line-1"].length <= 44,
        line2: (d["address-details"]["address-line-2"] ?? "").length <= 44,
        city: d["address-details"].city.length <= 40,
      };
      expect(lengths).toEqual({ label: entry.label, name: true, company: true, extra: true, line1: true, line2: true, city: true });
    }
  });

  test("the street on line 1 and the unit on line 2, remarks moved whole, where the layout is known", () => {
    for (const { entry, destination } of built) {
      const d = destination!;
      if (entry.line1 !== undefined) expect({ label: entry.label, line1: d["address-details"]["address-line-1"] }).toEqual({ label: entry.label, line1: entry.line1 });
      if (entry.line2 !== undefined) expect({ label: entry.label, line2: d["address-details"]["address-line-2"] ?? "" }).toEqual({ label: entry.label, line2: entry.line2 });
      if (entry.additionalInfo !== undefined) {
        expect({ label: entry.label, extra: d["additional-address-info"] ?? "" }).toEqual({ label: entry.label, extra: entry.additionalInfo });
      }
    }
  });

  test("a long company is cut after a whole word; a long name keeps the surname", () => {
    const of = (label: string) => built.find((b) => b.entry.label === label)!.destination!;
    expect(of("law firm over 44 characters").company).toBe("Cabinet Laforest, Tremblay, Gagnon");
    expect(of("professional corporation over 44 characters").company).toBe("Northern Lights Dental Care Professional");
    expect(of("long French double-barrelled name").name).toBe("Marie-Ève B. de la Fontaine-Tremblay");
    expect(of("Yellowknife company only").name).toBe("Northwest Territories Power Corp. Head");
  });
});

describe("addresses that cannot get a label", () => {
  test("a line that is only a unit is no street; a street too long even abbreviated is refused; never a request", () => {
    for (const [i, u] of UNSHIPPABLE.entries()) {
      const req = shipmentRequestFromOrder({ orderId: `BAD-${i}-A`, requestId: `BAD-${i}-A-1`, shipTo: u.shipTo, parcel: { weightKg: 1 } });
      const codes = req.ok ? [] : req.problems.map((p) => p.code);
      expect({ label: u.label, codes }).toEqual({ label: u.label, codes: [u.code] });
      if (!req.ok) {
        expect(req.problems[0]!.message).toContain(`shipdesk address BAD-${i}-A --line1`);
        expect(req.problems[0]!.message).not.toMatch(/Best Buy/);
      }
    }
  });
});
