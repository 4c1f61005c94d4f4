export type { ShippingCarrier, CreateShipmentOutcome, CanadaPostEndpoint } from "./carrier.ts";
export { CanadaPostXmlClient, type CanadaPostClientOptions } from "./client.ts";
export { CanadaPostError, type CanadaPostMessage } from "./error.ts";
export type { CarrierOutcome, CarrierFailure, InvalidRequest } from "./outcome.ts";
export { hrefOf, findLink, apiOfLink, type Link, type LinkRef } from "./links.ts";
export { groupIdFor, type ShipmentRequest, type Recipient, type Parcel, type ShipmentSettings } from "./request.ts";
export { shipmentRequestFromOrder, type OrderForShipment } from "./from-order.ts";
export { buildShipmentXml, addressLines, LIMITS, type BuiltXml } from "./shipment-xml.ts";
export { buildTransmitXml } from "./transmit-xml.ts";
export { buildRefundXml } from "./refund-xml.ts";
export {
  parseShipmentInfo,
  parseShipmentLinks,
  parseShipmentDetails,
  parseManifestLinks,
  parseManifest,
  parseMessages,
  parseRefundTicket,
  type RefundTicket,
  type ShipmentInfo,
  type ShipmentLinks,
  type ShipmentDetails,
  type Manifest,
} from "./replies.ts";
export { classify, THROTTLE_WAIT_MS } from "./classify.ts";
export { buildRatesXml, parsePriceQuotes, type PriceQuote, type RatesRequest } from "./rates.ts";
export { parseServices, PUBLISHED_DOMESTIC_SERVICES, type ServiceListing } from "./services.ts";
export { throttleLimiters, THROTTLE_GROUP_OF, DEFAULT_GROUP_LIMITS, type ThrottleGroup, type ThrottleLimiters } from "./throttle-groups.ts";
export { looksLikePdf } from "../pdf.ts";
export { RATE_MEDIA_TYPE, RATE_NAMESPACE } from "./media-types.ts";
export { SHIPMENT_MEDIA_TYPE, MANIFEST_MEDIA_TYPE, PDF_MEDIA_TYPE, SHIPMENT_NAMESPACE, MANIFEST_NAMESPACE, MESSAGES_NAMESPACE } from "./media-types.ts";
export { labelStateOf, type LabelState } from "./label-state.ts";
export { CanadaPostPortalClient, type PortalClientOptions } from "./portal/index.ts";
export { shipmentFields, type ShipmentFields } from "./shipment-fields.ts";
