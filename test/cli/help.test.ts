// --help fits an 80-column console (cmd.exe's default): every line of the general help and of
// each command's, words never split.
import { expect, test } from "bun:test";
import { COMMANDS, commandHelp, generalHelp } from "../../src/cli/help.ts";
import { runCli } from "./run-cli.ts";
import { tempDir } from "../support/database.ts";

const tooWide = (text: string) => text.split("\n").filter((l) => Bun.stringWidth(l) > 80);

test("shipdesk --help and each command's help are at most 80 columns wide, every command listed", async () => {
  const general = generalHelp("0.1.0");
  expect(tooWide(general)).toEqual([]);
  for (const c of Object.values(COMMANDS)) expect(general).toContain(c.usage);
  for (const name of Object.keys(COMMANDS)) expect(tooWide(commandHelp(name, "0.1.0"))).toEqual([]);
  // The wrapped text is the text: no word cut, none lost.
  const flat = (s: string) => s.replace(/\s+/g, " ");
  expect(flat(commandHelp("service", "0.1.0"))).toContain(flat(COMMANDS.service!.details!));
  const dir = tempDir("help-width");
  try {
    const run = await runCli(["--help"], { cwd: dir.path });
    expect(run.code).toBe(0);
    expect(tooWide(run.stdout)).toEqual([]);
    expect(run.stdout).toContain("shipdesk hold ORDER [--release]");
  } finally {
    dir.remove();
  }
});
