import * as v from "valibot";
import { readXml } from "./xml.ts";

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

const ServicesSchema = v.union([
  // <services/> with no service at all parses as an empty string.
  v.literal(""),
  v.object({
    service: v.optional(
      v.array(v.object({ "service-code": v.pipe(v.string(), v.minLength(1)), "service-name": v.optional(v.string(), "") })),
      [],
    ),
  }),
]);

/**
 * Discover Services' `<services>` (discovery.xsd, namespace rate-v4): each service's code and
 * name; undefined when the reply is not one.
 */
export function parseServices(xml: string): ServiceListing[] | undefined {
  const doc = readXml(xml);
  if (doc?.root !== "services") return undefined;
  const parsed = v.safeParse(ServicesSchema, doc.content);
  if (!parsed.success) return undefined;
  if (parsed.output === "") return [];
  return parsed.output.service.map((s) => ({ code: s["service-code"], name: s["service-name"] }));
}
