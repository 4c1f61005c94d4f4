/** Canada Post's limit for one domestic parcel. */
export const MAX_WEIGHT_KG = 30;

export type WeightInput = { ok: true; kg: number } | { ok: false; message: string };

/**
 * What the clerk typed as a weight, in kg. Accepts "2.5", "2,5" (French keyboards) and a
 * trailing "kg"; kept to grams because the database stores three decimals.
 */
export function parseWeight(input: string | undefined): WeightInput {
  const cleaned = (input ?? "").trim().toLowerCase().replace(/\s*kg$/, "").replace(",", ".");
  if (cleaned === "") return { ok: false, message: "Type the parcel's weight in kg, for example 1.5." };
  if (!/^\d*\.?\d+$|^\d+\.$/.test(cleaned)) return { ok: false, message: `"${input?.trim()}" is not a weight; type it in kg, for example 1.5.` };
  const kg = Math.round(Number(cleaned) * 1000) / 1000;
  if (!(kg > 0)) return { ok: false, message: "The weight must be more than 0 kg." };
  if (kg > MAX_WEIGHT_KG) return { ok: false, message: `Canada Post takes at most ${MAX_WEIGHT_KG} kg in one parcel; split the order or check the weight.` };
  return { ok: true, kg };
}

/** "1.5 kg", "0.25 kg": grams shown only when there are some. */
export function formatKg(kg: number): string {
  return `${Number(kg.toFixed(3))} kg`;
}
