/** @jsxImportSource hono/jsx */
import { Hono, type Context } from "hono";
import { isParcelState, listParcels, type ParcelState } from "../parcels/index.ts";
import { lateRefunds } from "../status/index.ts";
import type { PageContext } from "./context.ts";
import { PageError } from "./errors.ts";
import { readLabel } from "./label-file.ts";
import { ParcelsPage } from "./pages/parcels-page.tsx";
import parcelProofSql from "../../sql/server/parcel_proof.sql" with { type: "text" };

const PIN = /^[0-9A-Z]{11,16}$/;

async function proofOf(ctx: PageContext, pin: string): Promise<{ order_id: string; proof_pdf_path: string | null }> {
  if (!PIN.test(pin)) throw new PageError(400, "A parcel was asked for by something that is not a tracking number.");
  const [row] = await ctx.db.query<{ order_id: string; proof_pdf_path: string | null }>(parcelProofSql, [pin]);
  if (!row) throw new PageError(404, "shipdesk follows no parcel with this tracking number.");
  return row;
}

/** The Parcels view: each parcel's journey, the refunds to claim, and the delivery certificates. */
export function parcelRoutes(ctx: PageContext): Hono {
  const app = new Hono();

  const render = async (c: Context, state: ParcelState | undefined, notice: { text: string; bad: boolean } | undefined, status = 200) => {
    const now = ctx.now();
    const parcels = await listParcels(ctx.db, { state });
    const refunds = await lateRefunds(ctx.db, now);
    c.status(status as 200);
    return c.html(<ParcelsPage mode={ctx.mode} now={now} parcels={parcels} state={state} refunds={refunds} token={ctx.token} canFetchProof={ctx.saveProof !== undefined} notice={notice} />);
  };

  app.get("/parcels", async (c) => {
    const asked = c.req.query("state") || undefined;
    const order = (c.req.query("order") ?? "").slice(0, 60);
    const saved = c.req.query("done") === "proof" && order ? { text: `The delivery certificate of order ${order} is saved beside its label.`, bad: false } : undefined;
    return render(c, asked && isParcelState(asked) ? asked : undefined, saved);
  });

  app.get("/parcels/:pin/proof.pdf", async (c) => {
    const row = await proofOf(ctx, c.req.param("pin"));
    if (!row.proof_pdf_path) throw new PageError(404, `No delivery certificate is saved for order ${row.order_id}; get it on the Parcels page or with shipdesk proof ${row.order_id}.`);
    const file = await readLabel(ctx.labelsDir, row.proof_pdf_path);
    if (file.state === "outside") throw new PageError(403, `The certificate of order ${row.order_id} is recorded outside the labels folder, so it is not served.`);
    if (file.state !== "ok") throw new PageError(409, `The certificate file of order ${row.order_id} is missing or damaged; run shipdesk proof ${row.order_id} to fetch it again.`);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="proof-${row.order_id.replace(/[^\w-]/g, "_")}.pdf"`,
      "Cache-Control": "no-store",
    });
  });

  // Asks Canada Post for the certificate (a delivered parcel only; 6 a minute at most).
  app.post("/parcels/:pin/proof", async (c) => {
    const row = await proofOf(ctx, c.req.param("pin"));
    if (!ctx.saveProof) throw new PageError(409, `This page cannot ask Canada Post; run shipdesk proof ${row.order_id}.`);
    const got = await ctx.saveProof(row.order_id);
    if (!got.ok) return render(c, undefined, { text: got.message, bad: true }, 409);
    return c.redirect(`/parcels?${new URLSearchParams({ done: "proof", order: row.order_id })}`, 303);
  });

  return app;
}
