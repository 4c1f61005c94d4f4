/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import type { PageContext } from "./context.ts";
import { PageError } from "./errors.ts";
import { readLabel } from "./label-file.ts";
import { localDay, localDayRange, parseLocalDay } from "../common/calendar.ts";
import { manifestById, manifestsOfDay } from "./manifests-store.ts";
import { ManifestsPage } from "./pages/manifests-page.tsx";

/** The day's manifests, and each manifest PDF by its id (never by a path from the request). */
export function manifestRoutes(ctx: PageContext): Hono {
  const app = new Hono();

  app.get("/manifests", async (c) => {
    const now = ctx.now();
    const asked = c.req.query("date");
    const day = asked ? parseLocalDay(asked) : localDayRange(now);
    if (!day) throw new PageError(400, `"${asked!.slice(0, 20)}" is not a date; pick a day such as ${localDay(now)}.`);
    const manifests = await manifestsOfDay(ctx.db, day);
    return c.html(<ManifestsPage mode={ctx.mode} now={now} day={day.iso} manifests={manifests} />);
  });

  app.get("/manifests/:id/manifest.pdf", async (c) => {
    const id = c.req.param("id");
    if (!/^\d{1,15}$/.test(id)) throw new PageError(400, "A manifest was asked for by something that is not a manifest number.");
    const m = await manifestById(ctx.db, Number(id));
    if (!m || !m.pdf_path) throw new PageError(404, "This manifest has no PDF saved; run shipdesk manifest to fetch it.");
    const file = await readLabel(ctx.labelsDir, m.pdf_path);
    if (file.state === "outside") throw new PageError(403, `Manifest ${m.po_number ?? id} is recorded outside the labels folder, so it is not served.`);
    if (file.state !== "ok") throw new PageError(409, `The PDF of manifest ${m.po_number ?? id} is missing or damaged; run shipdesk manifest to fetch it again.`);
    const name = `manifest-${(m.po_number ?? id).replace(/[^\w-]/g, "_")}.pdf`;
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${name}"`,
      "Cache-Control": "no-store",
    });
  });

  return app;
}
