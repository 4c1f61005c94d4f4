/** The first pause after a throttle; it doubles while throttles go on. */
export const FIRST_BACKOFF_MS = 2_000;

interface Slot {
  /** When the call counts from; Infinity while it is still in flight. */
  at: number;
}

/**
 * At most `limit` calls in any rolling window of `windowMs` (Canada Post counts Create Shipment
 * and label downloads this way). Slots are handed out in order, so concurrent workers cannot
 * starve each other.
 *
 * A call wrapped in `run` holds its slot from the moment it is sent until `windowMs` after its
 * reply: the server counts the call when it arrives, which is somewhere between the two, so
 * counting from the reply never lets the server see one call too many (counting from the send
 * did: a call sent at 60.0 s could arrive before one sent at 0 s, but received at 0.3 s, had
 * left the server's window — bench/throughput.ts saw "Rejected by SLM Monitor" that way).
 */
export class RateLimiter {
  private readonly slots: Slot[] = [];
  private queue: Promise<void> = Promise.resolve();
  /** No call before this time (set by `pause` and `throttled`). */
  private notBefore = 0;
  /** The back-off after the last throttle; 0 once a call got through. */
  private backoffMs = 0;
  /** When the server last said "slow down"; calls sent before then are part of the same wave. */
  private lastThrottleAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => Bun.sleep(ms),
    /** The first back-off after a throttle; it doubles while throttles continue, up to `windowMs`. */
    readonly firstBackoffMs: number = FIRST_BACKOFF_MS,
  ) {}

  /**
   * The server throttled a call that took `durationMs`: pauses every call of this limiter and
   * returns how long from now. A short pause first, doubling up to the window only while
   * throttles go on: a whole window's pause for one stray rejection held a 30-order run up for
   * minutes. A Retry-After (`askedMs`) is honoured as given. Calls that were already on their
   * way when the first rejection came back are the same wave, not a reason to double again.
   */
  throttled(durationMs: number, askedMs?: number): number {
    const now = this.now();
    const sentAt = now - durationMs;
    if (sentAt >= this.lastThrottleAt || askedMs !== undefined) {
      if (sentAt >= this.lastThrottleAt) this.backoffMs = this.backoffMs === 0 ? this.firstBackoffMs : Math.min(this.backoffMs * 2, this.windowMs);
      this.lastThrottleAt = now;
      this.notBefore = Math.max(this.notBefore, now + (askedMs ?? this.backoffMs));
    }
    return Math.max(0, this.notBefore - now);
  }

  /** How long calls of this limiter are still held back by a throttle (0: not paused). */
  pausedMs(): number {
    return Math.max(0, this.notBefore - this.now());
  }

  /** A call got through: the next throttle starts with the short back-off again. */
  succeeded(): void {
    this.backoffMs = 0;
  }

  /** The back-off a throttle now would start from (0: none under way); for tests and the log. */
  get currentBackoffMs(): number {
    return this.backoffMs;
  }

  /** Runs one call inside the limit. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    const slot = await this.take(Number.POSITIVE_INFINITY);
    try {
      return await call();
    } finally {
      slot.at = this.now();
    }
  }

  /** Takes a slot counted from now, for a call the caller makes itself. */
  async acquire(): Promise<void> {
    await this.take(this.now());
  }

  /** Called when the server throttled us anyway: nobody else goes before `ms` has passed. */
  pause(ms: number): void {
    // One deadline, not a chain of sleeps: when several calls in flight are throttled together,
    // each asks for the same wait, and queueing them one after another stalled the whole run for
    // N times the wait (4 throttled downloads = 4 minutes; found by bench/throughput.ts).
    this.notBefore = Math.max(this.notBefore, this.now() + ms);
  }

  private take(at: number): Promise<Slot> {
    const turn = this.queue.then(() => this.wait(at));
    this.queue = turn.then(
      () => {},
      () => {},
    );
    return turn;
  }

  private async wait(at: number): Promise<Slot> {
    for (;;) {
      const now = this.now();
      if (now < this.notBefore) {
        await this.sleep(this.notBefore - now);
        continue;
      }
      for (let i = this.slots.length - 1; i >= 0; i--) if (now - this.slots[i]!.at >= this.windowMs) this.slots.splice(i, 1);
      if (this.slots.length < this.limit) {
        const slot = { at: Number.isFinite(at) ? now : at };
        this.slots.push(slot);
        return slot;
      }
      const oldest = Math.min(...this.slots.map((s) => s.at));
      // Every slot still in flight: look again shortly, a reply frees one a window later.
      await this.sleep(Number.isFinite(oldest) ? this.windowMs - (now - oldest) + 1 : 20);
    }
  }
}
