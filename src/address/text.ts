/** Digits only; a North American number keeps 10 digits (a leading 1 is dropped). */
export function phoneDigits(raw: string | null | undefined): string | undefined {
  if (raw == null) return undefined;
  // An extension ("x123", "ext. 4") is not something a courier can dial; drop it.
  const main = raw.split(/\s*(?:x|ext\.?|poste)\s*\d+\s*$/i)[0] ?? raw;
  let digits = main.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("1")) digits = digits.slice(1);
  return digits.length >= 10 && digits.length <= 15 ? digits : undefined;
}

/**
 * Fits text into a field of `max` characters: whitespace collapsed, then cut at the last word
 * boundary that fits (or hard, when one word is longer than the field). Accents are kept.
 */
export function fitLength(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return (space >= Math.floor(max / 2) ? cut.slice(0, space) : clean.slice(0, max)).replace(/[\s,;:&/+-]+$/, "");
}

/** Empty strings and whitespace count as missing. */
export function present(value: string | null | undefined): value is string {
  return value != null && value.trim() !== "";
}

/**
 * Text as a label field takes it (xsd:normalizedString): no tabs, line breaks or control
 * characters XML 1.0 forbids; blanks collapsed. Null and undefined are "".
 */
export function clean(value: string | null | undefined): string {
  if (value == null) return "";
  return value.replace(/[\u0000-\u001f\u007f\ufffe\uffff]/g, " ").replace(/\s+/g, " ").trim();
}
