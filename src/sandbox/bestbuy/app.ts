import { Hono, type Context, type MiddlewareHandler } from "hono";
import * as v from "valibot";
import type { FaultPlan } from "../faults.ts";
import { json, miraklError, noContent, withFaults, type SandboxRateLimit } from "./replies.ts";
import { SandboxRefusal } from "./records.ts";
import type { BestBuySandboxState } from "./state.ts";

export interface AppDeps {
  state: BestBuySandboxState;
  faults: FaultPlan;
  apiKey: string;
  /** When set, a shop_id other than this one is refused (403). */
  shopId: string | undefined;
  rateLimit: SandboxRateLimit | undefined;
  /** Loads and saves the state around each request (a sandbox that remembers between runs). */
  persist?: MiddlewareHandler | undefined;
}

const MAX_PAGE = 100;

const AcceptBody = v.object({
  order_lines: v.pipe(v.array(v.object({ accepted: v.boolean(), id: v.string() })), v.minLength(1)),
});
const TrackingBody = v.object({
  carrier_code: v.nullish(v.string()),
  carrier_name: v.nullish(v.string()),
  carrier_url: v.nullish(v.string()),
  carrier_standard_code: v.nullish(v.string()),
  tracking_number: v.nullish(v.string()),
});

const csv = (value: string | undefined) => (value ? value.split(",").map((s) => s.trim()).filter(Boolean) : undefined);

function refusal(error: unknown): Response {
  if (error instanceof SandboxRefusal) return miraklError(error.status, error.message);
  throw error;
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for("unreadable");
  }
}

/** The Mirakl seller API, as much of it as shipdesk uses: OR11, OR21, OR23, OR24, SH21. */
export function bestBuySandboxApp(deps: AppDeps): Hono {
  const { state, faults } = deps;
  const app = new Hono();
  if (deps.persist) app.use("*", deps.persist);

  app.use("/api/*", async (c, next) => {
    // The bare key, no "Bearer", as Mirakl's shop API wants it.
    if (c.req.header("authorization") !== deps.apiKey) return miraklError(401, "Unauthorized");
    const shop = c.req.query("shop_id");
    if (deps.shopId && shop && shop !== deps.shopId) return miraklError(403, `The API key cannot act for shop ${shop}`);
    await next();
  });

  const endpoint = (name: string, handler: (c: Context) => Response | Promise<Response>) => async (c: Context) => {
    const wait = deps.rateLimit?.check(name);
    if (wait !== undefined) return miraklError(429, "Too many requests", { "retry-after": String(wait) });
    state.countRequest(name);
    return withFaults(faults, name, () => handler(c));
  };

  app.get("/api/orders", endpoint("ListOrders", (c) => {
    const max = c.req.query("max") === undefined ? 10 : Number(c.req.query("max"));
    const offset = c.req.query("offset") === undefined ? 0 : Number(c.req.query("offset"));
    if (!Number.isInteger(max) || max < 1 || max > MAX_PAGE) return miraklError(400, `max must be a whole number from 1 to ${MAX_PAGE}`);
    if (!Number.isInteger(offset) || offset < 0) return miraklError(400, "offset must be a whole number, 0 or more");
    const ids = csv(c.req.query("order_ids"));
    if (ids && ids.length > 100) return miraklError(400, "order_ids accepts at most 100 ids");
    const all = state.list({ states: csv(c.req.query("order_state_codes")), ids });
    return json({ orders: all.slice(offset, offset + max), total_count: all.length });
  }));

  app.put("/api/orders/:orderId/accept", endpoint("AcceptOrder", async (c) => {
    const parsed = v.safeParse(AcceptBody, await readJson(c));
    if (!parsed.success) return miraklError(400, "order_lines with 'accepted' and 'id' for each line is required");
    try {
      state.accept(c.req.param("orderId")!, parsed.output.order_lines);
      return noContent();
    } catch (error) {
      return refusal(error);
    }
  }));

  app.put("/api/orders/:orderId/tracking", endpoint("UpdateTracking", async (c) => {
    const parsed = v.safeParse(TrackingBody, await readJson(c));
    if (!parsed.success) return miraklError(400, "The tracking body could not be read");
    try {
      state.setTracking(c.req.param("orderId")!, parsed.output);
      return noContent();
    } catch (error) {
      return refusal(error);
    }
  }));

  app.put("/api/orders/:orderId/ship", endpoint("ShipOrder", async (c) => {
    // No body in the spec; empty, null and {} are all seen in the wild.
    const body = await readJson(c);
    if (body !== undefined && body !== null && !(typeof body === "object" && Object.keys(body as object).length === 0)) {
      return miraklError(400, "OR24 takes no request body");
    }
    try {
      state.ship(c.req.param("orderId")!);
      return noContent();
    } catch (error) {
      return refusal(error);
    }
  }));

  app.get("/api/shipping/carriers", endpoint("ListCarriers", () => json({ carriers: state.carriers() })));

  app.notFound(() => miraklError(404, "Not found"));
  return app;
}
