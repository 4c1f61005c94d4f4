import { startPrintServer, type BuyAgain } from "../../server/index.ts";
import { refetchLabel } from "../../shipping/index.ts";
import type { App } from "../app.ts";
import { shippingLine } from "../describe.ts";
import type { Logger } from "../log.ts";
import { recordRun } from "../run-record.ts";
import { buyAgain } from "./buy-again.ts";
import { parcelsDeps } from "./parcels.ts";
import { saveProof } from "../../parcels/index.ts";
import { shippingExitCode } from "./ship.ts";
import { printPicked } from "../../printing/index.ts";
import { logPrintResult, printingDeps } from "./auto-print.ts";

export const DEFAULT_PORT = 8420;

/** Needs attention's "buy again", recorded in `runs` as a ship run, its lines in the log. */
function buyAgainFrom(app: App, log: Logger): BuyAgain {
  return async ({ refused, voided, service }) => {
    const result = await recordRun(app.db, "ship", "interactive", async () => {
      const { summary, refusals } = await buyAgain(app, log, { refused, voided }, { service });
      const exitCode = refusals.length > 0 ? Math.max(shippingExitCode(summary), 1) : shippingExitCode(summary);
      return { exitCode: exitCode as ReturnType<typeof shippingExitCode>, line: `print page, buy again: ${shippingLine(summary)}`, refusals };
    });
    return { refusals: result.refusals.map((r) => r.message) };
  };
}

/** The print page, until the clerk presses Ctrl-C (or the returned stop is called). */
export function startPrintPage(app: App, port: number | undefined, log: Logger) {
  return startPrintServer(
    {
      db: app.db,
      labelsDir: app.settings.labelsDir,
      mode: app.settings.mode,
      refetchLabel: (id) => refetchLabel(app.shippingDeps(), id),
      buyAgain: buyAgainFrom(app, log),
      dpi: app.settings.printer.dpi,
      printer: app.printer
        ? {
            described: app.printer.target.described,
            send: async (ids) => {
              const results = await printPicked(printingDeps(app, log), ids);
              for (const r of results) logPrintResult(log, r);
              return results;
            },
          }
        : undefined,
      saveProof: (orderId) => saveProof(parcelsDeps(app, log), orderId),
    },
    { port: port ?? DEFAULT_PORT },
  );
}
