import { afterAll, expect, test } from "bun:test";
import { ConfigError, loadSettings } from "../../src/config/index.ts";
import { settingsFiles } from "../support/settings-files.ts";

const files = settingsFiles("printer-settings");
afterAll(() => files.remove());

const refusal = (toml: string) => {
  try {
    loadSettings(files.withFile(toml));
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return undefined;
};

test("ZPL with letter paper is refused in one sentence naming both settings", () => {
  expect(refusal(`[canadapost]\nlabel_encoding = "zpl"\nlabel_format = "8.5x11"\n`)).toMatch(
    /^Setting canadapost\.label_encoding = "zpl" goes with 4x6 labels only \(Canada Post makes no ZPL letter-size label\); set label_format = "4x6", or label_encoding = "pdf" for letter paper, under \[canadapost\] in .*shipdesk\.toml\.$/,
  );
});

test("each printer kind needs what names its printer, and a network Zebra needs ZPL labels", () => {
  expect(refusal(`[printer]\nkind = "zpl-network"\n`)).toContain('Setting printer.host is missing: printer.kind = "zpl-network" needs the Zebra\'s network address');
  expect(refusal(`[printer]\nkind = "windows"\n`)).toContain("Setting printer.name is missing");
  expect(refusal(`[printer]\nkind = "lp"\n`)).toContain("Setting printer.queue is missing");
  expect(refusal(`[printer]\nkind = "zpl-network"\nhost = "10.0.0.5"\n`)).toContain('set label_encoding = "zpl" under [canadapost]');
  expect(refusal(`[printer]\nkind = "cups"\n`)).toContain('Setting printer.kind must be "none"');
  expect(refusal(`[printer]\nauto_print = true\n`)).toContain("Setting printer.auto_print = true needs a printer");
  expect(refusal(`[printer]\nkind = "lp"\nqueue = "zebra"\nport = 0\n`)).toContain("Setting printer.port must be at least 1");
});

test("defaults: PDF labels, no printer; a network Zebra on port 9100 at 203 dpi", () => {
  const plain = loadSettings(files.withFile(""));
  expect(plain.canadaPost.labelEncoding).toBe("pdf");
  expect(plain.printer).toMatchObject({ kind: "none", autoPrint: false, port: 9100, dpi: 203 });
  const zebra = loadSettings(files.withFile(`[canadapost]\nlabel_encoding = "zpl"\n[printer]\nkind = "zpl-network"\nhost = "10.0.0.5"\nauto_print = true\n`));
  expect(zebra.printer).toEqual({ kind: "zpl-network", host: "10.0.0.5", port: 9100, name: undefined, queue: undefined, autoPrint: true, dpi: 203 });
});
