/**
 * At most `limit` calls in any rolling window of `windowMs` (Canada Post counts Create Shipment
 * and label downloads this way). Callers await `acquire()` before each call; it resolves as soon
 * as the call fits. Slots are handed out in order, so concurrent workers cannot starve each other.
 */
export class RateLimiter {
  private readonly stamps: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  /** No call before this time (set by `pause`). */
  private notBefore = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => Bun.sleep(ms),
  ) {}

  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.take());
    this.queue = turn.catch(() => {});
    return turn;
  }

  /** Called when the server throttled us anyway: nobody else goes before `ms` has passed. */
  pause(ms: number): void {
    // One deadline, not a chain of sleeps: when several calls in flight are throttled together,
    // each asks for the same wait, and queueing them one after another stalled the whole run for
    // N times the wait (4 throttled downloads = 4 minutes; found by bench/throughput.ts).
    this.notBefore = Math.max(this.notBefore, this.now() + ms);
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      if (now < this.notBefore) {
        await this.sleep(this.notBefore - now);
        continue;
      }
      while (this.stamps.length > 0 && now - this.stamps[0]! >= this.windowMs) this.stamps.shift();
      if (this.stamps.length < this.limit) {
        this.stamps.push(now);
        return;
      }
      await this.sleep(this.windowMs - (now - this.stamps[0]!) + 1);
    }
  }
}
