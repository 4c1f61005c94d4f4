import type { Queryable } from "../db/index.ts";
import startRun from "../../sql/runs/start_run.sql" with { type: "text" };
import finishRun from "../../sql/runs/finish_run.sql" with { type: "text" };

/** A row in `runs` for `shipdesk status`: when, which mode, what happened. */
export async function recordRun<T extends { exitCode: number; line: string }>(
  db: Queryable,
  command: string,
  mode: "interactive" | "auto" | "demo",
  work: () => Promise<T>,
): Promise<T> {
  const [row] = await db.query<{ run_id: number }>(startRun, [command, mode]);
  const result = await work();
  await db.query(finishRun, [row!.run_id, result.exitCode, JSON.stringify({ line: result.line })]);
  return result;
}
