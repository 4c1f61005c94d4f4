import type { MiddlewareHandler } from "hono";
import { SANDBOX_ACCOUNT } from "../account.ts";
import { localDate } from "../calendar.ts";
import { FaultPlan } from "../faults.ts";
import { keepCanadaPostState } from "../state-file.ts";
import { labelPdf, manifestPdf } from "./label-pdf.ts";
import { labelZpl } from "./label-zpl.ts";
import { SANDBOX_SERVICES, sandboxQuote, type QuoteInput, type SandboxQuote } from "./pricing.ts";
import { SandboxServices } from "./services.ts";
import { CanadaPostSandboxState, type SandboxManifest, type SandboxRefund, type SandboxShipment } from "./state.ts";
import { TrackingDesk, type TrackingOptions } from "./tracking/desk.ts";
import type { Route } from "./tracking/journey.ts";

export const PDF_TYPE = "application/pdf";
/** What the label link of a ZPL label names (the reference presumes it; the client follows whatever the link says). */
export const ZPL_TYPE = "application/zpl";

/** A no from Canada Post in neutral words; each API's gateway writes it in its own error body. */
export interface Refusal {
  status: number;
  code: string;
  text: string;
}

/** Where a label goes, as printed on it (either API's request, read back). */
export interface LabelAddress {
  name?: string | undefined;
  company?: string | undefined;
  line1?: string | undefined;
  line2?: string | undefined;
  city?: string | undefined;
  province?: string | undefined;
  postalCode?: string | undefined;
}

/** What was bought, in neutral words: the API has already checked the request. */
export interface Sale {
  requestId: string | undefined;
  orderId: string | undefined;
  groupId: string | undefined;
  serviceCode: string;
  labelFormat: "4x6" | "8.5x11";
  /** print-preferences' encoding; PDF when the request left it out (Canada Post's default). */
  encoding: "PDF" | "ZPL";
  /** Left out when the request did not ask for the price (XML's provide-pricing-info). */
  price?: SandboxQuote | undefined;
  /** From where to where, for the parcel's journey. */
  route: Route;
}

/** A Get Rates question in neutral words; absent fields are the ones the request left out. */
export interface RatesQuestion extends Omit<QuoteInput, "serviceCode" | "destinationPostal" | "mailingDate"> {
  customerNumber: string | undefined;
  contractId: string | undefined;
  destinationPostal: string | undefined;
  mailingDate: string | undefined;
  services: readonly string[] | undefined;
}

/** The account and memory of a Canada Post sandbox, whichever API it speaks. */
export interface PostOfficeOptions extends TrackingOptions {
  /** The mailed-by customer number accepted in paths (with or without zero padding). */
  customerNumber?: string;
  contractId?: string;
  /**
   * The services the account has for Canadian addresses (Discover Services, and what Create
   * Shipment takes); default: every published domestic code.
   */
  domesticServices?: readonly string[];
  /**
   * Keep the shipments, groups, manifests and queued faults in this file, so that separate runs,
   * and a shop switching APIs, meet the same Canada Post (the in-process sandbox of sandbox
   * mode). Without it the sandbox forgets everything when it stops.
   */
  stateFile?: string;
}

export const NOT_VOIDABLE: Omit<Refusal, "status"> = { code: "8064", text: "The shipment has already been transmitted and cannot be voided; request a refund instead." };
export const NOTHING_TO_TRANSMIT: Omit<Refusal, "status"> = {
  code: "9122",
  text: "All groups are empty or all shipments in them were excluded: Group id was not found for transmission.",
};

/** Customer numbers are compared without their zero padding (paths carry 10 digits). */
export const unpadded = (customer: string): string => customer.replace(/^0+(?=\d)/, "");

/**
 * The one Canada Post both sandboxes face, whatever API a request came over: the account, what
 * was sold (state), the fault plan, the price list and the services, labels and manifests with
 * their PDFs. Each API's routes read their wire format, ask this, and write the answer back in
 * their own format; so both APIs sell, void, refund, transmit and quote alike.
 */
export class PostOffice {
  readonly state = new CanadaPostSandboxState();
  readonly faults = new FaultPlan();
  readonly services: SandboxServices;
  readonly customer: string;
  readonly contractId: string;
  /** Tracking: the labels' journeys by the sandbox's clock, and the tracking limits. */
  readonly tracking: TrackingDesk;
  /** The sandbox's clock (a test's simulated days); labels are dated by it. */
  readonly now: () => Date;
  /** Writes the state and queued faults to the state file now; a no-op without one. */
  readonly save: () => void;
  private readonly pdfs = new Map<string, Uint8Array>();

