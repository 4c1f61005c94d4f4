import * as p from "@clack/prompts";
import type { App } from "../app/app.ts";
import { holdOrder, releaseOrder } from "../orders/index.ts";
import { whoAmI } from "../ship-to/index.ts";
import { deskOrders } from "./desk-orders.ts";
import { keepOnly, presetQuestion, refreshReview, rowOfOrder, weightText, withWeight, type Review, type ReviewRow } from "./batch.ts";
import { editAddress } from "./address-screen.ts";
import { saveService, saveWeight } from "./review-store.ts";
import { orStop, STOP, type Stop } from "./stop.ts";
import { repriceOne } from "./pricing.ts";
import { pickService } from "./service-picker.ts";
import { pickBatch } from "./batch-picker.ts";
import { ask, say, sayNote, logWidth, noteWidth, optionWidth } from "./say.ts";
import { againText, batchChoice, batchHeadline, batchTable, fittedHint, rowLabel, rowLabels } from "./table.ts";
import { parseWeight } from "./weight.ts";
import { textWidth } from "./fit.ts";

/** Why an order cannot go in the batch, or is left out, in a few words (the picker's hint). */
function hintOf(r: ReviewRow): string | undefined {
  if (r.held) return "on hold: release it first";
  return r.problems[0] ?? (r.again ? againText(r.again) : undefined);
}

/**
 * Steps 3 to 5: the batch as a list, earliest deadline first (the orders that cannot ship too,
 * with their problems and the fix), leave orders out of this batch, hold one back for good,
 * correct an address, change weights or services.
 */
export async function reviewBatch(app: App, first: Review, signal: AbortSignal): Promise<Review | Stop> {
  let review = first;
  sayNote([batchHeadline(review), "", ...batchTable(review.rows, noteWidth())], `Orders without a label (${review.rows.length}), earliest deadline first`);
  if (review.rows.some((r) => r.selectable)) {
    const width = optionWidth();
    const labels = rowLabels(review.rows, width);
    const selectable = review.rows.filter((r) => r.selectable).length;
    const kept = orStop(
      await pickBatch({
        message: ask("Orders to buy labels for now. Space leaves one out of this batch only (the next run, --auto too, buys it; to keep one back, hold it). Enter goes on."),
        options: review.rows.map((r) => ({ value: r.orderId, label: labels.get(r.orderId)!, hint: fittedHint(labels.get(r.orderId)!, hintOf(r), width), disabled: !r.selectable })),
        initialValues: [...review.selected],
        maxItems: 12,
        signal,
        answered: (chosen) => `${chosen.length} of ${selectable} order${selectable === 1 ? "" : "s"} chosen`,
      }),
    );
    if (kept === STOP) return STOP;
    review = keepOnly(review, kept as string[]);
    say.message(batchChoice(review));
  }
  for (;;) {
    const more = orStop(
      await p.select({
        message: ask("Change an order's address, weight or service, or hold one, before buying?"),
        options: [
          { value: "go", label: "No, go on" },
          { value: "change", label: "Yes, change an order", hint: review.rows.some((r) => !r.selectable) ? "fixes the orders with problems" : undefined },
        ],
        signal,
      }),
    );
    if (more === STOP) return STOP;
    if (more === "go") return review;
    const changed = await changeOne(app, review, signal);
    if (changed === STOP) return STOP;
    review = changed;
  }
}

function stateHint(review: Review, r: ReviewRow): string {
  if (r.held) return "on hold";
  if (!r.selectable) return `has problems: ${r.problems[0] ?? ""}`;
  const why = r.again ? (r.again.kind === "refused" ? ", refused before" : ", voided before") : "";
  return `${review.selected.has(r.orderId) ? "in the batch" : "left out"}${why}`;
}

