import type { Context } from "hono";
import type { ApiParts, Endpoint } from "../gate.ts";
import type { CreateShipmentBody } from "./checks.ts";
import type { PortalBase } from "./replies.ts";

/** What the portal's routes share, and the portal's own ways. */
export interface PortalParts extends ApiParts<PortalBase> {
  /** The opaque consumer id artifact links carry. */
  consumerId: string;
  /** The body as JSON, recorded for the tests; undefined when it is not JSON. */
  readJson(c: Context, endpoint: Endpoint): Promise<unknown>;
  /** Create Shipment's bodies by shipment id, for Get Shipment Details and the label. */
  bodies: Map<string, CreateShipmentBody>;
  /** A label or manifest made this recently is still being rendered: 404 for now. */
  rendering(madeAt: Date): boolean;
  /** Label and manifest links answer 302 to the file. */
  redirect: boolean;
  /** providePricingInfo is answered only for transmitted shipments. */
  pricingOnlyTransmitted: boolean;
}

/** The live gateway's root path; the sandbox answers under the same one. */
export const PORTAL_ROOT = "/prod/devportal-portaildesdeveloppeurs";
/** The Shipping API's paths, under the gateway root. */
export const SHIPPING = "/shipping/v1";