  constructor(
    app: { use(path: string, handler: MiddlewareHandler): unknown },
    options: PostOfficeOptions,
    /** Where a shipment's label goes: its request as the API kept it. */
    private readonly addressOf: (shipmentId: string) => LabelAddress | undefined,
  ) {
    this.customer = unpadded(options.customerNumber ?? SANDBOX_ACCOUNT.canadaPost.customerNumber);
    this.contractId = options.contractId ?? SANDBOX_ACCOUNT.canadaPost.contractId;
    this.services = new SandboxServices(options.domesticServices);
    this.save = keepCanadaPostState(app, options.stateFile, this.state, this.faults).save;
    this.tracking = new TrackingDesk(this.state, options);
    this.now = this.tracking.now;
  }

  /** Every request is counted per endpoint, faults included. */
  count(endpoint: string): void {
    this.state.calls.set(endpoint, this.state.callsTo(endpoint) + 1);
  }

  /** The account's own customer number in a path (none: not a customer path). */
  isCustomer(mailedBy: string | undefined): boolean {
    return mailedBy === undefined || unpadded(mailedBy) === this.customer;
  }

  isContract(contractId: string): boolean {
    return unpadded(contractId) === unpadded(this.contractId);
  }

  /** A shipment not voided. */
  liveShipment(id: string): SandboxShipment | undefined {
    const s = this.state.shipments.get(id);
    return s && s.status !== "voided" ? s : undefined;
  }

  /** A label bought: numbered, filed in its group (or transmitted at once), its artifact ready. */
  sell(sale: Sale): SandboxShipment {
    const record: SandboxShipment = {
      ...this.state.nextIds(),
      requestId: sale.requestId,
      orderId: sale.orderId,
      groupId: sale.groupId,
      status: sale.groupId === undefined ? "transmitted" : "created",
      serviceCode: sale.serviceCode,
      labelFormat: sale.labelFormat,
      encoding: sale.encoding,
      requestXml: "",
      createdAt: this.now(),
      route: sale.route,
      manifestId: undefined,
      ...("price" in sale ? { price: sale.price } : {}),
    };
    this.state.shipments.set(record.shipmentId, record);
    this.state.artifacts.set(record.artifactId, { kind: "label", shipmentId: record.shipmentId });
    this.state.createCount++;
    return record;
  }

  /** Get Shipments: by the first criterion given, in Canada Post's order; undefined when none is. */
  shipmentsBy(by: { requestId?: string | undefined; groupId?: string | undefined; manifestId?: string | undefined; trackingPin?: string | undefined }): SandboxShipment[] | undefined {
    const all = [...this.state.shipments.values()].filter((s) => s.status !== "voided");
    if (by.requestId !== undefined) return all.filter((s) => s.requestId === by.requestId);
    if (by.groupId !== undefined) return all.filter((s) => s.groupId === by.groupId && s.status === "created");
    if (by.manifestId !== undefined) return all.filter((s) => s.manifestId === by.manifestId);
    if (by.trackingPin !== undefined) return all.filter((s) => s.trackingPin === by.trackingPin);
    return undefined;
  }

  /** The groups that hold labels not yet transmitted. */
  openGroups(): string[] {
    return [...new Set([...this.state.shipments.values()].filter((s) => s.status === "created" && s.groupId).map((s) => s.groupId!))];
  }

  /** Void: only a label not transmitted; after that, a refund. */
  voidShipment(s: SandboxShipment): Refusal | undefined {
    if (s.status === "transmitted") return { status: 400, ...NOT_VOIDABLE };
    s.status = "voided";
    return undefined;
  }

  /** A refund request for a transmitted label: Canada Post's service ticket, dated today. */
  refund(s: SandboxShipment, email: string): SandboxRefund {
    const refund = { shipmentId: s.shipmentId, ticketId: this.state.nextTicketId(), ticketDate: localDate(this.now(), "-"), email };
    this.state.refunds.push(refund);
    return refund;
  }

  /** Transmit Shipments: the groups' open labels on one new manifest. */
  transmit(groupIds: readonly string[], excluded: Iterable<string>): SandboxManifest | Refusal {
    return this.state.transmitGroups(groupIds, new Set(excluded)) ?? { status: 400, ...NOTHING_TO_TRANSMIT };
  }