async function changeOne(app: App, review: Review, signal: AbortSignal): Promise<Review | Stop> {
  const width = optionWidth();
  const labels = rowLabels(review.rows, width);
  const orderId = orStop(
    await p.select({
      message: "Which order?",
      options: review.rows.map((r) => ({ value: r.orderId, label: labels.get(r.orderId)!, hint: fittedHint(labels.get(r.orderId)!, stateHint(review, r), width) })),
      maxItems: 12,
      signal,
    }),
  );
  if (orderId === STOP) return STOP;
  const row = rowOfOrder(review, orderId)!;
  const what = orStop(
    await p.select({
      message: ask(`Change what for ${orderId}?`),
      options: [
        { value: "address", label: "Address", hint: row.address },
        { value: "weight", label: "Weight", hint: weightText(row) },
        { value: "service", label: "Service", hint: row.service },
        row.held
          ? { value: "release", label: "Release the hold", hint: "the next run buys its label" }
          : { value: "hold", label: "Hold", hint: "kept out of every run (--auto too) until released" },
      ].map((o) => ({ ...o, hint: fittedHint(o.label, o.hint, width) })),
      signal,
    }),
  );
  if (what === STOP) return STOP;

  const changed = await change(app, review, row, what, signal);
  if (changed === STOP) return STOP;
  if (changed === undefined) return review;

  const shippable = await deskOrders(app);
  const next = await repriceOne(app, refreshReview(changed.review, shippable, orderId), shippable, orderId);
  const now = rowOfOrder(next, orderId);
  say.success(changed.said);
  if (now) {
    const state = `  [${stateHint(next, now)}]`;
    say.message(`${rowLabel(now, Math.max(20, logWidth() - textWidth(state)))}${state}`);
    if (now.serviceNote) say[now.warn ? "warn" : "info"](now.serviceNote);
    for (const problem of now.problems) say.warn(problem);
  }
  return next;
}

/** What a change said, and the review with it (before the order is priced again); undefined: nothing changed. */
type Changed = { said: string; review: Review } | Stop | undefined;

function change(app: App, review: Review, row: ReviewRow, what: string, signal: AbortSignal): Promise<Changed> {
  switch (what) {
    case "address":
      return changeAddress(app, review, row.orderId, signal);
    case "weight":
      return changeWeight(app, review, row, signal);
    case "hold":
    case "release":
      return changeHold(app, review, row, what);
    default:
      return changeService(app, review, row, signal);
  }
}

async function changeAddress(app: App, review: Review, orderId: string, signal: AbortSignal): Promise<Changed> {
  const result = await editAddress(app, orderId, signal);
  if (result === STOP || result === undefined) return result;
  return { said: result, review };
}

async function changeWeight(app: App, review: Review, row: ReviewRow, signal: AbortSignal): Promise<Changed> {
  const orderId = row.orderId;
  const typed = orStop(
    await p.text({
      message: ask(`Weight of the parcel for ${orderId}, in kg`),
      placeholder: String(row.weightKg),
      validate: (value) => {
        const w = parseWeight(value);
        return w.ok ? undefined : w.message;
      },
      signal,
    }),
  );
  if (typed === STOP) return STOP;
  const w = parseWeight(typed);
  if (!w.ok) return undefined; // the prompt's validation already refused it
  const question = presetQuestion(row, w.kg);
  let asPreset = false;
  if (question) {
    const answer = orStop(await p.confirm({ message: ask(question), active: "Yes, for the SKU", inactive: "No, this order only", initialValue: false, signal }));
    if (answer === STOP) return STOP;
    asPreset = answer;
  }
  return { said: await saveWeight(app.db, row, w.kg, asPreset), review: withWeight(review, orderId, w.kg) };
}

async function changeService(app: App, review: Review, row: ReviewRow, signal: AbortSignal): Promise<Changed> {
  const code = await pickService(row, review.choices.get(row.orderId), signal);
  if (code === STOP || code === undefined) return code;
  const saved = await saveService(app.db, row.orderId, code);
  if (!saved.ok) {
    say.warn(saved.message);
    return undefined;
  }
  return { said: saved.message, review };
}

/** Hold: out of this batch and every run until released; release: back in the batch. */
async function changeHold(app: App, review: Review, row: ReviewRow, what: "hold" | "release"): Promise<Changed> {
  const result = what === "hold" ? await holdOrder(app.db, row.orderId, whoAmI()) : await releaseOrder(app.db, row.orderId);
  if (!result.ok) {
    say.warn(result.message);
    return undefined;
  }
  return { said: result.message, review };
}
