import { afterAll, expect, test } from "bun:test";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { printerFrom } from "../../src/printing/index.ts";
import { tempDir } from "../support/database.ts";

// CUPS is not on this machine: a stand-in `lp` with CUPS's own words, recording its arguments.
const dir = tempDir("lp-stand-in");
afterAll(() => dir.remove());
function standIn(name: string, body: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, `#!/bin/sh\necho "$@" > "${path}.args"\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const label = join(dir.path, "label-A-1.zpl");
writeFileSync(label, "^XA^FDx^FS^XZ");
const job = { title: "A-1", encoding: "zpl" as const, bytes: new Uint8Array(readFileSync(label)), path: label };
const settings = { kind: "lp" as const, host: undefined, port: 9100, name: undefined, queue: "zebra", autoPrint: true, dpi: 203 as const };

test("ZPL goes to the CUPS queue raw; lp's request id is what answered", async () => {
  const lp = standIn("lp-ok", 'echo "request id is zebra-12 (1 file(s))"');
  const printer = printerFrom(settings, { file: "/etc/shipdesk.toml", dataDir: dir.path, lpCommand: lp })!;
  const outcome = await printer.send(job);
  expect(outcome).toMatchObject({ kind: "accepted", answered: "CUPS queue zebra: request id is zebra-12 (1 file(s))" });
  expect(readFileSync(`${lp}.args`, "utf8").trim()).toBe(`-d zebra -t shipdesk A-1 -o raw -- ${label}`);
  const pdf = await printer.send({ ...job, encoding: "pdf", path: label.replace(".zpl", ".pdf") });
  expect(pdf.kind).toBe("accepted");
  expect(readFileSync(`${lp}.args`, "utf8")).toContain("-o print-scaling=none");
});

test("a queue CUPS does not have: one sentence naming printer.queue and the fix; a missing lp says to install CUPS", async () => {
  const lp = standIn("lp-no-queue", 'echo "lp: The printer or class does not exist." >&2; exit 1');
  const outcome = await printerFrom(settings, { file: "/etc/shipdesk.toml", dataDir: dir.path, lpCommand: lp })!.send(job);
  expect(outcome).toMatchObject({ kind: "not-sent", cause: "setting" });
  expect(outcome.kind === "not-sent" && outcome.sentence).toBe(
    'There is no CUPS queue named "zebra" on this computer (lp said: lp: The printer or class does not exist.); set printer.queue in /etc/shipdesk.toml to one that lpstat -p lists. The label is not printed.',
  );
  const none = await printerFrom(settings, { file: "/etc/shipdesk.toml", dataDir: dir.path, lpCommand: join(dir.path, "no-such-lp") })!.send(job);
  expect(none.kind === "not-sent" && none.sentence).toContain("The lp command (CUPS) is not installed on this computer");
});
