// postgres.js as shipdesk patches it (patches/postgres@3.4.9.patch): what its pool does when the
// server goes away under it, as the embedded database's host does when it is killed. Unpatched,
// a reserve() waiting for a connection when one closed was never answered (a run waited for
// ever), and a connection whose socket could not be made was lost to the pool for good.
import { afterAll, expect, test } from "bun:test";
import { connect, type Socket } from "node:net";
import postgres from "postgres";
import { SERVER_URL } from "../support/database.ts";

const server = new URL(SERVER_URL);

/** A relay in front of the test server whose connections can all be cut at once. */
function relay() {
  const live = new Set<Bun.Socket<Socket>>();
  const listener = Bun.listen<Socket>({
    hostname: "127.0.0.1",
    port: 0,
    socket: {
      open(s) {
        const up = connect(Number(server.port || 5432), server.hostname);
        s.data = up;
        live.add(s);
        up.on("data", (b) => s.write(b));
        up.on("close", () => s.end());
        up.on("error", () => {});
      },
      data(s, b) {
        s.data.write(b);
      },
      close(s) {
        live.delete(s);
        s.data.destroy();
      },
    },
  });
  return {
    url: `postgres://${server.username}@127.0.0.1:${listener.port}${server.pathname}`,
    cut: () => [...live].forEach((s) => s.end()),
    stop: () => listener.stop(true),
  };
}

const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, Bun.sleep(ms).then(() => "never answered" as const)]);

const relays: ReturnType<typeof relay>[] = [];
afterAll(() => relays.forEach((r) => r.stop()));

for (const max of [1, 4]) {
  test(`pool of ${max}: a reserve() waiting while every connection is cut is answered on a new connection, and the pool goes on`, async () => {
    const r = relay();
    relays.push(r);
    const sql = postgres(r.url, { max, onnotice: () => {} });
    try {
      await sql`select 1`;
      const busy = Array.from({ length: max }, () => sql`select pg_sleep(5)`.then(() => "ran", (e) => e.code as string));
      await Bun.sleep(150);
      const reserving = sql.reserve().then(async (reserved) => {
        const [row] = await reserved`select 7 as seven`;
        reserved.release();
        return row!.seven as number;
      });
      await Bun.sleep(150);
      r.cut();
      expect(await Promise.all(busy)).toEqual(Array(max).fill("CONNECTION_CLOSED"));
      expect(await within(reserving, 5000)).toBe(7);
      expect((await sql`select 1 as one`)[0]!.one).toBe(1);
    } finally {
      await sql.end({ timeout: 1 });
    }
  }, 20_000);
}

test("a socket that cannot be made rejects the query (and a waiting reserve()), and the pool serves the next one once it can", async () => {
  let refuse = true;
  const sql = postgres(SERVER_URL, {
    max: 1,
    // As src/db/server.ts passes it: postgres.js takes a socket function, its types do not say so.
    ...{
      socket: async () => {
        if (refuse) throw new Error("no host to connect to");
        return connect(Number(server.port || 5432), server.hostname);
      },
    },
  });
  try {
    expect(await within(sql`select 1`.then(() => "ran", (e: Error) => e.message), 5000)).toBe("no host to connect to");
    expect(await within(sql.reserve().then(() => "reserved", (e: Error) => e.message), 5000)).toBe("no host to connect to");
    refuse = false;
    expect(await within(sql`select 2 as two`.then((rows) => rows[0]!.two as number), 5000)).toBe(2);
  } finally {
    await sql.end({ timeout: 1 });
  }
});
