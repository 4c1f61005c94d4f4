import type { SandboxQuote } from "./pricing.ts";
import type { Route } from "./tracking/journey.ts";
/** A shipment the sandbox sold, with what Get Shipment Details must echo back. */
export interface SandboxShipment {
  shipmentId: string;
  trackingPin: string;
  requestId: string | undefined;
  /** customer-ref-1: the order id, by which tests count labels. */
  orderId: string | undefined;
  groupId: string | undefined;
  status: "created" | "transmitted" | "voided";
  serviceCode: string;
  labelFormat: "4x6" | "8.5x11";
  /** How the label was asked for; absent in a state file from before ZPL (a PDF). */
  encoding?: "PDF" | "ZPL";
  artifactId: string;
  /** The request as sent, for the details reply and for tests. */
  requestXml: string;
  createdAt: Date;
  manifestId: string | undefined;
  /** What the label was charged, when Create Shipment asked (provide-pricing-info). */
  price?: SandboxQuote | undefined;
  /** Where it goes from and to, for its journey (labels sold before journeys were kept have none). */
  route?: Route | undefined;
}

export interface SandboxManifest {
  manifestId: string;
  poNumber: string;
  groupIds: string[];
  shipmentIds: string[];
  artifactId: string;
  createdAt: Date;
}

/** A refund request Canada Post took for a transmitted shipment. */
export interface SandboxRefund {
  shipmentId: string;
  ticketId: string;
  ticketDate: string;
  email: string;
}

/** The state as saved between runs (JSON: dates as ISO strings). */
export interface SandboxSnapshot {
  version: 1;
  base: number;
  sequence: number;
  shipments: SandboxShipment[];
  manifests: SandboxManifest[];
  refunds: SandboxRefund[];
  artifacts: [string, { kind: "label"; shipmentId: string } | { kind: "manifest"; manifestId: string }][];
  requests: [string, Record<string, unknown>][];
  calls: [string, number][];
  createCount: number;
}

/** Everything the sandbox remembers, exposed so tests can assert "exactly one label". */
export class CanadaPostSandboxState {
  readonly shipments = new Map<string, SandboxShipment>();
  readonly manifests = new Map<string, SandboxManifest>();
  /** Refund requests, in the order they came (a shipment may be asked about twice). */
  readonly refunds: SandboxRefund[] = [];
  /** Artifact id → what it prints. */
  readonly artifacts = new Map<string, { kind: "label"; shipmentId: string } | { kind: "manifest"; manifestId: string }>();
  /** Shipment id → the Create Shipment request as parsed, for Get Shipment Details and the label. */
  readonly requests = new Map<string, Record<string, unknown>>();
  /** Create Shipment calls that bought a label (lost replies included). */
  createCount = 0;
  /** Get Artifact calls answered with a PDF. */
  artifactDownloads = 0;
  /** Requests seen per endpoint name, faults included. */
  readonly calls = new Map<string, number>();
  /** When each tracking call arrived, by throttle group (E, F), on the sandbox's clock (ms). */
  readonly arrivals = new Map<string, number[]>();
  /** Tracking calls refused as over their group's limit, by group. */
  readonly throttledCalls = new Map<string, number>();
  private sequence = 0;

  /** Every label bought for this order (customer-ref-1), voided ones included. */
  labelsFor(orderId: string): SandboxShipment[] {
    return [...this.shipments.values()].filter((s) => s.orderId === orderId);
  }

  /** Labels for this order that are still valid (not voided). */
  activeLabelsFor(orderId: string): SandboxShipment[] {
    return this.labelsFor(orderId).filter((s) => s.status !== "voided");
  }

