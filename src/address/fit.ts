import {
  COMPANY_WORDS,
  DIRECTIONS_EN,
  DIRECTIONS_FR,
  INSTALLATIONS,
  sameCase,
  STREET_TYPES_EN,
  STREET_TYPES_FR,
  UNIT_DESIGNATORS,
} from "./abbreviations.ts";
import { countryAlpha2 } from "./country.ts";
import { parseAddressLines } from "./lines.ts";
import { normalizePostalCode } from "./postal-code.ts";
import { provinceCode } from "./province.ts";
import { clean, fitLength, phoneDigits, present } from "./text.ts";
import type { ShipTo } from "./types.ts";

/**
 * Canada Post's field lengths (shipment.xsd; the Developer Portal's JSON mirrors them): what
 * one line of the label holds.
 */
export const LABEL_LIMITS = { name: 44, company: 44, addressLine: 44, additionalInfo: 44, city: 40 } as const;

/** The address exactly as it will print on the label. */
export interface LabelAddress {
  /** The recipient's name, or the company when the order has no name. */
  name: string;
  /** "" when there is none (or it already stands in for the name). */
  company: string;
  /** Canada Post's additional-address-info: remarks and extras moved off the street lines. */
  additionalInfo: string;
  line1: string;
  line2: string;
  city: string;
  /** Two-letter code (or the text as typed, when it is not one: then a problem says so). */
  province: string;
  /** K1A0B1 (as typed when it is not a postal code). */
  postalCode: string;
  country: string;
  /** Digits only; "" when none. */
  phone: string;
  email: string;
  /** What was changed to fit, in the clerk's words; empty when printed as typed. */
  changes: string[];
}

export type FitProblem = { field: string; code: "missing_street" | "street_too_long" | "unit_too_long" | "city_too_long"; detail: string };

export interface Fitted {
  address: LabelAddress;
  problems: FitProblem[];
}

const fits = (text: string, max: number) => text.length <= max;
const joined = (items: readonly string[]) => items.join(", ");

/**
 * Fits an order's address to the label's lines as a careful clerk would: an address that fits
 * is printed as typed. One that does not is laid out Canada Post's way (civic number and street
 * on line 1, the unit on line 2) with Canada Post's abbreviations; remarks are the first to
 * leave the street lines, whole, for the additional-address line (or the label, when that is
 * full), then building names and the like. A civic number, street, unit or postal code is never
 * dropped: when the street alone cannot fit, that is a problem for the clerk to correct.
 */
export function fitAddress(shipTo: ShipTo): Fitted {
  const problems: FitProblem[] = [];
  const changes: string[] = [];
  const country = countryAlpha2(shipTo.country ?? "") ?? clean(shipTo.country);
  const codes = country.length === 2 ? country : "CA";

  const person = clean(shipTo.name);
  const firm = clean(shipTo.company);
  const name = person !== "" ? fitName(person, changes) : fitCompany(firm, changes);
  const company = person !== "" && firm !== "" ? fitCompany(firm, changes) : "";

  const lines = fitLines(clean(shipTo.street1), clean(shipTo.street2), changes, problems);

  const city = clean(shipTo.city);
  if (city.length > LABEL_LIMITS.city) {
    problems.push({ field: "city", code: "city_too_long", detail: `The city "${city}" is longer than the ${LABEL_LIMITS.city} characters Canada Post prints` });
  }
  const province = clean(shipTo.province);
  const postal = clean(shipTo.postalCode);
  const phone = present(shipTo.phone) ? (phoneDigits(shipTo.phone) ?? clean(shipTo.phone)) : "";
  return {
    address: {
      name,
      company,
      additionalInfo: lines.additionalInfo,
      line1: lines.line1,
      line2: lines.line2,
      city,
      province: provinceCode(province, codes) ?? province,
      postalCode: normalizePostalCode(postal, codes) ?? postal,
      country,
      phone,
      email: clean(shipTo.email),
      changes,
    },
    problems,
  };
}

