import type { Logger } from "../app/log.ts";

/**
 * An --auto run's time (run.max_minutes). Once spent, no new label or tracking call is started;
 * those under way finish and the run ends with exit 3, so that Task Scheduler's "stop the task
 * if it runs longer than" never has to kill shipdesk in the middle of buying a label.
 */
export interface TimeBudget {
  signal: AbortSignal;
  dispose(): void;
}

export function timeBudget(minutes: number, log: Logger): TimeBudget {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    log.warn(`this run has used its ${minutes} minute(s) (run.max_minutes): no new label or tracking call is started; those under way finish, the rest is left for the next run`);
    controller.abort(new Error("run.max_minutes reached"));
  }, minutes * 60_000);
  return { signal: controller.signal, dispose: () => clearTimeout(timer) };
}
