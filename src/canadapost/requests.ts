import type { Manifest, RefundTicket, ShipmentDetails, ShipmentInfo } from "./answers.ts";
import type { CallSpec } from "./call.ts";
import type { Link, LinkRef } from "./links.ts";
import type { CarrierFailure, InvalidRequest } from "./outcome.ts";
import type { PriceQuote, RatesRequest } from "./rates.ts";
import type { ShipmentRequest } from "./request.ts";
import type { ServiceListing } from "./services.ts";
import type { TrackingDetails, TrackingSummary } from "./tracking.ts";

/**
 * Each call of the contract as one adapter words it: one function per call, giving the
 * request (method, URL, Accept, body in the adapter's encoding) and how its reply is read.
 * CanadaPostClient sends them all the same way (call.ts). A new Canada Post call (tracking, a
 * ZPL label) is: its method in ShippingCarrier and its endpoint name (carrier.ts) with a
 * throttle group (throttle-groups.ts, a Record the compiler keeps complete); one entry here;
 * the one-line method in CanadaPostClient; and one function in xml/requests.ts and in
 * portal/requests.ts (the compiler asks for both).
 */
export interface CarrierRequests<Body> {
  /** Today's manifest group under this API. */
  groupIdFor(date: Date): string;
  getRates(request: RatesRequest): CallSpec<PriceQuote[], Body>;
  getServices(country: "CA"): CallSpec<ServiceListing[], Body>;
  createShipment(request: ShipmentRequest): CallSpec<ShipmentInfo, Body> | InvalidRequest;
  /** A failure when this API cannot search for that id at all. */
  findShipmentsByRequestId(requestId: string): CallSpec<Link[], Body> | CarrierFailure;
  findShipmentsByGroup(groupId: string): CallSpec<Link[], Body>;
  getShipment(link: LinkRef): CallSpec<ShipmentInfo, Body>;
  getShipmentDetails(link: LinkRef): CallSpec<ShipmentDetails, Body>;
  /** Get Artifact: a label or a manifest PDF. */
  getArtifact(link: LinkRef): CallSpec<Uint8Array, Body>;
  voidShipment(link: LinkRef): CallSpec<void, Body>;
  requestRefund(link: LinkRef, email: string): CallSpec<RefundTicket, Body>;
  transmit(groupIds: readonly string[]): CallSpec<Link[], Body>;
  getManifest(link: LinkRef): CallSpec<Manifest, Body>;
  findManifests(start: string, end?: string): CallSpec<Link[], Body>;
  getManifestShipments(link: LinkRef): CallSpec<Link[], Body>;
  getTrackingSummary(pin: string): CallSpec<TrackingSummary, Body>;
  getTrackingDetails(pin: string): CallSpec<TrackingDetails, Body>;
  /** The Delivery Confirmation Certificate as PDF bytes. */
  getDeliveryCertificate(pin: string): CallSpec<Uint8Array, Body>;
}
