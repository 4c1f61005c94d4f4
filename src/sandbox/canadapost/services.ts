/**
 * The services the sandbox's Canada Post offers, shared by its XML and Developer Portal faces:
 * what Discover Services lists, and what Create Shipment takes. Canadian destinations get the
 * account's domestic services (a test may narrow or widen them, as a contract would); the US and
 * other countries get the usual USA.* and INT.* codes.
 */
export const SERVICE_NAMES: Readonly<Record<string, string>> = {
  "DOM.RP": "Regular Parcel",
  "DOM.EP": "Expedited Parcel",
  "DOM.XP": "Xpresspost",
  "DOM.XP.CERT": "Xpresspost Certified",
  "DOM.PC": "Priority",
  "DOM.LIB": "Library Books",
  "USA.EP": "Expedited Parcel USA",
  "USA.XP": "Xpresspost USA",
  "USA.TP": "Tracked Packet - USA",
  "USA.SP.AIR": "Small Packet USA Air",
  "INT.XP": "Xpresspost International",
  "INT.IP.AIR": "International Parcel Air",
  "INT.IP.SURF": "International Parcel Surface",
  "INT.TP": "Tracked Packet - International",
  "INT.SP.AIR": "Small Packet International Air",
  "INT.SP.SURF": "Small Packet International Surface",
};

export const DEFAULT_DOMESTIC_SERVICES: readonly string[] = ["DOM.RP", "DOM.EP", "DOM.XP", "DOM.XP.CERT", "DOM.PC", "DOM.LIB"];

/** The account's services: its domestic ones, and the usual USA and international codes. */
export class SandboxServices {
  private readonly domestic: ReadonlySet<string>;

  constructor(domestic: readonly string[] = DEFAULT_DOMESTIC_SERVICES) {
    this.domestic = new Set(domestic);
  }

  /** Discover Services for a country (two letters), or for all when none is given. */
  forCountry(country: string | undefined): { code: string; name: string }[] {
    const codes =
      country === undefined
        ? [...this.domestic, ...Object.keys(SERVICE_NAMES).filter((c) => !c.startsWith("DOM."))]
        : country === "CA"
          ? [...this.domestic]
          : Object.keys(SERVICE_NAMES).filter((c) => c.startsWith(country === "US" ? "USA." : "INT."));
    return codes.map((code) => ({ code, name: SERVICE_NAMES[code] ?? code }));
  }

  /** Whether Create Shipment takes this code at all (for some destination). */
  offers(code: string): boolean {
    return this.domestic.has(code) || (!code.startsWith("DOM.") && code in SERVICE_NAMES) || /^(USA|INT)\.[A-Z.]+$/.test(code);
  }
}
