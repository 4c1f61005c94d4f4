import { join } from "node:path";
import { writeLabelFile, sha256 } from "../../labels/index.ts";
import { hostStatus, pngSize, printOrder, renderZpl, testLabelPdf, testLabelZpl, type PrintResult } from "../../printing/index.ts";
import { recordPrintJob } from "../../printing/store.ts";
import type { App } from "../app.ts";
import { EXIT, type ExitCode } from "../exit-codes.ts";
import type { Logger } from "../log.ts";
import { logPrintResult, printingDeps } from "./auto-print.ts";
import type { CommandResult } from "./result.ts";

/** The sentence when no printer is set, naming where to set one. */
export function noPrinter(app: App, what: string): string {
  return `No printer is set (printer.kind = "none"), so ${what}; set printer.kind with its host, name or queue under [printer] in ${app.settings.file ?? "shipdesk.toml"} (see the README's Printing), or print from the label page (shipdesk serve).`;
}

const exitOf = (r: PrintResult): ExitCode =>
  r.kind === "printed" ? EXIT.ok : r.kind === "not-sent" ? (r.cause === "setting" ? EXIT.usage : r.cause === "unreachable" ? EXIT.unreachable : EXIT.needsPerson) : EXIT.needsPerson;

/**
 * `shipdesk print ORDER [--again]`: the order's label to the printer. A label printed before,
 * or one that may have printed when a run stopped, goes again only with --again (a person
 * asking), and is then called a reprint.
 */
export async function printCommand(app: App, log: Logger, orderId: string, again: boolean): Promise<CommandResult> {
  if (!app.printer) {
    const sentence = noPrinter(app, `the label of order ${orderId} cannot be sent`);
    log.error(sentence, orderId);
    return { exitCode: EXIT.usage, line: `print: ${sentence}` };
  }
  const r = await printOrder(printingDeps(app, log), orderId, again);
  logPrintResult(log, r);
  return { exitCode: exitOf(r), line: `print: ${r.sentence}` };
}

/**
 * `shipdesk printer test [--dry-run] [--out FILE]`: a test label to the printer (nothing bought,
 * no order), and what answered; with --dry-run, the label as the printer would print it, as a
 * PNG (ZPL) or a PDF, and nothing sent.
 */
export async function printerTestCommand(app: App, log: Logger, options: { dryRun: boolean; out: string | undefined }): Promise<CommandResult> {
  const s = app.settings;
  const zpl = s.printer.kind === "zpl-network" || s.canadaPost.labelEncoding === "zpl";
  const target = app.printer?.target.described ?? "no printer (a dry run)";
  const now = new Date();
  const bytes = zpl ? new TextEncoder().encode(testLabelZpl(target, now)) : await testLabelPdf(target, now);
  if (options.dryRun) {
    const image = zpl ? await renderZpl(bytes, s.printer.dpi) : bytes;
    const out = options.out ?? join(s.labelsDir, zpl ? "printer-test.png" : "printer-test.pdf");
    await Bun.write(out, image);
    const size = zpl ? pngSize(image) : undefined;
    const line = `printer test: wrote the test label to ${out}${size ? ` as a ${s.printer.dpi} dpi printer prints it (${size.width} x ${size.height} dots, 4x6 inches)` : " (a 4x6 PDF)"}; nothing was sent to a printer.`;
    log.info(line);
    return { exitCode: EXIT.ok, line };
  }
  if (!app.printer) {
    const sentence = noPrinter(app, "there is nothing to test (shipdesk printer test --dry-run draws the test label without a printer)");
    log.error(sentence);
    return { exitCode: EXIT.usage, line: `printer test: ${sentence}` };
  }
  const file = await writeLabelFile(s.labelsDir, zpl ? "printer-test.zpl" : "printer-test.pdf", bytes);
  if (!file.ok) {
    log.error(file.problem);
    return { exitCode: EXIT.usage, line: `printer test: ${file.problem}` };
  }
  const job = { title: "test", encoding: zpl ? ("zpl" as const) : ("pdf" as const), bytes, path: file.path, sha256: sha256(bytes) };
  const outcome = await app.printer.send(job);
  await recordPrintJob(app.db, "TestLabel", app.printer.target, job, outcome);
  if (outcome.kind !== "accepted") {
    log.error(outcome.sentence.replace("The label is not printed.", "The test label is not printed."));
    const exitCode = outcome.kind === "not-sent" && outcome.cause === "setting" ? EXIT.usage : outcome.kind === "not-sent" ? EXIT.unreachable : EXIT.needsPerson;
    return { exitCode, line: `printer test: ${outcome.sentence}` };
  }
  const status = s.printer.kind === "zpl-network" ? await hostStatus(s.printer.host!, s.printer.port) : undefined;
  const answered = status ? `; asked for its status (~HS) it answered: ${status}` : s.printer.kind === "zpl-network" ? "; it did not answer a status query (~HS), which some printers do not" : "";
  const line = `printer test: the test label went to ${app.printer.target.described} in ${outcome.ms} ms (${outcome.answered})${answered}.`;
  log.info(line);
  return { exitCode: EXIT.ok, line };
}
