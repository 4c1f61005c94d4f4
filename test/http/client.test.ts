import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { databaseAuditLog, HttpClient, isSuccess, RateLimiter } from "../../src/http/index.ts";
import { freshServerDatabase, type TestDatabase } from "../support/database.ts";
import auditRows from "./audit_rows.sql" with { type: "text" };

let t: TestDatabase;
let server: ReturnType<typeof Bun.serve>;
let base: string;
const hits = new Map<string, number>();
const seenAuthorization: string[] = [];
const PDF = new TextEncoder().encode("%PDF-1.7\n% a label\n%%EOF");

beforeAll(async () => {
  t = await freshServerDatabase("http");
  server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(req) {
      const path = new URL(req.url).pathname;
      const n = (hits.get(path) ?? 0) + 1;
      hits.set(path, n);
      if (path === "/hang") return new Promise<Response>((resolve) => setTimeout(() => resolve(new Response("late")), 3000));
      if (path === "/flaky" || path === "/flaky-limited") return n < 3 ? new Response("busy", { status: 503 }) : new Response("fine");
      if (path === "/flaky-fresh") {
        seenAuthorization.push(req.headers.get("authorization") ?? "");
        return n < 3 ? new Response("busy", { status: 503 }) : new Response("fine");
      }
      if (path === "/throttled") return n === 1 ? new Response("slow down", { status: 429, headers: { "retry-after": "1" } }) : new Response("ok");
      if (path === "/pdf") return new Response(PDF, { headers: { "content-type": "application/pdf" } });
      if (path === "/reject") return new Response("<messages/>", { status: 400 });
      if (path.startsWith("/echo/")) return new Response(`echo: ${await req.text().then((b) => b.replace(/<\/?x>/g, ""))}`);
      return new Response("ok");
    },
  });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  server.stop(true);
  await t.drop();
});

const rowsFor = (relatedId: string) => t.db.query<Record<string, any>>(auditRows, [relatedId]);

