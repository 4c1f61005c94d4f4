import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PrintJob, PrintOutcome } from "./outcome.ts";
import type { Where } from "./network.ts";
import { checkPrinterName, type Spooler } from "./spooler.ts";

/**
 * A PDF label to a named Windows printer at its true size: pdf-to-printer, which drives the
 * SumatraPDF it ships (`-print-to NAME -print-settings noscale -silent`). Sumatra is carried
 * inside shipdesk and copied once into the data folder (a program cannot be started from inside
 * another). The name is checked with the spooler first, so a wrong one gets its own sentence.
 */
export async function printPdfOnWindows(spooler: Spooler, name: string, job: PrintJob, where: Where, dataDir: string): Promise<PrintOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const wrong = checkPrinterName(spooler, name, where);
  if (wrong) return wrong;
  try {
    const { default: sumatra } = await import("pdf-to-printer/dist/SumatraPDF-3.4.6-32.exe", { with: { type: "file" } });
    const { print } = await import("pdf-to-printer");
    await print(job.path, { printer: name, scale: "noscale", silent: true, sumatraPdfPath: runnableCopy(sumatra, dataDir) });
    return { kind: "accepted", answered: `Windows printer "${name}" (PDF at true size, through SumatraPDF)`, ms: ms() };
  } catch (error) {
    const said = error instanceof Error ? error.message : String(error);
    return {
      kind: "not-sent",
      sentence: `Windows could not print the PDF label on "${name}" (${said.slice(0, 200)}); check the printer in Settings > Printers & scanners. The label is not printed.`,
      detail: said,
      cause: "unreachable",
      ms: ms(),
    };
  }
}

/** The PDF printer as a file Windows can start: itself from source, a copy in the data folder from the .exe. */
function runnableCopy(embedded: string, dataDir: string): string {
  if (!embedded.includes("$bunfs") && !embedded.startsWith("B:\\~BUN")) return embedded;
  const target = join(dataDir, "tools", "SumatraPDF-3.4.6-32.exe");
  const size = Bun.file(embedded).size;
  if (!existsSync(target) || statSync(target).size !== size) {
    mkdirSync(join(dataDir, "tools"), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, readFileSync(embedded));
    renameSync(temp, target);
  }
  return target;
}
