import { afterAll, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../support/database.ts";
import { CLI, runCli } from "./run-cli.ts";

// A server that accepts every request and never answers: the run is certainly mid-way when
// Ctrl-C comes, waiting on Best Buy.
const silent = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Promise<Response>(() => {}) });
const dir = tempDir("interrupt");
afterAll(() => {
  silent.stop(true);
  dir.remove();
});

async function readUntil(stream: ReadableStream<Uint8Array>, needle: string, ms: number): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + ms;
  while (!text.includes(needle) && Date.now() < deadline) {
    const { value, done } = await Promise.race([
      reader.read(),
      Bun.sleep(Math.max(0, deadline - Date.now())).then(() => ({ value: undefined, done: true })),
    ]);
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return text;
}

test("Ctrl-C during --auto closes its connections to the embedded database; the folder stays with its host, free for the next run", async () => {
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: dir.path,
    SHIPDESK_DATA_DIR: join(dir.path, "data"),
    SHIPDESK_LABELS_DIR: join(dir.path, "labels"),
    CANADAPOST_BASE_URL: silent.url.origin,
    BESTBUY_BASE_URL: silent.url.origin,
  };
  const child = Bun.spawn([process.execPath, CLI, "--auto"], { cwd: dir.path, env, stdin: "ignore", stdout: "pipe", stderr: "pipe" });
  const before = await readUntil(child.stdout, "shipdesk --auto:", 20_000);
  expect(before).toContain("shipdesk --auto:");
  const lock = join(dir.path, "data", "db", "shipdesk.lock");
  expect(existsSync(lock)).toBe(true);

  const sent = performance.now();
  child.kill("SIGINT");
  const code = await child.exited;
  expect(performance.now() - sent).toBeLessThan(8_000);
  expect(code).toBe(3);
  // The folder's lock is its host's (src/db/host/), never the run's: the run held no folder.
  if (existsSync(lock)) expect(JSON.parse(readFileSync(lock, "utf8")).pid).not.toBe(child.pid);
  expect(await new Response(child.stderr).text()).toBe("");
  expect(readFileSync(join(dir.path, "data", "shipdesk.log"), "utf8")).toContain("Ctrl-C: stopping; the next run picks up where this one stopped.");

  // The database was closed cleanly: it opens at once, with nobody holding it.
  const again = await runCli(["migrate"], { cwd: dir.path, env });
  expect(again.stderr).toBe("");
  expect(again.code).toBe(0);
  expect(again.stdout).toContain("schema already up to date");
}, 40_000);
