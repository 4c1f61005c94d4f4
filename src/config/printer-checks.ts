// The printer settings checked together with the label settings, each failing with the clerk's sentence.
import { ConfigError } from "./errors.ts";
import type { SettingsFile } from "./schema.ts";

/**
 * What cannot work whatever the printer says: ZPL on letter paper (Canada Post refuses it,
 * error 9191), a printer kind without the setting that names it, and a network Zebra asked to
 * print PDF labels (a Zebra takes ZPL, not PDF).
 */
export function checkPrinter(s: Pick<SettingsFile, "canadapost" | "printer">, where: string): void {
  const cp = s.canadapost;
  const p = s.printer;
  if (cp.label_encoding === "zpl" && cp.label_format !== "4x6") {
    throw new ConfigError(
      `Setting canadapost.label_encoding = "zpl" goes with 4x6 labels only (Canada Post makes no ZPL letter-size label); set label_format = "4x6", or label_encoding = "pdf" for letter paper, under [canadapost] in ${where}.`,
      "canadapost.label_encoding",
    );
  }
  const needs = { "zpl-network": ["host", 'the Zebra\'s network address, such as host = "192.168.1.50"'], windows: ["name", 'the printer\'s name as Windows shows it, such as name = "ZDesigner GK420d"'], lp: ["queue", 'the CUPS queue, such as queue = "zebra" (lpstat -p lists them)'] } as const;
  if (p.kind !== "none") {
    const [key, what] = needs[p.kind];
    if (p[key] === undefined) throw new ConfigError(`Setting printer.${key} is missing: printer.kind = "${p.kind}" needs ${what}; add it under [printer] in ${where}.`, `printer.${key}`);
  }
  if (p.kind === "zpl-network" && cp.label_encoding !== "zpl") {
    throw new ConfigError(
      `Setting printer.kind = "zpl-network" sends labels straight to a Zebra, which prints ZPL and not PDF; set label_encoding = "zpl" under [canadapost] in ${where} (or use printer.kind = "windows" or "lp" to print PDF labels).`,
      "printer.kind",
    );
  }
  if (p.auto_print && p.kind === "none") {
    throw new ConfigError(`Setting printer.auto_print = true needs a printer: set printer.kind (and its host, name or queue) under [printer] in ${where}, or auto_print = false.`, "printer.auto_print");
  }
}
