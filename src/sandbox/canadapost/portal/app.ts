import { Hono, type Context } from "hono";
import { SANDBOX_ACCOUNT } from "../../account.ts";
import type { FaultPlan } from "../../faults.ts";
import { gated, reply, type Endpoint } from "../gate.ts";
import { PostOffice, type PostOfficeOptions } from "../post-office.ts";
import type { CanadaPostSandboxState } from "../state.ts";
import type { TrackingDesk } from "../tracking/desk.ts";
import type { CreateShipmentBody } from "./checks.ts";
import { json, JSON_TYPE, notFound, PortalGateway } from "./gateway.ts";
import { portalManifestRoutes } from "./manifest-routes.ts";
import { PORTAL_ROOT, type PortalParts } from "./parts.ts";
import { portalRatingRoutes } from "./rating-routes.ts";
import { addressOfBody } from "./request.ts";
import { portalShipmentRoutes } from "./shipment-routes.ts";
import { portalTrackingRoutes } from "./tracking-routes.ts";

export { PORTAL_ROOT };

export interface PortalSandboxOptions extends PostOfficeOptions {
  clientId?: string;
  clientSecret?: string;
  /** expires_in of the tokens it hands out; default 3600 s. */
  tokenLifetimeSeconds?: number;
  /** A new label or manifest answers 404 this long after creation, as while it renders; default 0. */
  renderDelayMs?: number;
  /**
   * Label and manifest links answer 302 to the file, as one live client saw (devportal.md
   * §3.4, UNCERTAIN); default false, so that each download is one audited call as on XML.
   */
  artifactRedirect?: boolean;
  /**
   * Answer providePricingInfo only for transmitted shipments, as the spec's text says; by
   * default a grouped shipment's reply carries its price too (how the live portal treats it
   * is not known; the adapter reads the price link when the reply has none).
   */
  pricingInfoOnlyWhenTransmitted?: boolean;
  /** Status of the throttle reply; default 429. */
  throttleStatus?: number;
  /** Links use this origin instead of the request's own. */
  baseUrl?: string;
}

/** One request as it arrived, for the tests to check against the published schemas. */
export interface SeenRequest {
  endpoint: Endpoint;
  method: string;
  path: string;
  body: unknown;
}

export interface PortalSandbox {
  app: Hono<any, any, any>;
  state: CanadaPostSandboxState;
  faults: FaultPlan;
  /** Each label's journey by the sandbox's clock. */
  tracking: TrackingDesk;
  /** Every request with a JSON body, in order. */
  requests: SeenRequest[];
  /** Ends every token handed out so far: the next call with one gets a 401. */
  expireTokens(): void;
  /** Every token handed out so far, oldest first. */
  issuedTokens(): string[];
  /** Writes the state and queued faults to `stateFile` now; a no-op without one. */
  save(): void;
}

/**
 * A Hono app that speaks Canada Post's Developer Portal API: the OAuth token endpoint, Bearer
 * tokens that expire, the Shipping API's paths and JSON shapes, its error bodies and status
 * codes, Get Rates on rating/v1. Behind it the same post office as the XML sandbox (what was
 * sold, fault plan, price list), so both APIs are tested with the same faults and figures.
 */
export function createPortalSandbox(options: PortalSandboxOptions = {}): PortalSandbox {
  const app = new Hono().basePath(PORTAL_ROOT);
  const bodies = new Map<string, CreateShipmentBody>();
  const office = new PostOffice(app, options, (id) => addressOfBody(bodies.get(id)));
  const gateway = new PortalGateway(office, { lifetimeSeconds: options.tokenLifetimeSeconds ?? 3600, throttleStatus: options.throttleStatus });
  const requests: SeenRequest[] = [];
  const renderDelayMs = options.renderDelayMs ?? 0;
  // Artifact links carry an opaque consumer id (16 hex digits in Canada Post's samples).
  const consumerId = Math.floor(Math.random() * 2 ** 48).toString(16).padStart(16, "0");
  const parts: PortalParts = {
    office,
    consumerId,
    bodies,
    route: (endpoint, media, handler) => gated(office, gateway, endpoint, media, handler),
    base: (c) => ({
      origin: options.baseUrl?.replace(/\/+$/, "") ?? `${new URL(c.req.url).origin}${PORTAL_ROOT}`,
      mailedBy: c.req.param("mb") ?? office.customer,
      mobo: c.req.param("mobo") ?? c.req.param("mb") ?? office.customer,
      consumerId,
    }),
    readJson: async (c, endpoint) => {
      const text = await c.req.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return undefined;
      }
      requests.push({ endpoint, method: c.req.method, path: new URL(c.req.url).pathname, body });
      return body;
    },
    rendering: (madeAt) => office.now().getTime() - madeAt.getTime() < renderDelayMs,
    redirect: options.artifactRedirect ?? false,
    pricingOnlyTransmitted: options.pricingInfoOnlyWhenTransmitted ?? false,
  };
  app.post("/cpc-api-native-oauth-provider/oauth2/token", parts.route("GetToken", { accept: JSON_TYPE }, (c) => token(c, options, gateway)));
  portalManifestRoutes(app, parts);
  portalShipmentRoutes(app, parts);
  portalRatingRoutes(app, parts);
  portalTrackingRoutes(app, parts);
  app.notFound((c) => notFound(c));
  return {
    app,
    state: office.state,
    faults: office.faults,
    tracking: office.tracking,
    requests,
    expireTokens: () => gateway.expireTokens(),
    issuedTokens: () => gateway.issuedTokens(),
    save: office.save,
  };
}

/**
 * The OAuth 2.0 token endpoint (client credentials): the id and secret from the X-IBM headers,
 * the form, or Basic, whichever came; scope merchant.
 */
async function token(c: Context, options: PortalSandboxOptions, gateway: PortalGateway) {
  const form = new URLSearchParams(await c.req.text());
  const authorization = c.req.header("authorization") ?? "";
  const basic = authorization.startsWith("Basic ") ? Buffer.from(authorization.slice(6), "base64").toString("utf8").split(":") : [];
  const id = c.req.header("x-ibm-client-id") ?? form.get("client_id") ?? basic[0];
  const secret = c.req.header("x-ibm-client-secret") ?? form.get("client_secret") ?? basic[1];
  if (form.get("grant_type") !== "client_credentials") return json(c, { error: "unsupported_grant_type", error_description: "grant_type must be client_credentials." }, 400);
  if (id !== (options.clientId ?? SANDBOX_ACCOUNT.canadaPost.clientId) || secret !== (options.clientSecret ?? SANDBOX_ACCOUNT.canadaPost.clientSecret)) {
    return json(c, { error: "invalid_client", error_description: "Client authentication failed." }, 401);
  }
  if (!(form.get("scope") ?? "").split(" ").includes("merchant")) return json(c, { error: "invalid_scope", error_description: "scope must be merchant." }, 400);
  const issued = gateway.issue();
  return reply(JSON_TYPE, () =>
    json(c, { token_type: "Bearer", access_token: issued.token, scope: "merchant", expires_in: issued.expiresIn, consented_on: Math.floor(Date.now() / 1000) }),
  );
}
