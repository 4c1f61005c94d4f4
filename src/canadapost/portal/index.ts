export { CanadaPostPortalClient, type PortalClientOptions } from "./client.ts";
export { buildShipmentJson, buildTransmitJson, buildRefundJson, buildRatesJson, type JsonBody } from "./bodies.ts";
export { parseErrorJson, parseShipmentInfoJson, parseLinksJson, parseTokenJson } from "./replies.ts";
export { PortalTokenSource, TOKEN_PATH } from "./token.ts";
