/** The province and territory codes Canada Post prints, with their English names for sentences. */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  AB: "Alberta",
  BC: "British Columbia",
  MB: "Manitoba",
  NB: "New Brunswick",
  NL: "Newfoundland and Labrador",
  NS: "Nova Scotia",
  NT: "the Northwest Territories",
  NU: "Nunavut",
  ON: "Ontario",
  PE: "Prince Edward Island",
  QC: "Quebec",
  SK: "Saskatchewan",
  YT: "Yukon",
};

/**
 * Every other way customers write them, compared once accents, dots, hyphens, case and extra
 * blanks are gone: "Î.-P.-É." is "ipe", "Terre-Neuve-et-Labrador" is "terre neuve et labrador".
 * Dotted initials (B.C., N.-B., T.-N.-L.) are compared with their blanks removed too ("tnl").
 */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  AB: ["alberta", "alta", "alb"],
  BC: ["british columbia", "brit columbia", "colombie britannique", "cb"],
  MB: ["manitoba", "man", "manit"],
  NB: ["new brunswick", "nouveau brunswick", "n brunswick"],
  NL: [
    "newfoundland and labrador", "newfoundland labrador", "newfoundland", "labrador", "nfld", "nfld and labrador",
    "nf", "nfl", "nfld and lab", "nfld lab", "terre neuve et labrador", "terre neuve", "tnl", "tn",
  ],
  NS: ["nova scotia", "nouvelle ecosse", "ne"],
  NT: [
    "northwest territories", "northwest territory", "north west territories", "northwest terr", "nwt", "tno",
    "territoires du nord ouest", "territoire du nord ouest",
  ],
  NU: ["nunavut", "nvt", "nun"],
  ON: ["ontario", "ont"],
  PE: ["prince edward island", "prince edward is", "pei", "ipe", "ile du prince edouard", "p e island"],
  QC: ["quebec", "que", "pq", "p q", "province de quebec"],
  SK: ["saskatchewan", "sask"],
  YT: ["yukon", "yukon territory", "yukon territories", "territoire du yukon", "yuk", "yk"],
};

const US_STATES = new Set(
  "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP".split(" "),
);

/** Accents off, "&" as "and", every run of dots, hyphens, commas and blanks one space, lower case. */
function simplify(raw: string): string {
  return raw
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[.\-–—_,/'’]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words around the province that say nothing about which one it is. */
function withoutFrame(text: string): string {
  return text
    .replace(/^(the |la )?(province|prov|territory|terr|territoire) (of |de |du |d )?(the )?/, "")
    .replace(/ canada$/, "")
    .trim();
}

const byKey = new Map<string, string>();
for (const code of Object.keys(PROVINCE_NAMES)) byKey.set(code.toLowerCase(), code);
for (const [code, names] of Object.entries(SPELLINGS)) {
  for (const name of names) {
    byKey.set(name, code);
    byKey.set(name.replace(/ /g, ""), code);
  }
}

/**
 * The two-letter code from what the customer typed: a code with or without dots and blanks,
 * an old or short form, an English or French name with or without accents; undefined if it is
 * none of them. Outside Canada the value is only tidied (US states must be codes).
 */
export function provinceCode(raw: string | null | undefined, country = "CA"): string | undefined {
  if (raw == null) return undefined;
  const cleaned = raw.trim().replace(/\s+/g, " ");
  if (cleaned === "") return undefined;
  if (country === "US") {
    const upper = cleaned.replace(/[.\s]/g, "").toUpperCase();
    return US_STATES.has(upper) ? upper : undefined;
  }
  if (country !== "CA") return cleaned.slice(0, 20);
  const simple = withoutFrame(simplify(cleaned));
  return byKey.get(simple) ?? byKey.get(simple.replace(/ /g, ""));
}

/**
 * Canada Post's forward sortation: the first letter of a postal code names the province or
 * territory it is in (X is shared by the Northwest Territories and Nunavut).
 */
const BY_FIRST_LETTER: Readonly<Record<string, readonly string[]>> = {
  A: ["NL"], B: ["NS"], C: ["PE"], E: ["NB"], G: ["QC"], H: ["QC"], J: ["QC"],
  K: ["ON"], L: ["ON"], M: ["ON"], N: ["ON"], P: ["ON"],
  R: ["MB"], S: ["SK"], T: ["AB"], V: ["BC"], X: ["NT", "NU"], Y: ["YT"],
};

/** The provinces a (normalised) Canadian postal code can be in; empty for an impossible letter. */
export function provincesOfPostalCode(postalCode: string): readonly string[] {
  return BY_FIRST_LETTER[postalCode.charAt(0).toUpperCase()] ?? [];
}
