/** Province and territory codes, with the English and French names Best Buy customers type. */
const PROVINCES: Record<string, readonly string[]> = {
  AB: ["alberta"],
  BC: ["british columbia", "colombie-britannique", "colombie britannique"],
  MB: ["manitoba"],
  NB: ["new brunswick", "new-brunswick", "nouveau-brunswick", "nouveau brunswick"],
  NL: ["newfoundland and labrador", "newfoundland", "terre-neuve-et-labrador", "terre-neuve et labrador", "terre-neuve", "labrador"],
  NS: ["nova scotia", "nouvelle-écosse", "nouvelle-ecosse", "nouvelle écosse", "nouvelle ecosse"],
  NT: ["northwest territories", "territoires du nord-ouest", "territoires du nord ouest"],
  NU: ["nunavut"],
  ON: ["ontario"],
  PE: ["prince edward island", "pei", "île-du-prince-édouard", "ile-du-prince-edouard", "île du prince édouard", "ile du prince edouard"],
  QC: ["quebec", "québec", "pq", "que"],
  SK: ["saskatchewan"],
  YT: ["yukon", "yukon territory", "territoire du yukon"],
};

const US_STATES = new Set(
  "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP".split(" "),
);

const byName = new Map<string, string>();
for (const [code, names] of Object.entries(PROVINCES)) for (const name of names) byName.set(name, code);

/** The two-letter code from a code or a full name in English or French; undefined if unknown. */
export function provinceCode(raw: string | null | undefined, country = "CA"): string | undefined {
  if (raw == null) return undefined;
  const cleaned = raw.trim().replace(/\.$/, "").replace(/\s+/g, " ");
  if (cleaned === "") return undefined;
  const upper = cleaned.toUpperCase();
  if (country === "US") return US_STATES.has(upper) ? upper : undefined;
  if (country !== "CA") return cleaned.slice(0, 20);
  if (upper in PROVINCES) return upper;
  return byName.get(cleaned.toLowerCase());
}
