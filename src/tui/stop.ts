import { isCancel } from "@clack/prompts";

/** The clerk pressed Ctrl-C or Esc at a prompt (or the window closed): a value, never thrown. */
export const STOP = Symbol("stop");
export type Stop = typeof STOP;

export const orStop = <T>(answer: T): Exclude<T, symbol> | Stop => (isCancel(answer) ? STOP : (answer as Exclude<T, symbol>));

export const NOTHING_BOUGHT = "Stopped: nothing was bought.";
