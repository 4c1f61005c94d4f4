import type { Link, LinkRef } from "./links.ts";
import type { CarrierOutcome, InvalidRequest } from "./outcome.ts";
import type { Manifest, RefundTicket, ShipmentDetails, ShipmentInfo } from "./answers.ts";
import type { ShipmentRequest } from "./request.ts";
import type { PriceQuote, RatesRequest } from "./rates.ts";
import type { ServiceListing } from "./services.ts";
import type { TrackingDetails, TrackingSummary } from "./tracking.ts";

/** Canada Post's calls, by the names the audit log (and the sandbox's fault injection) use. */
export type CanadaPostEndpoint =
  | "CreateShipment"
  | "GetArtifact"
  | "GetShipments"
  | "GetShipment"
  | "GetShipmentDetails"
  | "GetShipmentPrice"
  | "VoidShipment"
  | "RequestRefund"
  | "TransmitShipments"
  | "GetManifest"
  | "GetManifests"
  | "GetRates"
  | "GetServices"
  | "GetTrackingSummary"
  | "GetTrackingDetails"
  | "GetDeliveryCertificate";

export type CreateShipmentOutcome = CarrierOutcome<ShipmentInfo> | InvalidRequest;

/**
 * What the workflows ask of a carrier. Both adapters implement it: the XML web services
 * (xml/) and the JSON Developer Portal (portal/). `relatedId` is the order id the audit row is
 * filed under. Links are followed as Canada Post gave them (a stored href works too).
 */
export interface ShippingCarrier {
  /** Buys a label. Never retried here: on `unknown`, search by request id before anything else. */
  createShipment(request: ShipmentRequest): Promise<CreateShipmentOutcome>;
  /** Shipments created with this customer-request-id (none: safe to create). */
  findShipmentsByRequestId(requestId: string, relatedId: string): Promise<CarrierOutcome<Link[]>>;
  /** Shipments of a manifest group not yet transmitted. */
  findShipmentsByGroup(groupId: string, relatedId?: string): Promise<CarrierOutcome<Link[]>>;
  getShipment(link: LinkRef, relatedId: string): Promise<CarrierOutcome<ShipmentInfo>>;
  getShipmentDetails(link: LinkRef, relatedId: string): Promise<CarrierOutcome<ShipmentDetails>>;
  /** The label PDF bytes (checked to be a PDF). Re-fetching gives the same label, never a new one. */
  getLabel(link: LinkRef, relatedId: string): Promise<CarrierOutcome<Uint8Array>>;
  /** Cancels a grouped shipment not yet transmitted; `rejected` with error.alreadyTransmitted (8064) after. */
  voidShipment(link: LinkRef, relatedId: string): Promise<CarrierOutcome<void>>;
  /**
   * Asks Canada Post to refund a transmitted label (the `refund` link of Get Shipment); the
   * answer is a service ticket, the refund itself comes days later. Never retried.
   */
  requestRefund(link: LinkRef, email: string, relatedId: string): Promise<CarrierOutcome<RefundTicket>>;
  /** Closes the manifest groups; the links lead to Get Manifest. Never retried. */
  transmit(groupIds: readonly string[], relatedId?: string): Promise<CarrierOutcome<Link[]>>;
  getManifest(link: LinkRef, relatedId?: string): Promise<CarrierOutcome<Manifest>>;
  /** Get Manifests: the manifests made from `start` to `end` (YYYYMMDD; end defaults to today). */
  findManifests(start: string, end?: string): Promise<CarrierOutcome<Link[]>>;
  /** The shipments a manifest covers (its `manifestShipments` link). */
  getManifestShipments(link: LinkRef, relatedId?: string): Promise<CarrierOutcome<Link[]>>;
  /** The manifest PDF (the manifest's `artifact` link). */
  getManifestPdf(link: LinkRef, relatedId?: string): Promise<CarrierOutcome<Uint8Array>>;
  /** Today's group id for grouped shipments: YYYYMMDD of the local date (the portal adapter adds "-portal"). */
  groupIdFor(date: Date): string;
  /** Get Rates: what each service would charge for the parcel and when it would arrive. Nothing is bought. */
  getRates(request: RatesRequest): Promise<CarrierOutcome<PriceQuote[]>>;
  /** Discover Services: the services Canada Post offers for parcels to this country ("CA": Canadian addresses). */
  getServices(country: "CA"): Promise<CarrierOutcome<ServiceListing[]>>;
  /** Get Tracking Summary: the latest event and the dates. "004 No Pin History" comes back `rejected` (see noPinHistory). */
  getTrackingSummary(pin: string, relatedId: string): Promise<CarrierOutcome<TrackingSummary>>;
  /** Get Tracking Details: every significant event, with Canada Post's event codes. */
  getTrackingDetails(pin: string, relatedId: string): Promise<CarrierOutcome<TrackingDetails>>;
  /** The Delivery Confirmation Certificate of a delivered parcel: PDF bytes (checked to be a PDF). */
  getDeliveryCertificate(pin: string, relatedId: string): Promise<CarrierOutcome<Uint8Array>>;
}
