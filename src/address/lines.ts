/**
 * What a customer's two street lines hold, the way a clerk reads them: the delivery line
 * (civic number and street, or a PO box or rural route), the unit (apartment, suite, floor…),
 * remarks meant for the driver ("Attention: …", text in parentheses, "entrée par …"), and
 * anything else (a building's name, "c/o …").
 */
export interface AddressParts {
  /** The civic number and street (or postal installation); undefined when there is none. */
  street: string | undefined;
  units: string[];
  others: string[];
  remarks: string[];
}

const UNIT_WORD =
  "(?:unit|apt\\.?|apartment|appt?\\.?|appartement|suite|ste|bureau|local|room|rm|pi[eè]ce|salle|penthouse|ph|townhouse|th|floor|fl|[ée]tage)";
const UNIT_ID = "(?:#?\\s*[A-Za-z]{0,2}\\d[\\w-]*|[A-Za-z]{1,2})";
const UNIT = `(?:${UNIT_WORD}\\s*#?\\s*${UNIT_ID}|#\\s*[A-Za-z]{0,2}\\d[\\w-]*|\\d+(?:st|nd|rd|th|e|er|re|ème|eme)?\\s+(?:floor|fl|[ée]tage))`;
const UNIT_ONLY = new RegExp(`^${UNIT}$`, "iu");
const TRAILING_UNIT = new RegExp(`^(.*\\S)\\s+(${UNIT})$`, "iu");
const LEADING_UNIT = new RegExp(`^(${UNIT})\\s+(\\d.*)$`, "iu");

/** A civic number (123, 123A, 123 1/2, the unit-civic form 12-123) followed by the street. */
const CIVIC = /^#?\s*(?:[A-Za-z]?\d+[A-Za-z]?-)?\d+[A-Za-z]?(?:\s+\d\/\d)?,?\s+\S/u;
/** Delivery lines without a civic number, which Canada Post delivers to. */
const INSTALLATION =
  /^(?:p\.?\s?o\.?\s*box|post office box|box|c\.?\s?p\.?|case postale|r\.?\s?r\.?|rural route|route rurale|general delivery|poste restante|g\.?\s?d\.?|site|comp|s\.?\s?s\.?|suburban service|m\.?\s?r\.?|mobile route)(?=[\s\d#]|$)/iu;

/** Where a remark starts; it runs to the end of its part of the line and goes whole. */
const REMARK = new RegExp(
  [
    "\\battn\\b\\.?",
    "\\battention\\b",
    "[àa] l['’]attention\\b",
    "\\ba/s\\b",
    "\\b(?:rear|back|side|front|main|garage|basement|lower|upper|alley|lane)\\s+(?:entrance|door|entry|gate)\\b",
    "\\b(?:entrance|entry)\\s+(?:at|on|via|from|through|in|off|by)\\b",
    "\\bentr[ée]e\\s+(?:par|arri[èe]re|de\\s+c[ôo]t[ée]|c[ôo]t[ée]|lat[ée]rale|sur|principale|priv[ée]e|du|de\\s+la|au|[àa]|rue|ruelle|derri[èe]re|avant|est|ouest|nord|sud)(?=[\\s,.;:!]|$)",
    "\\bporte\\s+(?:arri[èe]re|de\\s+c[ôo]t[ée]|lat[ée]rale|d['’]en\\s+arri[èe]re|avant|du\\s+garage|de\\s+garage)",
    "\\b(?:buzz(?:er)?|interphone|intercom)\\b",
    "\\b(?:door|gate|access|entry|lobby|buzzer)\\s+code\\b",
    "\\bcode\\s+(?:de\\s+)?(?:porte|d['’]acc[èe]s|d['’]entr[ée]e|portail|interphone)",
    "\\b(?:leave|drop)\\s+(?:at|with|in|on|behind|by|inside|outside|parcel|package|it)\\b",
    "\\bdeliver(?:y)?\\s+(?:to|at|instructions?|via|around|between|after|before|in)\\b",
    "\\blivr(?:er|ez|aison)\\b",
    "\\b(?:laisser|laissez|d[ée]poser|d[ée]posez)\\b",
    "\\b(?:please|pls|svp|s\\.v\\.p\\.?|merci)(?=\\s|$|[,.!])",
    "\\b(?:call|text|phone)\\s+(?:on|before|when|upon|at|me|ahead|first)\\b",
    "\\b(?:appel(?:er|ez)|t[ée]l[ée]phon(?:er|ez)|sonner|sonnez|frapper|frappez|knock)\\b",
    "\\bring\\s+(?:the\\s+)?(?:bell|doorbell|buzzer)\\b",
    "\\b(?:behind|beside|next\\s+to|around)\\s+(?:the\\s+)?(?:house|building|garage|back|store|shop|fence)\\b",
    "\\bderri[èe]re\\s",
    "\\b(?:note|notes|instructions?|remarque)\\s*:",
    "\\b(?:do\\s+not|don['’]t|ne\\s+pas)\\b",
    "\\b(?:if|si)\\s+(?:no\\s+one|nobody|absent|personne)\\b",
  ].join("|"),
  "iu",
);

const isUnit = (text: string) => UNIT_ONLY.test(text);
const isStreet = (text: string) => CIVIC.test(text) || INSTALLATION.test(text);

/** Splits a remark tail off a part of a line: "123 Main St rear entrance" → both halves. */
function splitRemark(text: string): { rest: string; remark: string | undefined } {
  const m = REMARK.exec(text);
  if (!m) return { rest: text, remark: undefined };
  return { rest: text.slice(0, m.index).replace(/[\s:,-]+$/, ""), remark: text.slice(m.index).trim() };
}

/**
 * One line as its parts: text in parentheses or brackets is a remark whole; the rest is split
 * at commas, semicolons and spaced dashes, except that a lone civic number stays with its
 * street ("4500, boulevard Saint-Laurent", the French way).
 */
function partsOfLine(line: string): { parts: string[]; remarks: string[] } {
  const remarks: string[] = [];
  const text = line
    .replace(/\(([^)]*)\)?|\[([^\]]*)\]?/g, (whole) => {
      const inner = whole.replace(/^[([]\s*|\s*[)\]]$/g, "");
      if (inner !== "") remarks.push(inner);
      return " , ";
    })
    .replace(/\s+/g, " ");
  const pieces = text.split(/(\s*[,;]\s*|\s+[-–—]\s+)/);
  const parts: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i]!.trim();
    if (piece === "") continue;
    const previous = parts.at(-1);
    if (previous !== undefined && /^#?\d+[A-Za-z]?$/.test(previous)) {
      const separator = (pieces[i - 1] ?? "").trim() === "," ? ", " : "-";
      parts[parts.length - 1] = `${previous}${separator}${piece}`;
    } else parts.push(piece);
  }
  return { parts, remarks };
}

