/**
 * Canadian places for seeded orders: a city, the first three characters of its postal codes,
 * its phone area code, and streets in the language people there write them in.
 */
export interface Place {
  province: string;
  provinceName: string;
  city: string;
  fsa: readonly string[];
  areaCode: string;
  streets: readonly string[];
  french?: boolean;
}

const ontarioStreets = ["Harbourview Crescent", "Queen Street West", "Bank Street", "King Street East", "Dundas Street", "Yonge Street"];
const quebecStreets = ["rue des Merisiers", "rue Saint-Denis", "boulevard René-Lévesque Est", "avenue du Mont-Royal", "chemin Sainte-Foy", "rue de l'Église"];

export const PLACES: readonly Place[] = [
  { province: "ON", provinceName: "Ontario", city: "Toronto", fsa: ["M5V", "M4C", "M6G"], areaCode: "416", streets: ontarioStreets },
  { province: "ON", provinceName: "Ontario", city: "Ottawa", fsa: ["K1P", "K2B", "K1S"], areaCode: "613", streets: ontarioStreets },
  { province: "ON", provinceName: "Ontario", city: "Mississauga", fsa: ["L5B", "L5M"], areaCode: "905", streets: ["Hurontario Street", "Burnhamthorpe Road"] },
  { province: "QC", provinceName: "Québec", city: "Montréal", fsa: ["H2X", "H3B", "H2J"], areaCode: "514", streets: quebecStreets, french: true },
  { province: "QC", provinceName: "Québec", city: "Québec", fsa: ["G1R", "G1V"], areaCode: "418", streets: quebecStreets, french: true },
  { province: "QC", provinceName: "Québec", city: "Trois-Rivières", fsa: ["G9A"], areaCode: "819", streets: quebecStreets, french: true },
  { province: "QC", provinceName: "Québec", city: "Gatineau", fsa: ["J8X", "J9H"], areaCode: "819", streets: quebecStreets, french: true },
  { province: "BC", provinceName: "British Columbia", city: "Vancouver", fsa: ["V6B", "V5K"], areaCode: "604", streets: ["West Georgia Street", "Commercial Drive", "Main Street"] },
  { province: "BC", provinceName: "British Columbia", city: "Victoria", fsa: ["V8W"], areaCode: "250", streets: ["Fort Street", "Douglas Street"] },
  { province: "AB", provinceName: "Alberta", city: "Calgary", fsa: ["T2P", "T3H"], areaCode: "403", streets: ["17 Avenue SW", "Macleod Trail SE"] },
  { province: "AB", provinceName: "Alberta", city: "Edmonton", fsa: ["T5J", "T6E"], areaCode: "780", streets: ["Jasper Avenue", "Whyte Avenue"] },
  { province: "MB", provinceName: "Manitoba", city: "Winnipeg", fsa: ["R3C", "R2M"], areaCode: "204", streets: ["Portage Avenue", "Pembina Highway"] },
  { province: "SK", provinceName: "Saskatchewan", city: "Saskatoon", fsa: ["S7K"], areaCode: "306", streets: ["Broadway Avenue", "Idylwyld Drive N"] },
  { province: "NS", provinceName: "Nova Scotia", city: "Halifax", fsa: ["B3J", "B3H"], areaCode: "902", streets: ["Barrington Street", "Spring Garden Road"] },
  { province: "NB", provinceName: "New Brunswick", city: "Moncton", fsa: ["E1C"], areaCode: "506", streets: ["Main Street", "rue Archibald"] },
  { province: "NL", provinceName: "Newfoundland and Labrador", city: "St. John's", fsa: ["A1C"], areaCode: "709", streets: ["Water Street", "Duckworth Street"] },
  { province: "PE", provinceName: "Prince Edward Island", city: "Charlottetown", fsa: ["C1A"], areaCode: "902", streets: ["Grafton Street"] },
  { province: "YT", provinceName: "Yukon", city: "Whitehorse", fsa: ["Y1A"], areaCode: "867", streets: ["Main Street"] },
  { province: "NT", provinceName: "Northwest Territories", city: "Yellowknife", fsa: ["X1A"], areaCode: "867", streets: ["Franklin Avenue"] },
];

