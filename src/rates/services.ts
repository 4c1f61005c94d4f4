/**
 * The Canada Post services a clerk may choose for one order (the desk, the print page,
 * `shipdesk service`), cheapest first: the domestic parcel services of Canada Post's published
 * codes (Library Books and Certified are not for a shop's parcels).
 */
export const SERVICES = [
  { code: "DOM.RP", name: "Regular Parcel" },
  { code: "DOM.EP", name: "Expedited Parcel" },
  { code: "DOM.XP", name: "Xpresspost" },
  { code: "DOM.PC", name: "Priority" },
] as const;

export type ServiceCode = (typeof SERVICES)[number]["code"];

export const isServiceCode = (code: string): code is ServiceCode => SERVICES.some((s) => s.code === code);

export function serviceName(code: string): string {
  return SERVICES.find((s) => s.code === code)?.name ?? code;
}

/** "DOM.EP (Expedited Parcel)". */
export const serviceWithName = (code: string): string => (SERVICES.some((s) => s.code === code) ? `${code} (${serviceName(code)})` : code);

/** The allowed codes as a sentence lists them. */
export const allowedServices = (): string => SERVICES.map((s) => `${s.code} (${s.name})`).join(", ");
