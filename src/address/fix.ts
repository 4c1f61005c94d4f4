/** The option of `shipdesk address` that sets each field of the ship-to address. */
export const CORRECTION_FLAGS: Readonly<Record<string, string>> = {
  name: "--name",
  company: "--company",
  street1: "--line1",
  street2: "--line2",
  city: "--city",
  province: "--province",
  postalCode: "--postal-code",
  phone: "--phone",
};

/**
 * How the clerk corrects one field, as a command: sellers cannot change a customer's address
 * at Best Buy, so every address fix names shipdesk's own correction.
 */
export function correctIn(orderId: string | undefined, field: string): string {
  return `shipdesk address ${orderId ?? "ORDER"} ${CORRECTION_FLAGS[field] ?? "--line1"} "…"`;
}

/**
 * Best Buy's address changed after the clerk corrected it (the customer may have moved): the
 * label waits until a person has compared the two.
 */
export function bestBuyChangedProblem(orderId: string): { field: string; code: string; message: string } {
  return {
    field: "address",
    code: "bestbuy_address_changed",
    message: `Best Buy's address for order ${orderId} changed after it was corrected in shipdesk; compare the two (shipdesk address ${orderId} --show), then keep the correction (shipdesk address ${orderId} --confirm), change it, or drop it (shipdesk address ${orderId} --drop).`,
  };
}
