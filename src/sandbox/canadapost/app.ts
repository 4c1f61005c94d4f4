import { Hono, type Context } from "hono";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { droppedReply, FaultPlan, meetFaults } from "../faults.ts";
import { SANDBOX_ACCOUNT } from "../account.ts";
import { localDate } from "../calendar.ts";
import type { CanadaPostEndpoint } from "../../canadapost/index.ts";
import { labelPdf, manifestPdf } from "./label-pdf.ts";
import {
  MANIFEST_TYPE,
  RATE_TYPE,
  SHIPMENT_TYPE,
  priceQuotesXml,
  manifestXml,
  manifestsXml,
  messagesXml,
  refundInfoXml,
  servicesXml,
  shipmentDetailsXml,
  shipmentInfoXml,
  shipmentsXml,
  type LinkBase,
} from "./replies.ts";
import { MAILING_SCENARIO, REFUND_REQUEST, SHIPMENT, TRANSMIT_SET, checkElement } from "./schema.ts";
import { SANDBOX_SERVICES, sandboxQuote, type SandboxQuote } from "./pricing.ts";
import { keepCanadaPostState } from "../state-file.ts";
import { SandboxServices } from "./services.ts";
import { CanadaPostSandboxState, type SandboxShipment } from "./state.ts";

export interface CanadaPostSandboxOptions {
  username?: string;
  password?: string;
  /** The mailed-by customer number accepted in paths (with or without zero padding). */
  customerNumber?: string;
  contractId?: string;
  /**
   * The services the account has for Canadian addresses (Discover Services, and what Create
   * Shipment takes); default: every published domestic code.
   */
  domesticServices?: readonly string[];
  /** Rolling-window limit on Create Shipment + Get Artifact, answered like Canada Post's SLM. Off by default. */
  rateLimit?: { perMinute: number; windowMs?: number };
  /** Status of the SLM throttle reply; Canada Post does not document it (README §4). */
  throttleStatus?: number;
  /** Links use this origin instead of the request's own. */
  baseUrl?: string;
  /**
   * Keep the shipments, groups, manifests and queued faults in this file, so that separate runs
   * meet the same Canada Post (the in-process sandbox of sandbox mode). Without it the sandbox
   * forgets everything when it stops.
   */
  stateFile?: string;
}

export interface CanadaPostSandbox {
  app: Hono;
  state: CanadaPostSandboxState;
  faults: FaultPlan;
  /** Writes the state and queued faults to `stateFile` now (a test setting the scene); a no-op without one. */
  save(): void;
}

/** The client's calls, and Get Groups, which only the sandbox serves. */
type Endpoint = CanadaPostEndpoint | "GetGroups";

