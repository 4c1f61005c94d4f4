import type { ParcelSettings } from "../config/index.ts";
import type { OrderLine } from "../common/order-row.ts";

export interface SkuPackage {
  sku: string;
  weight_kg: number;
  length_cm: number | null;
  width_cm: number | null;
  height_cm: number | null;
  /** The clerk's service for this SKU; wins over canadapost.service. */
  service_code?: string | null;
}

export interface ParcelChoice {
  weightKg: number;
  dimensionsCm: { length: number; width: number; height: number } | undefined;
  /** How the weight was decided, for the clerk's review screen. */
  source: "override" | "sku" | "default" | "mixed";
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The parcel for an order: the clerk's override wins; otherwise the sum over every line of
 * quantity × the SKU's weight (the default parcel weight for SKUs without a preset). Sizes are
 * known only for a single unit of one SKU; anything else ships as the default box.
 */
export function parcelFor(lines: OrderLine[], packages: ReadonlyMap<string, SkuPackage>, defaults: ParcelSettings, overrideKg?: number | null): ParcelChoice {
  const defaultBox = { length: defaults.lengthCm, width: defaults.widthCm, height: defaults.heightCm };
  const single = lines.length === 1 && lines[0]!.quantity === 1 ? packages.get(lines[0]!.sku ?? "") : undefined;
  const dims =
    single && single.length_cm && single.width_cm && single.height_cm
      ? { length: single.length_cm, width: single.width_cm, height: single.height_cm }
      : defaultBox;
  if (overrideKg != null && overrideKg > 0) return { weightKg: round3(overrideKg), dimensionsCm: dims, source: "override" };
  if (lines.length === 0) return { weightKg: defaults.weightKg, dimensionsCm: defaultBox, source: "default" };
  let total = 0;
  let known = 0;
  for (const line of lines) {
    const pkg = line.sku ? packages.get(line.sku) : undefined;
    if (pkg) known++;
    total += line.quantity * (pkg ? pkg.weight_kg : defaults.weightKg);
  }
  const source = known === lines.length ? "sku" : known === 0 ? "default" : "mixed";
  return { weightKg: round3(total), dimensionsCm: dims, source };
}

/** The SKU preset's service when every line's SKU has the same one; null otherwise. */
export function skuServiceFor(lines: OrderLine[], packages: ReadonlyMap<string, SkuPackage>): string | null {
  const services = new Set(lines.map((l) => (l.sku ? (packages.get(l.sku)?.service_code ?? null) : null)));
  if (services.size !== 1) return null;
  return [...services][0] ?? null;
}
