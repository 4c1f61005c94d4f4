// The carrier contract: what the workflows ask of Canada Post and what it answers, whichever API.
export type { ShippingCarrier, CanadaPostEndpoint, CreateShipmentOutcome } from "./carrier.ts";
export type { CarrierOutcome, CarrierFailure, InvalidRequest } from "./outcome.ts";
export { CanadaPostError, type CanadaPostMessage } from "./error.ts";
export { findLink, apiOfLink, type Link, type LinkRef } from "./links.ts";
export type { ShipmentRequest, Recipient, Parcel } from "./request.ts";
export { shipmentRequestFromOrder, type OrderForShipment } from "./from-order.ts";
export type { ShipmentInfo, ShipmentPrice, ShipmentLinks, ShipmentDetails, Manifest, RefundTicket } from "./answers.ts";
export type { RatesRequest, PriceQuote } from "./rates.ts";
export { PUBLISHED_DOMESTIC_SERVICES, type ServiceListing } from "./services.ts";
export { labelStateOf, type LabelState } from "./label-state.ts";
export { throttleLimiters, type ThrottleLimiters, type LimiterOptions } from "./throttle-groups.ts";
export { noPinHistory, NO_PIN_HISTORY, type TrackingDetails, type TrackingEvent, type TrackingSummary } from "./tracking.ts";
export type { CanadaPostClientOptions } from "./client.ts";

// The two adapters: Canada Post's XML web services and its Developer Portal API.
export { CanadaPostXmlClient } from "./xml/client.ts";
export { CanadaPostPortalClient, type PortalClientOptions } from "./portal/client.ts";
