import { createHash } from "node:crypto";

// Characters Windows refuses in a file name, and control characters.
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// What Best Buy's order ids and Canada Post's PINs look like: such a label's name reads as it is.
const PLAIN_ORDER = /^[A-Z0-9][A-Z0-9-]{0,59}$/;
const PLAIN_PIN = /^[A-Z0-9]{1,40}$/;
const PLAIN_NAME = /^label-([A-Z0-9][A-Z0-9-]{0,59})-[A-Z0-9]{1,40}\.(pdf|zpl)$/;

function clean(part: string, max: number): string {
  return part.replace(FORBIDDEN, "_").replace(/\s+/g, "_").slice(0, max).replace(/[. ]+$/, "");
}

/**
 * The label's file name: order id and PIN, `.pdf` or `.zpl` as Canada Post made it, valid on Windows and Linux alike. Only an id of
 * capitals, digits and dashes with a PIN of capitals and digits reads as it is (what Best Buy
 * and Canada Post send): such a name splits back at its last dash. Anything else gets "_" and a
 * short hash of the exact original, so two orders whose ids differ only in forbidden
 * characters, in case (which Windows ignores) or in where the dash falls ("A-1" + "2" and
 * "A" + "1-2") never share a file; a plain name never holds "_", so never meets a hashed one.
 */
export function labelFileName(orderId: string, pin: string, extension: "pdf" | "zpl" = "pdf"): string {
  const order = clean(orderId, 60);
  const safePin = clean(pin, 40);
  const plain = PLAIN_ORDER.test(orderId) && PLAIN_PIN.test(pin);
  const suffix = plain ? "" : `_${createHash("sha256").update(`${orderId}\u0000${pin}`).digest("hex").slice(0, 8)}`;
  const name = `label-${order || "order"}-${safePin || "pin"}${suffix}.${extension}`;
  return RESERVED.test(name) ? `_${name}` : name;
}

/** The order of a plain label file name, split back at its last dash; undefined for any other name. */
export function plainLabelOrder(name: string): string | undefined {
  return PLAIN_NAME.exec(name)?.[1];
}

/**
 * Whether `name` (a file of the labels folder) is a label of `orderId`, by labelFileName's rules.
 * Exact for plain names, and for hashed ones whose PIN reads back from the name (the hash is made
 * again); only a hashed name whose PIN had characters cleaned away is taken as a maybe.
 */
export function isLabelFileOf(name: string, orderId: string): boolean {
  if (PLAIN_ORDER.test(orderId)) return plainLabelOrder(name) === orderId;
  const prefix = `label-${clean(orderId, 60) || "order"}-`;
  const start = name.startsWith(prefix) ? prefix.length : name.startsWith(`_${prefix}`) ? prefix.length + 1 : -1;
  if (start < 0) return false;
  const rest = name.slice(start);
  const hashed = /^(.+)_[0-9a-f]{8}\.(pdf|zpl)$/.exec(rest);
  if (!hashed) return false;
  const [, pin, extension] = hashed as unknown as [string, string, "pdf" | "zpl"];
  return labelFileName(orderId, pin, extension) === name || /[^A-Za-z0-9]/.test(pin);
}

/** Whether Windows would accept `name` as a file name (used by the tests and for manifests). */
export function isValidWindowsFileName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[<>:"/\\|?*\u0000-\u001f]/.test(name) && !/[. ]$/.test(name) && !RESERVED.test(name);
}

/** The Delivery Confirmation Certificate's file, beside the label: the label's name with "proof-" for "label-". */
export function proofFileName(orderId: string, pin: string): string {
  return labelFileName(orderId, pin).replace(/^(_?)label-/, "$1proof-");
}
