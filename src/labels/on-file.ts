import { readdirSync } from "node:fs";
import { isLabelFileOf } from "./file-name.ts";

/**
 * Whether the labels folder already holds a label of an order, read from the folder once (when
 * first asked) for a whole run. A label there for an order the database has none for means the
 * database forgot it (restored from an older backup, or started afresh after damage): before
 * buying, Canada Post is asked whether it has that request's label already.
 */
export function labelsOnFile(dir: string): (orderId: string) => boolean {
  let names: string[] | undefined;
  return (orderId) => {
    names ??= listing(dir);
    return names.some((name) => isLabelFileOf(name, orderId));
  };
}

function listing(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.startsWith("label-") || name.startsWith("_label-"));
  } catch {
    return []; // no folder yet: nothing on file (a folder that cannot be read is checked before buying)
  }
}
