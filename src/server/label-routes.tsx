/** @jsxImportSource hono/jsx */
import { existsSync } from "node:fs";
import { Hono, type Context } from "hono";
import type { PageContext } from "./context.ts";
import { PageError } from "./errors.ts";
import { formIds, parseIds, shipmentIdFrom } from "./form.ts";
import { isZplLabel, locateLabel, readLabel, type LabelFile } from "./label-file.ts";
import { labelById, labelsByIds, labelsOfDay, markPrinted, type LabelRow, type PrintedFilter } from "./labels-store.ts";
import { localDay, localDayRange, parseLocalDay, type LocalDayRange } from "../common/calendar.ts";
import { mergeLabels } from "./merge.ts";
import { LabelsPage, type ListedLabel } from "./pages/labels-page.tsx";

const FILTERS: readonly PrintedFilter[] = ["all", "printed", "unprinted"];

function dayFrom(value: string | undefined, now: Date): LocalDayRange {
  if (!value) return localDayRange(now);
  const day = parseLocalDay(value);
  if (!day) throw new PageError(400, `"${value.slice(0, 20)}" is not a date; pick a day such as ${localDay(now)}.`);
  return day;
}

function filterFrom(value: string | undefined): PrintedFilter {
  return FILTERS.includes(value as PrintedFilter) ? (value as PrintedFilter) : "all";
}

function listUrl(day: string, printed: string | undefined, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ date: day, printed: filterFrom(printed), ...extra });
  return `/?${q}`;
}

