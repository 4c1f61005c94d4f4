import { afterAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { pngSize, renderZpl } from "../../src/printing/index.ts";
import { canadaPostForFile, cliScene, summaryOf, type CliScene } from "../support/cli-scene.ts";
import { CLI } from "../cli/run-cli.ts";
import { code128In } from "./barcode.ts";
import { refusedPort, startZebra, type StandInZebra } from "./zebra.ts";
import labelsSql from "./labels.sql" with { type: "text" };

const canadaPost = canadaPostForFile();
const zebras: StandInZebra[] = [];
afterAll(() => {
  for (const z of zebras) z.stop();
});

const toml = (port: number, autoPrint = true) => `[canadapost]
label_encoding = "zpl"
timeout_ms = 1000

[printer]
kind = "zpl-network"
host = "127.0.0.1"
port = ${port}
auto_print = ${autoPrint}
`;

interface Label {
  order_id: string;
  tracking_pin: string;
  status: string;
  print_state: string | null;
  print_count: number;
  printed_at: Date | null;
}
const labelsOf = (s: CliScene) => s.query<Label & Record<string, unknown>>(labelsSql);

/** `shipdesk --auto`, killed (SIGKILL, like a power cut) the moment its output shows `killAt`. */
async function autoRunKilledAt(s: CliScene, killAt: (output: string) => boolean): Promise<{ killed: boolean; output: string }> {
  const proc = Bun.spawn([process.execPath, CLI, "--auto"], {
    cwd: s.dir,
    env: { PATH: process.env.PATH ?? "", HOME: s.dir, ...s.env },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  let output = "";
  let killed = false;
  const decoder = new TextDecoder();
  for await (const chunk of proc.stdout) {
    output += decoder.decode(chunk);
    if (!killed && killAt(output)) {
      proc.kill("SIGKILL");
      killed = true;
    }
  }
  await proc.exited;
  await s.killedRunGone();
  return { killed, output };
}

const count = (text: string, what: RegExp) => (text.match(new RegExp(what, "g")) ?? []).length;

describe("a network Zebra, printer.auto_print = true", () => {
  test("--auto over 30 orders, killed three times: never two jobs for one label, each label printed once after the person's decision, each job a 4x6 label whose PIN scans", async () => {
    const zebra = startZebra();
    zebras.push(zebra);
    const s = await cliScene("autoprint", "server", canadaPost(), { orders: 30, seed: 2801 }, toml(zebra.port));
    try {
      // Killed after some labels were saved (queued, not yet sent), just after a job was claimed
      // ("sending" recorded; the job may or may not have gone out), and after some printed.
      const kills = [
        (o: string) => count(o, /label saved/) >= 4,
        (o: string) => count(o, /sending the label to/) >= 3,
        (o: string) => count(o, /sent to the Zebra/) >= 5,
      ];
      for (const kill of kills) {
        const run = await autoRunKilledAt(s, kill);
        expect(run.killed).toBe(true);
      }
      // A label killed while Canada Post made it waits (twice the request timeout) before it is looked up again.
      let last = await s.cli("--auto");
      for (let i = 0; i < 5 && last.code === 3; i++) {
        await Bun.sleep(2_000);
        last = await s.cli("--auto");
      }
      expect(last.stderr).toBe("");
      expect([0, 1]).toContain(last.code);

      let labels = await labelsOf(s);
      expect(labels).toHaveLength(30);
      // Never two jobs for one label without a person asking.
      for (const l of labels) expect(zebra.jobsFor(l.tracking_pin).length).toBeLessThanOrEqual(1);
      // Whatever was being sent when a run died is left to a person, never printed again by itself.
      const inDoubt = labels.filter((l) => l.print_state === "sending");
      for (const l of labels.filter((x) => x.print_state !== "sending")) {
        expect(l.print_state).toBe("printed");
        expect(l.print_count).toBe(1);
        expect(zebra.jobsFor(l.tracking_pin)).toHaveLength(1);
      }
      // Another --auto does not touch them either.
      const jobsBefore = zebra.jobs.length;
      await s.cli("--auto");
      expect(zebra.jobs.length).toBe(jobsBefore);
      if (inDoubt.length > 0) {
        const status = await s.cli("status");
        expect(status.stdout).toContain("label perhaps printed");
        for (const l of inDoubt) expect(status.stdout).toContain(l.order_id);
      }
      // The person looks at the printer: what did not come out is printed again, on purpose.
      for (const l of inDoubt) {
        const refused = await s.cli("print", l.order_id);
        expect(refused.code).toBe(1);
        expect(summaryOf(refused.stdout)).toContain("may already have printed");
        if (zebra.jobsFor(l.tracking_pin).length === 0) {
          const again = await s.cli("print", l.order_id, "--again");
          expect(again.code).toBe(0);
        }
      }
      labels = await labelsOf(s);
      for (const l of labels) {
        const jobs = zebra.jobsFor(l.tracking_pin);
        expect(jobs).toHaveLength(1);
        const png = await renderZpl(jobs[0]!.text, 203);
        expect(pngSize(png)).toEqual({ width: 813, height: 1220 });
        expect(await code128In(png)).toContain(l.tracking_pin);
      }
      expect(zebra.jobs).toHaveLength(30);
      // Each job is on record beside the calls to Canada Post and Best Buy (but one a kill cut off before its row).
      const [audit] = await s.query<{ n: number }>("SELECT count(*)::int AS n FROM api_calls WHERE service = 'Printer' AND is_success");
      expect(audit!.n).toBeLessThanOrEqual(30);
      expect(audit!.n).toBeGreaterThanOrEqual(30 - inDoubt.length);
    } finally {
      await s.done();
    }
  }, 240_000);

  test("a refused connection: the labels are bought and saved, left unprinted with one sentence naming the setting, and the next run prints each once", async () => {
    const s = await cliScene("refused", "server", canadaPost(), { orders: 3, seed: 2802 });
    // Chosen after the scene's sandboxes listen, so that none of them is given the port.
    const port = await refusedPort();
    s.settings(toml(port));
    try {
      const run = await s.cli("--auto");
      expect(run.code).toBe(1);
      const line = summaryOf(run.stdout);
      expect(line).toContain("labels: 3 label(s) bought");
      expect(line).toContain(`printer: 0 label(s) printed, 3 not printed (The printer at 127.0.0.1:${port} refused the connection (nothing listens on port ${port}); check that the printer is on and connected, and that printer.host and printer.port in ${s.dir}/shipdesk.toml are its address`);
      for (const l of await labelsOf(s)) {
        expect(l.print_state).toBe("failed");
        expect(l.printed_at).toBeNull();
      }
      const status = await s.cli("status");
      expect(status.stdout).toContain("3 orders (");
      expect(status.stdout).toContain("label not printed");
      expect(status.stdout).toContain("the next run prints them");

      const zebra = startZebra();
      zebras.push(zebra);
      s.settings(toml(zebra.port));
      const next = await s.cli("--auto");
      expect(summaryOf(next.stdout)).toContain("printer: 3 label(s) printed");
      for (const l of await labelsOf(s)) {
        expect(l.print_state).toBe("printed");
        expect(zebra.jobsFor(l.tracking_pin)).toHaveLength(1);
      }
      // Printed once: a plain print is refused, --again is a reprint and says so.
      const [first] = await labelsOf(s);
      const plain = await s.cli("print", first!.order_id);
      expect(plain.code).toBe(1);
      expect(summaryOf(plain.stdout)).toContain(`to print it again: shipdesk print ${first!.order_id} --again`);
      const again = await s.cli("print", first!.order_id, "--again");
      expect(again.code).toBe(0);
      expect(summaryOf(again.stdout)).toContain(`Reprint of the label of order ${first!.order_id} sent to the Zebra at 127.0.0.1:${zebra.port}`);
      expect(zebra.jobsFor(first!.tracking_pin)).toHaveLength(2);
      expect((await labelsOf(s)).find((l) => l.order_id === first!.order_id)!.print_count).toBe(2);
    } finally {
      await s.done();
    }
  }, 120_000);

  test("shipdesk printer test: sends the test label and says what answered; --dry-run draws it to a PNG and sends nothing", async () => {
    const zebra = startZebra({ paperOut: true });
    zebras.push(zebra);
    const s = await cliScene("printertest", "server", canadaPost(), { orders: 0, seed: 2803 }, toml(zebra.port, false));
    try {
      const sent = await s.cli("printer", "test");
      expect(sent.code).toBe(0);
      expect(summaryOf(sent.stdout)).toContain(`the test label went to the Zebra at 127.0.0.1:${zebra.port}`);
      expect(summaryOf(sent.stdout)).toContain("it answered: paper out, not paused, head closed");
      expect(zebra.jobs).toHaveLength(1);
      expect(await code128In(await renderZpl(zebra.jobs[0]!.text))).toContain("SHIPDESK-TEST");

      const dry = await s.cli("printer", "test", "--dry-run", "--out", `${s.dir}/test.png`);
      expect(dry.code).toBe(0);
      expect(summaryOf(dry.stdout)).toContain("(813 x 1220 dots, 4x6 inches); nothing was sent");
      expect(pngSize(new Uint8Array(readFileSync(`${s.dir}/test.png`)))).toEqual({ width: 813, height: 1220 });
      expect(zebra.jobs).toHaveLength(1);

      zebra.stop();
      const down = await s.cli("printer", "test");
      expect(down.code).toBe(3);
      expect(summaryOf(down.stdout)).toContain("refused the connection");
    } finally {
      await s.done();
    }
  }, 60_000);
});
