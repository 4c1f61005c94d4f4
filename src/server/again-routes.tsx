/** @jsxImportSource hono/jsx */
import { Hono, type Context } from "hono";
import { setOrderService } from "../orders/index.ts";
import { money } from "../common/money.ts";
import type { PageContext } from "./context.ts";
import { PageError } from "./errors.ts";
import { lateWarning } from "../rates/index.ts";
import { orderById } from "./status-store.ts";
import { statusPage } from "./status-routes.tsx";
import { lateChoices } from "./quotes-store.ts";
import type { LateChoice } from "./pages/late-confirm.tsx";

/** The orders a Needs attention form names (its hidden `order` fields), the service, and whether a late one was confirmed. */
async function ordersOf(c: Context): Promise<{ orderIds: string[]; service: string | undefined; lateOk: boolean }> {
  const body = await c.req.parseBody({ all: true });
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const orderIds = [...new Set(list(body["order"]).filter((v): v is string => typeof v === "string" && v !== "").map((v) => v.slice(0, 60)))];
  if (orderIds.length === 0) throw new PageError(400, "No order was named; reload the Needs attention page and try again.");
  const service = list(body["service"]).find((v): v is string => typeof v === "string" && v !== "")?.trim().toUpperCase();
  return { orderIds, service, lateOk: list(body["late_ok"]).includes("1") };
}

/**
 * A service that arrives after Best Buy's promise (by the quotes kept for the orders) is asked
 * about once: the page comes back with the dates and an "anyway" button; undefined: go ahead.
 */
async function lateChoice(ctx: PageContext, action: string, orderIds: string[], service: string | undefined, lateOk: boolean, button: string): Promise<LateChoice | undefined> {
  if (!service || lateOk) return undefined;
  const late = await lateChoices(ctx.db, orderIds, service);
  if (late.length === 0) return undefined;
  const warnings = late.map((l) => `Order ${l.orderId}: ${lateWarning(l.option, l.promise)}`);
  return { action, orderIds, service, warnings, button };
}

/** What became of an order after "buy again", from the database (never from the request). */
export async function againNotice(ctx: PageContext, orderIds: readonly string[]): Promise<string> {
  const said: string[] = [];
  for (const id of orderIds) {
    const o = await orderById(ctx.db, id);
    if (!o) continue;
    switch (o.shipment_status) {
      case "label_created":
      case "tracking_updated":
        said.push(`Order ${id}: label bought (${[o.service_code, `PIN ${o.tracking_pin}`, o.charged_due !== null ? `${money(o.charged_due)} charged` : null].filter(Boolean).join(", ")}); print it from Labels.`);
        break;
      case "label_failed":
        said.push(`Order ${id}: Canada Post refused the label again: ${o.last_error ?? "no reason given"}`);
        break;
      case "label_creation_initiated":
        said.push(`Order ${id}: ${o.last_error ?? "its label is not finished yet"}`);
        break;
      default:
        said.push(`Order ${id}: no label bought.`);
    }
  }
  return said.join(" ");
}

/**
 * Needs attention's own actions: a refused or cancelled label bought again, an order's service.
 * Each answers with the page itself and what became of each order (read back from the
 * database); posting the same form again buys nothing twice, since what each order needs is
 * read afresh: a label bought meanwhile is neither refused nor cancelled.
 */
export function againRoutes(ctx: PageContext): Hono {
  const app = new Hono();

  app.post("/orders/again", async (c) => {
    if (!ctx.buyAgain) throw new PageError(404, "This label page does not buy labels; run shipdesk ship --retry ORDER instead.");
    const { orderIds, service, lateOk } = await ordersOf(c);
    const late = await lateChoice(ctx, "/orders/again", orderIds, service, lateOk, `Buy with ${service} anyway`);
    if (late) return statusPage(ctx, c, { late });
    // What each order needs is read now, not taken from the page: a stale page buys nothing twice.
    const refused: string[] = [];
    const voided: string[] = [];
    for (const id of orderIds) {
      const o = await orderById(ctx.db, id);
      if (o?.shipment_status === "label_failed") refused.push(id);
      else if (o?.shipment_status === "voided" || o?.shipment_status === "refund_requested") voided.push(id);
    }
    const { refusals } = refused.length + voided.length > 0 ? await ctx.buyAgain({ refused, voided, service }) : { refusals: [] };
    const notice = [...refusals, await againNotice(ctx, orderIds)].filter(Boolean).join(" ");
    return statusPage(ctx, c, { notice });
  });

  app.post("/orders/service", async (c) => {
    const { orderIds, service, lateOk } = await ordersOf(c);
    if (!service) throw new PageError(400, "No service was picked; choose one in the list, then save.");
    const late = await lateChoice(ctx, "/orders/service", orderIds, service, lateOk, `Save ${service} anyway`);
    if (late) return statusPage(ctx, c, { late });
    const said: string[] = [];
    for (const id of orderIds) said.push((await setOrderService(ctx.db, id, service)).message);
    return statusPage(ctx, c, { notice: said.join(" ") });
  });

  return app;
}
