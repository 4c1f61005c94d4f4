import { printWaiting, type PrintingDeps, type PrintResult, type WaitingPrinted } from "../../printing/index.ts";
import type { ShippingEvent } from "../../shipping/index.ts";
import type { App } from "../app.ts";
import { EXIT } from "../exit-codes.ts";
import type { Logger } from "../log.ts";
import type { CommandResult } from "./result.ts";

/** The printing's steps as log lines: each label as it goes out and what the printer answered. */
export function printingDeps(app: App, log: Logger, extra: Partial<PrintingDeps> = {}): PrintingDeps {
  return {
    db: app.db,
    printer: app.printer!,
    checkpoint: (step, orderId) => {
      if (step === "print-claimed") log.info(`sending the label to ${app.printer!.target.described}`, orderId);
    },
    ...extra,
  };
}

export function logPrintResult(log: Logger, r: PrintResult): void {
  if (r.kind === "printed") log.info(r.sentence, r.orderId);
  else if (r.kind === "refused") log.info(r.sentence, r.orderId);
  else log.error(r.sentence, r.orderId);
}

export interface AutoPrinter {
  /** Hand it the shipping's events: each label saved goes to the printer. */
  onEvent(e: ShippingEvent): void;
  /** Waits for the labels under way and those still waiting; the summary, or undefined when nothing was to print. */
  finish(): Promise<CommandResult | undefined>;
}

/**
 * printer.auto_print in --auto, ship and the desk: the labels waiting from earlier runs at once,
 * then each label as soon as it is saved, one job at a time, beside the label run (which never
 * waits for the printer). A printer that cannot be reached is given up on for the run; its
 * labels wait, with its sentence, for the next run or the label page.
 */
export function autoPrinter(app: App, log: Logger): AutoPrinter {
  if (!app.printer || !app.settings.printer.autoPrint) return { onEvent: () => {}, finish: async () => undefined };
  const deps = printingDeps(app, log);
  const all: WaitingPrinted = { printed: [], notSent: [], inDoubt: [], down: undefined };
  let running: Promise<void> | undefined;
  let more = false;
  const round = async () => {
    do {
      more = false;
      const r = await printWaiting(deps, (x) => logPrintResult(log, x));
      all.printed.push(...r.printed);
      all.notSent.push(...r.notSent);
      all.inDoubt.push(...r.inDoubt);
      all.down ??= r.down;
    } while (more && !all.down);
  };
  const kick = () => {
    if (all.down) return;
    if (running) {
      more = true;
      return;
    }
    running = round().finally(() => {
      running = undefined;
    });
  };
  kick();
  return {
    onEvent: (e) => {
      if (e.type === "saved") kick();
    },
    async finish() {
      while (running) await running;
      kick();
      while (running) await running;
      if (all.printed.length + all.notSent.length + all.inDoubt.length === 0) return undefined;
      return printingResult(all);
    },
  };
}

function printingResult(r: WaitingPrinted): CommandResult {
  const notSent = new Set(r.notSent.map((n) => n.orderId)).size;
  const parts = [`${r.printed.length} label(s) printed`];
  if (notSent) parts.push(`${notSent} not printed (${r.down ? r.down.replace(/\.$/, "") : "see the log"})`);
  if (r.inDoubt.length) parts.push(`${r.inDoubt.length} perhaps printed, a person decides (shipdesk status)`);
  return { exitCode: notSent + r.inDoubt.length > 0 ? EXIT.needsPerson : EXIT.ok, line: `printer: ${parts.join(", ")}` };
}
