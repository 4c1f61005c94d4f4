import { Hono, type Context } from "hono";
import * as v from "valibot";
import type { CanadaPostEndpoint } from "../../canadapost/index.ts";
import { droppedReply, FaultPlan, meetFaults } from "../faults.ts";
import { SANDBOX_ACCOUNT } from "../account.ts";
import { localDate } from "../calendar.ts";
import { labelPdf, manifestPdf } from "../canadapost/label-pdf.ts";
import { SANDBOX_SERVICES, sandboxQuote, type SandboxQuote } from "../canadapost/pricing.ts";
import { CanadaPostSandboxState, type SandboxShipment } from "../canadapost/state.ts";
import { keepCanadaPostState } from "../state-file.ts";
import { SandboxServices } from "../canadapost/services.ts";
import { CreateShipmentBody, RatesBody, RefundBody, TransmitBody, issuesOf } from "./checks.ts";
import { linksOfManifest, manifestLinks, priceJson, quoteJson, shipmentInfoJson, shipmentLinks, type PortalBase } from "./replies.ts";

export interface PortalSandboxOptions {
  clientId?: string;
  clientSecret?: string;
  customerNumber?: string;
  contractId?: string;
  /** The services the account has for Canadian addresses (rating/v1/services, and Create Shipment). */
  domesticServices?: readonly string[];
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
  /**
   * Keep what was sold and the queued faults in this file (the same one the XML sandbox keeps),
   * so that separate runs, and a shop switching APIs, meet the same Canada Post.
   */
  stateFile?: string;
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
  /** Every request with a JSON body, in order. */
  requests: SeenRequest[];
  /** Ends every token handed out so far: the next call with one gets a 401. */
  expireTokens(): void;
  /** Every token handed out so far, oldest first. */
  issuedTokens(): string[];
  /** Writes the state and queued faults to `stateFile` now; a no-op without one. */
  save(): void;
}

type Endpoint = CanadaPostEndpoint | "GetGroups" | "GetToken";

