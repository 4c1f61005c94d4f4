import { create } from "xmlbuilder2";
import { SHIPMENT_NAMESPACE } from "./media-types.ts";

/** `<shipment-refund-request>`: Canada Post writes to this address about the refund ticket. */
export function buildRefundXml(email: string): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(SHIPMENT_NAMESPACE, "shipment-refund-request");
  doc.ele("email").txt(email.trim());
  return doc.end({ prettyPrint: false });
}
