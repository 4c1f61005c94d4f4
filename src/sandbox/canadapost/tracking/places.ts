/*
 * Where a sandbox parcel is scanned and in which clock: each province's time zone (the one most
 * of it keeps) and the plant its parcels pass through. The sandbox's own, like its calendar.
 */

const ZONE: Record<string, string> = {
  BC: "America/Vancouver",
  AB: "America/Edmonton",
  SK: "America/Regina",
  MB: "America/Winnipeg",
  ON: "America/Toronto",
  QC: "America/Toronto",
  NB: "America/Halifax",
  NS: "America/Halifax",
  PE: "America/Halifax",
  NL: "America/St_Johns",
  YT: "America/Whitehorse",
  NT: "America/Edmonton",
  NU: "America/Iqaluit",
};

const PLANT: Record<string, string> = {
  BC: "RICHMOND",
  AB: "CALGARY",
  SK: "SASKATOON",
  MB: "WINNIPEG",
  ON: "MISSISSAUGA",
  QC: "MONTREAL",
  NB: "MONCTON",
  NS: "HALIFAX",
  PE: "CHARLOTTETOWN",
  NL: "ST. JOHN'S",
  YT: "WHITEHORSE",
  NT: "YELLOWKNIFE",
  NU: "IQALUIT",
};

/** The province a postal code's first letter belongs to (the sandbox's guess when none is given). */
const BY_LETTER: Record<string, string> = {
  A: "NL", B: "NS", C: "PE", E: "NB", G: "QC", H: "QC", J: "QC", K: "ON", L: "ON", M: "ON", N: "ON", P: "ON",
  R: "MB", S: "SK", T: "AB", V: "BC", X: "NT", Y: "YT",
};

export const provinceOfPostal = (postal: string): string => BY_LETTER[postal.trim().toUpperCase()[0] ?? "K"] ?? "ON";
export const zoneOf = (province: string): string => ZONE[province.toUpperCase()] ?? "America/Toronto";
export const plantOf = (province: string): string => PLANT[province.toUpperCase()] ?? "MISSISSAUGA";

/** The wall clock in `zone` at `at`: date, time and the zone's short name (EST, EDT, PST…). */
export function wallClock(at: Date, zone: string): { date: string; time: string; zoneName: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}:${get("second")}`, zoneName: shortName(get("timeZoneName"), zone) };
}

/** ICU names some Canadian zones by offset (GMT-3:30, GMT-7): Canada Post writes NST, MST… */
function shortName(name: string, zone: string): string {
  if (/^[A-Z]{3,4}$/.test(name)) return name;
  const byOffset: Record<string, string> = { "GMT-2:30": "NDT", "GMT-3:30": "NST", "GMT-3": "ADT", "GMT-4": "AST", "GMT-6": zone === "America/Regina" ? "CST" : "MDT", "GMT-7": "MST" };
  return byOffset[name] ?? name;
}

/** The moment the wall clock in `zone` reads `day` at `minutes` past midnight. */
export function atWallClock(day: string, minutes: number, zone: string): Date {
  const wanted = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  // The zone's offset at a guess, then at the answer (right across a DST change but for its own hour).
  let at = wanted;
  for (let i = 0; i < 2; i++) at = wanted - offsetMs(new Date(at), zone);
  return new Date(at);
}

function offsetMs(at: Date, zone: string): number {
  const w = wallClock(at, zone);
  return Date.parse(`${w.date}T${w.time}Z`) - Math.floor(at.getTime() / 1000) * 1000;
}
