import type { Hono } from "hono";
import { reply } from "../gate.ts";
import { readBody } from "./body.ts";
import { fail, refuse, xmlReply } from "./gateway.ts";
import type { XmlParts } from "./parts.ts";
import { priceQuotesXml, RATE_NS, RATE_TYPE, servicesXml } from "./replies.ts";
import { ratesQuestion } from "./request.ts";
import { MAILING_SCENARIO } from "./schema.ts";

/** Rating (rate-v4): Get Rates and Discover Services. Nothing is bought. */
export function xmlRatingRoutes(app: Hono, x: XmlParts): void {
  const { office } = x;

  // Get Rates: what each service would cost. A lose-reply fault leaves its answer alone, as it always has.
  app.post(
    "/rs/ship/price",
    x.route("GetRates", { accept: RATE_TYPE, contentType: RATE_TYPE }, async (c) => {
      const body = await readBody(c, "mailing-scenario", RATE_NS, MAILING_SCENARIO);
      if ("errors" in body) return fail(c, 400, body.errors);
      const quotes = office.quote(ratesQuestion(body.content));
      return Array.isArray(quotes) ? xmlReply(c, priceQuotesXml(x.base(c).origin, quotes), 200, RATE_TYPE) : refuse(c, quotes);
    }),
  );

  // Discover Services: the services offered for parcels to a country.
  app.get(
    "/rs/ship/service",
    x.route("GetServices", { accept: RATE_TYPE }, (c) => {
      const listed = office.servicesFor(c.req.query("country"));
      if ("status" in listed) return refuse(c, listed);
      return reply(RATE_TYPE, () => xmlReply(c, servicesXml(x.base(c).origin, listed.services, listed.country), 200, RATE_TYPE));
    }),
  );
}
