import { create } from "xmlbuilder2";
import { fitLength } from "../address/index.ts";
import { MANIFEST_NAMESPACE } from "./media-types.ts";
import { addressLines } from "./shipment-xml.ts";
import type { ShipmentSettings } from "./request.ts";

/**
 * The `<transmit-set>` that closes the given manifest groups. The manifest address is the
 * sender's (settings); a sender that cannot be written validly is a settings bug, caught
 * already when the first shipment was built.
 */
export function buildTransmitXml(groupIds: readonly string[], settings: Pick<ShipmentSettings, "sender" | "methodOfPayment">): string {
  const s = settings.sender;
  const postal = s.postalCode.toUpperCase().replace(/\s/g, "");
  const lines = addressLines(s.addressLine1, s.addressLine2) ?? [fitLength(s.addressLine1, 44), ""];
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(MANIFEST_NAMESPACE, "transmit-set");
  const groups = doc.ele("group-ids");
  for (const g of groupIds) groups.ele("group-id").txt(g);
  doc.ele("requested-shipping-point").txt(postal);
  doc.ele("detailed-manifests").txt("true");
  doc.ele("method-of-payment").txt(settings.methodOfPayment);
  const address = doc.ele("manifest-address");
  address.ele("manifest-company").txt(fitLength(s.company, 44));
  if (s.name.trim() !== "") address.ele("manifest-name").txt(fitLength(s.name, 44));
  address.ele("phone-number").txt(s.phone.trim().slice(0, 25));
  const details = address.ele("address-details");
  details.ele("address-line-1").txt(lines[0]);
  if (lines[1] !== "") details.ele("address-line-2").txt(lines[1]);
  details.ele("city").txt(fitLength(s.city, 40));
  details.ele("prov-state").txt(s.province.trim().toUpperCase());
  details.ele("country-code").txt("CA");
  details.ele("postal-zip-code").txt(postal);
  return doc.end({ prettyPrint: false });
}
