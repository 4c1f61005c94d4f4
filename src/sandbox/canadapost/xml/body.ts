import type { Context } from "hono";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { checkElement, type Spec } from "./schema.ts";

type Message = { code: string; description: string };
type Parsed = { root: string; namespace: string | undefined; content: Record<string, unknown> | string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

function parse(text: string): Parsed | undefined {
  if (XMLValidator.validate(text) !== true) return undefined;
  try {
    const doc = parser.parse(text) as Record<string, unknown>;
    const root = Object.keys(doc).find((k) => !k.startsWith("?"));
    if (!root) return undefined;
    const content = doc[root] as Record<string, unknown> | string;
    const namespace = typeof content === "object" && content ? (content["@_xmlns"] as string | undefined) : undefined;
    if (typeof content === "object" && content) delete content["@_xmlns"];
    return { root, namespace, content };
  } catch {
    return undefined;
  }
}

/**
 * The request's document as the gateway validates it against the XSD: well-formed, the expected
 * root in the expected namespace, the schema's elements (schema.ts). The errors are worded as
 * the gateway's cvc messages, naming the path; at most ten.
 */
export async function readBody(c: Context, expectedRoot: string, namespace: string, spec: Record<string, Spec>): Promise<{ content: Record<string, unknown> } | { errors: Message[] }> {
  const path = new URL(c.req.url).pathname;
  const text = await c.req.text();
  const parsed = parse(text);
  if (!parsed) return { errors: [{ code: "Server", description: `${path}: The markup in the document is not well-formed.` }] };
  if (parsed.root !== expectedRoot || parsed.namespace !== namespace) {
    return { errors: [{ code: "Server", description: `${path}: cvc-elt.1: Cannot find the declaration of element '${parsed.root}'.` }] };
  }
  const cvc = checkElement(expectedRoot, parsed.content, spec);
  const content = typeof parsed.content === "object" ? parsed.content : {};
  if (expectedRoot === "shipment" && ("group-id" in content) === ("transmit-shipment" in content)) {
    cvc.push("cvc-model-group 3: exactly one of {group-id, transmit-shipment} (groupIdOrTransmitShipment) is expected.");
  }
  if (cvc.length > 0) return { errors: cvc.slice(0, 10).map((d) => ({ code: "Server", description: `${path}: ${d}` })) };
  return { content };
}

/** One element or a repeated one, as a list of texts. */
export const asList = (x: unknown): string[] => (Array.isArray(x) ? x.map(String) : x === undefined ? [] : [String(x)]);
