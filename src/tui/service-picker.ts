import * as p from "@clack/prompts";
import { lateWarning, optionPrice, promised, serviceOptions, type ServiceChoice, type ServiceOption } from "../rates/index.ts";
import type { ReviewRow } from "./batch.ts";
import { fitTable } from "./fit.ts";
import { ask, optionWidth } from "./say.ts";
import { orStop, STOP, type Stop } from "./stop.ts";

/** Each service with its price and expected delivery, LATE when after Best Buy's promise; fitted to the window. */
function optionLabels(options: readonly ServiceOption[]): Map<string, string> {
  const fitted = fitTable(
    [
      { title: "Service", priority: 0, cell: (o: ServiceOption) => o.code },
      { title: "Name", priority: 3, min: 8, cell: (o: ServiceOption) => o.name },
      { title: "Price", priority: 1, cell: (o: ServiceOption) => optionPrice(o) },
      { title: "Late", priority: 0, cell: (o: ServiceOption) => (o.late ? "LATE" : "") },
    ],
    options,
    optionWidth(),
    { header: false },
  );
  return new Map(options.map((o, i) => [o.code, fitted.lines[i]!]));
}

/**
 * The service picker of the review screen: every service a clerk may choose, with the price and
 * expected delivery Canada Post quoted for this order (the quotes already fetched for the review),
 * those after Best Buy's promise marked LATE; a late one is asked about once before it is taken.
 * Returns the code, or undefined when the clerk went back.
 */
export async function pickService(row: ReviewRow, choice: ServiceChoice | undefined, signal: AbortSignal): Promise<string | undefined | Stop> {
  const options = serviceOptions(choice?.quotes ?? [], row.promise, choice?.mailingDay ?? "");
  const labels = optionLabels(options);
  const promise = row.promise.deliverBy || row.promise.shipBy ? `; LATE: after Best Buy's promise, ${promised(row.promise)}` : "";
  const code = orStop(
    await p.select({
      message: ask(`Canada Post service for ${row.orderId}${choice?.quotes.length ? promise : " (no quotes from Canada Post for it yet)"}`),
      options: options.map((o) => ({ value: o.code, label: labels.get(o.code)! })),
      initialValue: row.service,
      signal,
    }),
  );
  if (code === STOP) return STOP;
  const picked = options.find((o) => o.code === code);
  if (!picked?.late) return code;
  const sure = orStop(
    await p.confirm({ message: ask(`${lateWarning(picked, row.promise)} Choose it anyway?`), active: "Yes, ship it late", inactive: "No, go back", initialValue: false, signal }),
  );
  if (sure === STOP) return STOP;
  return sure ? code : undefined;
}
