/**
 * At most `limit` calls in any rolling window of `windowMs` (Canada Post counts Create Shipment
 * and label downloads this way). Callers await `acquire()` before each call; it resolves as soon
 * as the call fits. Slots are handed out in order, so concurrent workers cannot starve each other.
 */
export class RateLimiter {
  private readonly stamps: number[] = [];
  private queue: Promise<void> = Promise.resolve();

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
    this.queue = this.queue.then(() => this.sleep(ms));
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.stamps.length > 0 && now - this.stamps[0]! >= this.windowMs) this.stamps.shift();
      if (this.stamps.length < this.limit) {
        this.stamps.push(now);
        return;
      }
      await this.sleep(this.windowMs - (now - this.stamps[0]!) + 1);
    }
  }
}