  /**
   * Transmit Shipments, whichever API asked: every created label of these groups (less the
   * excluded ones) goes on one new manifest; undefined when there is none (Canada Post's 9122).
   */
  transmitGroups(groupIds: readonly string[], excluded: ReadonlySet<string>): SandboxManifest | undefined {
    const shipments = [...this.shipments.values()].filter(
      (s) => s.status === "created" && s.groupId !== undefined && groupIds.includes(s.groupId) && !excluded.has(s.shipmentId),
    );
    if (shipments.length === 0) return undefined;
    const ids = this.nextManifestIds();
    const manifest: SandboxManifest = { ...ids, groupIds: [...groupIds], shipmentIds: shipments.map((s) => s.shipmentId), createdAt: new Date() };
    for (const s of shipments) {
      s.status = "transmitted";
      s.manifestId = ids.manifestId;
    }
    this.manifests.set(ids.manifestId, manifest);
    this.artifacts.set(ids.artifactId, { kind: "manifest", manifestId: ids.manifestId });
    return manifest;
  }

  callsTo(endpoint: string): number {
    return this.calls.get(endpoint) ?? 0;
  }

  /**
   * Someone voids every open label of the group in Canada Post's website (or the account's other
   * software): shipdesk is not told. Returns the shipment ids voided.
   */
  voidGroupElsewhere(groupId: string): string[] {
    const open = [...this.shipments.values()].filter((s) => s.groupId === groupId && s.status === "created");
    for (const s of open) s.status = "voided";
    return open.map((s) => s.shipmentId);
  }

  reset(): void {
    this.shipments.clear();
    this.manifests.clear();
    this.refunds.length = 0;
    this.artifacts.clear();
    this.requests.clear();
    this.calls.clear();
    this.arrivals.clear();
    this.throttledCalls.clear();
    this.createCount = 0;
    this.artifactDownloads = 0;
  }

  // A random start per sandbox: ids stay unique within one sandbox, and two sandboxes writing to
  // one database (tracking_pin is UNIQUE there) are very unlikely to meet. Kept with the state, so
  // a sandbox that remembers goes on numbering where it stopped.
  private base = Math.floor(Math.random() * 1e10);

  /** Everything Canada Post would still know at the next run, and the call counters for the tests. */
  snapshot(): SandboxSnapshot {
    return {
      version: 1,
      base: this.base,
      sequence: this.sequence,
      shipments: [...this.shipments.values()],
      manifests: [...this.manifests.values()],
      refunds: [...this.refunds],
      artifacts: [...this.artifacts],
      requests: [...this.requests],
      calls: [...this.calls],
      createCount: this.createCount,
    };
  }

  restore(data: SandboxSnapshot): void {
    this.shipments.clear();
    this.manifests.clear();
    this.artifacts.clear();
    this.requests.clear();
    this.refunds.length = 0;
    this.base = data.base;
    this.sequence = data.sequence;
    for (const s of data.shipments) this.shipments.set(s.shipmentId, { ...s, createdAt: new Date(s.createdAt) });
    for (const m of data.manifests) this.manifests.set(m.manifestId, { ...m, createdAt: new Date(m.createdAt) });
    for (const [id, a] of data.artifacts) this.artifacts.set(id, a);
    for (const [id, r] of data.requests) this.requests.set(id, r);
    this.refunds.push(...data.refunds);
    this.calls.clear();
    for (const [endpoint, n] of data.calls) this.calls.set(endpoint, n);
    this.createCount = data.createCount;
  }

  /** Unique and realistic: 18-digit shipment ids, 16-digit PINs with a mod-10 check digit. */
  nextIds(): { shipmentId: string; trackingPin: string; artifactId: string } {
    const n = ++this.sequence;
    const serial = String((this.base + n) % 1e11).padStart(11, "0");
    const body = `7023${serial}`;
    return { shipmentId: `91${serial}${String(n % 1e5).padStart(5, "0")}`, trackingPin: body + luhnDigit(body), artifactId: String(10_000_000_000 + n * 2) };
  }

  nextTicketId(): string {
    return `GT${String(++this.sequence).padStart(8, "0")}RT`;
  }

  nextManifestIds(): { manifestId: string; poNumber: string; artifactId: string } {
    const n = ++this.sequence;
    return {
      manifestId: `73${(Date.now() % 1e7).toString().padStart(7, "0")}${String(n).padStart(9, "0")}`,
      poNumber: `P${String(n).padStart(9, "0")}`,
      artifactId: String(10_000_000_001 + n * 2),
    };
  }
}

function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