describe("HttpClient", () => {
  test("fresh headers are made right before each attempt, after the limiter's pause and the retry's back-off; none: nothing sent", async () => {
    const events: string[] = [];
    const limiter = new RateLimiter(10, 60_000);
    const started = performance.now();
    limiter.pause(150); // another caller was throttled a moment ago
    const http = new HttpClient({ audit: databaseAuditLog(t.db), sleep: async (ms) => void events.push(`back-off ${ms > 0}`) });
    let made = 0;
    const outcome = await http.send({
      service: "CanadaPost",
      endpoint: "GetShipments",
      relatedId: "H-FRESH",
      method: "GET",
      url: `${base}/flaky-fresh`,
      timeoutMs: 2000,
      limiter,
      retry: { attempts: 3, retryOn: (o) => o.kind === "response" && o.status >= 500 },
      freshHeaders: async () => {
        events.push(`headers at ${performance.now() - started >= 150 ? "after" : "before"} the pause`);
        return { Authorization: `Bearer token-${++made}` };
      },
    });
    expect(isSuccess(outcome)).toBe(true);
    expect(events).toEqual(["headers at after the pause", "back-off true", "headers at after the pause", "back-off true", "headers at after the pause"]);
    expect(seenAuthorization).toEqual(["Bearer token-1", "Bearer token-2", "Bearer token-3"]);

    const none = await http.send({ service: "CanadaPost", endpoint: "GetShipments", relatedId: "H-NONE", method: "GET", url: `${base}/ok`, timeoutMs: 2000, freshHeaders: async () => undefined });
    expect(none.kind).toBe("no-answer");
    expect(await rowsFor("H-NONE")).toEqual([]);
  });

  test("a call that never answers times out, is reported as no answer and audited", async () => {
    const http = new HttpClient({ audit: databaseAuditLog(t.db) });
    const outcome = await http.send({ service: "CanadaPost", endpoint: "CreateShipment", relatedId: "H-1", method: "POST", url: `${base}/hang`, body: "<shipment/>", auditPayload: { xml: "<shipment/>" }, timeoutMs: 200 });
    expect(outcome.kind).toBe("no-answer");
    if (outcome.kind === "no-answer") expect(outcome.timedOut).toBe(true);
    const [row] = await rowsFor("H-1");
    expect(row).toMatchObject({ service: "CanadaPost", endpoint: "CreateShipment", method: "POST", status_code: null, is_success: false, attempt: 1 });
    expect(row!.request_payload).toEqual({ xml: "<shipment/>" });
    expect(row!.error).toContain("timed out");
  });

  test("a safe call is retried on 5xx until it succeeds, one audit row per attempt", async () => {
    const http = new HttpClient({ audit: databaseAuditLog(t.db), sleep: async () => {} });
    const outcome = await http.send({
      service: "BestBuy",
      endpoint: "ListOrders",
      relatedId: "H-2",
      method: "GET",
      url: `${base}/flaky`,
      timeoutMs: 2000,
      retry: { attempts: 5, retryOn: (o) => o.kind === "no-answer" || (o.kind === "response" && o.status >= 500) },
    });
    expect(isSuccess(outcome)).toBe(true);
    const rows = await rowsFor("H-2");
    expect(rows.map((r) => [r.attempt, r.status_code, r.is_success])).toEqual([
      [1, 503, false],
      [2, 503, false],
      [3, 200, true],
    ]);
  });

  test("without a retry policy a failure is returned after one attempt", async () => {
    const http = new HttpClient({ audit: databaseAuditLog(t.db) });
    const outcome = await http.send({ service: "CanadaPost", endpoint: "CreateShipment", relatedId: "H-3", method: "POST", url: `${base}/reject`, body: "<x/>", timeoutMs: 2000 });
    expect(outcome.kind === "response" && outcome.status).toBe(400);
    expect(await rowsFor("H-3")).toHaveLength(1);
  });

  test("429 waits as long as Retry-After says", async () => {
    const waits: number[] = [];
    const http = new HttpClient({ audit: databaseAuditLog(t.db), sleep: async (ms) => void waits.push(ms) });
    const outcome = await http.send({
      service: "BestBuy",
      endpoint: "UpdateTracking",
      relatedId: "H-4",
      method: "PUT",
      url: `${base}/throttled`,
      body: "{}",
      timeoutMs: 2000,
      retry: { attempts: 3, retryOn: (o) => o.kind === "response" && o.status === 429 },
    });
    expect(isSuccess(outcome)).toBe(true);
    expect(waits).toEqual([1000]);
  });

  test("a PDF is audited by size and checksum, not its bytes", async () => {
    const http = new HttpClient({ audit: databaseAuditLog(t.db) });
    const outcome = await http.send({ service: "CanadaPost", endpoint: "GetArtifact", relatedId: "H-5", method: "GET", url: `${base}/pdf`, timeoutMs: 2000 });
    expect(outcome.kind === "response" && outcome.body.byteLength).toBe(PDF.byteLength);
    const [row] = await rowsFor("H-5");
    const sha = new Bun.CryptoHasher("sha256").update(PDF).digest("hex");
    expect(row!.response_body).toBe(`[PDF ${PDF.byteLength} bytes, sha256 ${sha}]`);
  });

  test("headers, and so credentials, are never stored", async () => {
    const http = new HttpClient({ audit: databaseAuditLog(t.db) });
    await http.send({ service: "BestBuy", endpoint: "ListOrders", relatedId: "H-6", method: "GET", url: `${base}/ok`, headers: { authorization: "secret-key-123" }, timeoutMs: 2000 });
    const [row] = await rowsFor("H-6");
    expect(JSON.stringify(row)).not.toContain("secret-key-123");
  });
});

describe("secrets", () => {
  test("credentials are kept out of every column, even in the URL, the payload and the reply", async () => {
    const http = new HttpClient({ audit: databaseAuditLog(t.db) });
    await http.send({
      service: "CanadaPost",
      endpoint: "GetArtifact",
      relatedId: "H-9",
      method: "POST",
      url: `${base}/echo/6e93d53968881714/1/0`,
      body: "<x>p4ssw0rd-xyz</x>",
      auditPayload: { xml: "<x>p4ssw0rd-xyz</x>" },
      timeoutMs: 2000,
      secrets: ["6e93d53968881714", "p4ssw0rd-xyz"],
    });
    const [row] = await rowsFor("H-9");
    const text = JSON.stringify(row);
    expect(text).not.toContain("6e93d53968881714");
    expect(text).not.toContain("p4ssw0rd-xyz");
    expect(row!.url).toBe(`${base}/echo/[redacted]/1/0`);
    expect(row!.request_payload).toEqual({ xml: "<x>[redacted]</x>" });
    expect(row!.response_body).toBe("echo: [redacted]");
  });
});