/** The two street lines, read as a clerk would. */
export function parseAddressLines(line1: string, line2: string): AddressParts {
  const result: AddressParts = { street: undefined, units: [], others: [], remarks: [] };
  const candidates: string[] = [];
  for (const line of [line1, line2]) {
    const { parts, remarks } = partsOfLine(line);
    result.remarks.push(...remarks);
    // Once a remark starts, what follows it on the line belongs to it ("door code 4521, then
    // take the freight elevator"), unless it is a unit or a street of its own.
    let open = false;
    for (const part of parts) {
      if (open && !isUnit(part) && !isStreet(part)) {
        result.remarks[result.remarks.length - 1] += `, ${part}`;
        continue;
      }
      const { rest, remark } = splitRemark(part);
      open = remark !== undefined;
      if (remark) result.remarks.push(remark);
      if (rest === "") continue;
      if (isUnit(rest)) {
        result.units.push(rest);
        continue;
      }
      const leading = LEADING_UNIT.exec(rest);
      if (leading && isStreet(leading[2]!)) {
        result.units.push(leading[1]!);
        candidates.push(leading[2]!);
        continue;
      }
      const trailing = TRAILING_UNIT.exec(rest);
      if (trailing && isStreet(trailing[1]!)) {
        candidates.push(trailing[1]!);
        result.units.push(trailing[2]!);
        continue;
      }
      candidates.push(rest);
    }
  }
  // The first civic or postal-installation line is the street; failing that, the first line
  // with words (a rural road without a number), so a plain name is never called "no street".
  const streetIndex = candidates.findIndex(isStreet);
  const chosen = streetIndex >= 0 ? streetIndex : candidates.findIndex((c) => /\p{L}{2}/u.test(c));
  candidates.forEach((c, i) => {
    if (i === chosen) result.street = c;
    else result.others.push(c);
  });
  return result;
}
