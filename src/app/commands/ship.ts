import { needsPerson, retryFailedLabels, runShipping, type ShipOptions, type ShippingDeps, type ShippingEvent, type ShippingSummary } from "../../shipping/index.ts";
import type { App } from "../app.ts";
import { logShippingEvent, shippingLine } from "../describe.ts";
import { EXIT } from "../exit-codes.ts";
import type { Logger } from "../log.ts";
import { autoPrinter } from "./auto-print.ts";
import { combine, type CommandResult } from "./result.ts";

export function shippingExitCode(s: ShippingSummary) {
  if (s.keyRefused || s.notReady) return EXIT.usage;
  if (needsPerson(s)) return EXIT.needsPerson;
  if (s.inDoubt.length > 0 || s.notStarted.length > 0) return EXIT.unreachable;
  return EXIT.ok;
}

export async function shipCommand(
  app: App,
  log: Logger,
  retry: readonly string[],
  options: ShipOptions = {},
  onEvent?: (e: ShippingEvent) => void,
): Promise<CommandResult> {
  // With printer.auto_print, each label goes to the printer as soon as it is saved.
  const printer = autoPrinter(app, log);
  const deps = app.shippingDeps({
    onEvent: (e) => {
      logShippingEvent(log, e);
      onEvent?.(e);
      printer.onEvent(e);
    },
  });
  let result: CommandResult;
  try {
    result = await buyLabels(deps, log, retry, options);
  } catch (error) {
    await printer.finish().catch(() => undefined);
    throw error;
  }
  const printed = await printer.finish();
  return printed ? { exitCode: combine([result.exitCode, printed.exitCode]), line: `${result.line}; ${printed.line}` } : result;
}

async function buyLabels(deps: ShippingDeps, log: Logger, retry: readonly string[], options: ShipOptions): Promise<CommandResult> {
  if (retry.length > 0) {
    const { results, summary } = await retryFailedLabels(deps, retry);
    for (const r of results) if (!r.ok) log.warn(r.message, r.orderId);
    const refused = results.some((r) => !r.ok);
    const code = refused ? EXIT.needsPerson : shippingExitCode(summary);
    return { exitCode: code, line: `retry: ${shippingLine(summary)}` };
  }
  const summary = await runShipping(deps, options);
  return { exitCode: shippingExitCode(summary), line: shippingLine(summary) };
}
