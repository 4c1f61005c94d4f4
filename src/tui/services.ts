/** The Canada Post services the clerk can pick in the review screen, cheapest first. */
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
