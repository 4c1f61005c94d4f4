/**
 * What a printer made of one job. `accepted`: it took every byte (the job is the printer's now).
 * `not-sent`: nothing reached it (a refused connection, no answer, a wrong name): the label is
 * unprinted and may be sent again. `in-doubt`: it may have taken some or all of the job (the
 * connection broke half-way): never sent again without a person.
 */
export type PrintOutcome =
  | { kind: "accepted"; answered: string; ms: number }
  | { kind: "not-sent"; sentence: string; detail: string; cause: "setting" | "unreachable" | "file"; ms: number }
  | { kind: "in-doubt"; sentence: string; detail: string; ms: number };

/** One label (or test label) as it goes to the printer. */
export interface PrintJob {
  /** The order, or "test" for the test label. */
  title: string;
  encoding: "zpl" | "pdf";
  bytes: Uint8Array;
  /** The file on disk (the system's PDF printing and lp print a file). */
  path: string;
}

/** Where the printer is, in words and as the audit row's URL. */
export interface PrinterTarget {
  /** "the Zebra at 192.168.1.50:9100", "the Windows printer \"ZDesigner GK420d\"", "the CUPS queue zebra". */
  described: string;
  url: string;
  method: string;
}
