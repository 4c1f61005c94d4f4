/** One service Canada Post offers: its code and its name. */
export interface ServiceListing {
  code: string;
  name: string;
}

/**
 * The domestic (Canadian destination) service codes Canada Post publishes (reference README §5,
 * from karrio's and Shopify's service lists and the code tables): what a setting is checked
 * against when Canada Post's own list (Discover Services) cannot be had. Which ones a contract
 * may use is Canada Post's to say; this list only knows the codes exist.
 */
export const PUBLISHED_DOMESTIC_SERVICES: readonly ServiceListing[] = [
  { code: "DOM.RP", name: "Regular Parcel" },
  { code: "DOM.EP", name: "Expedited Parcel" },
  { code: "DOM.XP", name: "Xpresspost" },
  { code: "DOM.XP.CERT", name: "Xpresspost Certified" },
  { code: "DOM.PC", name: "Priority" },
  { code: "DOM.LIB", name: "Library Books" },
];
