import { expect, test } from "bun:test";
import { canadaPostForFile, cliScene } from "../support/cli-scene.ts";
import { runCli } from "../cli/run-cli.ts";
import runsSql from "./runs.sql" with { type: "text" };

const canadaPost = canadaPostForFile();

test("--auto does the end of day once run.manifest_at has passed, then not again; manifest and void are commands recorded in runs", async () => {
  const s = await cliScene("eod", "server", canadaPost(), { orders: 2, seed: 21 }, '[run]\nmanifest_at = "00:00"\n');
  try {
    const first = await runCli(["--auto"], { env: s.env, cwd: s.dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("end of day: 1 group(s) transmitted, 1 manifest(s) saved");
    expect(canadaPost().state.callsTo("TransmitShipments")).toBe(1);

    const second = await runCli(["--auto"], { env: s.env, cwd: s.dir });
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain("end of day:");

    const manifest = await runCli(["manifest"], { env: s.env, cwd: s.dir });
    expect(manifest.code).toBe(0);
    expect(manifest.stdout).toContain("Nothing to transmit");
    expect(canadaPost().state.callsTo("TransmitShipments")).toBe(1);

    const orderId = s.bb.state.orderIds()[0]!;
    const noEmail = await runCli(["void", orderId, "--reason", "damaged"], { env: s.env, cwd: s.dir });
    expect(noEmail.code).toBe(1);
    expect(noEmail.stdout).toContain("--email");
    const refunded = await runCli(["void", orderId, "--reason", "damaged", "--email", "desk@example.com"], { env: s.env, cwd: s.dir });
    expect(refunded.code).toBe(0);
    expect(refunded.stdout).toContain("Best Buy will not take a new tracking number");
    expect(refunded.stdout).toContain("ticket");
    // The address can also come from the settings file instead of --email.
    const other = s.bb.state.orderIds()[1]!;
    s.settings('[run]\nmanifest_at = "00:00"\n[canadapost]\nrefund_email = "desk@example.com"\n');
    const fromSettings = await runCli(["void", other, "--reason", "damaged"], { env: s.env, cwd: s.dir });
    expect(fromSettings.code).toBe(0);
    expect(fromSettings.stdout).toContain("ticket");

    const usage = await runCli(["void"], { env: s.env, cwd: s.dir });
    expect(usage.code).toBe(2);
    const runs = await s.query<{ command: string; exit_code: number }>(runsSql);
    expect(runs.map((r) => `${r.command} ${r.exit_code}`)).toEqual(["auto 0", "auto 0", "manifest 0", "void 1", "void 0", "void 0"]);
  } finally {
    await s.done();
  }
}, 60_000);
