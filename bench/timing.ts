/** Small statistics for the bench: medians of repeated runs. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/** Wall time in ms of `argv` run once to the end; it must exit 0. */
export function runMs(argv: string[], options: RunOptions = {}): number {
  const t0 = performance.now();
  const r = Bun.spawnSync(argv, { cwd: options.cwd, env: options.env, stdout: "ignore", stderr: "pipe" });
  const ms = performance.now() - t0;
  if (r.exitCode !== 0) throw new Error(`${argv.join(" ")} exited ${r.exitCode}: ${r.stderr.toString().slice(0, 500)}`);
  return ms;
}

/** Median wall time in ms of `argv` run `runs` times (after one unmeasured warm-up run). */
export function medianRunMs(argv: string[], runs: number, options: RunOptions = {}): number {
  runMs(argv, options); // the page cache and the embedded database's first open are not start-up
  return median(Array.from({ length: runs }, () => runMs(argv, options)));
}
