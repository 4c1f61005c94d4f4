/** @jsxImportSource hono/jsx */
import { Hono, type Context } from "hono";
import { ADDRESS_CODES } from "../address/index.ts";
import {
  addressView,
  CORRECTION_FIELDS,
  dropCorrection,
  labelInOneLine,
  saveCorrection,
  whoAmI,
  type AddressChanges,
  type AddressView,
  type CorrectionField,
} from "../ship-to/index.ts";
import { refusalCause, needsAttention, type Attention } from "../status/index.ts";
import { deadlineBoard, lateShipmentRate } from "../deadlines/index.ts";
import { servicesOf } from "./quotes-store.ts";
import type { PageContext } from "./context.ts";
import { PageError } from "./errors.ts";
import { OrderPage } from "./pages/order-page.tsx";
import { StatusPage, type StatusPageProps } from "./pages/status-page.tsx";
import { MAX_CALLS_SHOWN, apiCallsOfOrder, orderById } from "./status-store.ts";

/**
 * Where the form is offered: an address problem a correction can fix (not the country: shipdesk
 * ships within Canada), and a label Canada Post refused for the address or for a reason only a
 * person can read (no label exists, so the address may still change); not one refused for the
 * service or the contract, which no address fixes.
 */
export const correctable = (a: Attention) =>
  (a.kind === "label_failed" && (refusalCause(a.code) === "address" || refusalCause(a.code) === "unknown")) ||
  (a.kind === "problem" && a.code !== null && ADDRESS_CODES.has(a.code) && a.code !== "foreign_destination" && a.code !== "bad_country");

/** `notice` may be worded from the list the page shows (read once for both). */
export type Notice = string | undefined | ((attention: Attention[]) => Promise<string | undefined>);

/**
 * The Needs attention page: the deadline board and the late shipment rate, then what needs a
 * person (earliest deadline first), with a notice above and, after a refused save, the form as
 * typed, or a late service choice waiting for the clerk's yes.
 */
export async function statusPage(ctx: PageContext, c: Context, extra: { notice?: Notice } & Pick<StatusPageProps, "refusedForm" | "late"> = {}, status = 200) {
  const now = ctx.now();
  const attention = await needsAttention(ctx.db);
  const addresses = new Map<string, AddressView>();
  for (const id of new Set(attention.filter(correctable).flatMap((a) => a.orderIds))) {
    const view = await addressView(ctx.db, id);
    if (view) addresses.set(id, view);
  }
  const notice = typeof extra.notice === "function" ? await extra.notice(attention) : extra.notice;
  const withForms = attention.filter((a) => a.orderIds.length === 1 && (a.kind === "label_failed" || a.kind === "voided_no_label" || a.kind === "problem"));
  const services = await servicesOf(ctx.db, withForms.map((a) => a.orderId));
  c.status(status as 200);
  return c.html(
    <StatusPage
      mode={ctx.mode}
      now={now}
      board={await deadlineBoard(ctx.db, now)}
      lateRate={await lateShipmentRate(ctx.db, now)}
      services={services}
      late={extra.late}
      attention={attention}
      token={ctx.token}
      addresses={addresses}
      refusedForm={extra.refusedForm}
      notice={notice}
      canBuy={ctx.buyAgain !== undefined}
    />,
  );
}

export function statusRoutes(ctx: PageContext): Hono {
  const app = new Hono();
  const page = (c: Context, extra: Parameters<typeof statusPage>[2] = {}, status = 200) => statusPage(ctx, c, extra, status);

  app.get("/status", async (c) => {
    const order = (c.req.query("order") ?? "").slice(0, 40);
    let notice: Notice;
    if (c.req.query("done") === "address" && order) {
      notice = async (attention) => {
        const view = await addressView(ctx.db, order);
        if (!view) return undefined;
        // A refused label is bought again only when the clerk says so: a plain run leaves it.
        const refused = attention.some((a) => a.orderId === order && a.kind === "label_failed");
        const again = ctx.buyAgain ? "Buy the label again below, or run" : "Buy its label again with";
        const next = refused ? ` ${again} shipdesk ship --retry ${order}.` : view.problems.length === 0 ? " It ships with the next run." : "";
        return `The address of order ${order} is saved; its label will read: ${labelInOneLine(view.label)}.${next}`;
      };
    }
    if (c.req.query("done") === "dropped" && order) notice = `Order ${order} uses Best Buy's address again.`;
    return page(c, { notice });
  });

  // The correction form: only the fields that differ from what the label uses now are saved,
  // so submitting the form unchanged never makes a correction out of Best Buy's own address.
  app.post("/orders/:orderId/address", async (c) => {
    const orderId = c.req.param("orderId");
    const body = await c.req.parseBody();
    const current = await addressView(ctx.db, orderId);
    if (!current) throw new PageError(404, "There is no order with this number.");
    const actor = { who: whoAmI(), via: "print page" as const };
    const action = String(body.action ?? "save");
    if (action === "drop") {
      const dropped = await dropCorrection(ctx.db, orderId, actor);
      if (!dropped.ok) throw new PageError(409, dropped.message);
      return c.redirect(`/status?done=dropped&order=${encodeURIComponent(orderId)}`, 303);
    }
    const typed: Partial<Record<CorrectionField, string>> = {};
    const changes: AddressChanges = {};
    for (const f of CORRECTION_FIELDS) {
      const v = body[f];
      if (typeof v !== "string") continue;
      typed[f] = v;
      if (v.replace(/\s+/g, " ").trim() !== (current.current[f] ?? "").trim()) changes[f] = v;
    }
    if (action !== "confirm" && Object.keys(changes).length === 0) {
      return page(c, { refusedForm: { orderId, typed, refused: ["Nothing was changed: type the corrected values in the fields, then save."] } }, 422);
    }
    const saved = await saveCorrection(ctx.db, orderId, action === "confirm" ? {} : changes, actor);
    if (!saved.ok) {
      const refused = saved.problems.length > 0 ? saved.problems.map((p) => p.message) : [saved.message];
      return page(c, { refusedForm: { orderId, typed, refused } }, 422);
    }
    return c.redirect(`/status?done=address&order=${encodeURIComponent(orderId)}`, 303);
  });

  app.get("/orders/:orderId", async (c) => {
    const orderId = c.req.param("orderId");
    const order = await orderById(ctx.db, orderId);
    if (!order) throw new PageError(404, "There is no order with this number.");
    const calls = await apiCallsOfOrder(ctx.db, orderId);
    const address = await addressView(ctx.db, orderId);
    return c.html(<OrderPage mode={ctx.mode} now={ctx.now()} order={order} calls={calls} callLimit={MAX_CALLS_SHOWN} address={address} />);
  });

  return app;
}
