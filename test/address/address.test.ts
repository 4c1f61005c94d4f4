import { describe, expect, test } from "bun:test";
import { checkShipTo, countryAlpha2, fitLength, normalizePostalCode, phoneDigits, provinceCode, type ShipTo } from "../../src/address/index.ts";

const good: ShipTo = {
  name: "Jordan MacLeod",
  company: null,
  street1: "12 Spring Garden Rd",
  street2: "Apt 4",
  city: "Halifax",
  province: "NS",
  postalCode: "b3j 1a1",
  country: "CAN",
  phone: "+1 (902) 555-0199",
  email: "x@example.invalid",
};

describe("address normalisation", () => {
  test("postal codes become upper case without a space, and impossible ones are refused", () => {
    expect(normalizePostalCode("k1a 0b1")).toBe("K1A0B1");
    expect(normalizePostalCode(" H2X-1Y4 ")).toBe("H2X1Y4");
    expect(normalizePostalCode("D1A0B1")).toBeUndefined(); // D is never used
    expect(normalizePostalCode("K1A0B")).toBeUndefined();
    expect(normalizePostalCode("123456789", "US")).toBe("12345-6789");
    expect(normalizePostalCode("1234", "US")).toBeUndefined();
  });

  test("provinces from codes and from English or French names", () => {
    expect(provinceCode("on")).toBe("ON");
    expect(provinceCode("Québec")).toBe("QC");
    expect(provinceCode("Colombie-Britannique")).toBe("BC");
    expect(provinceCode("Nouvelle-Écosse")).toBe("NS");
    expect(provinceCode("Newfoundland and Labrador")).toBe("NL");
    expect(provinceCode("Narnia")).toBeUndefined();
    expect(provinceCode("ny", "US")).toBe("NY");
  });

  test("countries from Mirakl's alpha-3 codes", () => {
    expect(countryAlpha2("CAN")).toBe("CA");
    expect(countryAlpha2("usa")).toBe("US");
    expect(countryAlpha2("CA")).toBe("CA");
    expect(countryAlpha2("XYZ")).toBeUndefined();
  });

  test("phones to digits, extensions dropped, short numbers refused", () => {
    expect(phoneDigits("+1 (514) 820-5879")).toBe("5148205879");
    expect(phoneDigits("613.555.0142 ext. 22")).toBe("6135550142");
    expect(phoneDigits("555-0142")).toBeUndefined();
  });

  test("long text is cut at a word boundary, accents kept", () => {
    const long = "Appartement 1204, Résidence des Érables du Vieux-Montréal, entrée arrière";
    const fitted = fitLength(long, 44);
    expect(fitted.length).toBeLessThanOrEqual(44);
    expect(long.startsWith(fitted)).toBe(true);
    expect(fitted).toContain("Résidence");
    expect(fitLength("  a   b  ", 44)).toBe("a b");
    expect(fitLength("x".repeat(60), 44)).toHaveLength(44);
  });
});

describe("checkShipTo: every problem at once", () => {
  test("a good Canadian address has none", () => {
    expect(checkShipTo(good)).toEqual([]);
  });

  test("missing street and bad postal code are both reported, each one sentence", () => {
    const problems = checkShipTo({ ...good, street1: " ", street2: null, postalCode: "ZZZ" });
    expect(problems.map((p) => p.code).sort()).toEqual(["bad_postal_code", "missing_street"]);
    for (const p of problems) expect(p.message).toMatch(/^[A-Z].*[.]$/);
  });

  test("a US destination is refused with the reason", () => {
    const problems = checkShipTo({ ...good, country: "USA", province: "NY", postalCode: "10001" });
    expect(problems.map((p) => p.code)).toEqual(["foreign_destination"]);
  });

  test("an unknown province and a short phone are reported", () => {
    const codes = checkShipTo({ ...good, province: "Narnia", phone: "555" }).map((p) => p.code);
    expect(codes).toEqual(["bad_province", "bad_phone"]);
  });
});
