import { describe, expect, test } from "bun:test";
import { checkShipTo, provinceCode, provincesOfPostalCode, type ShipTo } from "../../src/address/index.ts";

/** Every form customers type, as Best Buy hands it over, and the code Canada Post prints. */
const SPELLINGS: [typed: string, code: string][] = [
  // Codes, any case, with dots, blanks and hyphens.
  ["ON", "ON"], ["on", "ON"], ["On", "ON"], [" qc ", "QC"], ["Qc", "QC"], ["QC.", "QC"],
  ["B.C.", "BC"], ["b.c.", "BC"], ["b c", "BC"], ["B C", "BC"], ["BC ", "BC"], ["B. C.", "BC"],
  ["A.B.", "AB"], ["M.B.", "MB"], ["N.B.", "NB"], ["N.-B.", "NB"], ["n-b", "NB"],
  ["N.L.", "NL"], ["T.-N.-L.", "NL"], ["T.N.L.", "NL"], ["N.S.", "NS"], ["N.-É.", "NS"], ["N.E.", "NS"],
  ["P.E.", "PE"], ["P.E.I.", "PE"], ["PEI", "PE"], ["Î.-P.-É.", "PE"], ["I.P.E.", "PE"], ["Î.P.É.", "PE"],
  ["S.K.", "SK"], ["Y.T.", "YT"], ["N.T.", "NT"], ["N.W.T.", "NT"], ["T.N.-O.", "NT"], ["NU", "NU"], ["nu", "NU"],
  ["C.-B.", "BC"],
  // Old and short forms.
  ["P.Q.", "QC"], ["PQ", "QC"], ["Que.", "QC"], ["Qué.", "QC"], ["que", "QC"],
  ["Nfld", "NL"], ["Nfld.", "NL"], ["NF", "NL"], ["Nfld. & Lab.", "NL"],
  ["Sask.", "SK"], ["Sask", "SK"], ["Alta", "AB"], ["Alta.", "AB"], ["Alb.", "AB"],
  ["Man.", "MB"], ["Man", "MB"], ["Ont.", "ON"], ["Ont", "ON"], ["Yuk.", "YT"], ["Yuk", "YT"], ["YK", "YT"],
  ["NWT", "NT"], ["Nvt.", "NU"],
  // English names, any case and spacing.
  ["Ontario", "ON"], ["ONTARIO", "ON"], ["ontario  ", "ON"], ["British Columbia", "BC"], ["british  columbia", "BC"],
  ["Alberta", "AB"], ["Manitoba", "MB"], ["Saskatchewan", "SK"], ["New Brunswick", "NB"], ["New-Brunswick", "NB"],
  ["Nova Scotia", "NS"], ["Prince Edward Island", "PE"], ["Newfoundland and Labrador", "NL"], ["Newfoundland & Labrador", "NL"],
  ["Newfoundland", "NL"], ["Labrador", "NL"], ["Northwest Territories", "NT"], ["North West Territories", "NT"],
  ["Northwest Territory", "NT"], ["Nunavut", "NU"], ["Yukon", "YT"], ["Yukon Territory", "YT"], ["Quebec", "QC"],
  // French names, with or without accents and hyphens.
  ["Québec", "QC"], ["QUÉBEC", "QC"], ["Colombie-Britannique", "BC"], ["colombie britannique", "BC"],
  ["Nouveau-Brunswick", "NB"], ["nouveau brunswick", "NB"], ["Nouvelle-Écosse", "NS"], ["Nouvelle-Ecosse", "NS"],
  ["nouvelle écosse", "NS"], ["Île-du-Prince-Édouard", "PE"], ["Ile du Prince Edouard", "PE"], ["ÎLE-DU-PRINCE-ÉDOUARD", "PE"],
  ["Terre-Neuve-et-Labrador", "NL"], ["Terre-Neuve", "NL"], ["terre neuve et labrador", "NL"],
  ["Territoires du Nord-Ouest", "NT"], ["territoires du nord ouest", "NT"], ["Territoire du Yukon", "YT"],
  // "Province of" / "Province de", and a trailing country.
  ["Province of Ontario", "ON"], ["province of british columbia", "BC"], ["Province de Québec", "QC"],
  ["Province du Nouveau-Brunswick", "NB"], ["The Province of Alberta", "AB"], ["Prov. of Manitoba", "MB"],
  ["Ontario, Canada", "ON"], ["Québec Canada", "QC"],
];

