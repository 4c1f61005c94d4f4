import { describe, expect, test } from "bun:test";
import { checkShipTo, fitAddress, labelLines, parseAddressLines, type ShipTo } from "../../src/address/index.ts";
import { abbreviateStreet, abbreviateUnit } from "../../src/address/fit.ts";

const order: ShipTo = {
  name: "Jordan MacLeod", company: null, street1: "12 Spring Garden Road", street2: "Apartment 4", city: "Halifax", province: "NS",
  postalCode: "b3j 1a1", country: "CAN", phone: "+1 (902) 555-0199", email: null,
};

describe("fitting an address to the label", () => {
  test("an address that fits is printed exactly as typed: nothing abbreviated, nothing moved", () => {
    const { address, problems } = fitAddress(order);
    expect(problems).toEqual([]);
    expect([address.line1, address.line2, address.additionalInfo]).toEqual(["12 Spring Garden Road", "Apartment 4", ""]);
    expect(address.changes).toEqual([]);
    expect(labelLines(address)).toEqual(["Jordan MacLeod", "12 Spring Garden Road", "Apartment 4", "Halifax NS  B3J 1A1"]);
  });

  test("Canada Post's street types and directions, English after the name, French before it", () => {
    const cases: [string, string][] = [
      ["55 Queen Street West", "55 Queen St W"],
      ["8888 Country Hills Boulevard Northwest", "8888 Country Hills Blvd NW"],
      ["123 17 Avenue Southwest", "123 17 Ave SW"],
      ["100 Avenue Road", "100 Avenue Rd"],
      ["12 Main Street N", "12 Main St N"],
      ["400 Harbourview Crescent", "400 Harbourview Cres"],
      ["77 Lakeshore Drive East", "77 Lakeshore Dr E"],
      ["4500, boulevard Saint-Laurent", "4500, boul Saint-Laurent"],
      ["1200 boulevard René-Lévesque Ouest", "1200 boul René-Lévesque O"],
      ["2100 chemin de la Côte-des-Neiges", "2100 ch de la Côte-des-Neiges"],
      ["3575 avenue du Parc", "3575 av du Parc"],
      ["9 rue Sainte-Catherine Sud-Est", "9 rue Sainte-Catherine SE"],
      ["10 CHEMIN DU LAC NORD", "10 CH DU LAC N"],
      ["1 Place Ville-Marie", "1 Place Ville-Marie"],
      ["55 Queen", "55 Queen"],
    ];
    expect(cases.map(([typed]) => [typed, abbreviateStreet(typed)])).toEqual(cases);
    expect(["Apartment 12", "Appartement 3", "app. 5", "Suite 300", "Unit 9", "Penthouse 2"].map(abbreviateUnit)).toEqual([
      "Apt 12", "App 3", "app 5", "Suite 300", "Unit 9", "PH 2",
    ]);
  });

  test("a line too long: the street on line 1 and the unit on line 2, nothing abbreviated that fits as typed", () => {
    const { address, problems } = fitAddress({ ...order, street1: "1234 Spring Garden Road West, Apartment 1204B, Fenwick Tower", street2: null });
    expect(problems).toEqual([]);
    expect([address.line1, address.line2]).toEqual(["1234 Spring Garden Road West", "Apartment 1204B, Fenwick Tower"]);
    expect(address.changes).toEqual(["The street lines are laid out to fit: the street on line 1, the unit on line 2."]);
  });

  test("a street too long for its line is abbreviated the way Canada Post does, and the change said in words", () => {
    const { address, problems } = fitAddress({ ...order, street1: "10450 Sir Wilfrid Laurier Memorial Parkway Northwest", street2: "Apartment 1204" });
    expect(problems).toEqual([]);
    expect([address.line1, address.line2]).toEqual(["10450 Sir Wilfrid Laurier Memorial Pky NW", "Apartment 1204"]);
    expect(address.changes[0]).toContain('"10450 Sir Wilfrid Laurier Memorial Parkway Northwest" is printed "10450 Sir Wilfrid Laurier Memorial Pky NW"');
  });

  test("remarks are the first to go, whole: to the additional line while it has room, then off the label", () => {
    const { address } = fitAddress({
      ...order,
      street1: "1234 Spring Garden Road, Apartment 1204 (please ring the buzzer twice, the door sticks)",
      street2: "Attention: Receiving and Shipping Department of Fenwick Tower Residences",
    });
    expect(address.line1).toBe("1234 Spring Garden Road");
    expect(address.line2).toBe("Apt 1204");
    // Neither remark fits the 44-character extra line whole, so neither is printed half.
    expect(address.additionalInfo).toBe("");
    expect(address.changes.filter((c) => c.includes("left off"))).toHaveLength(2);
    const moved = fitAddress({ ...order, street1: "1234 Spring Garden Road, Apartment 1204, Fenwick Tower, rear entrance off Queen St", street2: null });
    expect([moved.address.line1, moved.address.line2, moved.address.additionalInfo]).toEqual(["1234 Spring Garden Road", "Apt 1204, Fenwick Tower", "rear entrance off Queen St"]);
  });

  test("what a line holds: street, units, remarks and other words", () => {
    expect(parseAddressLines("Unit 9 55 Queen St W", "c/o Sam Lee (back door)")).toEqual({
      street: "55 Queen St W", units: ["Unit 9"], others: ["c/o Sam Lee"], remarks: ["back door"],
    });
    expect(parseAddressLines("", "3rd Floor, 100 King Street West Suite 400")).toEqual({
      street: "100 King Street West", units: ["3rd Floor", "Suite 400"], others: [], remarks: [],
    });
    expect(parseAddressLines("1850, rang Saint-Joseph", "").street).toBe("1850, rang Saint-Joseph");
  });

  test("a long name keeps first name and surname; a long company keeps whole words", () => {
    const { address } = fitAddress({
      ...order,
      name: "Maximilian Alexander Bartholomew Fitzgerald-Worthington III",
      company: "Atlantic Provinces Engineering and Manufacturing Company Limited",
    });
    expect(address.name).toBe("Maximilian A. B. Fitzgerald-Worthington III");
    expect(address.company).toBe("Atlantic Provinces Engineering and Mfg. Co.");
    expect(address.company.length).toBeLessThanOrEqual(44);
  });
});

