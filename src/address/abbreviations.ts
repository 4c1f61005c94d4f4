/**
 * Canada Post's addressing abbreviations (its "street types", "street directions" and "unit
 * designators" tables), used only when a line is too long for the label: an address that fits
 * is printed as the customer wrote it.
 */

/** English street types follow the name: "Queen Street West" → "Queen St W". */
export const STREET_TYPES_EN: Readonly<Record<string, string>> = {
  avenue: "Ave",
  boulevard: "Blvd",
  centre: "Ctr",
  circle: "Cir",
  circuit: "Circt",
  concession: "Conc",
  corners: "Crnrs",
  court: "Crt",
  crescent: "Cres",
  crossing: "Cross",
  "cul-de-sac": "Cds",
  diversion: "Divers",
  drive: "Dr",
  esplanade: "Espl",
  estates: "Estate",
  expressway: "Expy",
  extension: "Exten",
  freeway: "Fwy",
  gardens: "Gdns",
  grounds: "Grnds",
  harbour: "Harbr",
  heights: "Hts",
  highlands: "Hghlds",
  highway: "Hwy",
  landing: "Landng",
  limits: "Lmts",
  lookout: "Lkout",
  mountain: "Mtn",
  orchard: "Orch",
  park: "Pk",
  parkway: "Pky",
  passage: "Pass",
  pathway: "Ptway",
  place: "Pl",
  plateau: "Plat",
  point: "Pt",
  private: "Pvt",
  promenade: "Prom",
  range: "Rg",
  road: "Rd",
  route: "Rte",
  square: "Sq",
  street: "St",
  subdivision: "Subdiv",
  terrace: "Terr",
  thicket: "Thick",
  townline: "Tline",
  turnabout: "Trnabt",
  village: "Villge",
};

/** French street types come first: "boulevard René-Lévesque Est" → "boul René-Lévesque E". */
export const STREET_TYPES_FR: Readonly<Record<string, string>> = {
  autoroute: "aut",
  avenue: "av",
  boulevard: "boul",
  carrefour: "carref",
  chemin: "ch",
  croissant: "crois",
  "cul-de-sac": "cds",
  impasse: "imp",
  passage: "pass",
  plateau: "plat",
  pointe: "pte",
  promenade: "prom",
  route: "rte",
  sentier: "sent",
  terrasse: "tsse",
};

/** The last word of a civic line. */
export const DIRECTIONS_EN: Readonly<Record<string, string>> = {
  north: "N",
  south: "S",
  east: "E",
  west: "W",
  northeast: "NE",
  "north-east": "NE",
  northwest: "NW",
  "north-west": "NW",
  southeast: "SE",
  "south-east": "SE",
  southwest: "SW",
  "south-west": "SW",
};

export const DIRECTIONS_FR: Readonly<Record<string, string>> = {
  nord: "N",
  sud: "S",
  est: "E",
  ouest: "O",
  "nord-est": "NE",
  "nord-ouest": "NO",
  "sud-est": "SE",
  "sud-ouest": "SO",
};

export const UNIT_DESIGNATORS: Readonly<Record<string, string>> = {
  apartment: "Apt",
  "apt.": "Apt",
  appartement: "app",
  "app.": "app",
  "appt.": "app",
  appt: "app",
  penthouse: "PH",
  townhouse: "TH",
};

/** Postal installations (PO boxes, rural routes, stations), anywhere on the delivery line. */
export const INSTALLATIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bp\.\s?o\.?\s*box\b|\bpost office box\b/i, "PO Box"],
  [/\bcase postale\b|\bc\.\s?p\.(?=\s|$)/i, "CP"],
  [/\brural route\b|\broute rurale\b|\br\.\s?r\.(?=\s|$)/i, "RR"],
  [/\bstation\b/i, "Stn"],
  [/\bsuccursale\b/i, "succ"],
];

/** Words of a company's legal form, shortened before a company name is cut. */
export const COMPANY_WORDS: Readonly<Record<string, string>> = {
  incorporated: "Inc.",
  incorporée: "inc.",
  limited: "Ltd.",
  limitée: "ltée",
  corporation: "Corp.",
  company: "Co.",
  compagnie: "cie",
  association: "Assoc.",
  international: "Intl.",
  associates: "Assoc.",
  brothers: "Bros.",
  department: "Dept.",
  manufacturing: "Mfg.",
};

/** The abbreviation in the case the customer typed: "STREET" → "ST", "Street" → "St", "boulevard" → "boul". */
export function sameCase(original: string, abbreviation: string): string {
  const letters = original.replace(/[^\p{L}]/gu, "");
  if (letters.length > 1 && letters === letters.toUpperCase()) return abbreviation.toUpperCase();
  const first = letters.charAt(0);
  if (first !== "" && first === first.toUpperCase()) return abbreviation.charAt(0).toUpperCase() + abbreviation.slice(1);
  return abbreviation.charAt(0).toLowerCase() + abbreviation.slice(1);
}