const NOT_PROVINCES = ["Narnia", "Ontarioo", "XX", "Canada", "B.C.C.", "New York", "Toronto", "", "  ", "Q"];

describe("province and territory spellings", () => {
  test(`${SPELLINGS.length} spellings: each gives the code Canada Post prints`, () => {
    expect(SPELLINGS.length).toBeGreaterThanOrEqual(80);
    const got = SPELLINGS.map(([typed]) => [typed, provinceCode(typed)]);
    expect(got).toEqual(SPELLINGS);
  });

  test("what is no province stays unknown, so the clerk is asked rather than a guess printed", () => {
    for (const typed of NOT_PROVINCES) expect({ typed, code: provinceCode(typed) }).toEqual({ typed, code: undefined });
  });

  test("US states: codes with or without dots", () => {
    expect(provinceCode("N.Y.", "US")).toBe("NY");
    expect(provinceCode("wa", "US")).toBe("WA");
    expect(provinceCode("Ontario", "US")).toBeUndefined();
  });
});

describe("the postal code's first letter names the province (forward sortation)", () => {
  const FIRST_LETTER: [postal: string, provinces: string[]][] = [
    ["A1C5M2", ["NL"]], ["B3J1A1", ["NS"]], ["C1A4P3", ["PE"]], ["E1C4M3", ["NB"]], ["G1R2B3", ["QC"]], ["H2X1Y4", ["QC"]],
    ["J8X3X7", ["QC"]], ["K1A0B1", ["ON"]], ["L5B2C9", ["ON"]], ["M5V3L9", ["ON"]], ["N2L3G1", ["ON"]], ["P3E2C6", ["ON"]],
    ["R3C1A3", ["MB"]], ["S7K1J5", ["SK"]], ["T2P1J9", ["AB"]], ["V6B1A1", ["BC"]], ["X1A2L9", ["NT", "NU"]], ["Y1A1B2", ["YT"]],
  ];
  test("every first letter Canada Post uses", () => {
    for (const [postal, provinces] of FIRST_LETTER) expect({ postal, got: provincesOfPostalCode(postal) }).toEqual({ postal, got: provinces });
  });

  const order: ShipTo = {
    name: "Pat Receiver", company: null, street1: "25 Test Avenue", street2: null, city: "Ottawa", province: "ON",
    postalCode: "K2B 8J6", country: "CAN", phone: null, email: null,
  };

  test("a province that disagrees with the postal code is a problem naming both, with the fix in shipdesk", () => {
    const problems = checkShipTo({ ...order, province: "B.C." }, "ORD-7-A");
    expect(problems.map((p) => p.code)).toEqual(["province_postal_mismatch"]);
    const message = problems[0]!.message;
    expect(message).toContain('"B.C."');
    expect(message).toContain('"K2B 8J6"');
    expect(message).toContain("Ontario");
    expect(message).toContain("shipdesk address ORD-7-A --province");
    expect(message).toContain("--postal-code");
    expect(message).not.toMatch(/Best Buy/);
  });

  test("X is both the Northwest Territories and Nunavut; spelled-out names agree with their codes", () => {
    expect(checkShipTo({ ...order, province: "Nunavut", city: "Iqaluit", postalCode: "X0A 0H0" })).toEqual([]);
    expect(checkShipTo({ ...order, province: "T.N.-O.", city: "Yellowknife", postalCode: "X1A 2L9" })).toEqual([]);
    expect(checkShipTo({ ...order, province: "Île-du-Prince-Édouard", city: "Charlottetown", postalCode: "C1A 4P3" })).toEqual([]);
    expect(checkShipTo({ ...order, province: "Yukon", city: "Whitehorse", postalCode: "K1A 0B1" }).map((p) => p.code)).toEqual(["province_postal_mismatch"]);
  });
});
