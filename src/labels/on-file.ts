import { readdirSync } from "node:fs";
import { isLabelFileOf, plainLabelOrder } from "./file-name.ts";

/**
 * Whether the labels folder already holds a label of an order, read from the folder once (when
 * first asked) for a whole run. A label there for an order the database has none for means the
 * database forgot it (restored from an older backup, or started afresh after damage): before
 * buying, Canada Post is asked whether it has that request's label already.
 */
export function labelsOnFile(dir: string): (orderId: string) => boolean {
  let read: { plain: Set<string>; other: string[] } | undefined;
  return (orderId) => {
    read ??= listing(dir);
    return read.plain.has(orderId) || read.other.some((name) => isLabelFileOf(name, orderId));
  };
}

/**
 * The folder's label files: a plain name (label-ORDER-PIN.pdf, what Best Buy's ids make) is
 * indexed by its order, so a year of labels costs a lookup per order; the rare others are kept
 * to be matched one by one.
 */
function listing(dir: string): { plain: Set<string>; other: string[] } {
  const plain = new Set<string>();
  const other: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { plain, other }; // no folder yet: nothing on file (one that cannot be read is checked before buying)
  }
  for (const name of names) {
    const order = plainLabelOrder(name);
    if (order) plain.add(order);
    else if (name.startsWith("label-") || name.startsWith("_label-")) other.push(name);
  }
  return { plain, other };
}
