/**
 * Mirakl sends ISO 3166 alpha-3 codes ("CAN"); Canada Post wants alpha-2 ("CA"). A seller on
 * Best Buy Canada ships to Canada, rarely to the US; the others are here so an odd order gets a
 * clear "cannot ship there" rather than a garbled code.
 */
const ALPHA3: Record<string, string> = {
  CAN: "CA", USA: "US", MEX: "MX", GBR: "GB", FRA: "FR", DEU: "DE", ITA: "IT", ESP: "ES", NLD: "NL",
  BEL: "BE", CHE: "CH", AUT: "AT", IRL: "IE", PRT: "PT", SWE: "SE", NOR: "NO", DNK: "DK", FIN: "FI",
  POL: "PL", AUS: "AU", NZL: "NZ", JPN: "JP", CHN: "CN", HKG: "HK", KOR: "KR", IND: "IN", BRA: "BR",
  SPM: "PM",
};
const NAMES: Record<string, string> = { canada: "CA", "united states": "US", "united states of america": "US", "états-unis": "US" };

export function countryAlpha2(raw: string | null | undefined): string | undefined {
  if (raw == null) return undefined;
  const cleaned = raw.trim();
  const upper = cleaned.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return upper;
  if (/^[A-Z]{3}$/.test(upper)) return ALPHA3[upper];
  return NAMES[cleaned.toLowerCase()];
}
