import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { parseManifest, parseManifestLinks, parseMessages, parseShipmentInfo } from "../../../src/canadapost/xml/replies.ts";
import { parseServices } from "../../../src/canadapost/xml/services-xml.ts";
import { SANDBOX_CREDENTIALS } from "../../../src/config/index.ts";
import { createCanadaPostSandbox } from "../../../src/sandbox/canadapost/index.ts";
import { REFERENCE_DIR } from "../../canadapost/support.ts";

const SHIPMENT = "application/vnd.cpc.shipment-v8+xml";
const MANIFEST = "application/vnd.cpc.manifest-v8+xml";
const RATE = "application/vnd.cpc.ship.rate-v4+xml";
const AUTH = `Basic ${Buffer.from(`${SANDBOX_CREDENTIALS.canadaPostUsername}:${SANDBOX_CREDENTIALS.canadaPostPassword}`).toString("base64")}`;
const CUSTOMER = SANDBOX_CREDENTIALS.customerNumber;

const example = (name: string) => {
  const path = REFERENCE_DIR && join(REFERENCE_DIR, "examples", name);
  return path && existsSync(path) ? readFileSync(path, "utf8") : undefined;
};

/** A valid request in the sandbox's terms (its contract id), varied by `edit`. */
function shipmentXml(edit: (xml: string) => string = (x) => x): string {
  return edit(`<?xml version="1.0" encoding="UTF-8"?>
<shipment xmlns="http://www.canadapost.ca/ws/shipment-v8">
  <customer-request-id>ORD-1-1</customer-request-id>
  <group-id>20261125</group-id>
  <requested-shipping-point>K1A0B1</requested-shipping-point>
  <delivery-spec>
    <service-code>DOM.EP</service-code>
    <sender>
      <company>Northwind Electronics</company>
      <contact-phone>613-555-0142</contact-phone>
      <address-details><address-line-1>2701 Riverside Dr</address-line-1><city>Ottawa</city><prov-state>ON</prov-state><country-code>CA</country-code><postal-zip-code>K1A0B1</postal-zip-code></address-details>
    </sender>
    <destination>
      <name>Pat Receiver</name>
      <address-details><address-line-1>25 Test Avenue</address-line-1><city>Montréal</city><prov-state>QC</prov-state><country-code>CA</country-code><postal-zip-code>H2B1A0</postal-zip-code></address-details>
    </destination>
    <parcel-characteristics><weight>1.25</weight></parcel-characteristics>
    <print-preferences><output-format>4x6</output-format><encoding>PDF</encoding></print-preferences>
    <preferences><show-packing-instructions>false</show-packing-instructions></preferences>
    <references><customer-ref-1>ORD-1</customer-ref-1></references>
    <settlement-info><contract-id>${SANDBOX_CREDENTIALS.contractId}</contract-id><intended-method-of-payment>Account</intended-method-of-payment></settlement-info>
  </delivery-spec>
</shipment>`);
}

function post(app: ReturnType<typeof createCanadaPostSandbox>["app"], body: string, headers: Record<string, string> = {}, path = `/rs/${CUSTOMER}/${CUSTOMER}/shipment`) {
  return app.request(`http://sandbox.test${path}`, {
    method: "POST",
    headers: { Authorization: AUTH, Accept: SHIPMENT, "Content-Type": SHIPMENT, ...headers },
    body,
  });
}

const get = (app: ReturnType<typeof createCanadaPostSandbox>["app"], url: string, accept: string, auth = AUTH) =>
  app.request(url, { headers: { Authorization: auth, Accept: accept } });

