import { createHash } from "node:crypto";

// Characters Windows refuses in a file name, and control characters.
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

function clean(part: string, max: number): string {
  return part.replace(FORBIDDEN, "_").replace(/\s+/g, "_").slice(0, max).replace(/[. ]+$/, "");
}

/**
 * The label's file name: order id and PIN, valid on Windows and Linux alike. When cleaning had
 * to change anything, a short hash of the exact original is added, so two orders whose ids
 * differ only in forbidden characters (or in case, which Windows ignores) never share a file.
 */
export function labelFileName(orderId: string, pin: string): string {
  const order = clean(orderId, 60);
  const safePin = clean(pin, 40);
  const changed = order !== orderId || safePin !== pin || /[a-z]/.test(orderId);
  const suffix = changed ? `-${createHash("sha256").update(`${orderId}\u0000${pin}`).digest("hex").slice(0, 8)}` : "";
  const name = `label-${order || "order"}-${safePin || "pin"}${suffix}.pdf`;
  return RESERVED.test(name) ? `_${name}` : name;
}

/** Whether Windows would accept `name` as a file name (used by the tests and for manifests). */
export function isValidWindowsFileName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[<>:"/\\|?*\u0000-\u001f]/.test(name) && !/[. ]$/.test(name) && !RESERVED.test(name);
}