describe("a line that is only a unit is not a street", () => {
  for (const unit of ["Unit 9", "Apt 4B", "#12", "Suite 300", "Bureau 200", "app. 5"]) {
    test(`"${unit}" alone: a "no street" problem with the fix in shipdesk, on either line`, () => {
      for (const shipTo of [{ ...order, street1: null, street2: unit }, { ...order, street1: unit, street2: null }, { ...order, street1: "  ", street2: unit }]) {
        const problems = checkShipTo(shipTo, "T-9-A");
        expect(problems.map((p) => p.code)).toEqual(["missing_street"]);
        expect(problems[0]!.message).toContain(unit);
        expect(problems[0]!.message).toContain('shipdesk address T-9-A --line1 "…"');
      }
    });
  }

  test("rural routes and post office boxes are delivery addresses and ship", () => {
    for (const line of ["RR 2 Site 5 Box 12", "PO Box 123", "P.O. Box 77 Stn A", "C.P. 456", "General Delivery", "RR 1"]) {
      expect({ line, problems: checkShipTo({ ...order, street1: line, street2: null }) }).toEqual({ line, problems: [] });
    }
  });
});

describe("remarks are told from street names", () => {
  test("a street whose name holds a remark's word keeps it", () => {
    for (const street of ["10 Chemin de l'Entrée", "5 Rue Derrière-le-Fort", "123 Leave Lane", "100 Delivery Road", "8 Back Bay Road"]) {
      expect({ street, parts: parseAddressLines(street, "") }).toEqual({ street, parts: { street, units: [], others: [], remarks: [] } });
    }
  });
});

test("French remarks with accented words are found", () => {
  expect(parseAddressLines("4321 Boulevard de la Côte-Vertu Ouest, app 12, entrée côté stationnement", "").remarks).toEqual(["entrée côté stationnement"]);
  expect(parseAddressLines("12 rue Principale, entrée à l'arrière", "").remarks).toEqual(["entrée à l'arrière"]);
});