describe("Canada Post sandbox: the gateway's checks", () => {
  test("Basic auth is required (401, E002); the mailed-by customer must be ours (403)", async () => {
    const { app, state } = createCanadaPostSandbox();
    const none = await post(app, shipmentXml(), { Authorization: "" });
    expect(none.status).toBe(401);
    expect(parseMessages(await none.text())).toEqual([{ code: "E002", description: "AAA Authentication Failure" }]);
    expect((await post(app, shipmentXml(), { Authorization: `Basic ${btoa("sandbox-user:nope")}` })).status).toBe(401);
    expect((await post(app, shipmentXml(), {}, "/rs/9999999/9999999/shipment")).status).toBe(403);
    expect((await post(app, shipmentXml(), {}, `/rs/000${CUSTOMER}/000${CUSTOMER}/shipment`)).status).toBe(200);
    expect(state.createCount).toBe(1);
  });

  test("media types: */* or another version → 406; a charset or another type → 415", async () => {
    const { app, state } = createCanadaPostSandbox();
    expect((await post(app, shipmentXml(), { Accept: "*/*" })).status).toBe(406);
    expect((await post(app, shipmentXml(), { Accept: "application/vnd.cpc.shipment-v7+xml" })).status).toBe(406);
    expect((await post(app, shipmentXml(), { "Content-Type": `${SHIPMENT}; charset=utf-8` })).status).toBe(415);
    expect((await post(app, shipmentXml(), { "Content-Type": "application/xml" })).status).toBe(415);
    expect(state.createCount).toBe(0);
  });

  const SCHEMA_ERRORS: [string, (x: string) => string, RegExp][] = [
    ["a 45-character name", (x) => x.replace("<name>Pat Receiver</name>", `<name>${"N".repeat(45)}</name>`), /cvc-maxLength-valid.*'name'/],
    ["both group-id and transmit-shipment", (x) => x.replace("<group-id>", "<transmit-shipment>true</transmit-shipment><group-id>"), /cvc-model-group/],
    ["neither group-id nor transmit-shipment", (x) => x.replace("<group-id>20261125</group-id>", ""), /cvc-model-group/],
    ["transmit-shipment false", (x) => x.replace("<group-id>20261125</group-id>", "<transmit-shipment>false</transmit-shipment>"), /cvc-elt/],
    ["no intended-method-of-payment", (x) => x.replace("<intended-method-of-payment>Account</intended-method-of-payment>", ""), /intended-method-of-payment/],
    ["a lower-case shipping point", (x) => x.replace("<requested-shipping-point>K1A0B1", "<requested-shipping-point>k1a0b1"), /cvc-pattern-valid/],
    ["a weight with 4 decimals", (x) => x.replace("<weight>1.25</weight>", "<weight>1.2345</weight>"), /cvc-fractionDigits-valid/],
    ["an unknown element", (x) => x.replace("<service-code>", "<colour>red</colour><service-code>"), /cvc-complex-type.2.4.a.*'colour'/],
    ["no destination", (x) => x.replace(/<destination>[\s\S]*<\/destination>/, ""), /'\{destination\}' is expected/],
    ["a 41-character city", (x) => x.replace("<city>Montréal</city>", `<city>${"C".repeat(41)}</city>`), /maxLength '40'/],
    ["the wrong namespace", (x) => x.replace("shipment-v8", "shipment-v7"), /cvc-elt.1/],
    ["XML that is not well-formed", (x) => x.replace("</delivery-spec>", ""), /not well-formed/],
  ];
  for (const [name, edit, expected] of SCHEMA_ERRORS) {
    test(`schema: ${name} → 400 with a cvc message naming the path`, async () => {
      const { app, state } = createCanadaPostSandbox();
      const res = await post(app, shipmentXml(edit));
      expect(res.status).toBe(400);
      const messages = parseMessages(await res.text())!;
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.map((m) => m.description).join(" | ")).toMatch(expected);
      expect(messages[0]!.description).toStartWith(`/rs/${CUSTOMER}/${CUSTOMER}/shipment: `);
      expect(state.createCount).toBe(0);
    });
  }

  test("business rules: a US address without customs (8716, 1151), a wrong contract (2550), an unknown service (3000)", async () => {
    const { app } = createCanadaPostSandbox();
    const us = await post(app, shipmentXml((x) => x.replace("<prov-state>QC</prov-state><country-code>CA</country-code><postal-zip-code>H2B1A0", "<prov-state>NY</prov-state><country-code>US</country-code><postal-zip-code>10001").replace("DOM.EP", "USA.EP")));
    expect(us.status).toBe(400);
    expect(parseMessages(await us.text())!.map((m) => m.code)).toEqual(["8716", "1151"]);
    const contract = await post(app, shipmentXml((x) => x.replace(`<contract-id>${SANDBOX_CREDENTIALS.contractId}`, "<contract-id>1")));
    expect(parseMessages(await contract.text())!.map((m) => m.code)).toEqual(["2550"]);
    const service = await post(app, shipmentXml((x) => x.replace("DOM.EP", "DOM.ZZ")));
    expect(parseMessages(await service.text())!.map((m) => m.code)).toEqual(["3000"]);
  });

  test.skipIf(!example("contract-create-shipment-full.xml"))("the reference's own request examples pass the sandbox's checks", async () => {
    const { app } = createCanadaPostSandbox({ customerNumber: "1234567", contractId: "0040000000" });
    for (const name of ["contract-create-shipment-minimal.xml", "contract-create-shipment-full.xml", "contract-create-shipment-usa-customs.xml"]) {
      const res = await post(app, example(name)!, {}, "/rs/1234567/1234567/shipment");
      expect({ name, status: res.status, body: res.status === 200 ? "" : await res.text() }).toEqual({ name, status: 200, body: "" });
    }
    const transmit = await app.request("http://sandbox.test/rs/1234567/1234567/manifest", {
      method: "POST",
      headers: { Authorization: AUTH, Accept: MANIFEST, "Content-Type": MANIFEST },
      body: example("transmit-set.xml")!,
    });
    expect(transmit.status).toBe(200);
  });
});

