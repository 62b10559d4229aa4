/** A token bucket per API key: `limit` requests per window, refilled continuously; 429 with Retry-After when empty. */

/** The outcome of taking one token. */
export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** Per-key token buckets. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The configured requests per window. */
  get capacity(): number {
    return this.limit;
  }

  /** Takes one token from the key's bucket. */
  take(key: string): RateDecision {
    const now = this.now();
    const refillPerMs = this.limit / this.windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit, updated: now };
    bucket.tokens = Math.min(this.limit, bucket.tokens + (now - bucket.updated) * refillPerMs);
    bucket.updated = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
  }

  /** Drops buckets that have refilled (they behave like new ones). */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.tokens + (now - bucket.updated) * (this.limit / this.windowMs) >= this.limit) this.buckets.delete(key);
  }
}
