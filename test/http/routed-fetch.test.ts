import { expect, test } from "bun:test";
import { routedFetch } from "../../src/http/index.ts";

test("a routed origin reaches this run's server with path, query, method and body intact; any other origin is left alone", async () => {
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch: async (req) => new Response(`${req.method} ${new URL(req.url).pathname}${new URL(req.url).search} ${await req.text()}`),
  });
  try {
    const seen: string[] = [];
    const inner = ((input: string | URL | Request, init?: RequestInit) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    }) as typeof fetch;
    const routed = routedFetch({ "http://canadapost.sandbox.invalid": `http://127.0.0.1:${server.port}` }, inner);
    const res = await routed("http://canadapost.sandbox.invalid/rs/1/1/shipment?groupId=20261202", { method: "POST", body: "<x/>" });
    expect(await res.text()).toBe("POST /rs/1/1/shipment?groupId=20261202 <x/>");
    const direct = await routed(`http://127.0.0.1:${server.port}/other`);
    expect(await direct.text()).toBe("GET /other ");
    expect(seen).toEqual([`http://127.0.0.1:${server.port}/rs/1/1/shipment?groupId=20261202`, `http://127.0.0.1:${server.port}/other`]);
  } finally {
    server.stop(true);
  }
});