const JSON_TYPE = "application/json";
/** The live gateway's root path; the sandbox answers under the same one. */
export const PORTAL_ROOT = "/prod/devportal-portaildesdeveloppeurs";
const PROVINCES = new Set(["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]);

type Failure = { errorCode: string; message: string };

/**
 * A Hono app that speaks Canada Post's Developer Portal API: the OAuth token endpoint, Bearer
 * tokens that expire, the Shipping API's paths and JSON shapes, its error bodies and status
 * codes, Get Rates on rating/v1. It shares the XML sandbox's state (what was sold), fault
 * plan and price list, so both APIs are tested with the same faults and the same figures.
 */
export function createPortalSandbox(options: PortalSandboxOptions = {}): PortalSandbox {
  const clientId = options.clientId ?? SANDBOX_ACCOUNT.canadaPost.clientId;
  const clientSecret = options.clientSecret ?? SANDBOX_ACCOUNT.canadaPost.clientSecret;
  const customer = strip(options.customerNumber ?? SANDBOX_ACCOUNT.canadaPost.customerNumber);
  const contractId = options.contractId ?? SANDBOX_ACCOUNT.canadaPost.contractId;
  const services = new SandboxServices(options.domesticServices);
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const renderDelayMs = options.renderDelayMs ?? 0;
  const redirect = options.artifactRedirect ?? false;
  const pricingOnlyTransmitted = options.pricingInfoOnlyWhenTransmitted ?? false;
  // Artifact links carry an opaque consumer id (16 hex digits in Canada Post's samples).
  const consumerId = Math.floor(Math.random() * 2 ** 48).toString(16).padStart(16, "0");
  const state = new CanadaPostSandboxState();
  const faults = new FaultPlan();
  const requests: SeenRequest[] = [];
  const tokens = new Map<string, number>();
  const pdfs = new Map<string, Uint8Array>();
  const bodies = new Map<string, CreateShipmentBody>();
  const app = new Hono().basePath(PORTAL_ROOT);
  const kept = keepCanadaPostState(app, options.stateFile, state, faults);

  const json = (c: Context, body: unknown, status = 200) => c.body(JSON.stringify(body), status as 200, { "Content-Type": JSON_TYPE });
  const fail = (c: Context, status: number, errors: Failure[], title = status === 404 ? "Not Found" : "Validation failed") =>
    json(c, { title, detail: errors.length ? "Errors occurred while processing the request." : title, errors }, status);
  const unauthorized = (c: Context, more: string, asArray: boolean) => {
    const e = { httpCode: "401", httpMessage: "Unauthorized", moreInformation: more };
    return json(c, asArray ? [e] : e, 401);
  };
  const throttled = (c: Context, retryAfterSeconds?: number) => {
    const headers: Record<string, string> = { "Content-Type": JSON_TYPE };
    if (retryAfterSeconds !== undefined) headers["Retry-After"] = String(retryAfterSeconds);
    return c.body(JSON.stringify({ httpCode: "429", httpMessage: "Too Many Requests", moreInformation: "Rejected by SLM Monitor" }), (options.throttleStatus ?? 429) as 429, headers);
  };
  const base = (c: Context): PortalBase => ({
    origin: options.baseUrl?.replace(/\/+$/, "") ?? `${new URL(c.req.url).origin}${PORTAL_ROOT}`,
    mailedBy: c.req.param("mb") ?? customer,
    mobo: c.req.param("mobo") ?? c.req.param("mb") ?? customer,
    consumerId,
  });

  /** Faults first (the network and the server's bad days), then the gateway: Bearer, customer, media types. */
  async function gate(c: Context, endpoint: Endpoint, media: { accept: string; body?: boolean }): Promise<Response | "lose-reply" | undefined> {
    state.calls.set(endpoint, state.callsTo(endpoint) + 1);
    const met = await meetFaults(faults, endpoint, media.accept, {
      status: (fault) =>
        c.body(fault.body ?? JSON.stringify({ httpCode: String(fault.status), httpMessage: "Service Unavailable", moreInformation: "Failed to establish a backside connection" }), fault.status as 500, {
          "Content-Type": fault.contentType ?? JSON_TYPE,
          ...fault.headers,
        }),
      throttled: (retryAfterSeconds) => throttled(c, retryAfterSeconds),
      malformed: () => c.body('{"shipmentId":"12', 200, { "Content-Type": JSON_TYPE }),
    });
    if (met instanceof Response) return met;
    const loseReply = met === "lose-reply";
    if (endpoint !== "GetToken") {
      const auth = c.req.header("authorization") ?? "";
      const token = auth.startsWith("Bearer ") ? auth.slice(7) : undefined;
      const expires = token === undefined ? undefined : tokens.get(token);
      if (expires === undefined) return unauthorized(c, "Cannot pass the security checks that are required by the target API or operation, Enable debug headers for more details.", false);
      if (Date.now() >= expires) return unauthorized(c, "The access token has expired.", true);
      const mb = c.req.param("mb");
      if (mb !== undefined && strip(mb) !== customer) {
        return fail(c, 403, [{ errorCode: "AA003", message: "The API key does not match the mailed-by customer number." }], "Forbidden");
      }
    }
    const accepted = (c.req.header("accept") ?? "").split(",").map((t) => t.split(";")[0]!.trim());
    if (!accepted.includes(media.accept)) {
      return fail(c, 406, [{ errorCode: "Server", message: `Accept header must be ${media.accept}; got "${c.req.header("accept") ?? ""}".` }], "Not Acceptable");
    }
    if (media.body && (c.req.header("content-type") ?? "").split(";")[0]!.trim() !== JSON_TYPE) {
      return fail(c, 415, [{ errorCode: "Server", message: `Content-Type must be ${JSON_TYPE}; got "${c.req.header("content-type") ?? ""}".` }], "Unsupported Media Type");
    }
    return loseReply ? "lose-reply" : undefined;
  }

  /** The body as JSON, recorded for the tests; undefined when it is not JSON. */
  async function readJson(c: Context, endpoint: Endpoint): Promise<unknown> {
    const text = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return undefined;
    }
    requests.push({ endpoint, method: c.req.method, path: new URL(c.req.url).pathname, body });
    return body;
  }

  const live = (id: string): SandboxShipment | undefined => {
    const s = state.shipments.get(id);
    return s && s.status !== "voided" ? s : undefined;
  };
  const rendering = (createdAt: Date) => Date.now() - createdAt.getTime() < renderDelayMs;
  const notFound = (c: Context) => fail(c, 404, [{ errorCode: "404", message: "The requested resource was not found." }]);

  app.post("/cpc-api-native-oauth-provider/oauth2/token", async (c) => {
    const gated = await gate(c, "GetToken", { accept: JSON_TYPE });
    if (gated instanceof Response) return gated;
    const form = new URLSearchParams(await c.req.text());
    const basic = (c.req.header("authorization") ?? "").startsWith("Basic ") ? Buffer.from(c.req.header("authorization")!.slice(6), "base64").toString("utf8").split(":") : [];
    const id = c.req.header("x-ibm-client-id") ?? form.get("client_id") ?? basic[0];
    const secret = c.req.header("x-ibm-client-secret") ?? form.get("client_secret") ?? basic[1];
    if (form.get("grant_type") !== "client_credentials") return json(c, { error: "unsupported_grant_type", error_description: "grant_type must be client_credentials." }, 400);
    if (id !== clientId || secret !== clientSecret) return json(c, { error: "invalid_client", error_description: "Client authentication failed." }, 401);
    if (!(form.get("scope") ?? "").split(" ").includes("merchant")) return json(c, { error: "invalid_scope", error_description: "scope must be merchant." }, 400);
    const token = crypto.randomUUID().replace(/-/g, "") + crypto.randomUUID().replace(/-/g, "");
    tokens.set(token, Date.now() + lifetime * 1000);
    if (gated === "lose-reply") return droppedReply(JSON_TYPE);
    return json(c, { token_type: "Bearer", access_token: token, scope: "merchant", expires_in: lifetime, consented_on: Math.floor(Date.now() / 1000) });
  });

  const SHIPPING = "/shipping/v1";

  app.get(`${SHIPPING}/artifacts/:consumer/shipping/:artifactId/:index`, async (c) => {
    const gated = await gate(c, "GetArtifact", { accept: "application/pdf" });
    if (gated instanceof Response) return gated;
    const artifactId = c.req.param("artifactId");
    const artifact = c.req.param("consumer") === consumerId && c.req.param("index") === "0" ? state.artifacts.get(artifactId) : undefined;
    if (!artifact) return notFound(c);
    const createdAt = artifact.kind === "label" ? state.shipments.get(artifact.shipmentId)!.createdAt : state.manifests.get(artifact.manifestId)!.createdAt;
    if (rendering(createdAt)) return notFound(c);
    if (gated === "lose-reply") return droppedReply("application/pdf");
    if (redirect) return c.body(null, 302, { Location: `${PORTAL_ROOT}${SHIPPING}/artifact-files/${artifactId}/0?expires=${Date.now() + 300_000}` });
    return servePdf(c, artifactId);
  });

  // Where the 302 leads: the file itself, as a signed link that needs no token.
  app.get(`${SHIPPING}/artifact-files/:artifactId/:index`, async (c) => {
    if (!state.artifacts.has(c.req.param("artifactId")) || Number(c.req.query("expires") ?? 0) < Date.now()) return notFound(c);
    return servePdf(c, c.req.param("artifactId"));
  });

  async function servePdf(c: Context, artifactId: string): Promise<Response> {
    const artifact = state.artifacts.get(artifactId)!;
    let pdf = pdfs.get(artifactId);
    if (!pdf) {
      if (artifact.kind === "label") {
        const s = state.shipments.get(artifact.shipmentId)!;
        pdf = await labelPdf(s.labelFormat, { pin: s.trackingPin, service: s.serviceCode, to: destinationLines(bodies.get(s.shipmentId)) });
      } else {
        const m = state.manifests.get(artifact.manifestId)!;
        pdf = await manifestPdf(m.poNumber, m.shipmentIds.map((id) => state.shipments.get(id)?.trackingPin ?? id));
      }
      pdfs.set(artifactId, pdf);
    }
    state.artifactDownloads++;
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { "Content-Type": "application/pdf" });
  }

  app.post(`${SHIPPING}/:mb/:mobo/shipments`, async (c) => {
    const gated = await gate(c, "CreateShipment", { accept: JSON_TYPE, body: true });
    if (gated instanceof Response) return gated;
    const raw = await readJson(c, "CreateShipment");
    if (raw === undefined) return fail(c, 400, [{ errorCode: "Server", message: "The request body is not JSON." }]);
    const parsed = v.safeParse(CreateShipmentBody, raw);
    if (!parsed.success) return fail(c, 400, issuesOf(parsed.issues));
    const body = parsed.output;
    if ((body.groupId === undefined) === (body.transmitShipment === undefined)) {
      return fail(c, 400, [{ errorCode: "Server", message: "$: exactly one of groupId and transmitShipment is required." }]);
    }
    if (body.customerRequestId && [...state.shipments.values()].some((s) => s.requestId === body.customerRequestId)) {
      return fail(c, 400, [{ errorCode: "7314", message: `A shipment with customerRequestId ${body.customerRequestId} already exists; the customerRequestId must be unique.` }]);
    }
    const rules = businessRules(body, contractId, services);
    if (rules.length > 0) return fail(c, 400, rules);
    const spec = body.deliverySpec;
    const record: SandboxShipment = {
      ...state.nextIds(),
      requestId: body.customerRequestId || undefined,
      orderId: spec.references?.customerRef1 || undefined,
      groupId: body.groupId,
      status: body.groupId === undefined ? "transmitted" : "created",
      serviceCode: spec.serviceCode,
      labelFormat: spec.printPreferences?.outputFormat === "4x6" ? "4x6" : "8.5x11",
      requestXml: "",
      createdAt: new Date(),
      manifestId: undefined,
      // Charged exactly what Get Rates quotes for the same parcel, service and day.
      price: priceOf(body),
    };
    state.shipments.set(record.shipmentId, record);
    state.artifacts.set(record.artifactId, { kind: "label", shipmentId: record.shipmentId });
    bodies.set(record.shipmentId, body);
    state.createCount++;
    if (gated === "lose-reply") return droppedReply(JSON_TYPE);
    const withPrice = body.providePricingInfo === true && (!pricingOnlyTransmitted || body.transmitShipment === true);
    return json(c, shipmentInfoJson(base(c), record, { withPrice }));
  });

  app.get(`${SHIPPING}/:mb/:mobo/shipments`, async (c) => {
    const gated = await gate(c, "GetShipments", { accept: JSON_TYPE });
    if (gated instanceof Response) return gated;
    const q = c.req.query();
    const pick = (...names: string[]) => names.map((n) => q[n]).find((x) => x !== undefined);
    const requestId = pick("request-id", "requestId");
    const groupId = pick("group-id", "groupId");
    const manifestId = pick("manifest-id", "manifestId");
    const pin = pick("tracking-pin", "trackingPIN");
    if (groupId !== undefined && manifestId !== undefined) return fail(c, 400, [{ errorCode: "Server", message: "group-id and manifest-id cannot be given together." }]);
    if (requestId !== undefined && requestId.length > 32) return fail(c, 400, [{ errorCode: "Server", message: "request-id must be at most 32 characters." }]);
    const all = [...state.shipments.values()].filter((s) => s.status !== "voided");
    let list: SandboxShipment[];
    if (requestId !== undefined) list = all.filter((s) => s.requestId === requestId);
    else if (groupId !== undefined) list = all.filter((s) => s.groupId === groupId && s.status === "created");
    else if (manifestId !== undefined) list = all.filter((s) => s.manifestId === manifestId);
    else if (pin !== undefined) list = all.filter((s) => s.trackingPin === pin);
    else return fail(c, 400, [{ errorCode: "Server", message: "One of group-id, manifest-id, tracking-pin, request-id or no-manifest is required." }]);
    if (gated === "lose-reply") return droppedReply(JSON_TYPE);
    return json(c, shipmentLinks(base(c), list));
  });

  app.get(`${SHIPPING}/:mb/:mobo/groups`, async (c) => {
    const gated = await gate(c, "GetGroups", { accept: JSON_TYPE });
    if (gated instanceof Response) return gated;
    const b = base(c);
    const groups = [...new Set([...state.shipments.values()].filter((s) => s.status === "created" && s.groupId).map((s) => s.groupId!))];
    return json(
      c,
      groups.map((g) => ({ groupId: g, link: { rel: "group", href: `${b.origin}${SHIPPING}/${b.mailedBy}/${b.mobo}/shipments?group-id=${encodeURIComponent(g)}`, mediaType: JSON_TYPE } })),
    );
  });

  app.get(`${SHIPPING}/:mb/:mobo/shipments/:id`, async (c) => {
    const gated = await gate(c, "GetShipment", { accept: JSON_TYPE });
    if (gated instanceof Response) return gated;
    const s = live(c.req.param("id"));
    if (!s) return notFound(c);
    if (gated === "lose-reply") return droppedReply(JSON_TYPE);
    return json(c, shipmentInfoJson(base(c), s, { withPrice: false }));
  });

  app.get(`${SHIPPING}/:mb/:mobo/shipments/:id/price`, async (c) => {
    const gated = await gate(c, "GetShipmentPrice", { accept: JSON_TYPE });
    if (gated instanceof Response) return gated;
    const s = live(c.req.param("id"));
    if (!s || !s.price) return notFound(c);
    if (gated === "lose-reply") return droppedReply(JSON_TYPE);
    return json(c, priceJson(s.price));
  });

  app.get(`${SHIPPING}/:mb/:mobo/shipments/:id/details`, async (c) => {
    const gated = await gate(c, "GetShipmentDetails", { accept: JSON_TYPE });
    if (gated instanceof Response) return gated;
    const s = live(c.req.param("id"));
    if (!s) return notFound(c);
    const body = bodies.get(s.shipmentId);
    if (gated === "lose-reply") return droppedReply(JSON_TYPE);
    return json(c, {
      ...(s.requestId ? { customerRequestId: s.requestId } : {}),
      shipmentStatus: s.status,
      finalShippingPoint: body?.requestedShippingPoint ?? "K1A0B1",
      trackingPin: s.trackingPin,
      shipmentDetail: { ...(s.groupId ? { groupId: s.groupId } : { transmitShipment: true }), deliverySpec: body?.deliverySpec ?? {} },
    });
  });

  app.delete(`${SHIPPING}/:mb/:mobo/shipments/:id`, async (c) => {
    const gated = await gate(c, "VoidShipment", { accept: JSON_TYPE });
    if (gated instanceof Response) return gated;
    const s = live(c.req.param("id"));
    if (!s) return notFound(c);
    if (s.status === "transmitted") {
      return fail(c, 400, [{ errorCode: "8064", message: "The shipment has already been transmitted and cannot be voided; request a refund instead." }]);
    }
    s.status = "voided";
    if (gated === "lose-reply") return droppedReply(JSON_TYPE);
    return c.body(null, 204);
  });

  app.post(`${SHIPPING}/:mb/:mobo/shipments/:id/refund`, async (c) => {
    const gated = await gate(c, "RequestRefund", { accept: JSON_TYPE, body: true });
    if (gated instanceof Response) return gated;
    const s = live(c.req.param("id"));
    if (!s) return notFound(c);
    const parsed = v.safeParse(RefundBody, await readJson(c, "RequestRefund"));
    if (!parsed.success) return fail(c, 400, issuesOf(parsed.issues));
    if (s.status !== "transmitted") {
      return fail(c, 400, [{ errorCode: "7291", message: "The shipment has not been transmitted; void it instead of requesting a refund." }]);
    }
    const refund = { shipmentId: s.shipmentId, ticketId: state.nextTicketId(), ticketDate: localDate(new Date(), "-"), email: parsed.output.email };
    state.refunds.push(refund);
    if (gated === "lose-reply") return droppedReply(JSON_TYPE);
    return json(c, { serviceTicketDate: refund.ticketDate, serviceTicketId: refund.ticketId });
  });

  app.get(`${SHIPPING}/:mb/:mobo/manifests`, async (c) => {
    const gated = await gate(c, "GetManifests", { accept: JSON_TYPE });
    if (gated instanceof Response) return gated;
    const from = c.req.query("from");
    const to = c.req.query("to");
    if (!from || !to || !/^\d{8}$/.test(from) || !/^\d{8}$/.test(to)) {
      return fail(c, 400, [{ errorCode: "Server", message: "from and to (YYYYMMDD) are required." }]);
    }
    const list = [...state.manifests.values()].filter((m) => {
      const day = localDate(m.createdAt, "");
      return day >= from && day <= to;
    });
    if (gated === "lose-reply") return droppedReply(JSON_TYPE);
    return json(c, manifestLinks(base(c), list));
  });

  app.post(`${SHIPPING}/:mb/:mobo/manifests`, async (c) => {
    const gated = await gate(c, "TransmitShipments", { accept: JSON_TYPE, body: true });
    if (gated instanceof Response) return gated;
    const parsed = v.safeParse(TransmitBody, await readJson(c, "TransmitShipments"));
    if (!parsed.success) return fail(c, 400, issuesOf(parsed.issues));
    const { groupIds } = parsed.output;
    const excluded = new Set(parsed.output.excludedShipments ?? []);
    const manifest = state.transmitGroups(groupIds, excluded);
    if (!manifest) {
      return fail(c, 400, [{ errorCode: "9122", message: "All groups are empty or all shipments in them were excluded: Group id was not found for transmission." }]);
    }
    if (gated === "lose-reply") return droppedReply(JSON_TYPE);
    return json(c, manifestLinks(base(c), [manifest]));
  });

  app.get(`${SHIPPING}/:mb/:mobo/manifests/:id`, async (c) => {
    const gated = await gate(c, "GetManifest", { accept: JSON_TYPE });
    if (gated instanceof Response) return gated;
    const m = state.manifests.get(c.req.param("id"));
    if (!m || rendering(m.createdAt)) return notFound(c);
    if (gated === "lose-reply") return droppedReply(JSON_TYPE);
    return json(c, { poNumber: m.poNumber, links: linksOfManifest(base(c), m) });
  });

  // Discover Services (rating/v1/services): the XML <services> camel-cased, as a plain array.
  app.get("/rating/v1/services", async (c) => {
    const gated = await gate(c, "GetServices", { accept: JSON_TYPE });
    if (gated instanceof Response) return gated;
    const country = c.req.query("country");
    if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) return fail(c, 400, [{ errorCode: "Server", message: "country must be a two-letter country code." }]);
    if (gated === "lose-reply") return droppedReply(JSON_TYPE);
    const upper = country?.toUpperCase();
    const query = upper ? `?country=${upper}` : "";
    const origin = base(c).origin;
    return json(
      c,
      services.forCountry(upper).map((s) => ({ serviceCode: s.code, serviceName: s.name, link: { rel: "service", href: `${origin}/rating/v1/services/${s.code}${query}`, mediaType: JSON_TYPE } })),
    );
  });

  // Get Rates (rating/v1/prices): what each service would cost; nothing is bought.
  app.post("/rating/v1/prices", async (c) => {
    const gated = await gate(c, "GetRates", { accept: JSON_TYPE, body: true });
    if (gated instanceof Response) return gated;
    const parsed = v.safeParse(RatesBody, await readJson(c, "GetRates"));
    if (!parsed.success) return fail(c, 400, issuesOf(parsed.issues));
    const s = parsed.output;
    if (s.customerNumber !== undefined && strip(s.customerNumber) !== customer) {
      return fail(c, 403, [{ errorCode: "AA003", message: "The API key does not match the customer number." }], "Forbidden");
    }
    if (s.contractId !== undefined && strip(s.contractId) !== strip(contractId)) return fail(c, 400, [{ errorCode: "2550", message: `Contract number ${s.contractId} is invalid.` }]);
    const destination = s.destination.domestic?.postalCode;
    if (!destination) return fail(c, 400, [{ errorCode: "9111", message: "The sandbox quotes Canadian destinations only." }]);
    const mailingDate = s.expectedMailingDate ?? localDate(new Date(), "-");
    if (mailingDate < localDate(new Date(), "-")) return fail(c, 400, [{ errorCode: "1622", message: "The expected mailing date cannot be in the past." }]);
    const codes = s.services ?? SANDBOX_SERVICES.map((x) => x.code);
    const p = s.parcelCharacteristics;
    const quotes = codes
      .map((code) => sandboxQuote({ serviceCode: code, originPostal: s.originPostalCode, destinationPostal: destination, weightKg: p.weight, dimensionsCm: p.dimensions, mailingDate }))
      .filter((q): q is SandboxQuote => q !== undefined);
    if (quotes.length === 0) return fail(c, 400, [{ errorCode: "9112", message: "No service is available for this parcel." }]);
    return json(c, quotes.map(quoteJson));
  });

  app.notFound((c) => notFound(c));

  return {
    app,
    state,
    faults,
    requests,
    expireTokens: () => {
      for (const token of tokens.keys()) tokens.set(token, 0);
    },
    issuedTokens: () => [...tokens.keys()],
    save: kept.save,
  };
}

