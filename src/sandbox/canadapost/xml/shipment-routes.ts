import type { Context, Hono } from "hono";
import { reply, type Media } from "../gate.ts";
import { businessRules, type RuleSet } from "../rules.ts";
import { readBody } from "./body.ts";
import { fail, refuse, xmlReply } from "./gateway.ts";
import type { XmlParts } from "./parts.ts";
import { groupsXml, refundInfoXml, shipmentDetailsXml, shipmentInfoXml, shipmentsXml, SHIPMENT_NS, SHIPMENT_TYPE } from "./replies.ts";
import { saleOf, shipmentToCheck } from "./request.ts";
import { REFUND_REQUEST, SHIPMENT } from "./schema.ts";

const READ: Media = { accept: SHIPMENT_TYPE };
const SEND: Media = { accept: SHIPMENT_TYPE, contentType: SHIPMENT_TYPE };
/** The XSD stops what the portal checks by rule; the XML gateway adds non-delivery handling. */
const XML_RULES: RuleSet = { shippingPoint: false, nameOrCompany: false, nonDeliveryHandling: true };

const shipmentReply = (c: Context, body: string) => reply(SHIPMENT_TYPE, () => xmlReply(c, body, 200, SHIPMENT_TYPE));

/** Contract shipping (shipment-v8): Create Shipment, Get Shipments and Groups, Get Shipment (and details), void, refund. */
export function xmlShipmentRoutes(app: Hono, x: XmlParts): void {
  const { office } = x;
  const live = (c: Context) => office.liveShipment(c.req.param("id")!);

  app.post("/rs/:mb/:mobo/shipment", x.route("CreateShipment", SEND, (c) => createShipment(c, x)));

  app.get(
    "/rs/:mb/:mobo/shipment",
    x.route("GetShipments", READ, (c) => {
      const q = c.req.query();
      const list = office.shipmentsBy({ requestId: q.requestId, groupId: q.groupId, manifestId: q.manifestId, trackingPin: q.trackingPIN });
      if (!list) return fail(c, 400, [{ code: "Server", description: "One of groupId, manifestId, trackingPIN, requestId or noManifest is required." }]);
      return shipmentReply(c, shipmentsXml(x.base(c), list));
    }),
  );

  app.get(
    "/rs/:mb/:mobo/group",
    x.route("GetGroups", READ, (c) => xmlReply(c, groupsXml(x.base(c), { mb: c.req.param("mb")!, mobo: c.req.param("mobo")! }, office.openGroups()), 200, SHIPMENT_TYPE)),
  );

  app.get(
    "/rs/:mb/:mobo/shipment/:id",
    x.route("GetShipment", READ, (c) => {
      // A voided shipment is still shown, as "cancelled": Get Shipment is how its fate is learnt.
      const s = office.state.shipments.get(c.req.param("id")!);
      return s ? shipmentReply(c, shipmentInfoXml(x.base(c), s)) : fail(c, 404, []);
    }),
  );

  app.get(
    "/rs/:mb/:mobo/shipment/:id/details",
    x.route("GetShipmentDetails", READ, (c) => {
      const s = live(c);
      if (!s) return fail(c, 404, []);
      const request = office.state.requests.get(s.shipmentId) ?? {};
      return shipmentReply(c, shipmentDetailsXml(s, request, String(request["requested-shipping-point"] ?? "K1A0B1")));
    }),
  );

  app.delete(
    "/rs/:mb/:mobo/shipment/:id",
    x.route("VoidShipment", READ, (c) => {
      const s = live(c);
      if (!s) return fail(c, 404, []);
      const refused = office.voidShipment(s);
      return refused ? refuse(c, refused) : reply(SHIPMENT_TYPE, () => c.body(null, 204));
    }),
  );

  app.post(
    "/rs/:mb/:mobo/shipment/:id/refund",
    x.route("RequestRefund", SEND, async (c) => {
      const s = live(c);
      if (!s) return fail(c, 404, []);
      const body = await readBody(c, "shipment-refund-request", SHIPMENT_NS, REFUND_REQUEST);
      if ("errors" in body) return fail(c, 400, body.errors);
      // Canada Post refunds only what it has been told is mailed: a grouped shipment is voided instead.
      if (s.status !== "transmitted") {
        return fail(c, 400, [{ code: "Server", description: "The shipment has not been transmitted; void it instead of requesting a refund (code undocumented: sandbox wording)." }]);
      }
      const refund = office.refund(s, String(body.content.email));
      return shipmentReply(c, refundInfoXml(refund.ticketId, refund.ticketDate));
    }),
  );
}

/** Create Shipment: the schema, Canada Post's rules, then the label is bought and its request kept. */
async function createShipment(c: Context, x: XmlParts) {
  const body = await readBody(c, "shipment", SHIPMENT_NS, SHIPMENT);
  if ("errors" in body) return fail(c, 400, body.errors);
  const shipment = body.content;
  const rules = businessRules(shipmentToCheck(shipment), x.office, XML_RULES);
  if (rules.length > 0) return refuse(c, rules);
  const record = x.office.sell(saleOf(shipment));
  x.office.state.requests.set(record.shipmentId, shipment);
  return shipmentReply(c, shipmentInfoXml(x.base(c), record));
}