  /** Get Manifests: those made on the local days from `start` to `end` (YYYYMMDD). */
  manifestsBetween(start: string, end: string): SandboxManifest[] {
    return [...this.state.manifests.values()].filter((m) => {
      const day = localDate(m.createdAt, "");
      return day >= start && day <= end;
    });
  }

  /** When an artifact was made (a label: its shipment's creation; a manifest: its transmission). */
  artifactMadeAt(artifactId: string): Date | undefined {
    const a = this.state.artifacts.get(artifactId);
    if (!a) return undefined;
    return a.kind === "label" ? this.state.shipments.get(a.shipmentId)?.createdAt : this.state.manifests.get(a.manifestId)?.createdAt;
  }

  /** The media type an artifact is served in: a label in the encoding it was bought in, a manifest as a PDF. */
  artifactType(artifactId: string): string {
    const a = this.state.artifacts.get(artifactId);
    return a?.kind === "label" && this.state.shipments.get(a.shipmentId)?.encoding === "ZPL" ? ZPL_TYPE : PDF_TYPE;
  }

  /** The artifact's file (a PDF, or a ZPL label), made once: the same bytes however often it is fetched. */
  async pdf(artifactId: string): Promise<Uint8Array> {
    const cached = this.pdfs.get(artifactId);
    if (cached) return cached;
    const artifact = this.state.artifacts.get(artifactId)!;
    let pdf: Uint8Array;
    if (artifact.kind === "label") {
      const s = this.state.shipments.get(artifact.shipmentId)!;
      const to = this.addressOf(s.shipmentId);
      pdf =
        s.encoding === "ZPL"
          ? new TextEncoder().encode(labelZpl({ pin: s.trackingPin, service: s.serviceCode, to: labelLines(to), postalCode: to?.postalCode }))
          : await labelPdf(s.labelFormat, { pin: s.trackingPin, service: s.serviceCode, to: labelLines(to) });
    } else {
      const m = this.state.manifests.get(artifact.manifestId)!;
      pdf = await manifestPdf(m.poNumber, m.shipmentIds.map((id) => this.state.shipments.get(id)?.trackingPin ?? id));
    }
    this.pdfs.set(artifactId, pdf);
    return pdf;
  }

  /** Discover Services for a country (two letters, any case), or for all when none is given. */
  servicesFor(country: string | undefined): { country: string | undefined; services: { code: string; name: string }[] } | Refusal {
    if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) return { status: 400, code: "Server", text: "country must be a two-letter country code." };
    const upper = country?.toUpperCase();
    return { country: upper, services: this.services.forCountry(upper) };
  }

  /** Get Rates: the price of the parcel by each service asked for (all the sandbox sells when none is). */
  quote(q: RatesQuestion): SandboxQuote[] | Refusal {
    if (q.customerNumber !== undefined && unpadded(q.customerNumber) !== this.customer) {
      return { status: 403, code: "AA003", text: "The API key does not match the customer number." };
    }
    if (q.contractId !== undefined && !this.isContract(q.contractId)) return { status: 400, code: "2550", text: `Contract number ${q.contractId} is invalid.` };
    if (!q.destinationPostal) return { status: 400, code: "9111", text: "The sandbox quotes Canadian destinations only." };
    const today = localDate(new Date(), "-");
    const mailingDate = q.mailingDate ?? today;
    if (mailingDate < today) return { status: 400, code: "1622", text: "The expected mailing date cannot be in the past." };
    const codes = q.services ?? SANDBOX_SERVICES.map((x) => x.code);
    const parcel = { originPostal: q.originPostal, destinationPostal: q.destinationPostal, weightKg: q.weightKg, dimensionsCm: q.dimensionsCm, mailingDate };
    const quotes = codes.map((serviceCode) => sandboxQuote({ serviceCode, ...parcel })).filter((x): x is SandboxQuote => x !== undefined);
    return quotes.length > 0 ? quotes : { status: 400, code: "9112", text: "No service is available for this parcel." };
  }
}

/** The address lines a label prints: name, company, street, "City PR  POSTAL". */
export function labelLines(a: LabelAddress | undefined): string[] {
  if (!a) return [];
  return [a.name, a.company, a.line1, a.line2, `${a.city ?? ""} ${a.province ?? ""}  ${a.postalCode ?? ""}`].filter(
    (x): x is string => typeof x === "string" && x.trim() !== "",
  );
}
