import type { App } from "../app/app.ts";
import { stopNow } from "../app/interrupt.ts";
import type { Logger } from "../app/log.ts";
import { startWorking, type Working } from "./working.ts";

export const STOP_NOW = "Ctrl-C again: stopping now; the next shipdesk run picks up where this one stopped, buying nothing twice.";

export interface DeskStep extends Working {
  /** Aborted at the first Ctrl-C: the step finishes what it started and begins nothing new. */
  signal: AbortSignal;
  stopped(): boolean;
}

/**
 * One step of the desk under a spinner (sync, prices, labels, tracking): the first Ctrl-C lets
 * the step finish cleanly and the desk then stops (exit 3); the second stops at once, the
 * database closed (the embedded folder's lock released), exit 3.
 */
export function deskStep(app: App, log: Logger, text: string, stopText: string): DeskStep {
  const stop = new AbortController();
  const work: Working = startWorking(text, {
    stopText,
    onStop: () => {
      log.warn(stopText);
      stop.abort();
    },
    onForce: () => {
      work.done(STOP_NOW, "stopped");
      void stopNow(() => app.close(), STOP_NOW, log);
    },
  });
  return { ...work, signal: stop.signal, stopped: () => stop.signal.aborted };
}