export const ENGLISH_NAMES = {
  first: ["Priya", "Jordan", "Liam", "Olivia", "Wei", "Fatima", "Noah", "Emma", "Arjun", "Chloe", "Ethan", "Sofia"],
  last: ["Raman", "MacLeod", "O'Brien", "Chen", "Haddad", "Singh", "Thompson", "Wilson", "Nguyen", "Campbell", "Kowalski"],
};
export const FRENCH_NAMES = {
  first: ["Amélie", "Benoît", "Chloé", "Étienne", "François", "Geneviève", "Hélène", "Jérôme", "Léa", "Mathis"],
  last: ["Tremblay", "Gagnon", "Côté", "Lévesque", "Bélanger", "Bouchard", "Gauthier", "Pelletier", "Roy", "Lefebvre"],
};

export const COMPANIES = ["Lakeside Design Studio", "Maple Leaf Consulting", "Atelier Boréal inc.", "Northern Lights Dental", "Cabinet Laforest & Associés"];
export const UNITS_EN = ["Unit 1204", "Apt 5", "Suite 300", "Unit 12B"];
export const UNITS_FR = ["App. 3", "Bureau 200", "App. 12", "Local 4"];

export interface Product {
  offerSku: string;
  productSku: string;
  title: string;
  categoryCode: string;
  categoryLabel: string;
  price: number;
  offerId: number;
}

export const PRODUCTS: readonly Product[] = [
  { offerSku: "NRTH-NVME-1TB", productSku: "17322640", title: "Northwind 1TB PCIe 4.0 NVMe M.2 Internal SSD", categoryCode: "CAT_26378", categoryLabel: "Internal Solid State Drives", price: 129.99, offerId: 4398817 },
  { offerSku: "NRTH-USBC-HUB7", productSku: "17109954", title: "Northwind 7-in-1 USB-C Hub with 100W Pass-Through", categoryCode: "CAT_23753", categoryLabel: "USB Hubs", price: 39.99, offerId: 4401562 },
  { offerSku: "NRTH-HDMI21-2M", productSku: "17438291", title: "Northwind 2 m Ultra High Speed HDMI 2.1 Cable", categoryCode: "CAT_30057", categoryLabel: "HDMI Cables", price: 24.99, offerId: 4410293 },
  { offerSku: "NRTH-KB-MECH-CAFR", productSku: "17250318", title: "Northwind Wired Mechanical Keyboard - Canadian French Layout", categoryCode: "CAT_10842", categoryLabel: "Keyboards", price: 89.99, offerId: 4387020 },
  { offerSku: "NRTH-MOUSE-WL", productSku: "17288410", title: "Northwind Wireless Ergonomic Mouse", categoryCode: "CAT_10843", categoryLabel: "Mice", price: 34.99, offerId: 4387111 },
  { offerSku: "NRTH-CAM-1080", productSku: "17301977", title: "Northwind 1080p Webcam with Privacy Shutter", categoryCode: "CAT_10901", categoryLabel: "Webcams", price: 59.99, offerId: 4391002 },
];

/** Sales taxes by province (illustrative, as in the reference sample). */
export const TAXES: Record<string, ReadonlyArray<{ code: string; rate: number }>> = {
  ON: [{ code: "HST", rate: 13 }],
  NB: [{ code: "HST", rate: 15 }],
  NS: [{ code: "HST", rate: 15 }],
  NL: [{ code: "HST", rate: 15 }],
  PE: [{ code: "HST", rate: 15 }],
  QC: [{ code: "GST", rate: 5 }, { code: "QST", rate: 9.975 }],
  BC: [{ code: "GST", rate: 5 }, { code: "PST", rate: 7 }],
  MB: [{ code: "GST", rate: 5 }, { code: "PST", rate: 7 }],
  SK: [{ code: "GST", rate: 5 }, { code: "PST", rate: 6 }],
  AB: [{ code: "GST", rate: 5 }],
  YT: [{ code: "GST", rate: 5 }],
  NT: [{ code: "GST", rate: 5 }],
  NU: [{ code: "GST", rate: 5 }],
};

/** SH21's list, sorted by label as Mirakl sorts it (labels and URL templates illustrative). */
export const CARRIERS = [
  { code: "CPCL", label: "Canada Post", tracking_url: "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={trackingId}" },
  { code: "CPAR", label: "Canpar", tracking_url: "https://www.canpar.com/en/tracking/track.htm?barcode={trackingId}" },
  { code: "FEDX", label: "FedEx", tracking_url: "https://www.fedex.com/fedextrack/?trknbr={trackingId}" },
  { code: "PRLA", label: "Purolator", tracking_url: "https://www.purolator.com/en/shipping/tracker?pin={trackingId}" },
  { code: "UPSN", label: "UPS", tracking_url: "https://www.ups.com/track?tracknum={trackingId}" },
] as const;
