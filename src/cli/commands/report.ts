import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Database } from "../../db/index.ts";
import { localDay } from "../../common/calendar.ts";
import { labelsCsv, labelsOfDay } from "../../report/index.ts";
import type { Args } from "../args.ts";
import { EXIT, type ExitCode } from "../../app/exit-codes.ts";
import type { Logger } from "../../app/log.ts";

/** `shipdesk report`: one day's labels and prices as CSV, on the screen or in a file for Excel. */
export async function reportCommand(db: Database, args: Args, print: (text: string) => void, log: Logger): Promise<ExitCode> {
  const day = args.date ?? localDay(new Date());
  const rows = await labelsOfDay(db, day);
  const csv = labelsCsv(rows);
  if (!args.out) {
    print(csv.trimEnd());
    return EXIT.ok;
  }
  const path = resolve(args.out);
  try {
    // A byte-order mark, so that Excel reads Montréal as Montréal.
    writeFileSync(path, `\ufeff${csv}`);
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    log.error(`Could not write ${path} (${code}); choose a folder you can write to, e.g. --out labels-${day}.csv in your Documents.`);
    return EXIT.usage;
  }
  log.info(`${rows.length} label(s) of ${day} written to ${path}`);
  return EXIT.ok;
}
