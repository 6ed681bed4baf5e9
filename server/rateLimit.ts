/** A token bucket per socket: bursts up to `capacity`, then `perSecond` on average. */
export class RateLimiter {
  private tokens: number;
  private last: number;
  constructor(
    private capacity: number,
    private perSecond: number,
    private now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
