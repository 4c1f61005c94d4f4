/**
 * A clock the tests move by hand: days pass in a moment. A wait (the throttle limiter's, a
 * retry's back-off) moves it on by that much and returns at once.
 */
export class SimClock {
  constructor(private t: number) {}

  readonly ms = (): number => this.t;
  readonly date = (): Date => new Date(this.t);
  readonly sleep = async (ms: number): Promise<void> => {
    this.t += Math.max(0, ms);
  };

  /** Moves on to `at`, never back. */
  to(at: Date): void {
    this.t = Math.max(this.t, at.getTime());
  }
}

/** The most calls inside any window of `windowMs`, by their times (ms). */
export function busiestWindow(times: readonly number[], windowMs = 60_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
