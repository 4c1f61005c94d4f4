import { Hono } from "hono";
import { SANDBOX_ACCOUNT } from "../../account.ts";
import type { FaultPlan } from "../../faults.ts";
import { gated } from "../gate.ts";
import { PostOffice, unpadded, type PostOfficeOptions } from "../post-office.ts";
import type { CanadaPostSandboxState } from "../state.ts";
import type { TrackingDesk } from "../tracking/desk.ts";
import { fail, XmlGateway } from "./gateway.ts";
import { xmlManifestRoutes } from "./manifest-routes.ts";
import type { XmlParts } from "./parts.ts";
import { xmlRatingRoutes } from "./rating-routes.ts";
import { addressOfRequest } from "./request.ts";
import { xmlShipmentRoutes } from "./shipment-routes.ts";
import { xmlTrackingRoutes } from "./tracking-routes.ts";

export interface CanadaPostSandboxOptions extends PostOfficeOptions {
  username?: string;
  password?: string;
  /** Rolling-window limit on Create Shipment + Get Artifact, answered like Canada Post's SLM. Off by default. */
  rateLimit?: { perMinute: number; windowMs?: number };
  /** Status of the SLM throttle reply; Canada Post does not document it (README §4). */
  throttleStatus?: number;
  /** Links use this origin instead of the request's own. */
  baseUrl?: string;
}

export interface CanadaPostSandbox {
  app: Hono;
  state: CanadaPostSandboxState;
  faults: FaultPlan;
  /** Each label's journey by the sandbox's clock (tests read what a parcel will go through). */
  tracking: TrackingDesk;
  /** Writes the state and queued faults to `stateFile` now (a test setting the scene); a no-op without one. */
  save(): void;
}

/** A Hono app that speaks Canada Post's contract shipping, manifest, rating and tracking protocols (shipment-v8, manifest-v8, rate-v4, track-v2). */
export function createCanadaPostSandbox(options: CanadaPostSandboxOptions = {}): CanadaPostSandbox {
  const username = options.username ?? SANDBOX_ACCOUNT.canadaPost.username;
  const password = options.password ?? SANDBOX_ACCOUNT.canadaPost.password;
  const app = new Hono();
  const office: PostOffice = new PostOffice(app, options, (id) => addressOfRequest(office.state.requests.get(id)));
  const gateway = new XmlGateway(office, {
    authorization: `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`,
    throttleStatus: options.throttleStatus,
    rateLimit: options.rateLimit,
  });
  // Real artifact links carry the API username (16 hex digits, e.g. 6e93d53968881714) in their
  // path: the sandbox does the same, so the tests see that it never reaches the audit log.
  const artifactOwner = encodeURIComponent(username);
  const parts: XmlParts = {
    office,
    artifactOwner,
    route: (endpoint, media, handler) => gated(office, gateway, endpoint, media, handler),
    base: (c) => {
      const mb = c.req.param("mb");
      return {
        origin: options.baseUrl?.replace(/\/+$/, "") ?? new URL(c.req.url).origin,
        mailedBy: unpadded(mb ?? office.customer),
        mobo: unpadded(c.req.param("mobo") ?? mb ?? office.customer),
        artifactOwner,
      };
    },
  };
  xmlManifestRoutes(app, parts);
  xmlShipmentRoutes(app, parts);
  xmlRatingRoutes(app, parts);
  xmlTrackingRoutes(app, parts);
  app.notFound((c) => fail(c, 404, []));
  return { app, state: office.state, faults: office.faults, tracking: office.tracking, save: office.save };
}