function fitLines(street1: string, street2: string, changes: string[], problems: FitProblem[]) {
  const none = { line1: "", line2: "", additionalInfo: "" };
  const parts = parseAddressLines(street1, street2);
  if (parts.street === undefined) {
    const what = [...parts.units, ...parts.others, ...parts.remarks];
    problems.push({
      field: "street1",
      code: "missing_street",
      detail: what.length > 0 ? `The address has no street, only "${joined(what)}", so no one could deliver it` : "The address has no street",
    });
    return none;
  }
  const max = LABEL_LIMITS.addressLine;
  const [given1, given2] = street1 === "" ? [street2, ""] : [street1, street2];
  if (fits(given1, max) && fits(given2, max)) return { line1: given1, line2: given2, additionalInfo: "" };

  // Abbreviated only where it makes room: a street that fits its own line stays as typed.
  const line1 = fits(parts.street, max) ? parts.street : abbreviateStreet(parts.street);
  if (line1 !== parts.street) changes.push(`Shortened with Canada Post's abbreviations: "${parts.street}" is printed "${line1}".`);
  if (!fits(line1, max)) {
    problems.push({
      field: "street1",
      code: "street_too_long",
      detail: `The civic number and street "${line1}" are ${line1.length} characters even with Canada Post's abbreviations, more than the ${max} a label line holds`,
    });
    return none;
  }
  const others = [...parts.others];
  const remarks = [...parts.remarks];
  const roomy = fits(joined([...parts.units, ...others, ...remarks]), max);
  const units = roomy ? [...parts.units] : parts.units.map(abbreviateUnit);
  const moved: string[] = [];
  const left: string[] = [];
  // Remarks go first, then other words; each goes whole, to the additional line if it has room.
  while (!fits(joined([...units, ...others, ...remarks]), max) && remarks.length + others.length > 0) {
    const item = (remarks.length > 0 ? remarks : others).pop()!;
    if (fits(joined([item, ...moved]), LABEL_LIMITS.additionalInfo)) moved.unshift(item);
    else left.unshift(item);
  }
  let line2 = joined([...units, ...others, ...remarks]);
  let first = line1;
  if (!fits(line2, max)) {
    // Only units are left and they still overflow: the last ones go after the street, as
    // Canada Post also accepts ("55 Queen St W Unit 1204"), if they fit there.
    const kept = [...units];
    const after: string[] = [];
    while (kept.length > 1 && !fits(joined(kept), max)) after.unshift(kept.pop()!);
    const withUnits = [line1, ...after].join(" ");
    if (!fits(joined(kept), max) || !fits(withUnits, max)) {
      problems.push({ field: "street2", code: "unit_too_long", detail: `The unit "${joined(units)}" does not fit the label's second line of ${max} characters` });
      return none;
    }
    first = withUnits;
    line2 = joined(kept);
  }
  for (const item of moved) changes.push(`"${item}" is printed on the additional address line, to make room.`);
  for (const item of left) changes.push(`"${item}" is left off the label: there is no room for it.`);
  if (moved.length + left.length === 0 && (first !== given1 || line2 !== given2)) changes.push("The street lines are laid out to fit: the street on line 1, the unit on line 2.");
  return { line1: first, line2, additionalInfo: joined(moved) };
}

/** Abbreviates a word from a table, keeping the case it was typed in. */
function lookup(table: Readonly<Record<string, string>>, word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  const found = table[word.toLowerCase()];
  return found === undefined ? undefined : sameCase(word, found);
}

/**
 * Canada Post's abbreviations for the street type and the direction (never the street's name):
 * an English type is the last word before the direction, a French one the first after the
 * civic number; a name must stand between them and the number ("100 Avenue Rd" stays).
 */