/** Canada Post's checks after the schema: the ones a domestic seller can run into. */
function businessRules(body: CreateShipmentBody, contractId: string, services: SandboxServices): Failure[] {
  const spec = body.deliverySpec;
  const out: Failure[] = [];
  const service = spec.serviceCode;
  const dest = spec.destination.addressDetails;
  const country = dest.countryCode.toUpperCase();
  if (!services.offers(service)) out.push({ errorCode: "3000", message: `Service ${service} is not available for this contract.` });
  if (body.requestedShippingPoint === undefined && body.shippingPointId === undefined) out.push({ errorCode: "9189", message: "One of requestedShippingPoint and shippingPointId is required." });
  if (country === "CA" || country === "US") {
    if (!dest.addressLine1) out.push({ errorCode: "1156", message: "Address line 1 is mandatory." });
    if (!dest.city) out.push({ errorCode: "1157", message: "City is mandatory." });
    if (!dest.provState) out.push({ errorCode: "1159", message: "Province/State is mandatory." });
  }
  if (country === "CA") {
    if (!spec.destination.name && !spec.destination.company) out.push({ errorCode: "1152", message: "A name or a company is required for the destination." });
    if (dest.provState && !PROVINCES.has(dest.provState)) out.push({ errorCode: "1159", message: `Province "${dest.provState}" is not valid.` });
    if (!/^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(dest.postalZipCode ?? "")) out.push({ errorCode: "1153", message: "The destination postal code is invalid." });
    if (service.startsWith("USA.") || service.startsWith("INT.")) out.push({ errorCode: "3000", message: `Service ${service} is not available for a Canadian destination.` });
  } else if (!spec.customs) {
    out.push({ errorCode: "1151", message: "At least one line of Customs Description must be supplied." });
  }
  const settlement = spec.settlementInfo;
  if (settlement.contractId === undefined && settlement.intendedMethodOfPayment === "Account") {
    out.push({ errorCode: "2506", message: "A contract number is required for this method of payment." });
  } else if (settlement.contractId !== undefined && strip(settlement.contractId) !== strip(contractId)) {
    out.push({ errorCode: "2550", message: `Contract number ${settlement.contractId} is invalid.` });
  }
  return out;
}

function priceOf(body: CreateShipmentBody): SandboxQuote | undefined {
  const spec = body.deliverySpec;
  const p = spec.parcelCharacteristics;
  return sandboxQuote({
    serviceCode: spec.serviceCode,
    originPostal: (body.requestedShippingPoint ?? spec.sender.addressDetails.postalZipCode ?? "K1A0B1").replace(/\s/g, ""),
    destinationPostal: spec.destination.addressDetails.postalZipCode ?? "K1A0B1",
    weightKg: p.weight,
    dimensionsCm: p.dimensions,
    mailingDate: body.expectedMailingDate ?? localDate(new Date(), "-"),
  });
}

function destinationLines(body: CreateShipmentBody | undefined): string[] {
  const d = body?.deliverySpec.destination;
  if (!d) return [];
  const a = d.addressDetails;
  return [d.name, d.company, a.addressLine1, a.addressLine2, `${a.city ?? ""} ${a.provState ?? ""}  ${a.postalZipCode ?? ""}`].filter(
    (x): x is string => typeof x === "string" && x.trim() !== "",
  );
}


const strip = (customer: string): string => customer.replace(/^0+(?=\d)/, "");
