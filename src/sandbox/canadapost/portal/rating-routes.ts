import * as v from "valibot";
import type { Hono } from "hono";
import { reply } from "../gate.ts";
import { issuesOf, RatesBody } from "./checks.ts";
import { fail, json, JSON_TYPE, refuse } from "./gateway.ts";
import type { PortalParts } from "./parts.ts";
import { quoteJson, servicesJson } from "./replies.ts";
import { ratesQuestion } from "./request.ts";

/** The Rating API: Discover Services and Get Rates. Nothing is bought. */
export function portalRatingRoutes(app: Hono<any, any, any>, p: PortalParts): void {
  const { office } = p;

  app.get(
    "/rating/v1/services",
    p.route("GetServices", { accept: JSON_TYPE }, (c) => {
      const listed = office.servicesFor(c.req.query("country"));
      if ("status" in listed) return refuse(c, listed);
      return reply(JSON_TYPE, () => json(c, servicesJson(p.base(c).origin, listed.services, listed.country)));
    }),
  );

  // Get Rates: what each service would cost. A lose-reply fault leaves its answer alone, as it always has.
  app.post(
    "/rating/v1/prices",
    p.route("GetRates", { accept: JSON_TYPE, contentType: JSON_TYPE }, async (c) => {
      const parsed = v.safeParse(RatesBody, await p.readJson(c, "GetRates"));
      if (!parsed.success) return fail(c, 400, issuesOf(parsed.issues));
      const quotes = office.quote(ratesQuestion(parsed.output));
      return Array.isArray(quotes) ? json(c, quotes.map(quoteJson)) : refuse(c, quotes);
    }),
  );
}