export function abbreviateStreet(street: string): string {
  const words = street.split(" ");
  if (!/^#?[A-Za-z]?\d/.test(words[0] ?? "")) {
    let text = street;
    for (const [pattern, abbreviation] of INSTALLATIONS) text = text.replace(pattern, abbreviation);
    return text;
  }
  const nameStart = words[1] !== undefined && /^\d\/\d$/.test(words[1]) ? 2 : 1;
  const end = words.length - 1;
  const isDirection = (w: string | undefined) => w !== undefined && (SHORT_DIRECTIONS.has(w.toUpperCase()) || lookup(ANY_DIRECTION, w) !== undefined);
  const directionAt = end > nameStart && isDirection(words[end]) ? end : -1;
  const typeAt = directionAt >= 0 ? end - 1 : end;
  const english = typeAt > nameStart && lookup(STREET_TYPES_EN, words[typeAt]) !== undefined;
  const lastName = directionAt >= 0 ? end - 1 : end;
  const french = !english && nameStart < lastName && lookup(STREET_TYPES_FR, words[nameStart]) !== undefined;
  if (english) words[typeAt] = lookup(STREET_TYPES_EN, words[typeAt])!;
  if (french) words[nameStart] = lookup(STREET_TYPES_FR, words[nameStart])!;
  if (directionAt >= 0) {
    const table = english ? DIRECTIONS_EN : french ? DIRECTIONS_FR : ANY_DIRECTION;
    words[directionAt] = lookup(table, words[directionAt]) ?? words[directionAt]!;
  }
  return words.join(" ");
}

const ANY_DIRECTION: Readonly<Record<string, string>> = { ...DIRECTIONS_EN, ...DIRECTIONS_FR };
const SHORT_DIRECTIONS = new Set(["N", "S", "E", "W", "NE", "NW", "SE", "SW", "O", "NO", "SO"]);

export function abbreviateUnit(unit: string): string {
  const m = /^(\S+)(\s.*)?$/.exec(unit);
  if (!m) return unit;
  const short = lookup(UNIT_DESIGNATORS, m[1]);
  return short === undefined ? unit : `${short}${m[2] ?? ""}`.replace(/^(\S+)\s*#?\s*/, "$1 ").trim();
}

const SUFFIXES = /^(jr\.?|sr\.?|ii|iii|iv|v)$/i;
/** Particles of a surname stay as they are: "Marie-Ève B. de la Fontaine". */
const PARTICLES = /^(de|du|des|la|le|d'|van|von|der|den|da|di|del|della|bin|ibn|al|el|st\.?|ste\.?|mc|mac)$/i;

/** A long name keeps the first name and the surname; the middle names become initials first. */
function fitName(name: string, changes: string[]): string {
  if (fits(name, LABEL_LIMITS.name)) return name;
  const words = name.split(" ");
  const tail = words.length > 2 && SUFFIXES.test(words.at(-1)!) ? 2 : 1;
  let short = name;
  if (words.length > tail + 1) {
    const middle = words.slice(1, words.length - tail).map((w) => (PARTICLES.test(w) || /^\p{L}\.$/u.test(w) ? w : `${w.charAt(0).toUpperCase()}.`));
    short = [words[0]!, ...middle, ...words.slice(words.length - tail)].join(" ");
  }
  short = fitLength(short, LABEL_LIMITS.name);
  changes.push(`The name is printed "${short}" (Canada Post prints ${LABEL_LIMITS.name} characters).`);
  return short;
}

/** A long company name: its legal form abbreviated, then cut after a whole word. */
function fitCompany(company: string, changes: string[]): string {
  if (fits(company, LABEL_LIMITS.company)) return company;
  const abbreviated = company
    .split(" ")
    .map((w) => {
      const bare = w.replace(/[,.]$/, "");
      const short = COMPANY_WORDS[bare.toLowerCase()];
      return short === undefined ? w : short;
    })
    .join(" ");
  const short = fitLength(abbreviated, LABEL_LIMITS.company);
  changes.push(`The company is printed "${short}" (Canada Post prints ${LABEL_LIMITS.company} characters).`);
  return short;
}

/** The label's lines as the clerk reads them on the screen: name to postal code. */
export function labelLines(a: LabelAddress): string[] {
  const postal = /^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(a.postalCode) ? `${a.postalCode.slice(0, 3)} ${a.postalCode.slice(3)}` : a.postalCode;
  return [a.name, a.company, a.additionalInfo, a.line1, a.line2, `${a.city} ${a.province}  ${postal}`.trim()].filter((l) => l !== "");
}
