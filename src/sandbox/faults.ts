/**
 * Fault injection shared by the Canada Post and Best Buy sandboxes. A test queues faults per
 * endpoint name (the same names as the audit log: "CreateShipment", "UpdateTracking", …);
 * each request to that endpoint takes the next one. Latency applies to every request.
 */
export type Fault =
  /** Answer with this status and body instead of doing the work. */
  | { kind: "status"; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  /** The service's own "slow down": 429 (Best Buy) or Canada Post's SLM rejection. */
  | { kind: "throttle"; retryAfterSeconds?: number }
  /** Never answer: the client's timeout must fire. */
  | { kind: "hang" }
  /** The connection drops after the headers: the client sees no usable answer. */
  | { kind: "reset" }
  /** 200 with a body that is not what the protocol promises. */
  | { kind: "malformed" }
  /** Do the work (buy the label, ship the order), then drop the reply. */
  | { kind: "lose-reply" }
  /** Wait this long before handling the request. */
  | { kind: "delay"; ms: number };

export class FaultPlan {
  private readonly queued = new Map<string, Fault[]>();
  private readonly random: { endpoints: ReadonlySet<string> | "*"; fault: Fault; probability: number }[] = [];
  private nextRandom: () => number = seeded(1);
  /** Faults handed out so far, by kind (queued and random alike). */
  readonly given = new Map<Fault["kind"], number>();
  private readonly latency = new Map<string, number>();
  private readonly hanging = new Set<() => void>();

  /** Queue `fault` for the next `times` requests to `endpoint`. */
  inject(endpoint: string, fault: Fault, times = 1): this {
    const list = this.queued.get(endpoint) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.queued.set(endpoint, list);
    return this;
  }

  /** Latency for every request to `endpoint` ("*" for all). */
  setLatency(endpoint: string, ms: number): this {
    this.latency.set(endpoint, ms);
    return this;
  }

  /**
   * `fault` for about `probability` of the requests to `endpoints` ("*": every endpoint), drawn
   * from a seeded generator so a benchmark or test sees the same faults each time. Queued faults
   * (`inject`) come first.
   */
  sometimes(endpoints: readonly string[] | "*", fault: Fault, probability: number, seed?: number): this {
    this.random.push({ endpoints: endpoints === "*" ? "*" : new Set(endpoints), fault, probability });
    if (seed !== undefined) this.nextRandom = seeded(seed);
    return this;
  }

  take(endpoint: string): Fault | undefined {
    const fault = this.draw(endpoint);
    if (fault) this.given.set(fault.kind, (this.given.get(fault.kind) ?? 0) + 1);
    return fault;
  }

  private draw(endpoint: string): Fault | undefined {
    const queued = this.queued.get(endpoint)?.shift();
    if (queued || this.random.length === 0) return queued;
    // One draw per request, split between the random faults: 10 % throttle and 10 % 500 means
    // 80 % of requests get through, not 81 %.
    let draw = this.nextRandom();
    for (const r of this.random) {
      if (r.endpoints !== "*" && !r.endpoints.has(endpoint)) continue;
      if (draw < r.probability) return r.fault;
      draw -= r.probability;
    }
    return undefined;
  }

  latencyFor(endpoint: string): number {
    return this.latency.get(endpoint) ?? this.latency.get("*") ?? 0;
  }

  clear(): void {
    this.queued.clear();
    this.random.length = 0;
    this.latency.clear();
    this.releaseHangs();
  }

  /** A promise that resolves only when the sandbox stops (or after `maxMs`). */
  hang(maxMs = 120_000): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.hanging.delete(done);
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      this.hanging.add(done);
    });
  }

  releaseHangs(): void {
    for (const done of [...this.hanging]) done();
  }

  /** The faults still queued and the latencies, for a sandbox that keeps its state between runs. */
  snapshot(): { queued: [string, Fault[]][]; latency: [string, number][] } {
    return { queued: [...this.queued].filter(([, list]) => list.length > 0), latency: [...this.latency] };
  }

  restore(data: { queued?: [string, Fault[]][]; latency?: [string, number][] } | undefined): void {
    this.queued.clear();
    this.latency.clear();
    for (const [endpoint, list] of data?.queued ?? []) this.queued.set(endpoint, [...list]);
    for (const [endpoint, ms] of data?.latency ?? []) this.latency.set(endpoint, ms);
  }
}

/** How one Canada Post sandbox words the replies a fault stands for (XML or JSON). */
export interface FaultReplies {
  /** A 5xx/4xx the fault asked for, with its own body when it gave none. */
  status(fault: Extract<Fault, { kind: "status" }>): Response;
  throttled(retryAfterSeconds: number | undefined): Response;
  /** A 200 whose body is not what the protocol promises. */
  malformed(): Response;
}

/**
 * What the network and the server's bad days do to one Canada Post request, before the gateway
 * looks at it: the endpoint's latency, then its next fault. A finished response, "lose-reply"
 * (do the work, then drop the answer) or undefined (go on).
 */
export async function meetFaults(plan: FaultPlan, endpoint: string, accept: string, replies: FaultReplies): Promise<Response | "lose-reply" | undefined> {
  const latency = plan.latencyFor(endpoint);
  if (latency > 0) await Bun.sleep(latency);
  const fault = plan.take(endpoint);
  switch (fault?.kind) {
    case undefined:
      return undefined;
    case "delay":
      await Bun.sleep(fault.ms);
      return undefined;
    case "status":
      return replies.status(fault);
    case "throttle":
      return replies.throttled(fault.retryAfterSeconds);
    case "hang":
      await plan.hang();
      return new Response(null, { status: 504 });
    case "reset":
      return droppedReply(accept);
    case "malformed":
      return accept === "application/pdf"
        ? new Response("<html><body>Service temporarily unavailable</body></html>", { status: 200, headers: { "Content-Type": "text/html" } })
        : replies.malformed();
    case "lose-reply":
      return "lose-reply";
  }
}

/**
 * A reply whose connection drops after the headers and a first byte, as a reset looks to fetch.
 * The headers go out first on purpose: a connection that closes before any byte looks to Bun's
 * fetch like a stale keep-alive socket, which it silently retries, hiding the fault. The stream
 * fails in pull(), not start(): the latter makes Bun report an unhandled error.
 */
export function droppedReply(contentType = "text/plain"): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("<"));
    },
    async pull(controller) {
      await Bun.sleep(5);
      controller.error(new Error("sandbox: connection dropped on purpose (fault injection)"));
    },
  });
  return new Response(stream, { status: 200, headers: { "Content-Type": contentType } });
}

/** mulberry32: a small seeded generator, good enough to spread faults (and journeys) evenly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
