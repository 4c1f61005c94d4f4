import { XMLParser, XMLValidator } from "fast-xml-parser";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  // Canada Post answers in several namespaces (shipment-v8, manifest-v8, messages, track-v2):
  // elements are matched by local name, as the official samples do.
  removeNSPrefix: true,
  // Ids, PINs, customer numbers and postal codes are text; "0040000000" must stay as it is.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name, jpath) =>
    name === "link" ||
    name === "message" ||
    name === "group-id" ||
    name === "price-quote" ||
    name === "occurrence" ||
    name === "pin-summary" ||
    (name === "service" && jpath === "services.service") ||
    (name === "shipment-info" && String(jpath).includes(".")),
});

/** The document's root element's local name and its content; undefined when not well-formed XML. */
export function readXml(text: string): { root: string; content: unknown } | undefined {
  if (XMLValidator.validate(text) !== true) return undefined;
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const root = Object.keys(doc).find((k) => !k.startsWith("?"));
  if (root === undefined) return undefined;
  return { root, content: doc[root] };
}
