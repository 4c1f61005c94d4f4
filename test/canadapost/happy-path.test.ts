import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { PDFDocument } from "pdf-lib";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { freshServerDatabase, type TestDatabase } from "../support/database.ts";
import { allAuditText, auditRows, clientFor, shipmentFor } from "./client-helpers.ts";
import { SECRETS } from "./support.ts";

let t: TestDatabase;
let sandbox: RunningCanadaPostSandbox;

beforeAll(async () => {
  t = await freshServerDatabase("cp_happy");
  sandbox = startCanadaPostSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
  await t?.drop();
});

const pageSize = async (pdf: Uint8Array) => {
  const doc = await PDFDocument.load(pdf);
  const { width, height } = doc.getPage(0).getSize();
  return [Math.round(width), Math.round(height)];
};

describe("Canada Post client against the sandbox, audited in PostgreSQL", () => {
  test("create → label (a real 4x6 PDF) → find by request id → details → void", async () => {
    const client = clientFor(t.db, sandbox.url);
    const created = await client.createShipment(shipmentFor("BB-1001-A"));
    if (created.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(created)}`);
    const shipment = created.value;
    expect(shipment.trackingPin).toMatch(/^\d{16}$/);
    expect(shipment.shipmentId).toMatch(/^\d{18}$/);
    expect(shipment.status).toBe("created");
    expect(shipment.requestId).toBe("BB-1001-A-1");
    expect(shipment.links.self.href).toStartWith(`${sandbox.url}/rs/0002004381/0002004381/shipment/`);
    expect(shipment.links.group?.href).toContain("groupId=");
    expect(sandbox.state.labelsFor("BB-1001-A")).toHaveLength(1);

    const label = await client.getLabel(shipment.links.label!.href, "BB-1001-A");
    if (label.kind !== "ok") throw new Error(JSON.stringify(label));
    expect(new TextDecoder().decode(label.value.slice(0, 5))).toBe("%PDF-");
    expect(await pageSize(label.value)).toEqual([288, 432]);
    const again = await client.getLabel(shipment.links.label!, "BB-1001-A");
    expect(again.kind === "ok" && Buffer.from(again.value).equals(Buffer.from(label.value))).toBe(true);
    expect(sandbox.state.artifactDownloads).toBe(2);

    const found = await client.findShipmentsByRequestId("BB-1001-A-1", "BB-1001-A");
    expect(found.kind === "ok" && found.value.map((l) => l.href)).toEqual([shipment.links.self.href]);
    const none = await client.findShipmentsByRequestId("BB-1001-A-2", "BB-1001-A");
    expect(none.kind === "ok" && none.value).toEqual([]);

    const fetched = await client.getShipment(shipment.links.self.href, "BB-1001-A");
    expect(fetched.kind === "ok" && fetched.value.trackingPin).toBe(shipment.trackingPin!);
    const details = await client.getShipmentDetails(shipment.links.details!, "BB-1001-A");
    if (details.kind !== "ok") throw new Error(JSON.stringify(details));
    expect(details.value).toMatchObject({ customerRef1: "BB-1001-A", requestId: "BB-1001-A-1", groupId: client.groupIdFor(new Date()), trackingPin: shipment.trackingPin, transmitShipment: false });

    expect((await client.voidShipment(shipment.links.self, "BB-1001-A")).kind).toBe("ok");
    expect(sandbox.state.activeLabelsFor("BB-1001-A")).toHaveLength(0);
    // Get Shipment still shows a voided shipment, as cancelled: it is how the end of day learns a
    // label's fate. (The reference has a voided shipment's link answer 404; shipdesk takes either.)
    const gone = await client.getShipment(shipment.links.self, "BB-1001-A");
    expect(gone.kind === "ok" && gone.value.status).toBe("cancelled");
    const voidAgain = await client.voidShipment(shipment.links.self, "BB-1001-A");
    expect(voidAgain.kind === "rejected" && voidAgain.error.status).toBe(404);

    const rows = await auditRows(t.db, "BB-1001-A");
    expect(rows.map((r) => r.endpoint)).toEqual([
      "CreateShipment", "GetArtifact", "GetArtifact", "GetShipments", "GetShipments", "GetShipment", "GetShipmentDetails", "VoidShipment", "GetShipment", "VoidShipment",
    ]);
    expect(rows.every((r) => r.service === "CanadaPost")).toBe(true);
    const create = rows[0]!;
    expect(create.method).toBe("POST");
    expect(create.is_success).toBe(true);
    expect((create.request_payload as { xml: string }).xml).toContain("<customer-ref-1>BB-1001-A</customer-ref-1>");
    expect((create.request_payload as { xml: string }).xml).toContain("Amélie Côté");
    expect(create.response_body).toContain(shipment.trackingPin!);
    expect(rows[1]!.response_body).toMatch(/^\[PDF \d+ bytes, sha256 [0-9a-f]{64}\]$/);
    expect(rows[7]!.status_code).toBe(204);
  });

  test("grouped shipments → transmit → manifest → manifest PDF; void after transmit is refused (8064)", async () => {
    const client = clientFor(t.db, sandbox.url);
    const a = await client.createShipment(shipmentFor("BB-2001-A"));
    const b = await client.createShipment(shipmentFor("BB-2002-A"));
    if (a.kind !== "ok" || b.kind !== "ok") throw new Error("create failed");
    const group = client.groupIdFor(new Date());
    const pending = await client.findShipmentsByGroup(group);
    expect(pending.kind === "ok" && pending.value.length).toBeGreaterThanOrEqual(2);

    const transmitted = await client.transmit([group], "manifest-test");
    if (transmitted.kind !== "ok") throw new Error(JSON.stringify(transmitted));
    expect(transmitted.value).toHaveLength(1);
    const manifest = await client.getManifest(transmitted.value[0]!, "manifest-test");
    if (manifest.kind !== "ok") throw new Error(JSON.stringify(manifest));
    expect(manifest.value.poNumber).toMatch(/^P\d{9}$/);
    const pdf = await client.getManifestPdf(manifest.value.artifact!, "manifest-test");
    if (pdf.kind !== "ok") throw new Error(JSON.stringify(pdf));
    expect(await pageSize(pdf.value)).toEqual([612, 792]);

    const refused = await client.voidShipment(a.value.links.self, "BB-2001-A");
    expect(refused.kind).toBe("rejected");
    if (refused.kind === "rejected") {
      expect(refused.error.alreadyTransmitted).toBe(true);
      expect(refused.error.messages[0]!.code).toBe("8064");
    }
    const after = await client.getShipment(a.value.links.self, "BB-2001-A");
    expect(after.kind === "ok" && after.value.status).toBe("transmitted");
    expect(after.kind === "ok" && after.value.links.refund?.rel).toBe("refund");
    const empty = await client.findShipmentsByGroup(group);
    expect(empty.kind === "ok" && empty.value).toEqual([]);
    const twice = await client.transmit([group], "manifest-test");
    expect(twice.kind === "rejected" && twice.error.has("9122")).toBe(true);

    const rows = await auditRows(t.db, "manifest-test");
    expect(rows.map((r) => r.endpoint)).toEqual(["TransmitShipments", "GetManifest", "GetArtifact", "TransmitShipments"]);
    expect((rows[0]!.request_payload as { xml: string }).xml).toContain(`<group-id>${group}</group-id>`);
  });

  test("an 8.5x11 label when the settings ask for it; transmit-shipment shipments are born transmitted", async () => {
    const client = clientFor(t.db, sandbox.url, { labelFormat: "8.5x11", manifest: "transmit" });
    const created = await client.createShipment(shipmentFor("BB-3001-A"));
    if (created.kind !== "ok") throw new Error(JSON.stringify(created));
    expect(created.value.status).toBe("transmitted");
    expect(created.value.links.group).toBeUndefined();
    const label = await client.getLabel(created.value.links.label!, "BB-3001-A");
    expect(label.kind === "ok" && (await pageSize(label.value))).toEqual([612, 792]);
  });

  test("tracking PINs and shipment ids are unique", async () => {
    const client = clientFor(t.db, sandbox.url);
    const pins = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const r = await client.createShipment(shipmentFor(`BB-4${i}`));
      if (r.kind === "ok") pins.add(r.value.trackingPin!);
    }
    expect(pins.size).toBe(10);
    expect(new Set([...sandbox.state.shipments.values()].map((s) => s.trackingPin)).size).toBe(sandbox.state.shipments.size);
  });

  test("no credential anywhere in api_calls", async () => {
    const text = await allAuditText(t.db);
    expect(text.length).toBeGreaterThan(1000);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});
