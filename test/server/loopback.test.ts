import { afterAll, beforeAll, expect, test } from "bun:test";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import type { Database } from "../../src/db/index.ts";
import { startPrintServer, type PrintServer } from "../../src/server/index.ts";

// The page never touches the database just to be refused, so a stand-in that fails loudly will do.
const db = new Proxy({} as Database, {
  get: () => {
    throw new Error("no database in this test");
  },
});

let server: PrintServer;

beforeAll(() => {
  server = startPrintServer({ db, labelsDir: "/nonexistent", refetchLabel: async () => ({ ok: false, message: "not here" }) });
});
afterAll(async () => server?.stop());

/** This machine's own non-loopback IPv4 addresses: the only other addresses this test may try. */
function ownLanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === "IPv4" && !a.internal)
    .map((a) => a!.address);
}

function tryConnect(host: string, port: number): Promise<"connected" | "refused"> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000);
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", () => resolve("refused"));
    socket.once("timeout", () => {
      socket.destroy();
      resolve("refused");
    });
  });
}

test("by default the page answers on 127.0.0.1", async () => {
  expect(server.url).toStartWith("http://127.0.0.1:");
  expect(server.hostname).toBe("127.0.0.1");
  expect(await tryConnect("127.0.0.1", server.port)).toBe("connected");
});

const lan = ownLanAddresses();
if (lan.length === 0) {
  console.warn("SKIPPED: this machine has no non-loopback IPv4 address, so 'not reachable from the network' was not checked");
}
test.skipIf(lan.length === 0)(`by default the page is not reachable on this machine's network address (${lan[0] ?? "none"})`, async () => {
  expect(await tryConnect(lan[0]!, server.port)).toBe("refused");
  // The control: opened on purpose, the same address does connect, so "refused" above is the
  // binding's doing and not a firewall's.
  const open = startPrintServer({ db, labelsDir: "/nonexistent", refetchLabel: async () => ({ ok: false, message: "" }) }, { hostname: "0.0.0.0" });
  try {
    expect(await tryConnect(lan[0]!, open.port)).toBe("connected");
  } finally {
    await open.stop();
  }
});