describe("Canada Post sandbox: shipments, labels, manifests", () => {
  test("shipment-info with absolute links on the request's origin, padded customer numbers; a real PDF label", async () => {
    const { app, state } = createCanadaPostSandbox();
    const res = await post(app, shipmentXml());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(SHIPMENT);
    const info = parseShipmentInfo(await res.text())!;
    expect(info.trackingPin).toMatch(/^\d{16}$/);
    expect(info.trackingPin).not.toBe("123456789012");
    expect(info.links.self.href).toBe(`http://sandbox.test/rs/0002004381/0002004381/shipment/${info.shipmentId}`);
    // As Canada Post does, the label link carries the API username.
    expect(info.links.label!.href).toBe(`http://sandbox.test/rs/artifact/${SANDBOX_CREDENTIALS.canadaPostUsername}/${info.links.label!.href.split("/").at(-2)}/0`);
    expect(state.labelsFor("ORD-1").map((s) => s.trackingPin)).toEqual([info.trackingPin!]);

    expect((await get(app, info.links.label!.href, SHIPMENT)).status).toBe(406);
    const pdf = await get(app, info.links.label!.href, "application/pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const doc = await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()));
    expect(doc.getPage(0).getSize()).toEqual({ width: 288, height: 432 });
    expect(state.artifactDownloads).toBe(1);
    expect((await get(app, info.links.label!.href.replace(/\/0$/, "/1"), "application/pdf")).status).toBe(404);
  });

  test("groups, transmit, manifest, manifest PDF, and void refused after transmit", async () => {
    const { app, state } = createCanadaPostSandbox();
    const a = parseShipmentInfo(await (await post(app, shipmentXml())).text())!;
    const groups = await get(app, `http://sandbox.test/rs/${CUSTOMER}/${CUSTOMER}/group`, SHIPMENT);
    expect(await groups.text()).toContain("<group-id>20261125</group-id>");
    const transmitXml = readFileSync(join(import.meta.dir, "transmit-set.xml"), "utf8");
    const tx = await app.request(`http://sandbox.test/rs/${CUSTOMER}/${CUSTOMER}/manifest`, {
      method: "POST",
      headers: { Authorization: AUTH, Accept: MANIFEST, "Content-Type": MANIFEST },
      body: transmitXml,
    });
    expect(tx.status).toBe(200);
    const [link] = parseManifestLinks(await tx.text())!;
    const manifest = parseManifest(await (await get(app, link!.href, MANIFEST)).text())!;
    const pdf = await get(app, manifest.artifact!.href, "application/pdf");
    expect((await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()))).getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    const voided = await app.request(a.links.self.href, { method: "DELETE", headers: { Authorization: AUTH, Accept: SHIPMENT } });
    expect(voided.status).toBe(400);
    expect(parseMessages(await voided.text())![0]!.code).toBe("8064");
    expect(state.shipments.get(a.shipmentId)!.status).toBe("transmitted");
  });

  test("faults: the SLM throttle, and a throttle from the optional rolling limit", async () => {
    const { app, faults, state } = createCanadaPostSandbox({ rateLimit: { perMinute: 1 } });
    faults.inject("CreateShipment", { kind: "throttle" });
    const slm = await post(app, shipmentXml());
    expect(slm.status).toBe(503);
    expect(parseMessages(await slm.text())).toEqual([{ code: "Server", description: "Rejected by SLM Monitor" }]);
    expect((await post(app, shipmentXml())).status).toBe(200);
    expect((await post(app, shipmentXml())).status).toBe(503);
    expect(state.createCount).toBe(1);
    expect(state.callsTo("CreateShipment")).toBe(3);
  });
});

