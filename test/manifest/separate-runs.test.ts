import { afterEach, expect, test } from "bun:test";
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { createCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { sandboxStateFiles } from "../../src/sandbox/state-file.ts";
import { CLI, runCli } from "../cli/run-cli.ts";
import { tempDir } from "../support/database.ts";

// The scenario as a new user meets it: sandbox mode, no settings but a refund address,
// the embedded database, the built-in sandboxes, and every command its own process.

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

function desk(label: string) {
  const dir = tempDir(label);
  dirs.push(dir);
  writeFileSync(join(dir.path, "shipdesk.toml"), '[canadapost]\nrefund_email = "desk@example.com"\n');
  const dataDir = join(dir.path, "data");
  const labelsDir = join(dir.path, "labels");
  const env = { SHIPDESK_DATA_DIR: dataDir, SHIPDESK_LABELS_DIR: labelsDir };
  const files = sandboxStateFiles(dataDir);
  return {
    labelsDir,
    run: (...args: string[]) => runCli(args, { env, cwd: dir.path }),
    /** `shipdesk serve` in its own process, until stopped. */
    async serve() {
      const probe = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response() });
      const port = probe.port!;
      probe.stop(true);
      const proc = Bun.spawn([process.execPath, CLI, "serve", "--port", String(port)], {
        cwd: dir.path,
        env: { PATH: process.env.PATH ?? "", HOME: dir.path, ...env },
        stdin: "ignore",
        stdout: "pipe",
        stderr: "pipe",
      });
      const reader = proc.stdout.getReader();
      let out = "";
      while (!out.includes("The label page is at")) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`shipdesk serve ended: ${out}${await new Response(proc.stderr).text()}`);
        out += new TextDecoder().decode(value);
      }
      return {
        url: `http://127.0.0.1:${port}`,
        async stop() {
          proc.kill("SIGTERM");
          await proc.exited;
        },
      };
    },
    /** Canada Post as the next run will find it (read from, or set up in, the data folder). */
    canadaPost: () => createCanadaPostSandbox({ stateFile: files.canadaPost }),
    shippedOrders: () => createBestBuySandbox({ stateFile: files.bestBuy }).state.orderIds("SHIPPED"),
  };
}

test("labels bought in one run are reprinted by the print page in another, transmitted by the next, their manifest saved, and a void after it is a refund", async () => {
  const d = desk("runs-happy");
  const bought = await d.run("--auto");
  expect(bought.code).toBe(0);
  expect(bought.stdout).toContain("labels: 8 label(s) bought");

  // The print page, in a run of its own, reprints a label whose file is gone: from the link the
  // buying run stored, at the Canada Post that run bought it from.
  for (const f of readdirSync(d.labelsDir)) rmSync(join(d.labelsDir, f));
  const page = await d.serve();
  try {
    const list = await (await fetch(`${page.url}/`)).text();
    const id = list.match(/\/labels\/(\d+)\/reprint/)![1];
    const reprint = await fetch(`${page.url}/labels/${id}/reprint`, { method: "POST", headers: { Origin: page.url }, redirect: "manual" });
    expect(reprint.status).toBe(303);
    expect(reprint.headers.get("location")).toContain("done=refetched");
    expect(readdirSync(d.labelsDir).filter((f) => f.endsWith(".pdf"))).toHaveLength(1);
  } finally {
    await page.stop();
  }

  const manifest = await d.run("manifest");
  expect(manifest.stdout).not.toContain("did not arrive");
  expect(manifest.stdout).toContain("end of day: 1 group(s) transmitted, 1 manifest(s) saved");
  expect(manifest.code).toBe(0);
  expect(readdirSync(d.labelsDir).filter((f) => f.startsWith("manifest-"))).toHaveLength(1);

  const orderId = d.shippedOrders()[0]!;
  const voided = await d.run("void", orderId, "--reason", "damaged");
  expect(voided.stdout).not.toContain("in doubt");
  expect(voided.stdout).toContain("ticket");
  expect(voided.code).toBe(0);

  const status = await d.run("status");
  expect(status.stdout).toContain("Nothing needs a person.");
  expect(status.code).toBe(0);
  const cp = d.canadaPost().state;
  expect(cp.callsTo("TransmitShipments")).toBe(1);
  expect(cp.manifests.size).toBe(1);
  expect([...cp.shipments.values()].every((s) => s.status === "transmitted")).toBe(true);
  expect(cp.refunds).toHaveLength(1);
}, 120_000);

test("the transmit's answer is lost: void asks Canada Post and refunds; Canada Post silent about the labels for two runs shows in status; the next run settles it", async () => {
  const d = desk("runs-doubt");
  expect((await d.run("--auto")).code).toBe(0);
  const lost = d.canadaPost();
  lost.faults.inject("TransmitShipments", { kind: "lose-reply" });
  lost.save();

  const first = await d.run("manifest");
  expect(first.stdout).toContain("did not answer the transmit");
  expect(first.code).toBe(3);

  const orderId = d.shippedOrders()[0]!;
  const voided = await d.run("void", orderId);
  expect(voided.stdout).toContain("ticket");
  expect(voided.code).toBe(0);

  const silent = d.canadaPost();
  silent.faults.inject("GetShipment", { kind: "status", status: 500 }, 50);
  silent.save();
  const second = await d.run("manifest");
  expect(second.stdout).toContain("nothing is transmitted until it knows");
  expect(second.code).toBe(3);
  const stuck = await d.run("status");
  expect(stuck.code).toBe(1);
  expect(stuck.stdout).toMatch(/Needs a person \(1\):\n {2}groups \d{8}: Canada Post did not answer the transmit/);
  expect(stuck.stdout).toContain("7 label(s) whose fate Canada Post has not told yet");
  expect(stuck.stdout).toContain("Fix: Run shipdesk manifest: it asks Canada Post what became of each label and never transmits twice");

  const answering = d.canadaPost();
  answering.faults.clear();
  answering.save();
  const third = await d.run("manifest");
  expect(third.stdout).toContain("settled label by label with Canada Post: 7 label(s) transmitted");
  expect(third.stdout).toContain("1 manifest(s) saved");
  expect(third.code).toBe(0);
  const settled = await d.run("status");
  expect(settled.stdout).toContain("Nothing needs a person.");
  expect(settled.code).toBe(0);
  expect(d.canadaPost().state.callsTo("TransmitShipments")).toBe(1);
}, 120_000);
