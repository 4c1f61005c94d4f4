import * as p from "@clack/prompts";
import type { App } from "../app/app.ts";
import { deskOrders } from "./desk-orders.ts";
import { keepOnly, presetQuestion, refreshReview, rowOfOrder, weightText, withWeight, type Review, type ReviewRow } from "./batch.ts";
import { editAddress } from "./address-screen.ts";
import { saveService, saveWeight } from "./review-store.ts";
import { SERVICES } from "../rates/index.ts";
import { orStop, STOP, type Stop } from "./stop.ts";
import { repriceOne } from "./pricing.ts";
import { againText, batchChoice, batchHeadline, batchTable, rowLabel } from "./table.ts";
import { parseWeight } from "./weight.ts";

/**
 * Steps 3 to 5: the batch as a list (the orders that cannot ship too, with their problems and
 * the fix), leave orders out, correct an address, change weights or services.
 */
export async function reviewBatch(app: App, first: Review, signal: AbortSignal): Promise<Review | Stop> {
  let review = first;
  p.note(batchTable(review.rows).join("\n"), batchHeadline(review), { format: (line) => line });
  const selectable = review.rows.filter((r) => r.selectable);
  if (selectable.length > 0) {
    const kept = orStop(
      await p.multiselect({
        message: "Orders to buy labels for (Space leaves one out, Enter goes on)",
        options: review.rows.map((r) => ({ value: r.orderId, label: rowLabel(r), hint: r.problems[0] ?? (r.again ? againText(r.again) : undefined), disabled: !r.selectable })),
        initialValues: [...review.selected],
        required: false,
        maxItems: 12,
        signal,
      }),
    );
    if (kept === STOP) return STOP;
    review = keepOnly(review, kept);
    p.log.message(batchChoice(review));
  }
  for (;;) {
    const more = orStop(
      await p.select({
        message: "Change an order's address, weight or service before buying?",
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
  if (!r.selectable) return `has problems: ${r.problems[0] ?? ""}`;
  const why = r.again ? (r.again.kind === "refused" ? ", refused before" : ", voided before") : "";
  return `${review.selected.has(r.orderId) ? "in the batch" : "left out"}${why}`;
}

async function changeOne(app: App, review: Review, signal: AbortSignal): Promise<Review | Stop> {
  const orderId = orStop(
    await p.select({
      message: "Which order?",
      options: review.rows.map((r) => ({ value: r.orderId, label: rowLabel(r), hint: stateHint(review, r) })),
      maxItems: 12,
      signal,
    }),
  );
  if (orderId === STOP) return STOP;
  const row = rowOfOrder(review, orderId)!;
  const what = orStop(
    await p.select({
      message: `Change what for ${orderId}?`,
      options: [
        { value: "address", label: "Address", hint: row.address },
        { value: "weight", label: "Weight", hint: weightText(row) },
        { value: "service", label: "Service", hint: row.service },
      ],
      signal,
    }),
  );
  if (what === STOP) return STOP;

  const changed =
    what === "address" ? await changeAddress(app, review, orderId, signal) : what === "weight" ? await changeWeight(app, review, row, signal) : await changeService(app, review, row, signal);
  if (changed === STOP) return STOP;
  if (changed === undefined) return review;

  const shippable = await deskOrders(app);
  const next = await repriceOne(app, refreshReview(changed.review, shippable, orderId), shippable, orderId);
  const now = rowOfOrder(next, orderId);
  p.log.success(changed.said);
  if (now) {
    p.log.message(`${rowLabel(now)}  [${stateHint(next, now)}]`);
    if (now.serviceNote) p.log[now.warn ? "warn" : "info"](now.serviceNote);
    for (const problem of now.problems) p.log.warn(problem);
  }
  return next;
}

/** What a change said, and the review with it (before the order is priced again); undefined: nothing changed. */
type Changed = { said: string; review: Review } | Stop | undefined;

async function changeAddress(app: App, review: Review, orderId: string, signal: AbortSignal): Promise<Changed> {
  const result = await editAddress(app, orderId, signal);
  if (result === STOP || result === undefined) return result;
  return { said: result, review };
}

async function changeWeight(app: App, review: Review, row: ReviewRow, signal: AbortSignal): Promise<Changed> {
  const orderId = row.orderId;
  const typed = orStop(
    await p.text({
      message: `Weight of the parcel for ${orderId}, in kg`,
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
    const answer = orStop(await p.confirm({ message: question, active: "Yes, for the SKU", inactive: "No, this order only", initialValue: false, signal }));
    if (answer === STOP) return STOP;
    asPreset = answer;
  }
  return { said: await saveWeight(app.db, row, w.kg, asPreset), review: withWeight(review, orderId, w.kg) };
}

async function changeService(app: App, review: Review, row: ReviewRow, signal: AbortSignal): Promise<Changed> {
  const orderId = row.orderId;
  const code = orStop(
    await p.select({
      message: `Canada Post service for ${orderId}`,
      options: SERVICES.map((s) => ({ value: s.code as string, label: `${s.code}  ${s.name}` })),
      initialValue: row.service,
      signal,
    }),
  );
  if (code === STOP) return STOP;
  const saved = await saveService(app.db, orderId, code);
  if (!saved.ok) {
    p.log.warn(saved.message);
    return undefined;
  }
  return { said: saved.message, review };
}