describe("RateLimiter", () => {
  test("never lets more than the limit through in a rolling window", async () => {
    let now = 0;
    const limiter = new RateLimiter(3, 1000, () => now, async (ms) => void (now += ms));
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      await limiter.acquire();
      times.push(now);
    }
    for (let i = 3; i < times.length; i++) expect(times[i]! - times[i - 3]!).toBeGreaterThanOrEqual(1000);
    expect(times.slice(0, 3)).toEqual([0, 0, 0]);
  });

  test("several throttled replies at once pause the calls once, not once each", async () => {
    let now = 0;
    const limiter = new RateLimiter(100, 1000, () => now, async (ms) => void (now += ms));
    for (let i = 0; i < 4; i++) limiter.pause(60_000);
    await limiter.acquire();
    expect(now).toBe(60_000);
  });

  test("a throttle pauses briefly first, doubles only while throttles continue, up to the window", async () => {
    let now = 0;
    const limiter = new RateLimiter(100, 60_000, () => now, async (ms) => void (now += ms));
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      await limiter.acquire(); // each call is sent only once the pause is over
      now += 100; // and is throttled 100 ms later
      waits.push(limiter.throttled(100));
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  test("a call that gets through resets the back-off to the short pause", async () => {
    let now = 0;
    const limiter = new RateLimiter(100, 60_000, () => now, async (ms) => void (now += ms));
    for (let i = 0; i < 4; i++) {
      await limiter.acquire();
      limiter.throttled(0);
    }
    expect(limiter.currentBackoffMs).toBe(16_000);
    await limiter.acquire();
    limiter.succeeded();
    expect(limiter.currentBackoffMs).toBe(0);
    await limiter.acquire();
    expect(limiter.throttled(0)).toBe(2_000);
  });

  test("calls already on their way when the first throttle came back are one wave: no doubling per call", async () => {
    let now = 0;
    const limiter = new RateLimiter(100, 60_000, () => now, async (ms) => void (now += ms));
    // Four workers' calls sent at 0; their rejections arrive at 300, 310, 320, 330 ms.
    const waits = [300, 310, 320, 330].map((at) => {
      now = at;
      return limiter.throttled(at);
    });
    expect(limiter.currentBackoffMs).toBe(2_000);
    expect(waits).toEqual([2_000, 1_990, 1_980, 1_970]); // all released together at 2.3 s
    await limiter.acquire();
    expect(now).toBe(2_300);
  });

  test("a Retry-After is honoured as given", async () => {
    let now = 0;
    const limiter = new RateLimiter(100, 60_000, () => now, async (ms) => void (now += ms));
    expect(limiter.throttled(0, 7_000)).toBe(7_000);
    await limiter.acquire();
    expect(now).toBe(7_000);
  });

  test("a call counts from its reply: the server, which counts arrivals, never sees one too many", async () => {
    // Each call takes 300 ms between send and reply; the server sees it arrive somewhere in between.
    let now = 0;
    const clock = () => now;
    const limiter = new RateLimiter(3, 1000, clock, async (ms) => void (now += ms));
    const sent: number[] = [];
    const replied: number[] = [];
    for (let i = 0; i < 9; i++) {
      await limiter.run(async () => {
        sent.push(now);
        now += 300;
        replied.push(now);
      });
    }
    // Whatever the arrival time within [sent, replied], no 4 arrivals fall within one window:
    // the 4th call is sent a full window after the 1st one's reply.
    for (let i = 3; i < sent.length; i++) expect(sent[i]! - replied[i - 3]!).toBeGreaterThanOrEqual(1000);
  });

  test("every attempt of a retried call counts against the limit", async () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now, async (ms) => void (now += ms));
    const http = new HttpClient({ audit: databaseAuditLog(t.db), sleep: async () => {} });
    await http.send({
      service: "CanadaPost",
      endpoint: "GetArtifact",
      relatedId: "H-8",
      method: "GET",
      url: `${base}/flaky-limited`,
      timeoutMs: 2000,
      limiter,
      retry: { attempts: 3, retryOn: (o) => o.kind === "response" && o.status >= 500 },
    });
    // Two 503s and a 200: three attempts, so the third waited for the window.
    expect((await rowsFor("H-8")).map((r) => r.status_code)).toEqual([503, 503, 200]);
    expect(now).toBeGreaterThanOrEqual(60_000);
  });
});

describe("connections", () => {
  test("state changes (POST, PUT, DELETE) never ride on a reused connection; reads may", async () => {
    let connections = 0;
    const raw = Bun.listen({
      hostname: "127.0.0.1",
      port: 0,
      socket: {
        open() {
          connections++;
        },
        data(socket) {
          socket.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok");
        },
      },
    });
    try {
      const http = new HttpClient({ audit: databaseAuditLog(t.db) });
      const url = `http://127.0.0.1:${raw.port}/x`;
      for (const method of ["POST", "PUT", "DELETE"] as const) {
        await http.send({ service: "CanadaPost", endpoint: "CreateShipment", relatedId: "H-7", method, url, body: "<x/>", timeoutMs: 2000 });
      }
      expect(connections).toBe(3);
      await http.send({ service: "CanadaPost", endpoint: "GetShipment", relatedId: "H-7", method: "GET", url, timeoutMs: 2000 });
      await http.send({ service: "CanadaPost", endpoint: "GetShipment", relatedId: "H-7", method: "GET", url, timeoutMs: 2000 });
      expect(connections).toBe(4);
    } finally {
      raw.stop(true);
    }
  });
});
