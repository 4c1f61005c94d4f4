import { afterEach, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { parseManifestLinks, parseShipmentInfo } from "../../src/canadapost/xml/replies.ts";
import { SANDBOX_CREDENTIALS } from "../../src/config/index.ts";
import { createBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { createCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { SandboxStateDamaged, sandboxStateFiles } from "../../src/sandbox/state-file.ts";
import { runCli } from "../cli/run-cli.ts";
import { freshServerDatabase, tempDir } from "../support/database.ts";

const SHIPMENT = "application/vnd.cpc.shipment-v8+xml";
const MANIFEST = "application/vnd.cpc.manifest-v8+xml";
const AUTH = `Basic ${Buffer.from(`${SANDBOX_CREDENTIALS.canadaPostUsername}:${SANDBOX_CREDENTIALS.canadaPostPassword}`).toString("base64")}`;
const CUSTOMER = SANDBOX_CREDENTIALS.customerNumber;
const RS = `http://sandbox.test/rs/${CUSTOMER}/${CUSTOMER}`;

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});
function files() {
  const dir = tempDir("sandbox-state");
  dirs.push(dir);
  return sandboxStateFiles(dir.path);
}

type App = ReturnType<typeof createCanadaPostSandbox>["app"];

const shipmentXml = (order: string, group: string) => `<?xml version="1.0" encoding="UTF-8"?>
<shipment xmlns="http://www.canadapost.ca/ws/shipment-v8">
  <customer-request-id>${order}-1</customer-request-id>
  <group-id>${group}</group-id>
  <requested-shipping-point>K1A0B1</requested-shipping-point>
  <delivery-spec>
    <service-code>DOM.EP</service-code>
    <sender><company>Northwind</company><contact-phone>613-555-0142</contact-phone>
      <address-details><address-line-1>2701 Riverside Dr</address-line-1><city>Ottawa</city><prov-state>ON</prov-state><country-code>CA</country-code><postal-zip-code>K1A0B1</postal-zip-code></address-details></sender>
    <destination><name>Pat Receiver</name>
      <address-details><address-line-1>25 Test Avenue</address-line-1><city>Montréal</city><prov-state>QC</prov-state><country-code>CA</country-code><postal-zip-code>H2B1A0</postal-zip-code></address-details></destination>
    <parcel-characteristics><weight>1.25</weight></parcel-characteristics>
    <preferences><show-packing-instructions>false</show-packing-instructions></preferences>
    <references><customer-ref-1>${order}</customer-ref-1></references>
    <settlement-info><contract-id>${SANDBOX_CREDENTIALS.contractId}</contract-id><intended-method-of-payment>Account</intended-method-of-payment></settlement-info>
  </delivery-spec>
</shipment>`;

const transmitXml = (group: string) => `<?xml version="1.0" encoding="UTF-8"?>
<transmit-set xmlns="http://www.canadapost.ca/ws/manifest-v8">
  <group-ids><group-id>${group}</group-id></group-ids>
  <requested-shipping-point>K1A0B1</requested-shipping-point>
  <detailed-manifests>true</detailed-manifests>
  <method-of-payment>Account</method-of-payment>
  <manifest-address><manifest-company>Northwind</manifest-company><phone-number>613-555-0142</phone-number>
    <address-details><address-line-1>2701 Riverside Dr</address-line-1><city>Ottawa</city><prov-state>ON</prov-state><postal-zip-code>K1A0B1</postal-zip-code></address-details></manifest-address>
</transmit-set>`;

async function buy(app: App, order: string, group: string) {
  const res = await app.request(`${RS}/shipment`, { method: "POST", headers: { Authorization: AUTH, Accept: SHIPMENT, "Content-Type": SHIPMENT }, body: shipmentXml(order, group) });
  expect(res.status).toBe(200);
  return parseShipmentInfo(await res.text())!;
}
const getShipment = async (app: App, href: string) => {
  const res = await app.request(href, { headers: { Authorization: AUTH, Accept: SHIPMENT } });
  return { status: res.status, info: res.status === 200 ? parseShipmentInfo(await res.text()) : undefined };
};
const transmit = (app: App, group: string) =>
  app.request(`${RS}/manifest`, { method: "POST", headers: { Authorization: AUTH, Accept: MANIFEST, "Content-Type": MANIFEST }, body: transmitXml(group) });

describe("the in-process sandboxes remember between runs", () => {
  test("Canada Post: a label bought in one run is known to the next, its group transmits, and ids go on without repeating", async () => {
    const { canadaPost } = files();
    const first = createCanadaPostSandbox({ stateFile: canadaPost });
    const a = await buy(first.app, "ORD-1", "20261202");

    const second = createCanadaPostSandbox({ stateFile: canadaPost });
    const seen = await getShipment(second.app, a.links.self.href);
    expect(seen.status).toBe(200);
    expect(seen.info!.status).toBe("created");
    expect(seen.info!.trackingPin).toBe(a.trackingPin);
    const b = await buy(second.app, "ORD-2", "20261202");
    expect(b.shipmentId).not.toBe(a.shipmentId);
    expect(b.trackingPin).not.toBe(a.trackingPin);

    const third = createCanadaPostSandbox({ stateFile: canadaPost });
    const answer = await transmit(third.app, "20261202");
    expect(answer.status).toBe(200);
    expect(parseManifestLinks(await answer.text())).toHaveLength(1);
    const manifest = [...third.state.manifests.values()][0]!;
    expect(manifest.shipmentIds.sort()).toEqual([a.shipmentId, b.shipmentId].sort());

    const fourth = createCanadaPostSandbox({ stateFile: canadaPost });
    expect((await getShipment(fourth.app, a.links.self.href)).info!.status).toBe("transmitted");
    expect(fourth.state.manifests.get(manifest.manifestId)!.createdAt).toBeInstanceOf(Date);
    expect(fourth.state.callsTo("TransmitShipments")).toBe(1);
    // The label is drawn again from the kept request, in a run that never saw it bought.
    const pdf = await fourth.app.request(a.links.label!.href, { headers: { Authorization: AUTH, Accept: "application/pdf" } });
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });

  test("Canada Post: two processes at once see each other's changes (the print page running beside a scheduled run)", async () => {
    const { canadaPost } = files();
    const serve = createCanadaPostSandbox({ stateFile: canadaPost });
    const auto = createCanadaPostSandbox({ stateFile: canadaPost });
    const bought = await buy(auto.app, "ORD-1", "20261202");
    expect((await getShipment(serve.app, bought.links.self.href)).status).toBe(200);
    const other = await buy(serve.app, "ORD-2", "20261202");
    expect(other.shipmentId).not.toBe(bought.shipmentId);
    expect((await transmit(auto.app, "20261202")).status).toBe(200);
    expect([...createCanadaPostSandbox({ stateFile: canadaPost }).state.manifests.values()][0]!.shipmentIds).toHaveLength(2);
  });

  test("Canada Post: a fault queued for the next run is taken once, by the next run; a voided label reads as cancelled", async () => {
    const { canadaPost } = files();
    const scene = createCanadaPostSandbox({ stateFile: canadaPost });
    const a = await buy(scene.app, "ORD-1", "20261202");
    scene.faults.inject("GetShipment", { kind: "status", status: 503 });
    scene.save();

    const run = createCanadaPostSandbox({ stateFile: canadaPost });
    expect((await getShipment(run.app, a.links.self.href)).status).toBe(503);
    expect((await getShipment(createCanadaPostSandbox({ stateFile: canadaPost }).app, a.links.self.href)).status).toBe(200);

    const elsewhere = createCanadaPostSandbox({ stateFile: canadaPost });
    expect(elsewhere.state.voidGroupElsewhere("20261202")).toEqual([a.shipmentId]);
    elsewhere.save();
    const after = createCanadaPostSandbox({ stateFile: canadaPost });
    expect((await getShipment(after.app, a.links.self.href)).info!.status).toBe("cancelled");
    const refused = await transmit(after.app, "20261202");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("9122");
  });

  test("Best Buy: seeded once; an order shipped in one run is SHIPPED in the next, whatever the next run's seed options", async () => {
    const { bestBuy } = files();
    const first = createBestBuySandbox({ orders: 3, seed: 5, stateFile: bestBuy });
    const [orderId] = first.state.orderIds("SHIPPING");
    const auth = { Authorization: SANDBOX_CREDENTIALS.bestBuyApiKey, "Content-Type": "application/json" };
    const tracked = await first.app.request(`/api/orders/${orderId}/tracking`, { method: "PUT", headers: auth, body: JSON.stringify({ carrier_code: "CPCL", tracking_number: "7023000000000011" }) });
    expect(tracked.status).toBe(204);
    expect((await first.app.request(`/api/orders/${orderId}/ship`, { method: "PUT", headers: auth })).status).toBe(204);

    const second = createBestBuySandbox({ orders: 8, seed: 1, stateFile: bestBuy });
    expect(second.state.orderIds()).toEqual(first.state.orderIds());
    expect(second.state.order(orderId!)!.order_state).toBe("SHIPPED");
    expect(second.state.order(orderId!)!.shipping_tracking).toBe("7023000000000011");
    expect(second.state.shipCalls(orderId!)[0]!.at).toBeInstanceOf(Date);
    const listed = await (await second.app.request("/api/orders?order_state_codes=SHIPPING", { headers: auth })).json();
    expect(listed.total_count).toBe(2);
  });

  test("a damaged state file stops the run with one sentence naming the file and the fix", () => {
    const { canadaPost } = files();
    createCanadaPostSandbox({ stateFile: canadaPost }).save();
    writeFileSync(canadaPost, "{ half a file");
    let error: unknown;
    try {
      createCanadaPostSandbox({ stateFile: canadaPost });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SandboxStateDamaged);
    expect((error as Error).message).toBe(
      `The built-in sandbox's saved state ${canadaPost} is damaged; delete that file to start the sandbox afresh (it holds sandbox data only, nothing real).`,
    );
  });

  test("sandbox mode with a damaged state file: the run stops with that sentence and exit 2, as a settings error", async () => {
    const dir = tempDir("sandbox-state-cli");
    dirs.push(dir);
    const { canadaPost } = sandboxStateFiles(dir.path);
    createCanadaPostSandbox({ stateFile: canadaPost }).save();
    writeFileSync(canadaPost, "{ half a file");
    const t = await freshServerDatabase("sandbox_state_cli");
    try {
      const run = await runCli(["ship", "--auto"], { env: { DATABASE_URL: t.url, SHIPDESK_DATA_DIR: dir.path }, cwd: dir.path });
      expect(run.stderr.trim()).toBe(
        `The built-in sandbox's saved state ${canadaPost} is damaged; delete that file to start the sandbox afresh (it holds sandbox data only, nothing real).`,
      );
      expect(run.code).toBe(2);
    } finally {
      await t.drop();
    }
  });
});
