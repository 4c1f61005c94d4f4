import * as v from "valibot";
import type { Context, Hono } from "hono";
import { reply, type Media } from "../gate.ts";
import { businessRules, type RuleSet } from "../rules.ts";
import { CreateShipmentBody, issuesOf, RefundBody } from "./checks.ts";
import { fail, json, JSON_TYPE, notFound, refuse } from "./gateway.ts";
import { SHIPPING, type PortalParts } from "./parts.ts";
import { groupsJson, priceJson, shipmentDetailsJson, shipmentInfoJson, shipmentLinks } from "./replies.ts";
import { saleOf, shipmentToCheck } from "./request.ts";

const READ: Media = { accept: JSON_TYPE };
const SEND: Media = { accept: JSON_TYPE, contentType: JSON_TYPE };
/** The JSON schema lets through what the XSD stops: the shipping point and a name or company are checked by rule. */
const PORTAL_RULES: RuleSet = { shippingPoint: true, nameOrCompany: true, nonDeliveryHandling: false };

const jsonReply = (c: Context, body: unknown) => reply(JSON_TYPE, () => json(c, body));

/** The Shipping API's shipments: Create Shipment, Get Shipments and Groups, Get Shipment (price, details), void, refund. */
export function portalShipmentRoutes(app: Hono<any, any, any>, p: PortalParts): void {
  const { office } = p;
  const live = (c: Context) => office.liveShipment(c.req.param("id")!);

  app.post(`${SHIPPING}/:mb/:mobo/shipments`, p.route("CreateShipment", SEND, (c) => createShipment(c, p)));
  app.get(`${SHIPPING}/:mb/:mobo/shipments`, p.route("GetShipments", READ, (c) => findShipments(c, p)));
  app.get(`${SHIPPING}/:mb/:mobo/groups`, p.route("GetGroups", READ, (c) => json(c, groupsJson(p.base(c), office.openGroups()))));

  app.get(
    `${SHIPPING}/:mb/:mobo/shipments/:id`,
    p.route("GetShipment", READ, (c) => {
      const s = live(c);
      return s ? jsonReply(c, shipmentInfoJson(p.base(c), s, { withPrice: false })) : notFound(c);
    }),
  );

  app.get(
    `${SHIPPING}/:mb/:mobo/shipments/:id/price`,
    p.route("GetShipmentPrice", READ, (c) => {
      const s = live(c);
      return s?.price ? jsonReply(c, priceJson(s.price)) : notFound(c);
    }),
  );

  app.get(
    `${SHIPPING}/:mb/:mobo/shipments/:id/details`,
    p.route("GetShipmentDetails", READ, (c) => {
      const s = live(c);
      return s ? jsonReply(c, shipmentDetailsJson(s, p.bodies.get(s.shipmentId))) : notFound(c);
    }),
  );

  app.delete(
    `${SHIPPING}/:mb/:mobo/shipments/:id`,
    p.route("VoidShipment", READ, (c) => {
      const s = live(c);
      if (!s) return notFound(c);
      const refused = office.voidShipment(s);
      return refused ? refuse(c, refused) : reply(JSON_TYPE, () => c.body(null, 204));
    }),
  );

  app.post(
    `${SHIPPING}/:mb/:mobo/shipments/:id/refund`,
    p.route("RequestRefund", SEND, async (c) => {
      const s = live(c);
      if (!s) return notFound(c);
      const parsed = v.safeParse(RefundBody, await p.readJson(c, "RequestRefund"));
      if (!parsed.success) return fail(c, 400, issuesOf(parsed.issues));
      if (s.status !== "transmitted") return fail(c, 400, [{ errorCode: "7291", message: "The shipment has not been transmitted; void it instead of requesting a refund." }]);
      const refund = office.refund(s, parsed.output.email);
      return jsonReply(c, { serviceTicketDate: refund.ticketDate, serviceTicketId: refund.ticketId });
    }),
  );
}

/** Create Shipment: JSON, the schema, one of groupId and transmitShipment, a request id not used before, Canada Post's rules. */
async function createShipment(c: Context, p: PortalParts) {
  const raw = await p.readJson(c, "CreateShipment");
  if (raw === undefined) return fail(c, 400, [{ errorCode: "Server", message: "The request body is not JSON." }]);
  const parsed = v.safeParse(CreateShipmentBody, raw);
  if (!parsed.success) return fail(c, 400, issuesOf(parsed.issues));
  const body = parsed.output;
  if ((body.groupId === undefined) === (body.transmitShipment === undefined)) {
    return fail(c, 400, [{ errorCode: "Server", message: "$: exactly one of groupId and transmitShipment is required." }]);
  }
  if (body.customerRequestId && [...p.office.state.shipments.values()].some((s) => s.requestId === body.customerRequestId)) {
    return fail(c, 400, [{ errorCode: "7314", message: `A shipment with customerRequestId ${body.customerRequestId} already exists; the customerRequestId must be unique.` }]);
  }
  const rules = businessRules(shipmentToCheck(body), p.office, PORTAL_RULES);
  if (rules.length > 0) return refuse(c, rules);
  const record = p.office.sell(saleOf(body));
  p.bodies.set(record.shipmentId, body);
  const withPrice = body.providePricingInfo === true && (!p.pricingOnlyTransmitted || body.transmitShipment === true);
  return jsonReply(c, shipmentInfoJson(p.base(c), record, { withPrice }));
}

/** Get Shipments: by request id, group, manifest or PIN (either spelling of the parameter). */
function findShipments(c: Context, p: PortalParts) {
  const q = c.req.query();
  const pick = (...names: string[]) => names.map((n) => q[n]).find((x) => x !== undefined);
  const requestId = pick("request-id", "requestId");
  const groupId = pick("group-id", "groupId");
  const manifestId = pick("manifest-id", "manifestId");
  if (groupId !== undefined && manifestId !== undefined) return fail(c, 400, [{ errorCode: "Server", message: "group-id and manifest-id cannot be given together." }]);
  if (requestId !== undefined && requestId.length > 32) return fail(c, 400, [{ errorCode: "Server", message: "request-id must be at most 32 characters." }]);
  const list = p.office.shipmentsBy({ requestId, groupId, manifestId, trackingPin: pick("tracking-pin", "trackingPIN") });
  if (!list) return fail(c, 400, [{ errorCode: "Server", message: "One of group-id, manifest-id, tracking-pin, request-id or no-manifest is required." }]);
  return jsonReply(c, shipmentLinks(p.base(c), list));
}
