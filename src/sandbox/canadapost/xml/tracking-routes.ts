import type { Context, Hono } from "hono";
import { reply } from "../gate.ts";
import { certificatePdf } from "../label-pdf.ts";
import type { ParcelStory } from "../tracking/desk.ts";
import { certificateWords } from "../tracking/words.ts";
import { xmlReply } from "./gateway.ts";
import type { XmlParts } from "./parts.ts";
import { certificateXml, TRACK_TYPE, trackingDetailXml, trackingSummaryXml, trackMessagesXml } from "./tracking-replies.ts";

const TRACK = { accept: TRACK_TYPE };

/** "004 No Pin History": Canada Post has no scan of this PIN (not handed over yet, or not one of ours). */
export const noPinHistory = (c: Context) => xmlReply(c, trackMessagesXml("004", "No Pin History"), 404, TRACK_TYPE);

/** Tracking (track-v2): Get Tracking Summary and Details by PIN, and the Delivery Confirmation Certificate. */
export function xmlTrackingRoutes(app: Hono, x: XmlParts): void {
  const { office } = x;
  const scanned = (c: Context): ParcelStory | undefined => {
    const story = office.tracking.story(c.req.param("pin")!);
    return story && story.seen.length > 0 ? story : undefined;
  };

  app.get(
    "/vis/track/pin/:pin/summary",
    x.route("GetTrackingSummary", TRACK, (c) => {
      const story = scanned(c);
      return story ? reply(TRACK_TYPE, () => xmlReply(c, trackingSummaryXml(story), 200, TRACK_TYPE)) : noPinHistory(c);
    }),
  );

  app.get(
    "/vis/track/pin/:pin/detail",
    x.route("GetTrackingDetails", TRACK, (c) => {
      const story = scanned(c);
      return story ? reply(TRACK_TYPE, () => xmlReply(c, trackingDetailXml(story, office.customer), 200, TRACK_TYPE)) : noPinHistory(c);
    }),
  );

  app.get(
    "/vis/certificate/:pin",
    x.route("GetDeliveryCertificate", TRACK, async (c) => {
      const story = scanned(c);
      if (!story) return noPinHistory(c);
      if (!story.delivery) {
        // Canada Post's code for this is not documented: the sandbox's wording.
        return xmlReply(c, trackMessagesXml("Server", "The item has not been delivered: there is no delivery confirmation certificate."), 400, TRACK_TYPE);
      }
      const pdf = await certificatePdf(certificateWords(story));
      return reply(TRACK_TYPE, () => xmlReply(c, certificateXml(story.shipment.trackingPin, pdf), 200, TRACK_TYPE));
    }),
  );
}
