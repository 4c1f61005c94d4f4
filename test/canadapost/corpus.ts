import type { ShipTo } from "../../src/address/index.ts";

const base: ShipTo = {
  name: "Pat Receiver",
  company: null,
  street1: "25 Test Avenue",
  street2: null,
  city: "Ottawa",
  province: "ON",
  postalCode: "K2B 8J6",
  country: "CAN",
  phone: "613-555-0199",
  email: "pat@example.com",
};

/** Orders as Best Buy hands them over: the awkward ones a real week brings. */
export const SHIPPABLE: { label: string; shipTo: ShipTo; skus?: string[] }[] = [
  { label: "plain Ontario", shipTo: base },
  { label: "long name", shipTo: { ...base, name: "Maximilian Alexander Bartholomew Fitzgerald-Worthington III" } },
  { label: "accents", shipTo: { ...base, name: "Amélie Côté-Bérubé", street1: "12 rue de l'Église", city: "Trois-Rivières", province: "QC", postalCode: "g9a 5h7" } },
  { label: "Quebec in French", shipTo: { ...base, province: "Québec", city: "Montréal", postalCode: "H2B1A0", street1: "4500 boul. Saint-Laurent" } },
  { label: "apartment on line 2", shipTo: { ...base, street1: "1200 Bay Street", street2: "Apt 1203" } },
  { label: "no company", shipTo: { ...base, company: null } },
  { label: "company too", shipTo: { ...base, company: "Acme Widgets Incorporated of Greater Toronto and Area Limited" } },
  { label: "only a company", shipTo: { ...base, name: null, company: "Northern Lights Co." } },
  { label: "street too long spills", shipTo: { ...base, street1: "123456 Chemin de la Côte-Sainte-Catherine Ouest, Bureau 400" } },
  { label: "street on line 2 only", shipTo: { ...base, street1: null, street2: "77 King St W" } },
  { label: "BC full name", shipTo: { ...base, province: "British Columbia", city: "Vancouver", postalCode: "V6B-1A1" } },
  { label: "Colombie-Britannique", shipTo: { ...base, province: "Colombie-Britannique", city: "Victoria", postalCode: "v8w 1p6" } },
  { label: "Nunavut", shipTo: { ...base, province: "NU", city: "Iqaluit", postalCode: "X0A 0H0" } },
  { label: "phone with +1 and ext", shipTo: { ...base, phone: "+1 (416) 555-0123 ext. 45" } },
  { label: "no phone", shipTo: { ...base, phone: null } },
  { label: "no email", shipTo: { ...base, email: null } },
  { label: "odd email", shipTo: { ...base, email: "not-an-email" } },
  { label: "whitespace and tabs", shipTo: { ...base, name: "  Jean \t Tremblay ", street1: "10   Main\nStreet" } },
  { label: "several order lines", shipTo: base, skus: ["10512345", "10598765", "10611111", "10622222", "10633333", "10644444"] },
  { label: "Newfoundland French", shipTo: { ...base, province: "Terre-Neuve-et-Labrador", city: "St. John's", postalCode: "A1C 5M2" } },
  { label: "alpha-2 country", shipTo: { ...base, country: "CA", province: "ab", city: "Calgary", postalCode: "T2P 1J9" } },
  { label: "apostrophes and ampersands", shipTo: { ...base, name: "O'Brien & Sons <Shipping>", company: "A&B \"Quoted\" Ltd" } },
  { label: "long city at limit", shipTo: { ...base, city: "Saint-Jean-Port-Joli", province: "QC", postalCode: "G0R 3G0" } },
];

/** Orders that must be refused with a problem, never sent. */
export const REFUSED: { label: string; shipTo: ShipTo; field: string }[] = [
  { label: "US address", shipTo: { ...base, country: "USA", province: "NY", postalCode: "10001", city: "New York" }, field: "country" },
  { label: "bad postal code", shipTo: { ...base, postalCode: "12345" }, field: "postalCode" },
  { label: "unknown province", shipTo: { ...base, province: "Ontarioo" }, field: "province" },
  { label: "no street", shipTo: { ...base, street1: "", street2: null }, field: "street1" },
  { label: "city too long", shipTo: { ...base, city: "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch" }, field: "city" },
  {
    label: "street that fits nowhere",
    shipTo: { ...base, street1: "1 Very Long Street Name That Goes On And On Past Two Lines Of Forty Four Characters Each Boulevard", street2: "Suite 1" },
    field: "street1",
  },
];
