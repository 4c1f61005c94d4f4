import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { classify } from "../../src/canadapost/xml/classify.ts";
import { parseManifest, parseManifestLinks, parseMessages, parseShipmentInfo, parseShipmentLinks } from "../../src/canadapost/xml/replies.ts";
import type { HttpResponse } from "../../src/http/index.ts";
import { REFERENCE_DIR } from "./support.ts";

const examples = REFERENCE_DIR ? join(REFERENCE_DIR, "examples") : undefined;
const read = (name: string) => readFileSync(join(examples!, name), "utf8");

/** Each reply example, and how the client must read it. */
const READERS: Record<string, (xml: string) => unknown> = {
  "contract-create-shipment-response.xml": parseShipmentInfo,
  "contract-create-shipment-response-grouped.xml": parseShipmentInfo,
  "contract-get-shipments-response.xml": parseShipmentLinks,
  "contract-get-shipments-response-empty.xml": parseShipmentLinks,
  "error-messages.xml": parseMessages,
  "error-messages-empty.xml": parseMessages,
  "transmit-response-manifests.xml": parseManifestLinks,
  "get-manifest-response.xml": parseManifest,
};

const response = (status: number, text: string, headers: Record<string, string> = {}): HttpResponse => ({
  kind: "response",
  status,
  headers: new Headers(headers),
  body: new TextEncoder().encode(text),
  text,
  durationMs: 1,
  attempt: 1,
});

describe.skipIf(!examples)("the client reads every reply example of the reference", () => {
  test("every response-like example has a reader, and each reads", () => {
    const replies = readdirSync(examples!).filter((f) => /response|messages|manifests/.test(f) && !f.startsWith("ncshipment") && !f.startsWith("tracking") && !f.includes("refund") && !f.includes("groups"));
    expect(replies.sort()).toEqual(Object.keys(READERS).sort());
    for (const [file, reader] of Object.entries(READERS)) expect({ file, value: reader(read(file)) }).toEqual({ file, value: expect.anything() });
  });

  test("shipment-info: id, PIN, status, request id and links as given", () => {
    const info = parseShipmentInfo(read("contract-create-shipment-response.xml"))!;
    expect(info.shipmentId).toBe("912345678901234567");
    expect(info.trackingPin).toBe("7023210039414604");
    expect(info.status).toBe("transmitted");
    expect(info.requestId).toBe("order-10042-attempt-1");
    expect(info.links.label).toEqual({ rel: "label", href: "https://ct.soa-gw.canadapost.ca/rs/artifact/0a1b2c3d4e5f6a7b/10000000001/0", mediaType: "application/pdf", index: 0 });
    expect(info.links.self.href).toBe("https://ct.soa-gw.canadapost.ca/rs/0001234567/0001234567/shipment/912345678901234567");
    expect(info.links.receipt?.rel).toBe("receipt");
    const grouped = parseShipmentInfo(read("contract-create-shipment-response-grouped.xml"))!;
    expect(grouped.status).toBe("created");
    expect(grouped.links.group?.href).toEndWith("shipment?groupId=20250301");
    expect(grouped.requestId).toBeUndefined();
  });

  test("shipments, manifests, manifest and messages", () => {
    expect(parseShipmentLinks(read("contract-get-shipments-response.xml"))!.map((l) => l.href.split("/").pop())).toEqual(["912345678901234567", "912345678901234568"]);
    expect(parseShipmentLinks(read("contract-get-shipments-response-empty.xml"))).toEqual([]);
    expect(parseManifestLinks(read("transmit-response-manifests.xml"))!.map((l) => l.rel)).toEqual(["manifest"]);
    const manifest = parseManifest(read("get-manifest-response.xml"))!;
    expect(manifest.poNumber).toBe("P123456789");
    expect(manifest.artifact?.href).toEndWith("/rs/artifact/0a1b2c3d4e5f6a7b/10000000009/0");
    expect(parseMessages(read("error-messages.xml"))).toEqual([
      { code: "8716", description: "This product requires a valid value for Non-Delivery Handling." },
      { code: "1151", description: "At least one line of Customs Description must be supplied." },
    ]);
    expect(parseMessages(read("error-messages-empty.xml"))).toEqual([]);
  });

  test("a reply of another kind is not mistaken for the one asked", () => {
    expect(parseShipmentInfo(read("error-messages.xml"))).toBeUndefined();
    expect(parseShipmentInfo(read("ncshipment-create-response.xml"))).toBeUndefined();
    expect(parseShipmentLinks(read("get-manifest-response.xml"))).toBeUndefined();
    expect(parseShipmentInfo("<shipment-info><broken")).toBeUndefined();
    expect(parseShipmentInfo("")).toBeUndefined();
  });

  test("errors classify: 4xx rejected with every message, 5xx unknown, SLM throttled whatever the status", () => {
    const rejected = classify("CreateShipment", response(400, read("error-messages.xml")));
    expect(rejected.kind).toBe("rejected");
    if (rejected.kind === "rejected") {
      expect(rejected.error.messages.map((m) => m.code)).toEqual(["8716", "1151"]);
      expect(rejected.error.status).toBe(400);
      expect(rejected.error.message).toContain("8716 This product requires");
    }
    expect(classify("VoidShipment", response(404, read("error-messages-empty.xml"))).kind).toBe("rejected");
    expect(classify("CreateShipment", response(500, read("error-messages.xml"))).kind).toBe("unknown");
    expect(classify("CreateShipment", response(502, "Failed to establish a backside connection")).kind).toBe("unknown");
    const slm = `<messages xmlns="http://www.canadapost.ca/ws/messages"><message><code>Server</code><description>Rejected by SLM Monitor</description></message></messages>`;
    for (const status of [200, 403, 500, 503]) {
      const t = classify("GetArtifact", response(status, slm));
      expect(t.kind).toBe("throttled");
      if (t.kind === "throttled") expect(t.retryAfterMs).toBe(2_000);
    }
    const t429 = classify("GetArtifact", response(429, "", { "Retry-After": "7" }));
    expect(t429.kind === "throttled" && t429.retryAfterMs).toBe(7000);
  });
});
