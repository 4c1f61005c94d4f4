import * as v from "valibot";
import type { ServiceListing } from "../services.ts";
import { readXml } from "./read-xml.ts";

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
