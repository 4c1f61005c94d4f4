// Printing: labels sent to the warehouse's printer, once, on record (a workflow: it meets the others in the database).
export { printerFrom, type Printer, type PrinterOptions } from "./printer.ts";
export type { PrintJob, PrintOutcome, PrinterTarget } from "./outcome.ts";
export { printOrder, printPicked, printShipment, printWaiting, type PrintCheckpoint, type PrintingDeps, type PrintResult, type WaitingPrinted } from "./print-label.ts";
export { renderZpl, pngSize, LABEL_MM } from "./render.ts";
export { testLabelPdf, testLabelZpl } from "./test-label.ts";
export { hostStatus } from "./network.ts";
export { spoolRaw, checkPrinterName, type Spooler } from "./spooler.ts";
export { markSeenPrinted } from "./store.ts";