function pdfResponse(c: Context, bytes: Uint8Array, filename: string, download: boolean): Response {
  const safe = filename.replace(/[^\w.-]/g, "_");
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": "application/pdf",
    "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${safe}"`,
    "Cache-Control": "no-store",
  });
}

/** The clerk's sentence for a label file that cannot be used as it is. */
export function fileProblem(row: LabelRow, file: Exclude<LabelFile, { state: "ok" }>): PageError {
  switch (file.state) {
    case "outside":
      return new PageError(403, `The label of order ${row.order_id} is recorded outside the labels folder, so it is not served.`);
    case "missing":
      return new PageError(409, `The label file of order ${row.order_id} is missing; press Reprint beside it to fetch it again from Canada Post.`);
    case "corrupt":
      return new PageError(409, `The label file of order ${row.order_id} cannot be printed because ${file.reason}; press Reprint beside it to fetch it again from Canada Post.`);
  }
}

export async function usableLabel(ctx: PageContext, row: LabelRow): Promise<Uint8Array> {
  const file = await readLabel(ctx.labelsDir, row.label_pdf_path);
  if (file.state !== "ok") throw fileProblem(row, file);
  return file.bytes;
}

function listed(ctx: PageContext, row: LabelRow): ListedLabel {
  const where = locateLabel(ctx.labelsDir, row.label_pdf_path);
  return { ...row, fileState: !where.inside ? "outside" : existsSync(where.path) ? "present" : "missing" };
}

function notice(c: Context): { text?: string; link?: { href: string; text: string } } {
  const done = c.req.query("done");
  const n = Number(c.req.query("n") ?? "0");
  const order = (c.req.query("order") ?? "").slice(0, 40);
  const id = c.req.query("id") ?? "";
  const link = /^\d+$/.test(id) ? { href: `/labels/${id}.pdf`, text: "Open it" } : undefined;
  if (done === "printed") return { text: `${n} ${n === 1 ? "label" : "labels"} marked as printed.` };
  if (done === "sent") {
    const r = Number(c.req.query("r") ?? "0");
    const why = (c.req.query("why") ?? "").slice(0, 900);
    return { text: `${n} ${n === 1 ? "label" : "labels"} sent to the printer${r > 0 ? ` (${r} of them ${r === 1 ? "a reprint" : "reprints"})` : ""}.${why ? ` Not sent: ${why}` : ""}` };
  }
  if (done === "refetched") return { text: `The label of order ${order} was fetched again from Canada Post (not bought again).`, link };
  if (done === "fine") return { text: `The label file of order ${order} is fine; open it to print it again.`, link };
  return {};
}

export function labelRoutes(ctx: PageContext): Hono {
  const app = new Hono();

  app.get("/", async (c) => {
    const now = ctx.now();
    const day = dayFrom(c.req.query("date"), now);
    const printed = filterFrom(c.req.query("printed"));
    const rows = await labelsOfDay(ctx.db, day, printed);
    const { text, link } = notice(c);
    return c.html(
      <LabelsPage
        mode={ctx.mode}
        token={ctx.token}
        now={now}
        day={day.iso}
        printed={printed}
        labels={rows.map((r) => listed(ctx, r))}
        notice={text}
        noticeLink={link}
        printer={ctx.printer?.described}
      />,
    );
  });

  // The picked labels, or without ids every label of the day not printed yet.
  app.get("/labels/merged.pdf", async (c) => {
    const ids = parseIds(c.req.queries("id") ?? []);
    const day = dayFrom(c.req.query("date"), ctx.now());
    const found = ids.length > 0 ? await labelsByIds(ctx.db, ids) : await labelsOfDay(ctx.db, day, "unprinted");
    if (found.length === 0) throw new PageError(404, "There is no label to print for this choice.");
    if (ids.length > 0 && found.length !== ids.length) throw new PageError(404, "Some of the picked labels no longer exist; reload the labels page.");
    // ZPL labels go straight to the thermal printer; the PDF holds the PDF labels.
    const rows = found.filter((r) => !isZplLabel(r.label_pdf_path));
    if (rows.length === 0) throw new PageError(404, "These labels are ZPL, for the thermal printer: pick them and press Send picked to the printer, or open each one (View) as an image.");
    const files = [];
    for (const row of rows) files.push(await usableLabel(ctx, row));
    const name = ids.length > 0 ? `labels-${rows.length}-picked.pdf` : `labels-${day.iso}.pdf`;
    const merged = await mergeLabels(files, `shipdesk labels ${day.iso}`);
    return pdfResponse(c, merged, name, c.req.query("download") === "1");
  });

  // A redirect to a plain GET address, so the PDF tab can be reloaded and saved like any other.
  app.post("/labels/merge", async (c) => {
    const { ids } = await formIds(c);
    if (ids.length === 0) throw new PageError(400, "No label was picked; tick the labels to print first.");
    const q = new URLSearchParams(ids.map((id) => ["id", String(id)]));
    return c.redirect(`/labels/merged.pdf?${q}`, 303);
  });

  app.post("/labels/printed", async (c) => {
    const { ids, field } = await formIds(c);
    if (ids.length === 0) throw new PageError(400, "No label was picked; tick the labels you printed first.");
    const marked = await markPrinted(ctx.db, ids, ctx.now());
    const day = field("date") ?? localDay(ctx.now());
    return c.redirect(listUrl(day, field("printed"), { done: "printed", n: String(marked.length) }), 303);
  });

  // A reprint never buys: a file that is fine is simply offered again; a missing or damaged one
  // is downloaded again from the label URL Canada Post gave when it was bought.
  app.post("/labels/:id/reprint", (c) => reprint(ctx, c));

  app.get("/labels/:file", async (c) => {
    const id = shipmentIdFrom(c.req.param("file"), ".pdf");
    const row = await labelById(ctx.db, id);
    if (!row) throw new PageError(404, "There is no such label.");
    // A ZPL label is no PDF: it is shown as the image the printer prints.
    if (isZplLabel(row.label_pdf_path)) return c.redirect(`/labels/${id}.png`, 302);
    const bytes = await usableLabel(ctx, row);
    return pdfResponse(c, bytes, `label-${row.order_id}.pdf`, c.req.query("download") === "1");
  });

  return app;
}

/** Offers the label again, downloading it again from Canada Post first when the file is missing or damaged. */
async function reprint(ctx: PageContext, c: Context): Promise<Response> {
  const id = shipmentIdFrom(c.req.param("id") ?? "");
  const { field } = await formIds(c);
  const back = (done: string, order: string) =>
    listUrl(field("date") ?? localDay(ctx.now()), field("printed"), { done, order, id: String(id) });
  const row = await labelById(ctx.db, id);
  if (!row) throw new PageError(404, "There is no such label.");
  const before = await readLabel(ctx.labelsDir, row.label_pdf_path);
  if (before.state === "outside") throw fileProblem(row, before);
  if (before.state === "ok") return c.redirect(back("fine", row.order_id), 303);
  const result = await ctx.refetchLabel(id);
  if (!result.ok) throw new PageError(502, `The label of order ${row.order_id} could not be fetched again from Canada Post: ${result.message}`);
  const fresh = await labelById(ctx.db, id);
  await usableLabel(ctx, fresh ?? row);
  return c.redirect(back("refetched", row.order_id), 303);
}