describe("Canada Post sandbox: Discover Services", () => {
  test("the services for Canadian addresses, read back by the client's parser; Basic auth and the rate-v4 type required", async () => {
    const { app } = createCanadaPostSandbox({ domesticServices: ["DOM.RP", "DOM.EP"] });
    const reply = await get(app, "http://sandbox.test/rs/ship/service?country=CA", RATE);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe(RATE);
    expect(parseServices(await reply.text())).toEqual([
      { code: "DOM.RP", name: "Regular Parcel" },
      { code: "DOM.EP", name: "Expedited Parcel" },
    ]);
    expect(parseServices(await (await get(app, "http://sandbox.test/rs/ship/service?country=US", RATE)).text())!.every((s) => s.code.startsWith("USA."))).toBe(true);
    expect((await get(app, "http://sandbox.test/rs/ship/service?country=CA", RATE, "Basic eDp5")).status).toBe(401);
    expect((await get(app, "http://sandbox.test/rs/ship/service?country=CA", SHIPMENT)).status).toBe(406);
    expect((await get(app, "http://sandbox.test/rs/ship/service?country=Canada", RATE)).status).toBe(400);
    // A service the account does not have is refused at Create Shipment too (3000).
    const refused = await (await post(app, shipmentXml((x) => x.replace("DOM.EP", "DOM.XP")))).text();
    expect(parseMessages(refused)!.map((m) => m.code)).toEqual(["3000"]);
  });
});

const xmllint = Bun.which("xmllint");

describe.skipIf(!REFERENCE_DIR || !xmllint)("the sandbox's replies validate against the reference XSDs (xmllint)", () => {
  test("shipment-info, shipment-details, shipments, groups, manifests, manifest, messages", async () => {
    const { app } = createCanadaPostSandbox();
    const info = await (await post(app, shipmentXml())).text();
    const self = parseShipmentInfo(info)!.links.self.href;
    const replies: [string, string][] = [
      ["shipment.xsd", info],
      ["shipment.xsd", await (await get(app, `${self}/details`, SHIPMENT)).text()],
      ["shipment.xsd", await (await get(app, `http://sandbox.test/rs/${CUSTOMER}/${CUSTOMER}/shipment?requestId=ORD-1-1`, SHIPMENT)).text()],
      ["shipment.xsd", await (await get(app, `http://sandbox.test/rs/${CUSTOMER}/${CUSTOMER}/group`, SHIPMENT)).text()],
      ["messages.xsd", await (await get(app, `${self}9`, SHIPMENT)).text()],
      ["messages.xsd", await (await post(app, shipmentXml((x) => x.replace("DOM.EP", "DOM.ZZ")))).text()],
    ];
    const tx = await (
      await app.request(`http://sandbox.test/rs/${CUSTOMER}/${CUSTOMER}/manifest`, {
        method: "POST",
        headers: { Authorization: AUTH, Accept: MANIFEST, "Content-Type": MANIFEST },
        body: readFileSync(join(import.meta.dir, "transmit-set.xml"), "utf8"),
      })
    ).text();
    replies.push(["manifest.xsd", tx], ["manifest.xsd", await (await get(app, parseManifestLinks(tx)![0]!.href, MANIFEST)).text()]);
    // Discover Services: Canadian, US and all destinations.
    for (const query of ["?country=CA", "?country=US", ""]) replies.push(["discovery.xsd", await (await get(app, `http://sandbox.test/rs/ship/service${query}`, RATE)).text()]);
    for (const [xsd, xml] of replies) {
      const run = Bun.spawnSync([xmllint!, "--noout", "--schema", join(REFERENCE_DIR!, "xsd", xsd), "-"], { stdin: Buffer.from(xml) });
      expect({ xml: xml.slice(0, 80), result: run.stderr.toString().trim() }).toEqual({ xml: xml.slice(0, 80), result: "- validates" });
    }
  });
});
