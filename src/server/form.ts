import type { Context } from "hono";
import { PageError } from "./errors.ts";

/** Shipment ids from `id` fields (a form's checkboxes, or ?id=1&id=2), checked to be whole numbers. */
export function parseIds(values: readonly unknown[]): number[] {
  const ids = new Set<number>();
  for (const value of values) {
    for (const part of String(value).split(",")) {
      if (part.trim() === "") continue;
      if (!/^\d{1,15}$/.test(part.trim())) throw new PageError(400, "A label was asked for by something that is not a shipment number.");
      ids.add(Number(part.trim()));
    }
  }
  return [...ids];
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export async function formIds(c: Context): Promise<{ ids: number[]; field: (name: string) => string | undefined }> {
  const body = await c.req.parseBody({ all: true });
  const field = (name: string) => {
    const v = asList(body[name])[0];
    return typeof v === "string" ? v : undefined;
  };
  return { ids: parseIds(asList(body["id"])), field };
}

/** A shipment id from a path segment such as "12" or "12.pdf"; anything else is no label. */
export function shipmentIdFrom(segment: string, suffix = ""): number {
  const m = new RegExp(`^(\\d{1,15})${suffix.replace(".", "\\.")}$`).exec(segment);
  if (!m) throw new PageError(404, "There is no such label.");
  return Number(m[1]);
}
