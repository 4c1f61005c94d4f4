const CANADA = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/;
const US_ZIP = /^\d{5}(-\d{4})?$/;

/**
 * Canada Post wants Canadian postal codes upper case with no space ("K1A0B1") and US ZIP codes
 * as 12345 or 12345-6789. Undefined when the value cannot be one (D, F, I, O, Q, U are never used
 * in Canadian codes, W and Z never first).
 */
export function normalizePostalCode(raw: string | null | undefined, country = "CA"): string | undefined {
  if (raw == null) return undefined;
  if (country === "CA") {
    const code = raw.toUpperCase().replace(/[\s-]/g, "");
    return CANADA.test(code) ? code : undefined;
  }
  if (country === "US") {
    const zip = raw.trim().replace(/\s+/g, "");
    if (/^\d{9}$/.test(zip)) return `${zip.slice(0, 5)}-${zip.slice(5)}`;
    return US_ZIP.test(zip) ? zip : undefined;
  }
  const other = raw.trim();
  return other.length >= 1 && other.length <= 14 ? other : undefined;
}
