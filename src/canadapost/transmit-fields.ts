import { fitLength } from "../address/index.ts";
import type { ShipmentSettings } from "./request.ts";
import { addressLines } from "./shipment-fields.ts";

/**
 * A Transmit Shipments' values, cleaned once for both APIs: the manifest address is the
 * sender's (settings). A sender that cannot be written validly is a settings bug, caught
 * already when the first shipment was built, so this shortens rather than refuses. "" means
 * "leave it out" where the schema allows it.
 */
export interface TransmitFields {
  groupIds: string[];
  /** The sender's postal code, upper case, no space: the shipping point and the address's code. */
  postalCode: string;
  methodOfPayment: ShipmentSettings["methodOfPayment"];
  company: string;
  name: string;
  phone: string;
  lines: [string, string];
  city: string;
  province: string;
}

export function transmitFields(groupIds: readonly string[], settings: Pick<ShipmentSettings, "sender" | "methodOfPayment">): TransmitFields {
  const s = settings.sender;
  return {
    groupIds: [...groupIds],
    postalCode: s.postalCode.toUpperCase().replace(/\s/g, ""),
    methodOfPayment: settings.methodOfPayment,
    company: fitLength(s.company, 44),
    name: s.name.trim() === "" ? "" : fitLength(s.name, 44),
    phone: s.phone.trim().slice(0, 25),
    lines: addressLines(s.addressLine1, s.addressLine2) ?? [fitLength(s.addressLine1, 44), ""],
    city: fitLength(s.city, 40),
    province: s.province.trim().toUpperCase(),
  };
}
