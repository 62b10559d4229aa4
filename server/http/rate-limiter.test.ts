/** The per-key token bucket, on a fake clock. */
import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter.ts";

describe("RateLimiter", () => {
  it("allows `limit` requests per window per key, then says how long to wait, and refills over time", () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(limiter.take("b").allowed).toBe(true);
    now = 19_000;
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 20_000;
    expect(limiter.take("a")).toEqual({ allowed: true, remaining: 0 });
    now = 1_000_000;
    expect(limiter.take("a")).toEqual({ allowed: true, remaining: 2 });
  });
});
