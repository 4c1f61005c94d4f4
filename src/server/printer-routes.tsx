/** @jsxImportSource hono/jsx */
import { Hono, type Context } from "hono";
import { localDay } from "../common/calendar.ts";
import { renderZpl } from "../printing/render.ts";
import type { PageContext } from "./context.ts";
import { PageError } from "./errors.ts";
import { formIds, shipmentIdFrom } from "./form.ts";
import { isZplLabel } from "./label-file.ts";
import { usableLabel } from "./label-routes.tsx";
import { labelById } from "./labels-store.ts";

/**
 * The thermal printer on the label page: a ZPL label shown as the printer prints it (a PNG drawn
 * here, when asked, kept by its checksum), and the picked labels sent to the printer with one
 * button. A person pressing it is asking: a label printed before is printed again, and the
 * notice says it was a reprint.
 */
export function printerRoutes(ctx: PageContext): Hono {
  const app = new Hono();

  app.get("/labels/:file{[0-9]+\\.png}", async (c) => {
    const id = shipmentIdFrom(c.req.param("file"), ".png");
    const row = await labelById(ctx.db, id);
    if (!row) throw new PageError(404, "There is no such label.");
    if (!isZplLabel(row.label_pdf_path)) return c.redirect(`/labels/${id}.pdf`, 302);
    const png = await renderZpl(await usableLabel(ctx, row), ctx.dpi);
    return c.body(png as Uint8Array<ArrayBuffer>, 200, { "Content-Type": "image/png", "Cache-Control": "private, max-age=3600" });
  });

  app.post("/labels/send", (c) => send(ctx, c));
  return app;
}

async function send(ctx: PageContext, c: Context): Promise<Response> {
  const { ids, field } = await formIds(c);
  if (!ctx.printer) throw new PageError(400, "No printer is set (printer.kind in shipdesk.toml); open the picked labels as one PDF instead.");
  if (ids.length === 0) throw new PageError(400, "No label was picked; tick the labels to send to the printer first.");
  const results = await ctx.printer.send(ids);
  const printed = results.filter((r) => r.kind === "printed");
  const reprints = printed.filter((r) => r.reprint).length;
  const others = results.filter((r) => r.kind !== "printed");
  const q = new URLSearchParams({
    date: field("date") ?? localDay(ctx.now()),
    printed: field("printed") ?? "all",
    done: "sent",
    n: String(printed.length),
    r: String(reprints),
    ...(others.length > 0 ? { why: others.map((r) => r.sentence).join(" ").slice(0, 900) } : {}),
  });
  return c.redirect(`/?${q}`, 303);
}
