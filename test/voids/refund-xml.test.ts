import { expect, test } from "bun:test";
import { join } from "node:path";
import { buildRefundXml } from "../../src/canadapost/xml/refund-xml.ts";
import { parseRefundTicket } from "../../src/canadapost/xml/replies.ts";
import { refundInfoXml } from "../../src/sandbox/canadapost/xml/replies.ts";
import { REFERENCE_DIR } from "../canadapost/support.ts";

const xmllint = Bun.which("xmllint");

function validates(xml: string): { ok: boolean; text: string } {
  const run = Bun.spawnSync([xmllint!, "--noout", "--schema", join(REFERENCE_DIR!, "xsd", "shipment.xsd"), "-"], { stdin: Buffer.from(xml) });
  return { ok: run.exitCode === 0, text: run.stderr.toString() };
}

test.skipIf(!REFERENCE_DIR || !xmllint)("the refund request and the sandbox's refund answer validate against shipment.xsd", () => {
  expect(validates(buildRefundXml("desk@example.com"))).toMatchObject({ ok: true });
  expect(validates(refundInfoXml("GT00000001RT", "2026-11-25"))).toMatchObject({ ok: true });
});

test("the reference example of a refund answer reads as a ticket", async () => {
  if (!REFERENCE_DIR) return;
  const xml = await Bun.file(join(REFERENCE_DIR, "examples", "contract-refund-response.xml")).text();
  expect(parseRefundTicket(xml)).toEqual({ ticketId: "GT00000001RT", ticketDate: "2025-03-05" });
  expect(parseRefundTicket("<shipment-info/>")).toBeUndefined();
});
