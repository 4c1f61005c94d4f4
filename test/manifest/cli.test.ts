import { afterAll, beforeAll, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { startBestBuySandbox } from "../../src/sandbox/bestbuy/index.ts";
import { startCanadaPostSandbox, type RunningCanadaPostSandbox } from "../../src/sandbox/canadapost/index.ts";
import { freshServerDatabase, tempDir } from "../support/database.ts";
import { runCli } from "../cli/run-cli.ts";
import runsSql from "./runs.sql" with { type: "text" };

let cp: RunningCanadaPostSandbox;
beforeAll(() => {
  cp = startCanadaPostSandbox();
});
afterAll(async () => {
  await cp.stop();
});

test("--auto does the end of day once run.manifest_at has passed, then not again; manifest and void are commands recorded in runs", async () => {
  const t = await freshServerDatabase("eod_cli");
  const dir = tempDir("eod-cli");
  const bb = startBestBuySandbox({ orders: 2, seed: 21 });
  try {
    writeFileSync(`${dir.path}/shipdesk.toml`, '[run]\nmanifest_at = "00:00"\n');
    const env = {
      DATABASE_URL: t.url,
      SHIPDESK_DATA_DIR: `${dir.path}/data`,
      SHIPDESK_LABELS_DIR: `${dir.path}/labels`,
      CANADAPOST_BASE_URL: cp.url,
      BESTBUY_BASE_URL: bb.url,
    };
    const first = await runCli(["--auto"], { env, cwd: dir.path });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("end of day: 1 group(s) transmitted, 1 manifest(s) saved");
    expect(cp.state.callsTo("TransmitShipments")).toBe(1);

    const second = await runCli(["--auto"], { env, cwd: dir.path });
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain("end of day:");

    const manifest = await runCli(["manifest"], { env, cwd: dir.path });
    expect(manifest.code).toBe(0);
    expect(manifest.stdout).toContain("Nothing to transmit");
    expect(cp.state.callsTo("TransmitShipments")).toBe(1);

    const orderId = bb.state.orderIds()[0]!;
    const noEmail = await runCli(["void", orderId, "--reason", "damaged"], { env, cwd: dir.path });
    expect(noEmail.code).toBe(1);
    expect(noEmail.stdout).toContain("--email");
    const refunded = await runCli(["void", orderId, "--reason", "damaged", "--email", "desk@example.com"], { env, cwd: dir.path });
    expect(refunded.code).toBe(0);
    expect(refunded.stdout).toContain("Best Buy will not take a new tracking number");
    expect(refunded.stdout).toContain("ticket");
    // The address can also come from the settings file instead of --email.
    const other = bb.state.orderIds()[1]!;
    writeFileSync(`${dir.path}/shipdesk.toml`, '[run]\nmanifest_at = "00:00"\n[canadapost]\nrefund_email = "desk@example.com"\n');
    const fromSettings = await runCli(["void", other, "--reason", "damaged"], { env, cwd: dir.path });
    expect(fromSettings.code).toBe(0);
    expect(fromSettings.stdout).toContain("ticket");

    const usage = await runCli(["void"], { env, cwd: dir.path });
    expect(usage.code).toBe(2);
    const runs = await t.db.query<{ command: string; exit_code: number }>(runsSql);
    expect(runs.map((r) => `${r.command} ${r.exit_code}`)).toEqual(["auto 0", "auto 0", "manifest 0", "void 1", "void 0", "void 0"]);
  } finally {
    await bb.stop();
    await t.drop();
    dir.remove();
  }
}, 60_000);
