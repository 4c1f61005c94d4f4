/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import type { PageContext } from "./context.ts";
import { PageError } from "./errors.ts";
import { OrderPage } from "./pages/order-page.tsx";
import { StatusPage } from "./pages/status-page.tsx";
import { statusReport } from "../status/report.ts";
import { MAX_CALLS_SHOWN, apiCallsOfOrder, orderById } from "./status-store.ts";

export function statusRoutes(ctx: PageContext): Hono {
  const app = new Hono();

  app.get("/status", async (c) => {
    const { attention } = await statusReport(ctx.db, 0);
    return c.html(<StatusPage mode={ctx.mode} now={ctx.now()} attention={attention} />);
  });

  app.get("/orders/:orderId", async (c) => {
    const orderId = c.req.param("orderId");
    const order = await orderById(ctx.db, orderId);
    if (!order) throw new PageError(404, "There is no order with this number.");
    const calls = await apiCallsOfOrder(ctx.db, orderId);
    return c.html(<OrderPage mode={ctx.mode} now={ctx.now()} order={order} calls={calls} callLimit={MAX_CALLS_SHOWN} />);
  });

  return app;
}
