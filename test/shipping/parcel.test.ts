import { expect, test } from "bun:test";
import { customerRequestId, parcelFor } from "../../src/shipping/index.ts";

const defaults = { weightKg: 1, lengthCm: 30, widthCm: 20, heightCm: 10 };
const packages = new Map([
  ["TV-55", { sku: "TV-55", weight_kg: 18.5, length_cm: 140, width_cm: 20, height_cm: 85 }],
  ["CABLE", { sku: "CABLE", weight_kg: 0.2, length_cm: null, width_cm: null, height_cm: null }],
]);

test("weight is quantity-aware across every line, from the SKU presets", () => {
  const p = parcelFor([{ sku: "CABLE", quantity: 3, title: undefined }, { sku: "TV-55", quantity: 1, title: undefined }], packages, defaults);
  expect(p.weightKg).toBe(19.1);
  expect(p.source).toBe("sku");
  expect(p.dimensionsCm).toEqual({ length: 30, width: 20, height: 10 }); // several lines: the default box
});

test("a single unit of a SKU with a size ships in that size", () => {
  const p = parcelFor([{ sku: "TV-55", quantity: 1, title: undefined }], packages, defaults);
  expect(p).toEqual({ weightKg: 18.5, dimensionsCm: { length: 140, width: 20, height: 85 }, source: "sku" });
});

test("SKUs without a preset fall back to the default parcel weight, per unit", () => {
  expect(parcelFor([{ sku: "MYSTERY", quantity: 2, title: undefined }], packages, defaults)).toMatchObject({ weightKg: 2, source: "default" });
  expect(parcelFor([{ sku: "MYSTERY", quantity: 1, title: undefined }, { sku: "CABLE", quantity: 1, title: undefined }], packages, defaults)).toMatchObject({
    weightKg: 1.2,
    source: "mixed",
  });
  expect(parcelFor([], packages, defaults)).toMatchObject({ weightKg: 1, source: "default" });
});

test("the clerk's override wins", () => {
  expect(parcelFor([{ sku: "TV-55", quantity: 1, title: undefined }], packages, defaults, 21.25)).toMatchObject({ weightKg: 21.25, source: "override" });
});

test("customer-request-id is deterministic per order and attempt, and fits Canada Post's 35 characters", () => {
  expect(customerRequestId("241907365-A", 1)).toBe("241907365-A-1");
  expect(customerRequestId("241907365-A", 2)).toBe("241907365-A-2");
  const long = customerRequestId("X".repeat(80), 3);
  expect(long.length).toBeLessThanOrEqual(35);
  expect(customerRequestId("X".repeat(80), 3)).toBe(long);
  expect(customerRequestId("Y".repeat(80), 3)).not.toBe(long);
});
