import type { ShipTo } from "../../src/address/index.ts";

/**
 * Long and awkward addresses as customers really type them into Best Buy: French civic forms,
 * units in every spelling, remarks for the driver, company names over 44 characters, rural
 * routes and post office boxes. `keep` lists what must reach the label's street lines (civic
 * number, street name, unit number); `line1`/`line2`, when given, are the exact lines.
 */
export interface AwkwardAddress {
  label: string;
  shipTo: ShipTo;
  keep: string[];
  line1?: string;
  line2?: string;
  additionalInfo?: string;
}

const at = (label: string, fields: Partial<ShipTo>, expected: Omit<AwkwardAddress, "label" | "shipTo">): AwkwardAddress => ({
  label,
  shipTo: {
    name: "Alex Martin",
    company: null,
    street1: null,
    street2: null,
    city: "Toronto",
    province: "ON",
    postalCode: "M5V 3L9",
    country: "CAN",
    phone: "416-555-0142",
    email: "alex@example.com",
    ...fields,
  },
  ...expected,
});

const montreal = { city: "Montréal", province: "Québec", postalCode: "H2X 1Y4" };
const quebec = { city: "Québec", province: "QC", postalCode: "G1R 2B3" };

export const AWKWARD: AwkwardAddress[] = [
  at("French civic form, unit and a remark in parentheses", { ...montreal, street1: "4500, boulevard Saint-Laurent, bureau 200 (entrée par la ruelle)" }, {
    keep: ["4500", "Saint-Laurent", "200"], line1: "4500, boulevard Saint-Laurent", line2: "bureau 200, entrée par la ruelle", additionalInfo: "",
  }),
  at("boulevard with a French direction", { ...montreal, postalCode: "H3B 4W5", street1: "1200, boulevard René-Lévesque Ouest, bureau 1500, tour de l'Est" }, {
    keep: ["1200", "René-Lévesque", "1500"], line1: "1200, boulevard René-Lévesque Ouest",
  }),
  at("avenue, appartement and a back entrance", { ...montreal, street1: "3575, avenue du Parc, appartement 1204, entrée arrière" }, {
    keep: ["3575", "du Parc", "1204"], line1: "3575, avenue du Parc", line2: "appartement 1204, entrée arrière",
  }),
  at("chemin one character too long", { ...montreal, street1: "2100, chemin de la Côte-des-Neiges, app. 1507" }, {
    keep: ["2100", "Côte-des-Neiges", "1507"], line1: "2100, chemin de la Côte-des-Neiges", line2: "app. 1507",
  }),
  at("Place Ville-Marie with an attention line", { ...montreal, postalCode: "H3B 2E7", street1: "1 Place Ville-Marie, Suite 3900, Attention: Service de la paie" }, {
    keep: ["1", "Ville-Marie", "3900"], line1: "1 Place Ville-Marie",
  }),
  at("law firm over 44 characters", {
    ...montreal, postalCode: "H4Z 1A1", name: "Me Geneviève Laforest", company: "Cabinet Laforest, Tremblay, Gagnon & Associés, avocats S.E.N.C.R.L.",
    street1: "800, rue du Square-Victoria, bureau 3700, C.P. 242",
  }, { keep: ["800", "Square-Victoria", "3700"], line1: "800, rue du Square-Victoria" }),
  at("professional corporation over 44 characters", {
    name: "Dr. Priya Raman", company: "Northern Lights Dental Care Professional Corporation Incorporated", street1: "250 Yonge Street, Suite 1802",
  }, { keep: ["250", "Yonge", "1802"] }),
  at("rural route with site and compartment", { city: "Bridgewater", province: "N.-É.", postalCode: "B4V 2W1", street1: "RR 2 Site 5 Comp 12" }, {
    keep: ["RR 2", "Site 5", "Comp 12"], line1: "RR 2 Site 5 Comp 12",
  }),
  at("rural route with a box", { city: "Antigonish", province: "Nova Scotia", postalCode: "B2G 2L1", street1: "RR 2 Site 5 Box 12" }, {
    keep: ["RR 2", "Site 5", "Box 12"], line1: "RR 2 Site 5 Box 12",
  }),
  at("post office box", { city: "Red Deer", province: "Alta", postalCode: "T4N 5E3", street1: "PO Box 1234 Stn Main" }, {
    keep: ["1234"], line1: "PO Box 1234 Stn Main",
  }),
  at("case postale and succursale", { ...quebec, street1: "C.P. 456, succursale Haute-Ville" }, { keep: ["456", "Haute-Ville"] }),
  at("general delivery", { city: "Tofino", province: "B.C.", postalCode: "V0R 2Z0", street1: "General Delivery" }, { keep: ["General Delivery"] }),
  at("sideroad with a rural route", { city: "Caledon", province: "Ont.", postalCode: "L7K 0E5", street1: "16425 Mississauga Road, RR 3, Caledon Village" }, {
    keep: ["16425", "Mississauga", "RR 3"],
  }),
  at("unit-civic and remarks on line 2 that fit", { ...quebec, street1: "12-345 Rue Principale Est", street2: "Porte arrière, sonner deux fois svp" }, {
    keep: ["12-345", "Principale"], line1: "12-345 Rue Principale Est", line2: "Porte arrière, sonner deux fois svp",
  }),
  at("student residence moved to the additional line", { street1: "10 Dundas Street East, Suite 1002, Ryerson University Student Residence" }, {
    keep: ["10", "Dundas", "1002"], line1: "10 Dundas Street East", line2: "Suite 1002", additionalInfo: "Ryerson University Student Residence",
  }),
  at("tower, suite and a PO box", {
    city: "Vancouver", province: "British Columbia", postalCode: "V6E 3P3", street1: "1055 West Georgia Street, Suite 2500, Royal Centre, PO Box 11140",
  }, { keep: ["1055", "Georgia", "2500", "11140"], line1: "1055 West Georgia Street" }),
  at("boulevard with a compass direction", { city: "Calgary", province: "Alberta", postalCode: "T3K 6E8", street1: "8888 Country Hills Boulevard Northwest, Unit 205" }, {
    keep: ["8888", "Country Hills", "205"], line1: "8888 Country Hills Boulevard Northwest", line2: "Unit 205",
  }),
  at("numbered avenue with a buzzer in parentheses", { city: "Calgary", province: "AB", postalCode: "T2S 0A1", street1: "123 17 Avenue Southwest Apartment 1501 (buzz 1501)" }, {
    keep: ["123", "17", "1501"], line1: "123 17 Avenue Southwest", line2: "Apartment 1501, buzz 1501",
  }),
  at("unit first, street after", { postalCode: "M8V 4A1", street1: "Apt 4B, 2250 Lakeshore Boulevard West" }, {
    keep: ["4B", "2250", "Lakeshore"], line1: "Apt 4B, 2250 Lakeshore Boulevard West",
  }),
  at("penthouse and concierge remark, both lines full", { postalCode: "M8V 4A1", street1: "2250 Lakeshore Boulevard West Penthouse 2", street2: "Concierge desk, please leave with security" }, {
    keep: ["2250", "Lakeshore", "Penthouse 2"],
  }),
  at("unit-civic with an attention line", { postalCode: "M4W 3L4", street1: "1507-1 Bloor Street East", street2: "Attn: Dr. Mohammed Al-Hassan, Receiving" }, {
    keep: ["1507-1", "Bloor"], line1: "1507-1 Bloor Street East",
  }),
  at("rang without a street type to shorten", { city: "Saint-Jean-sur-Richelieu", province: "Qc", postalCode: "J3B 6Y4", street1: "1850, rang Saint-Joseph-de-la-Rivière-Nord, app 2" }, {
    keep: ["1850", "Saint-Joseph-de-la-Rivière-Nord", "2"], line1: "1850, rang Saint-Joseph-de-la-Rivière-Nord", line2: "app 2",
  }),
  at("French boulevard capitalised, with a remark", { ...montreal, postalCode: "H4R 2J1", street1: "4321 Boulevard de la Côte-Vertu Ouest, app 12, entrée côté stationnement" }, {
    keep: ["4321", "Côte-Vertu", "12"], line1: "4321 Boulevard de la Côte-Vertu Ouest", line2: "app 12, entrée côté stationnement",
  }),
  at("crescent and a room", { postalCode: "M5S 3G3", street1: "100 Queen's Park Crescent West, Room 3176, Lash Miller Building" }, {
    keep: ["100", "Queen's Park", "3176"], line1: "100 Queen's Park Crescent West",
  }),
  at("bank tower and plaza", { postalCode: "M5J 2J5", street1: "200 Bay Street, South Tower, Suite 3200, Royal Bank Plaza" }, {
    keep: ["200", "Bay", "3200"], line1: "200 Bay Street", line2: "Suite 3200, South Tower, Royal Bank Plaza",
  }),
  at("building name that is itself a civic address", { postalCode: "M5X 1A9", street1: "1 First Canadian Place, 100 King Street West, Suite 6000" }, {
    keep: ["1", "First Canadian", "100", "King", "6000"],
  }),
  at("city typed into the street line", { ...montreal, postalCode: "H3J 1M6", street1: "Unit 3, 1450 Rue Notre-Dame Ouest, Montréal, QC" }, {
    keep: ["3", "1450", "Notre-Dame"],
  }),
  at("tabs, line breaks and doubled blanks", { postalCode: "M5L 1A1", street1: "  55\tWellington Street West\n Suite 4000  " }, {
    keep: ["55", "Wellington", "4000"], line1: "55 Wellington Street West Suite 4000",
  }),
  at("long French double-barrelled name", {
    ...quebec, name: "Marie-Ève Bouchard-Lévesque de la Fontaine-Tremblay", street1: "75 boulevard René-Lévesque Est, bureau 300",
  }, { keep: ["75", "René-Lévesque", "300"] }),
  at("apartment, building and an entrance on another street", { postalCode: "M4M 1A1", street1: "Apartment 12, 1234 Main Street, Building C, Entrance on Elm Street" }, {
    keep: ["12", "1234", "Main"], line1: "1234 Main Street",
  }),
  at("concession road and rural route", { city: "Uxbridge", province: "Ontario", postalCode: "L9P 1R3", street1: "1234 Concession Road 5, RR 1" }, {
    keep: ["1234", "Concession", "RR 1"],
  }),
  at("chemin with case postale and village", { city: "Lac-Beauport", province: "Québec", postalCode: "G3B 0A1", street1: "5 Chemin des Érables, C.P. 88, Lac-Beauport" }, {
    keep: ["5", "Érables", "88"],
  }),
  at("St. John's with a side-door remark", { city: "St. John's", province: "T.-N.-L.", postalCode: "A1C 1E5", street1: "10 Duckworth Street, Apartment 3, Downtown St. John's (side door by the laneway)" }, {
    keep: ["10", "Duckworth", "3"], line1: "10 Duckworth Street", line2: "Apt 3, Downtown St. John's",
  }),
  at("Iqaluit building number", { city: "Iqaluit", province: "Nunavut", postalCode: "X0A 0H0", street1: "Building 1085, Unit 7" }, {
    keep: ["1085", "7"],
  }),
  at("hash unit before the civic number", { postalCode: "M6G 1A1", street1: "#12 - 3456 Bathurst Street" }, { keep: ["12", "3456", "Bathurst"] }),
  at("street only on the second line", { postalCode: "M5H 2N2", street1: null, street2: "77 King St W" }, { keep: ["77", "King"], line1: "77 King St W" }),
  at("care-of line above the street", { postalCode: "K1P 5J2", city: "Ottawa", street1: "c/o Jane Smith", street2: "123 Maple Avenue" }, {
    keep: ["123", "Maple"], line1: "c/o Jane Smith", line2: "123 Maple Avenue",
  }),
  at("laboratory care-of and a long French street", {
    ...montreal, postalCode: "H3T 1J4", street1: "c/o Jean-François Tremblay-Bouchard, Laboratoire de recherche", street2: "2900, boulevard Édouard-Montpetit, local 1234",
  }, { keep: ["2900", "Édouard-Montpetit", "1234"], line1: "2900, boulevard Édouard-Montpetit", line2: "local 1234" }),
  at("English suite after the street, door code remark", { city: "Ottawa", province: "ON", postalCode: "K2P 1L4", street1: "350 Albert Street Suite 1000 door code 4521#, then take the freight elevator" }, {
    keep: ["350", "Albert", "1000"], line1: "350 Albert Street", line2: "Suite 1000", additionalInfo: "",
  }),
  at("Winnipeg with a leave-at remark", { city: "Winnipeg", province: "Man.", postalCode: "R3C 1A3", street1: "201 Portage Avenue, 18th Floor, leave at the security desk in the main lobby" }, {
    keep: ["201", "Portage", "18th Floor"], line1: "201 Portage Avenue",
  }),
  at("Regina highway address", { city: "Regina", province: "Sask.", postalCode: "S4P 3Y2", street1: "2500 Victoria Avenue East, Trans-Canada Highway Service Road" }, {
    keep: ["2500", "Victoria"], line1: "2500 Victoria Avenue East",
  }),
  at("PEI heritage street with an apartment", { city: "Charlottetown", province: "Î.-P.-É.", postalCode: "C1A 4P3", street1: "15 Queen Street", street2: "Apartment 2, the green house behind the church" }, {
    keep: ["15", "Queen", "2"],
  }),
  at("Moncton bilingual with bureau", { city: "Moncton", province: "Nouveau-Brunswick", postalCode: "E1C 4M3", street1: "770, rue Main, bureau 201, Place Assomption, entrée rue Archibald" }, {
    keep: ["770", "Main", "201"],
  }),
  at("Whitehorse with a hyphenated direction", { city: "Whitehorse", province: "Yuk.", postalCode: "Y1A 1B2", street1: "2071 Second Avenue North-West, Suite 12B (please ring twice)" }, {
    keep: ["2071", "Second", "12B"], line1: "2071 Second Avenue North-West", line2: "Suite 12B, please ring twice",
  }),
  at("Yellowknife company only", { name: null, company: "Northwest Territories Power Corporation Head Office Receiving", city: "Yellowknife", province: "T.N.-O.", postalCode: "X1A 2L9", street1: "4 Capital Drive" }, {
    keep: ["4", "Capital"],
  }),
  // Streets too long for their line as typed: only Canada Post's abbreviations make them fit.
  at("French boulevard over 44, abbreviated to fit", { ...montreal, postalCode: "H1M 1A1", street1: "1234, boulevard du Souvenir-de-la-Résistance Ouest, app. 4" }, {
    keep: ["1234", "Souvenir-de-la-Résistance", "4"], line1: "1234, boul du Souvenir-de-la-Résistance O", line2: "app. 4",
  }),
  at("English parkway over 44, abbreviated to fit", { city: "Edmonton", province: "Alta.", postalCode: "T5J 0N3", street1: "10450 Sir Wilfrid Laurier Memorial Parkway Northwest", street2: "Suite 900" }, {
    keep: ["10450", "Sir Wilfrid Laurier Memorial", "900"], line1: "10450 Sir Wilfrid Laurier Memorial Pky NW", line2: "Suite 900",
  }),
  at("service road with a hyphenated direction", { city: "Dartmouth", province: "NS", postalCode: "B3B 1A1", street1: "7700 Trans-Canada Highway Service Road South-East" }, {
    keep: ["7700", "Trans-Canada Highway Service"], line1: "7700 Trans-Canada Highway Service Rd SE",
  }),
  at("rue with a long saint's name and Nord-Ouest", { ...quebec, street1: "45 Rue Notre-Dame-des-Sept-Douleurs Nord-Ouest", street2: "Appartement 3" }, {
    keep: ["45", "Notre-Dame-des-Sept-Douleurs", "3"], line1: "45 Rue Notre-Dame-des-Sept-Douleurs NO", line2: "Appartement 3",
  }),
  at("penthouse abbreviated so the building name stays", { postalCode: "M4W 0A1", street1: "1 Bloor Street West", street2: "Penthouse 3, The Residences at Yorkville Plaza" }, {
    keep: ["1", "Bloor", "3"], line1: "1 Bloor Street West", line2: "PH 3, The Residences at Yorkville Plaza", additionalInfo: "",
  }),
];

/** Orders that must never get a label: each is one clear problem the clerk fixes in shipdesk. */
export const UNSHIPPABLE: { label: string; shipTo: ShipTo; code: string }[] = [
  ...["Unit 9", "Apt 4B", "#12", "Suite 300", "Bureau 200", "app. 5", "Unit 9 (rear entrance)", "3rd Floor"].map((unit) => ({
    label: `only "${unit}"`,
    shipTo: at("", { street1: "", street2: unit }, { keep: [] }).shipTo,
    code: "missing_street",
  })),
  { label: "unit on line 1, nothing else", shipTo: at("", { street1: "Apt 4B", street2: null }, { keep: [] }).shipTo, code: "missing_street" },
  {
    label: "street too long even abbreviated",
    shipTo: at("", { ...quebec, street1: "12345, chemin du Lac-Saint-Jean-Baptiste-de-Beauport-et-de-Charlesbourg Nord" }, { keep: [] }).shipTo,
    code: "street_too_long",
  },
];
