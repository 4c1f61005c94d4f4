import * as v from "valibot";
import type { Context, Hono } from "hono";
import { reply } from "../gate.ts";
import { certificatePdf } from "../label-pdf.ts";
import { certificateWords } from "../tracking/words.ts";
import { issuesOf } from "./checks.ts";
import { fail, json, JSON_TYPE } from "./gateway.ts";
import type { PortalParts } from "./parts.ts";
import { certificateJson, trackingDetailsJson, trackingSummariesJson } from "./tracking-replies.ts";

const TRACKING = "/tracking/v1";
const READ = { accept: JSON_TYPE };

/** The certificate's request: the PIN (a string, or a number as Canada Post's sample writes it) and the language. */
const CertificateBody = v.object({
  pin: v.pipe(v.union([v.string(), v.number()]), v.transform(String), v.regex(/^[0-9A-Z]{11,16}$/, "pin must be a PIN of 11 to 16 characters")),
  language: v.optional(v.picklist(["en", "fr"], "language must be en or fr")),
});

const noPinHistory = (c: Context) => fail(c, 404, [{ errorCode: "004", message: "No Pin History" }]);

/** The Tracking API: summaries and details by PIN, and the Delivery Confirmation Certificate. */
export function portalTrackingRoutes(app: Hono<any, any, any>, p: PortalParts): void {
  const { office } = p;
  const scanned = (pin: string) => {
    const story = office.tracking.story(pin);
    return story && story.seen.length > 0 ? story : undefined;
  };

  app.get(
    `${TRACKING}/pins/:pin/summaries`,
    p.route("GetTrackingSummary", READ, (c) => {
      const story = scanned(c.req.param("pin")!);
      return story ? reply(JSON_TYPE, () => json(c, trackingSummariesJson(story))) : noPinHistory(c);
    }),
  );

  app.get(
    `${TRACKING}/pins/:pin/details`,
    p.route("GetTrackingDetails", READ, (c) => {
      const story = scanned(c.req.param("pin")!);
      return story ? reply(JSON_TYPE, () => json(c, trackingDetailsJson(story, office.customer))) : noPinHistory(c);
    }),
  );

  app.post(
    `${TRACKING}/create-certificate`,
    p.route("GetDeliveryCertificate", { accept: JSON_TYPE, contentType: JSON_TYPE }, async (c) => {
      const parsed = v.safeParse(CertificateBody, await p.readJson(c, "GetDeliveryCertificate"));
      if (!parsed.success) return fail(c, 400, issuesOf(parsed.issues));
      const story = scanned(parsed.output.pin);
      if (!story) return noPinHistory(c);
      // Canada Post's code for this is not documented: the sandbox's wording.
      if (!story.delivery) return fail(c, 400, [{ errorCode: "Server", message: "The item has not been delivered: there is no delivery confirmation certificate." }]);
      const pdf = await certificatePdf(certificateWords(story));
      return reply(JSON_TYPE, () => json(c, certificateJson(story.shipment.trackingPin, pdf)));
    }),
  );
}
