// shipdesk demo without a terminal: no print-page address that is dead once it ends, and the
// status it prints shows the runs it made.
import { expect, test } from "bun:test";
import { tempDir } from "../support/database.ts";
import { runCli } from "./run-cli.ts";

test("the demo's status lists its runs; without a terminal it prints no print-page address", async () => {
  const dir = tempDir("demo");
  try {
    const demo = await runCli(["demo"], { cwd: dir.path });
    expect(demo.code).toBe(0);
    const out = demo.stdout;
    expect(out).not.toMatch(/http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toContain("Print page: shown only when the demo runs in a terminal");
    expect(out).not.toContain("none yet");
    const runs = out.slice(out.indexOf("Last runs:")).split("\n").slice(1, 5);
    expect(runs.map((l) => l.replace(/^ {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}/, "").split(":")[0])).toEqual(["track (demo)", "ship (demo)", "ship (demo)", "orders sync (demo)"]);
    expect(out).toContain("SANDBOX DEMO finished");
  } finally {
    dir.remove();
  }
}, 90_000);