const SHIPMENT_NS = "http://www.canadapost.ca/ws/shipment-v8";
const MANIFEST_NS = "http://www.canadapost.ca/ws/manifest-v8";
const RATE_NS = "http://www.canadapost.ca/ws/ship/rate-v4";
const PROVINCES = new Set(["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

type Message = { code: string; description: string };
type Parsed = { root: string; namespace: string | undefined; content: Record<string, unknown> | string };

/** A Hono app that speaks Canada Post's contract shipping and manifest protocol (shipment-v8, manifest-v8). */
export function createCanadaPostSandbox(options: CanadaPostSandboxOptions = {}): CanadaPostSandbox {
  const username = options.username ?? SANDBOX_ACCOUNT.canadaPost.username;
  const password = options.password ?? SANDBOX_ACCOUNT.canadaPost.password;
  const customer = strip(options.customerNumber ?? SANDBOX_ACCOUNT.canadaPost.customerNumber);
  const contractId = options.contractId ?? SANDBOX_ACCOUNT.canadaPost.contractId;
  const services = new SandboxServices(options.domesticServices);
  const expectedAuth = `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
  // Real artifact links carry the API username (16 hex digits, e.g. 6e93d53968881714) in their
  // path: the sandbox does the same, so the tests see that it never reaches the audit log.
  const artifactOwner = encodeURIComponent(username);
  const state = new CanadaPostSandboxState();
  const faults = new FaultPlan();
  const pdfs = new Map<string, Uint8Array>();
  const requests = state.requests;
  const rateStamps: number[] = [];
  const app = new Hono();
  const kept = keepCanadaPostState(app, options.stateFile, state, faults);

  const xml = (c: Context, body: string, status = 200, type = SHIPMENT_TYPE) =>
    c.body(body, status as 200, { "Content-Type": type });
  const fail = (c: Context, status: number, messages: Message[]) => xml(c, messagesXml(messages), status, "application/vnd.cpc.messages+xml");
  const throttled = (c: Context, retryAfterSeconds?: number) => {
    const headers: Record<string, string> = { "Content-Type": "application/vnd.cpc.messages+xml" };
    if (retryAfterSeconds !== undefined) headers["Retry-After"] = String(retryAfterSeconds);
    return c.body(messagesXml([{ code: "Server", description: "Rejected by SLM Monitor" }]), (options.throttleStatus ?? 503) as 503, headers);
  };
  const base = (c: Context, mb?: string, mobo?: string): LinkBase => ({
    origin: options.baseUrl?.replace(/\/+$/, "") ?? new URL(c.req.url).origin,
    mailedBy: strip(mb ?? customer),
    mobo: strip(mobo ?? mb ?? customer),
    artifactOwner,
  });

  /**
   * What every request goes through, in the order a real gateway would: the fault plan (the
   * network and the server's bad days), authentication, the customer in the path, media types,
   * and the throttle. Returns a finished response, or "lose-reply" / undefined to go on.
   */
  async function gate(
    c: Context,
    endpoint: Endpoint,
    media: { accept: string; contentType?: string },
  ): Promise<Response | "lose-reply" | undefined> {
    state.calls.set(endpoint, state.callsTo(endpoint) + 1);
    const met = await meetFaults(faults, endpoint, media.accept, {
      status: (fault) =>
        c.body(fault.body ?? messagesXml([{ code: "Server", description: "Failed to establish a backside connection" }]), fault.status as 500, {
          "Content-Type": fault.contentType ?? "application/vnd.cpc.messages+xml",
          ...fault.headers,
        }),
      throttled: (retryAfterSeconds) => throttled(c, retryAfterSeconds),
      malformed: () => xml(c, `<?xml version="1.0" encoding="UTF-8"?><shipment-info xmlns="${SHIPMENT_NS}"><shipment-id>12`, 200, media.accept),
    });
    if (met instanceof Response) return met;
    const loseReply = met === "lose-reply";
    if (c.req.header("authorization") !== expectedAuth) {
      return fail(c, 401, [{ code: "E002", description: "AAA Authentication Failure" }]);
    }
    const mb = c.req.param("mb");
    if (mb !== undefined && strip(mb) !== customer) {
      return fail(c, 403, [{ code: "AA003", description: "The API key does not match the mailed-by customer number." }]);
    }
    const accepted = (c.req.header("accept") ?? "").split(",").map((t) => t.split(";")[0]!.trim());
    if (!accepted.includes(media.accept)) {
      return fail(c, 406, [{ code: "Server", description: `Accept header must be ${media.accept}; got "${c.req.header("accept") ?? ""}".` }]);
    }
    if (media.contentType !== undefined && c.req.header("content-type") !== media.contentType) {
      return fail(c, 415, [{ code: "Server", description: `Content-Type must be exactly ${media.contentType}; got "${c.req.header("content-type") ?? ""}".` }]);
    }
    if (options.rateLimit && (endpoint === "CreateShipment" || endpoint === "GetArtifact")) {
      const now = performance.now();
      const windowMs = options.rateLimit.windowMs ?? 60_000;
      while (rateStamps.length > 0 && now - rateStamps[0]! >= windowMs) rateStamps.shift();
      if (rateStamps.length >= options.rateLimit.perMinute) return throttled(c);
      rateStamps.push(now);
    }
    return loseReply ? "lose-reply" : undefined;
  }

  async function readBody(c: Context, expectedRoot: string, namespace: string, spec: typeof SHIPMENT): Promise<{ content: Record<string, unknown> } | { errors: Message[] }> {
    const path = new URL(c.req.url).pathname;
    const text = await c.req.text();
    const parsed = parse(text);
    if (!parsed) return { errors: [{ code: "Server", description: `${path}: The markup in the document is not well-formed.` }] };
    if (parsed.root !== expectedRoot || parsed.namespace !== namespace) {
      return { errors: [{ code: "Server", description: `${path}: cvc-elt.1: Cannot find the declaration of element '${parsed.root}'.` }] };
    }
    const cvc = checkElement(expectedRoot, parsed.content, spec);
    const content = typeof parsed.content === "object" ? parsed.content : {};
    if (expectedRoot === "shipment" && ("group-id" in content) === ("transmit-shipment" in content)) {
      cvc.push("cvc-model-group 3: exactly one of {group-id, transmit-shipment} (groupIdOrTransmitShipment) is expected.");
    }
    if (cvc.length > 0) return { errors: cvc.slice(0, 10).map((d) => ({ code: "Server", description: `${path}: ${d}` })) };
    return { content };
  }

  function liveShipment(id: string): SandboxShipment | undefined {
    const s = state.shipments.get(id);
    return s && s.status !== "voided" ? s : undefined;
  }

  app.get("/rs/artifact/:owner/:artifactId/:page", async (c) => {
    const gated = await gate(c, "GetArtifact", { accept: "application/pdf" });
    if (gated instanceof Response) return gated;
    const artifactId = c.req.param("artifactId");
    const artifact = c.req.param("owner") === artifactOwner && c.req.param("page") === "0" ? state.artifacts.get(artifactId) : undefined;
    if (!artifact) return fail(c, 404, []);
    let pdf = pdfs.get(artifactId);
    if (!pdf) {
      if (artifact.kind === "label") {
        const s = state.shipments.get(artifact.shipmentId)!;
        const request = requests.get(s.shipmentId) ?? {};
        pdf = await labelPdf(s.labelFormat, { pin: s.trackingPin, service: s.serviceCode, to: destinationLines(request) });
      } else {
        const m = state.manifests.get(artifact.manifestId)!;
        pdf = await manifestPdf(m.poNumber, m.shipmentIds.map((id) => state.shipments.get(id)?.trackingPin ?? id));
      }
      pdfs.set(artifactId, pdf);
    }
    if (gated === "lose-reply") return droppedReply("application/pdf");
    state.artifactDownloads++;
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { "Content-Type": "application/pdf" });
  });

  app.post("/rs/:mb/:mobo/shipment", async (c) => {
    const gated = await gate(c, "CreateShipment", { accept: SHIPMENT_TYPE, contentType: SHIPMENT_TYPE });
    if (gated instanceof Response) return gated;
    const body = await readBody(c, "shipment", SHIPMENT_NS, SHIPMENT);
    if ("errors" in body) return fail(c, 400, body.errors);
    const shipment = body.content;
    const rules = businessRules(shipment, contractId, services);
    if (rules.length > 0) return fail(c, 400, rules);
    const spec = shipment["delivery-spec"] as Record<string, any>;
    const ids = state.nextIds();
    const groupId = shipment["group-id"] as string | undefined;
    const record: SandboxShipment = {
      ...ids,
      requestId: (shipment["customer-request-id"] as string | undefined) || undefined,
      orderId: spec.references?.["customer-ref-1"] || undefined,
      groupId,
      status: groupId === undefined ? "transmitted" : "created",
      serviceCode: spec["service-code"],
      labelFormat: spec["print-preferences"]?.["output-format"] === "4x6" ? "4x6" : "8.5x11",
      requestXml: "",
      createdAt: new Date(),
      manifestId: undefined,
    };
    // Charged exactly what Get Rates quotes for the same parcel, service and day.
    if (shipment["provide-pricing-info"] !== undefined) record.price = priceOfShipment(shipment);
    state.shipments.set(record.shipmentId, record);
    state.artifacts.set(record.artifactId, { kind: "label", shipmentId: record.shipmentId });
    requests.set(record.shipmentId, shipment);
    state.createCount++;
    if (gated === "lose-reply") return droppedReply(SHIPMENT_TYPE);
    return xml(c, shipmentInfoXml(base(c, c.req.param("mb"), c.req.param("mobo")), record));
  });

  // Get Rates (rating, rate-v4): what each service would cost; nothing is bought.
  app.post("/rs/ship/price", async (c) => {
    const gated = await gate(c, "GetRates", { accept: RATE_TYPE, contentType: RATE_TYPE });
    if (gated instanceof Response) return gated;
    const body = await readBody(c, "mailing-scenario", RATE_NS, MAILING_SCENARIO);
    const rate = (status: number, messages: Message[]) => xml(c, messagesXml(messages), status, "application/vnd.cpc.messages+xml");
    if ("errors" in body) return rate(400, body.errors);
    const s = body.content as Record<string, any>;
    if (s["customer-number"] !== undefined && strip(String(s["customer-number"])) !== customer) {
      return rate(403, [{ code: "AA003", description: "The API key does not match the customer number." }]);
    }
    if (s["contract-id"] !== undefined && strip(String(s["contract-id"])) !== strip(contractId)) {
      return rate(400, [{ code: "2550", description: `Contract number ${s["contract-id"]} is invalid.` }]);
    }
    const destination = s.destination?.domestic?.["postal-code"];
    if (!destination) return rate(400, [{ code: "9111", description: "The sandbox quotes Canadian destinations only." }]);
    const mailingDate = String(s["expected-mailing-date"] ?? localDate(new Date(), "-"));
    if (mailingDate < localDate(new Date(), "-")) {
      return rate(400, [{ code: "1622", description: "The expected mailing date cannot be in the past." }]);
    }
    const asked = s.services?.["service-code"];
    const codes = asked === undefined ? SANDBOX_SERVICES.map((x) => x.code) : Array.isArray(asked) ? asked.map(String) : [String(asked)];
    const p = s["parcel-characteristics"];
    const quotes = codes
      .map((code) =>
        sandboxQuote({
          serviceCode: code,
          originPostal: String(s["origin-postal-code"]),
          destinationPostal: String(destination),
          weightKg: Number(p.weight),
          dimensionsCm: p.dimensions ? { length: Number(p.dimensions.length), width: Number(p.dimensions.width), height: Number(p.dimensions.height) } : undefined,
          mailingDate,
        }),
      )
      .filter((q): q is SandboxQuote => q !== undefined);
    if (quotes.length === 0) return rate(400, [{ code: "9112", description: "No service is available for this parcel." }]);
    return xml(c, priceQuotesXml(base(c).origin, quotes), 200, RATE_TYPE);
  });

  // Discover Services (rate-v4): the services offered for parcels to a country; nothing is bought.
  app.get("/rs/ship/service", async (c) => {
    const gated = await gate(c, "GetServices", { accept: RATE_TYPE });
    if (gated instanceof Response) return gated;
    const country = c.req.query("country");
    if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) {
      return xml(c, messagesXml([{ code: "Server", description: "country must be a two-letter country code." }]), 400, "application/vnd.cpc.messages+xml");
    }
    if (gated === "lose-reply") return droppedReply(RATE_TYPE);
    const upper = country?.toUpperCase();
    return xml(c, servicesXml(base(c).origin, services.forCountry(upper), upper), 200, RATE_TYPE);
  });

  app.get("/rs/:mb/:mobo/shipment", async (c) => {
    const gated = await gate(c, "GetShipments", { accept: SHIPMENT_TYPE });
    if (gated instanceof Response) return gated;
    const q = c.req.query();
    const all = [...state.shipments.values()].filter((s) => s.status !== "voided");
    let list: SandboxShipment[];
    if (q.requestId !== undefined) list = all.filter((s) => s.requestId === q.requestId);
    else if (q.groupId !== undefined) list = all.filter((s) => s.groupId === q.groupId && s.status === "created");
    else if (q.manifestId !== undefined) list = all.filter((s) => s.manifestId === q.manifestId);
    else if (q.trackingPIN !== undefined) list = all.filter((s) => s.trackingPin === q.trackingPIN);
    else return fail(c, 400, [{ code: "Server", description: "One of groupId, manifestId, trackingPIN, requestId or noManifest is required." }]);
    if (gated === "lose-reply") return droppedReply(SHIPMENT_TYPE);
    return xml(c, shipmentsXml(base(c, c.req.param("mb"), c.req.param("mobo")), list));
  });

  app.get("/rs/:mb/:mobo/group", async (c) => {
    const gated = await gate(c, "GetGroups", { accept: SHIPMENT_TYPE });
    if (gated instanceof Response) return gated;
    const b = base(c, c.req.param("mb"), c.req.param("mobo"));
    const groups = [...new Set([...state.shipments.values()].filter((s) => s.status === "created" && s.groupId).map((s) => s.groupId!))];
    const inner = groups
      .map((g) => `<group><group-id>${g}</group-id><link rel="group" href="${b.origin}/rs/${c.req.param("mb")}/${c.req.param("mobo")}/shipment?groupId=${g}" media-type="${SHIPMENT_TYPE}"/></group>`)
      .join("");
    return xml(c, `<?xml version="1.0" encoding="UTF-8"?><groups xmlns="${SHIPMENT_NS}">${inner}</groups>`);
  });

  app.get("/rs/:mb/:mobo/shipment/:id", async (c) => {
    const gated = await gate(c, "GetShipment", { accept: SHIPMENT_TYPE });
    if (gated instanceof Response) return gated;
    // A voided shipment is still shown, as "cancelled": Get Shipment is how its fate is learnt.
    const s = state.shipments.get(c.req.param("id"));
    if (!s) return fail(c, 404, []);
    if (gated === "lose-reply") return droppedReply(SHIPMENT_TYPE);
    return xml(c, shipmentInfoXml(base(c, c.req.param("mb"), c.req.param("mobo")), s));
  });

  app.get("/rs/:mb/:mobo/shipment/:id/details", async (c) => {
    const gated = await gate(c, "GetShipmentDetails", { accept: SHIPMENT_TYPE });
    if (gated instanceof Response) return gated;
    const s = liveShipment(c.req.param("id"));
    if (!s) return fail(c, 404, []);
    const request = requests.get(s.shipmentId) ?? {};
    const shippingPoint = String(request["requested-shipping-point"] ?? "K1A0B1");
    if (gated === "lose-reply") return droppedReply(SHIPMENT_TYPE);
    return xml(c, shipmentDetailsXml(s, request, shippingPoint));
  });

  app.delete("/rs/:mb/:mobo/shipment/:id", async (c) => {
    const gated = await gate(c, "VoidShipment", { accept: SHIPMENT_TYPE });
    if (gated instanceof Response) return gated;
    const s = liveShipment(c.req.param("id"));
    if (!s) return fail(c, 404, []);
    if (s.status === "transmitted") {
      return fail(c, 400, [{ code: "8064", description: "The shipment has already been transmitted and cannot be voided; request a refund instead." }]);
    }
    s.status = "voided";
    if (gated === "lose-reply") return droppedReply(SHIPMENT_TYPE);
    return c.body(null, 204);
  });

  app.post("/rs/:mb/:mobo/shipment/:id/refund", async (c) => {
    const gated = await gate(c, "RequestRefund", { accept: SHIPMENT_TYPE, contentType: SHIPMENT_TYPE });
    if (gated instanceof Response) return gated;
    const s = liveShipment(c.req.param("id"));
    if (!s) return fail(c, 404, []);
    const body = await readBody(c, "shipment-refund-request", SHIPMENT_NS, REFUND_REQUEST);
    if ("errors" in body) return fail(c, 400, body.errors);
    // Canada Post refunds only what it has been told is mailed: a grouped shipment is voided instead.
    if (s.status !== "transmitted") {
      return fail(c, 400, [{ code: "Server", description: "The shipment has not been transmitted; void it instead of requesting a refund (code undocumented: sandbox wording)." }]);
    }
    const refund = { shipmentId: s.shipmentId, ticketId: state.nextTicketId(), ticketDate: localDate(new Date(), "-"), email: String(body.content.email) };
    state.refunds.push(refund);
    if (gated === "lose-reply") return droppedReply(SHIPMENT_TYPE);
    return xml(c, refundInfoXml(refund.ticketId, refund.ticketDate));
  });

  app.get("/rs/:mb/:mobo/manifest", async (c) => {
    const gated = await gate(c, "GetManifests", { accept: MANIFEST_TYPE });
    if (gated instanceof Response) return gated;
    const start = c.req.query("start");
    const end = c.req.query("end") ?? localDate(new Date(), "");
    if (!start || !/^\d{8}$/.test(start) || !/^\d{8}$/.test(end)) {
      return fail(c, 400, [{ code: "Server", description: "start (YYYYMMDD) is required; end (YYYYMMDD) is optional." }]);
    }
    const list = [...state.manifests.values()].filter((m) => {
      const day = localDate(m.createdAt, "");
      return day >= start && day <= end;
    });
    if (gated === "lose-reply") return droppedReply(MANIFEST_TYPE);
    return xml(c, manifestsXml(base(c, c.req.param("mb"), c.req.param("mobo")), list), 200, MANIFEST_TYPE);
  });

  app.post("/rs/:mb/:mobo/manifest", async (c) => {
    const gated = await gate(c, "TransmitShipments", { accept: MANIFEST_TYPE, contentType: MANIFEST_TYPE });
    if (gated instanceof Response) return gated;
    const body = await readBody(c, "transmit-set", MANIFEST_NS, TRANSMIT_SET);
    if ("errors" in body) return fail(c, 400, body.errors);
    const groupIds = asList((body.content["group-ids"] as Record<string, unknown>)["group-id"]);
    const excludedRaw = body.content["excluded-shipments"];
    const excluded = new Set(typeof excludedRaw === "object" && excludedRaw ? asList((excludedRaw as Record<string, unknown>)["shipment-id"]) : []);
    const manifest = state.transmitGroups(groupIds, excluded);
    if (!manifest) {
      return fail(c, 400, [{ code: "9122", description: "All groups are empty or all shipments in them were excluded: Group id was not found for transmission." }]);
    }
    if (gated === "lose-reply") return droppedReply(MANIFEST_TYPE);
    return xml(c, manifestsXml(base(c, c.req.param("mb"), c.req.param("mobo")), [manifest]), 200, MANIFEST_TYPE);
  });

  app.get("/rs/:mb/:mobo/manifest/:id", async (c) => {
    const gated = await gate(c, "GetManifest", { accept: MANIFEST_TYPE });
    if (gated instanceof Response) return gated;
    const m = state.manifests.get(c.req.param("id"));
    if (!m) return fail(c, 404, []);
    if (gated === "lose-reply") return droppedReply(MANIFEST_TYPE);
    return xml(c, manifestXml(base(c, c.req.param("mb"), c.req.param("mobo")), m), 200, MANIFEST_TYPE);
  });

  app.notFound((c) => fail(c, 404, []));

  return { app, state, faults, save: kept.save };
}

function parse(text: string): Parsed | undefined {
  if (XMLValidator.validate(text) !== true) return undefined;
  try {
    const doc = parser.parse(text) as Record<string, unknown>;
    const root = Object.keys(doc).find((k) => !k.startsWith("?"));
    if (!root) return undefined;
    const content = doc[root] as Record<string, unknown> | string;
    const namespace = typeof content === "object" && content ? (content["@_xmlns"] as string | undefined) : undefined;
    if (typeof content === "object" && content) delete content["@_xmlns"];
    return { root, namespace, content };
  } catch {
    return undefined;
  }
}

/** Canada Post's checks after the schema: the ones a domestic seller can run into. */
function businessRules(shipment: Record<string, unknown>, contractId: string, services: SandboxServices): Message[] {
  const spec = shipment["delivery-spec"] as Record<string, any>;
  const out: Message[] = [];
  const service = String(spec["service-code"]);
  const dest = spec.destination["address-details"] as Record<string, string>;
  const country = dest["country-code"]!.toUpperCase();
  if (!services.offers(service)) {
    out.push({ code: "3000", description: `Service ${service} is not available for this contract.` });
  }
  if (country === "CA" || country === "US") {
    if (!dest["address-line-1"]) out.push({ code: "1156", description: "Address line 1 is mandatory." });
    if (!dest.city) out.push({ code: "1157", description: "City is mandatory." });
    if (!dest["prov-state"]) out.push({ code: "1159", description: "Province/State is mandatory." });
  }
  if (country === "CA") {
    if (dest["prov-state"] && !PROVINCES.has(dest["prov-state"])) out.push({ code: "1159", description: `Province "${dest["prov-state"]}" is not valid.` });
    if (!/^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(dest["postal-zip-code"] ?? "")) out.push({ code: "1153", description: "The destination postal code is invalid." });
    if (service.startsWith("USA.") || service.startsWith("INT.")) out.push({ code: "3000", description: `Service ${service} is not available for a Canadian destination.` });
  } else if (!spec.customs) {
    out.push({ code: "8716", description: "This product requires a valid value for Non-Delivery Handling." });
    out.push({ code: "1151", description: "At least one line of Customs Description must be supplied." });
  }
  const settlement = spec["settlement-info"] as Record<string, string>;
  if (settlement["contract-id"] === undefined && settlement["intended-method-of-payment"] === "Account") {
    out.push({ code: "2506", description: "A contract number is required for this method of payment." });
  } else if (settlement["contract-id"] !== undefined && strip(settlement["contract-id"]) !== strip(contractId)) {
    out.push({ code: "2550", description: `Contract number ${settlement["contract-id"]} is invalid.` });
  }
  return out;
}

function destinationLines(request: Record<string, unknown>): string[] {
  const d = (request["delivery-spec"] as Record<string, any> | undefined)?.destination ?? {};
  const a = d["address-details"] ?? {};
  return [d.name, d.company, a["address-line-1"], a["address-line-2"], `${a.city ?? ""} ${a["prov-state"] ?? ""}  ${a["postal-zip-code"] ?? ""}`]
    .filter((x): x is string => typeof x === "string" && x.trim() !== "");
}


const strip = (customer: string): string => customer.replace(/^0+(?=\d)/, "");
const asList = (x: unknown): string[] => (Array.isArray(x) ? x.map(String) : x === undefined ? [] : [String(x)]);


/** The price of a Create Shipment's parcel, from the same list as Get Rates. */
function priceOfShipment(shipment: Record<string, any>): SandboxQuote | undefined {
  const spec = shipment["delivery-spec"];
  const p = spec["parcel-characteristics"] ?? {};
  const d = p.dimensions;
  const sender = spec.sender?.["address-details"]?.["postal-zip-code"];
  return sandboxQuote({
    serviceCode: String(spec["service-code"]),
    originPostal: String(shipment["requested-shipping-point"] ?? sender ?? "K1A0B1").replace(/\s/g, ""),
    destinationPostal: String(spec.destination?.["address-details"]?.["postal-zip-code"] ?? "K1A0B1"),
    weightKg: Number(p.weight ?? 1),
    dimensionsCm: d ? { length: Number(d.length), width: Number(d.width), height: Number(d.height) } : undefined,
    mailingDate: String(shipment["expected-mailing-date"] ?? localDate(new Date(), "-")),
  });
}
