import { beforeAll, expect, test } from "bun:test";
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSmtpReceiver, startWebhookReceiver } from "../support/alert-receivers.ts";
import { tempDir } from "../support/database.ts";

const ROOT = join(import.meta.dir, "../..");
const LINUX = join(ROOT, "build/shipdesk");
const WINDOWS = join(ROOT, "build/shipdesk.exe");

beforeAll(async () => {
  const build = Bun.spawn([process.execPath, "run", "build"], { cwd: ROOT, stdout: "pipe", stderr: "pipe" });
  const code = await build.exited;
  if (code !== 0) throw new Error(`bun run build failed: ${await new Response(build.stderr).text()}`);
}, 120_000);

function run(binary: string, args: string[], cwd: string) {
  const proc = Bun.spawnSync([binary, ...args], { cwd, env: { PATH: "/usr/bin:/bin", HOME: cwd }, stdin: "ignore" });
  return { code: proc.exitCode, stdout: proc.stdout.toString(), stderr: proc.stderr.toString() };
}

test("the linux binary runs alone in an empty folder: --version, migrate on the embedded database (the shipped one), demo", () => {
  const dir = tempDir("binary");
  try {
    const binary = join(dir.path, "shipdesk");
    copyFileSync(LINUX, binary);
    Bun.spawnSync(["chmod", "+x", binary]);
    expect(existsSync(join(dir.path, "node_modules"))).toBe(false);

    const version = run(binary, ["--version"], dir.path);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^shipdesk \d+\.\d+\.\d+/);

    const migrate = run(binary, ["migrate"], dir.path);
    expect(migrate.stderr).toBe("");
    expect(migrate.code).toBe(0);
    // A new database is the copy shipped inside the binary, already migrated: no initdb ran.
    expect(migrate.stdout).toContain(`embedded PostgreSQL in ${join(dir.path, "shipdesk-data", "db")}: new database, copied from the one shipped in shipdesk (version`);
    expect(migrate.stdout).not.toContain("applied");
    expect(existsSync(join(dir.path, "shipdesk-data", "db"))).toBe(true);
    expect(run(binary, ["migrate"], dir.path).stdout).toContain("already up to date");

    const demo = run(binary, ["demo"], dir.path);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain("SANDBOX DEMO");
    expect(demo.stdout).toMatch(/labels: \d+ label\(s\) bought/);
    // The demo corrects one order's address as a clerk would, and the next pass buys its label;
    // the bad postal code is left for the clerk to see in the status.
    expect(demo.stdout).toContain('DEMO: as a clerk would with shipdesk address DEMO-NOSTREET-A --line1 "1675 Lower Water Street": Saved the corrected address');
    expect(demo.stdout).toContain("after the correction, labels: 1 label(s) bought");
    expect(demo.stdout).toContain("DEMO-BADPOSTAL-A: The postal code");
    const pdfs = readdirSync(join(dir.path, "labels")).filter((f) => f.endsWith(".pdf"));
    expect(pdfs.filter((f) => f.startsWith("label-DEMO-NOSTREET-A-"))).toHaveLength(1);
    expect(pdfs.some((f) => f.startsWith("label-DEMO-BADPOSTAL-A-"))).toBe(false);
    for (const pdf of pdfs) expect(readFileSync(join(dir.path, "labels", pdf)).subarray(0, 5).toString()).toBe("%PDF-");
  } finally {
    dir.remove();
  }
}, 60_000);

test("the linux binary sends alerts: shipdesk alerts test by e-mail (nodemailer inside the binary) and to a Teams webhook", async () => {
  const dir = tempDir("binary-alerts");
  const hook = startWebhookReceiver();
  const smtp = await startSmtpReceiver("alerts@northwind.example", "binary-smtp-password");
  try {
    writeFileSync(
      join(dir.path, "shipdesk.toml"),
      `[alerts]\nwebhook_format = "teams"\n[alerts.email]\nserver = "127.0.0.1"\nport = ${smtp.port}\ntls = "none"\nuser = "alerts@northwind.example"\nfrom = "shipdesk@northwind.example"\nto = "clerk@northwind.example"\n`,
      { mode: 0o600 },
    );
    // Spawned, not run synchronously: the receivers answer from this process.
    const env = { PATH: "/usr/bin:/bin", HOME: dir.path, SHIPDESK_ALERTS_WEBHOOK_URL: hook.url, SHIPDESK_SMTP_PASSWORD: "binary-smtp-password" };
    const proc = Bun.spawn([LINUX, "alerts", "test"], { cwd: dir.path, env, stdin: "ignore", stdout: "pipe", stderr: "pipe" });
    const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^Sent: webhook to 127\.0\.0\.1:\d+ \(teams\); it answered 200 ok\.$/m);
    expect(stdout).toMatch(/^Sent: e-mail through 127\.0\.0\.1:\d+ \(none\) to clerk@northwind\.example; it answered 250 /m);
    expect(code).toBe(0);
    expect(smtp.mails.map((m) => m.subject)).toEqual(["shipdesk SANDBOX: test alert"]);
    expect(hook.posts[0]!.json).toMatchObject({ type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive" }] });
  } finally {
    await hook.stop();
    await smtp.stop();
    dir.remove();
  }
}, 60_000);

test("build/shipdesk.exe is a PE32+ x86-64 Windows console program", () => {
  const bytes = readFileSync(WINDOWS);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("MZ");
  const pe = bytes.readUInt32LE(0x3c);
  expect(bytes.subarray(pe, pe + 4).toString("latin1")).toBe("PE\0\0");
  expect(bytes.readUInt16LE(pe + 4)).toBe(0x8664); // x86-64
  expect(bytes.readUInt16LE(pe + 24)).toBe(0x20b); // PE32+
  expect(bytes.readUInt16LE(pe + 24 + 68)).toBe(3); // console subsystem
});
