import { describe, expect, test } from "bun:test";
import { SANDBOX_CREDENTIALS } from "../../../src/config/index.ts";
import { createBestBuySandbox, startBestBuySandbox } from "../../../src/sandbox/bestbuy/index.ts";

const KEY = SANDBOX_CREDENTIALS.bestBuyApiKey;
const auth = { Authorization: KEY };
const put = (body?: unknown) => ({ method: "PUT", headers: { ...auth, "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

describe("Best Buy sandbox", () => {
  test("refuses a missing or wrong key with Mirakl's 401 and a JSON body; takes the bare key, not Bearer", async () => {
    const { app } = createBestBuySandbox();
    for (const headers of [{}, { Authorization: `Bearer ${KEY}` }, { Authorization: "wrong" }] as Record<string, string>[]) {
      const res = await app.request("/api/orders", { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ message: "Unauthorized", status: 401 });
    }
    expect((await app.request("/api/orders", { headers: auth })).status).toBe(200);
  });

  test("pages with max and offset and reports total_count; max above 100 is refused", async () => {
    const { app } = createBestBuySandbox({ orders: 130 });
    const first = await (await app.request("/api/orders?order_state_codes=SHIPPING&max=100&offset=0", { headers: auth })).json();
    const second = await (await app.request("/api/orders?order_state_codes=SHIPPING&max=100&offset=100", { headers: auth })).json();
    expect(first.total_count).toBe(130);
    expect(first.orders).toHaveLength(100);
    expect(second.orders).toHaveLength(30);
    const ids = [...first.orders, ...second.orders].map((o: { order_id: string }) => o.order_id);
    expect(new Set(ids).size).toBe(130);
    const res = await app.request("/api/orders?max=101", { headers: auth });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain("max");
  });

  test("filters by order_state_codes and order_ids", async () => {
    const { app, state } = createBestBuySandbox({ orders: 3, waitingOrders: 2, shippedOrders: 1 });
    const waiting = await (await app.request("/api/orders?order_state_codes=WAITING_ACCEPTANCE", { headers: auth })).json();
    expect(waiting.total_count).toBe(2);
    expect(waiting.orders.every((o: { customer: { shipping_address: unknown } }) => o.customer.shipping_address === null)).toBe(true);
    const [a, b] = state.orderIds("SHIPPING");
    const byId = await (await app.request(`/api/orders?order_ids=${a},${b}`, { headers: auth })).json();
    expect(byId.orders.map((o: { order_id: string }) => o.order_id)).toEqual([a, b]);
  });

  test("the same seed gives the same orders; seeded orders look like real Canadian orders", () => {
    const one = createBestBuySandbox({ seed: 11, orders: 40 }).state;
    const two = createBestBuySandbox({ seed: 11, orders: 40 }).state;
    expect(one.list({})).toEqual(two.list({}));
    expect(createBestBuySandbox({ seed: 12, orders: 40 }).state.list({})).not.toEqual(one.list({}));
    const orders = one.list({}) as Array<any>;
    const addresses = orders.map((o) => o.customer.shipping_address);
    expect(new Set(addresses.map((a) => a.state)).size).toBeGreaterThan(5);
    expect(addresses.some((a) => a.country_iso_code === "CAN" && /Québec|QC/.test(a.state) && /[éèÉ]/.test(`${a.street_1}${a.city}${a.firstname}${a.lastname}`))).toBe(true);
    expect(addresses.some((a) => a.street_2)).toBe(true);
    expect(addresses.some((a) => a.company === null)).toBe(true);
    expect(orders.some((o) => o.order_lines.length > 1)).toBe(true);
    for (const o of orders) {
      expect(o.order_id).toMatch(/^\d{9}-A$/);
      expect(o.total_price).toBeCloseTo(o.price + o.shipping_price, 2);
      for (const l of o.order_lines) expect(l.price).toBeCloseTo(l.price_unit * l.quantity, 2);
    }
  });

  test("state machine: OR21 → SHIPPING, OR23 sets tracking, OR24 → SHIPPED; OR24 again is a 400 with a JSON body", async () => {
    const { app, state } = createBestBuySandbox({ orders: 0, waitingOrders: 1 });
    const [id] = state.orderIds("WAITING_ACCEPTANCE");
    const lines = state.order(id!)!.order_lines.map((l: { order_line_id: string }) => ({ accepted: true, id: l.order_line_id }));

    expect((await app.request(`/api/orders/${id}/ship`, put())).status).toBe(400);
    expect((await app.request(`/api/orders/${id}/tracking`, put({ carrier_code: "CPCL", tracking_number: "1" }))).status).toBe(400);
    expect((await app.request(`/api/orders/${id}/accept`, put({ order_lines: lines.slice(0, 0) }))).status).toBe(400);
    expect((await app.request(`/api/orders/${id}/accept`, put({ order_lines: lines }))).status).toBe(204);
    expect(state.order(id!)!.order_state).toBe("SHIPPING");
    expect((await app.request(`/api/orders/${id}/accept`, put({ order_lines: lines }))).status).toBe(400);

    expect((await app.request(`/api/orders/${id}/tracking`, put({ carrier_code: "NOPE", tracking_number: "1" }))).status).toBe(400);
    expect((await app.request(`/api/orders/${id}/tracking`, put({ carrier_code: "CPCL", tracking_number: "7023210039414604" }))).status).toBe(204);
    expect(state.order(id!)!.shipping_tracking_url).toContain("7023210039414604");
    expect((await app.request(`/api/orders/${id}/ship`, put(null))).status).toBe(204);
    expect(state.order(id!)!.order_state).toBe("SHIPPED");
    expect(state.order(id!)!.order_lines[0].shipped_date).toBeTruthy();

    const again = await app.request(`/api/orders/${id}/ship`, put({}));
    expect(again.status).toBe(400);
    expect(again.headers.get("content-type")).toContain("application/json");
    const body = await again.json();
    expect(body.status).toBe(400);
    expect(body.message).toContain("SHIPPED");
    expect(state.shipCalls(id!).map((c) => c.status)).toEqual([400, 204, 400]);
    expect(state.trackingCalls(id!).map((c) => [c.carrierCode, c.status])).toEqual([["CPCL", 400], ["NOPE", 400], ["CPCL", 204]]);
    expect((await app.request("/api/orders/nope-A/ship", put())).status).toBe(404);
  });

  test("options: strict tracking after SHIPPED, tracking required before OR24, refusing every line", async () => {
    const { app, state } = createBestBuySandbox({ orders: 1, waitingOrders: 1, strictTracking: true, requireTrackingBeforeShip: true });
    const [id] = state.orderIds("SHIPPING");
    expect((await app.request(`/api/orders/${id}/ship`, put())).status).toBe(400);
    expect((await app.request(`/api/orders/${id}/tracking`, put({ carrier_code: "CPCL", tracking_number: "7023" }))).status).toBe(204);
    expect((await app.request(`/api/orders/${id}/ship`, put())).status).toBe(204);
    expect((await app.request(`/api/orders/${id}/tracking`, put({ carrier_code: "CPCL", tracking_number: "7023" }))).status).toBe(400);
    const [waiting] = state.orderIds("WAITING_ACCEPTANCE");
    const refuse = state.order(waiting!)!.order_lines.map((l: { order_line_id: string }) => ({ accepted: false, id: l.order_line_id }));
    expect((await app.request(`/api/orders/${waiting}/accept`, put({ order_lines: refuse }))).status).toBe(204);
    expect(state.order(waiting!)!.order_state).toBe("REFUSED");
  });

  test("a rate limit, off by default, answers 429 with Retry-After in seconds", async () => {
    const { app } = createBestBuySandbox({ rateLimit: { limit: 2, windowMs: 60_000 } });
    expect((await app.request("/api/orders", { headers: auth })).status).toBe(200);
    expect((await app.request("/api/orders", { headers: auth })).status).toBe(200);
    const third = await app.request("/api/orders", { headers: auth });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await app.request("/api/shipping/carriers", { headers: auth })).status).toBe(200);
    const open = createBestBuySandbox();
    for (let i = 0; i < 20; i++) expect((await open.app.request("/api/orders", { headers: auth })).status).toBe(200);
  });

  test("a shop_id the key cannot act for is refused", async () => {
    const { app } = createBestBuySandbox({ shopId: "2011" });
    expect((await app.request("/api/orders?shop_id=2011", { headers: auth })).status).toBe(200);
    expect((await app.request("/api/orders?shop_id=9999", { headers: auth })).status).toBe(403);
  });

  test("faults per endpoint: status, throttle, malformed, and a lost reply that still ships", async () => {
    const sandbox = startBestBuySandbox({ orders: 1 });
    try {
      const [id] = sandbox.state.orderIds("SHIPPING");
      sandbox.faults
        .inject("ListOrders", { kind: "status", status: 502 })
        .inject("ListOrders", { kind: "throttle", retryAfterSeconds: 3 })
        .inject("ListOrders", { kind: "malformed" })
        .inject("ShipOrder", { kind: "lose-reply" });
      const get = () => fetch(`${sandbox.url}/api/orders`, { headers: auth });
      expect((await get()).status).toBe(502);
      const throttled = await get();
      expect([throttled.status, throttled.headers.get("retry-after")]).toEqual([429, "3"]);
      await throttled.text();
      const malformed = await (await get()).text();
      expect(() => JSON.parse(malformed)).toThrow();
      expect((await get()).status).toBe(200);
      const lost = await fetch(`${sandbox.url}/api/orders/${id}/ship`, { method: "PUT", headers: auth }).then((r) => r.text()).then(() => "answered", () => "dropped");
      expect(lost).toBe("dropped");
      expect(sandbox.state.order(id!)!.order_state).toBe("SHIPPED");
      expect(sandbox.state.shipCalls(id!)).toHaveLength(1);
    } finally {
      await sandbox.stop();
    }
  });

  test("SH21 lists carriers sorted by label with Canada Post as CPCL", async () => {
    const { app } = createBestBuySandbox();
    const { carriers } = await (await app.request("/api/shipping/carriers", { headers: auth })).json();
    expect(carriers.map((c: { label: string }) => c.label)).toEqual([...carriers.map((c: { label: string }) => c.label)].sort());
    expect(carriers.find((c: { code: string }) => c.code === "CPCL").label).toBe("Canada Post");
  });
});
