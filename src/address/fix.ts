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
