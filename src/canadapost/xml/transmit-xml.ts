import { create } from "xmlbuilder2";
import type { ShipmentSettings } from "../request.ts";
import { transmitFields } from "../transmit-fields.ts";
import { MANIFEST_NAMESPACE } from "./media-types.ts";

/** The `<transmit-set>` that closes the given manifest groups (values: transmit-fields.ts). */
export function buildTransmitXml(groupIds: readonly string[], settings: Pick<ShipmentSettings, "sender" | "methodOfPayment">): string {
  const f = transmitFields(groupIds, settings);
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(MANIFEST_NAMESPACE, "transmit-set");
  const groups = doc.ele("group-ids");
  for (const g of f.groupIds) groups.ele("group-id").txt(g);
  doc.ele("requested-shipping-point").txt(f.postalCode);
  doc.ele("detailed-manifests").txt("true");
  doc.ele("method-of-payment").txt(f.methodOfPayment);
  const address = doc.ele("manifest-address");
  address.ele("manifest-company").txt(f.company);
  if (f.name !== "") address.ele("manifest-name").txt(f.name);
  address.ele("phone-number").txt(f.phone);
  const details = address.ele("address-details");
  details.ele("address-line-1").txt(f.lines[0]);
  if (f.lines[1] !== "") details.ele("address-line-2").txt(f.lines[1]);
  details.ele("city").txt(f.city);
  details.ele("prov-state").txt(f.province);
  details.ele("country-code").txt("CA");
  details.ele("postal-zip-code").txt(f.postalCode);
  return doc.end({ prettyPrint: false });
}
