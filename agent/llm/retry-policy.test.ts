/** Tests of the retry rules: which statuses retry, Retry-After parsing, backoff growth. */
import { describe, expect, it } from "vitest";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, retryAfterMs } from "./retry-policy.ts";

describe("retry policy", () => {
  it.each([
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [404, false],
  ])("status %i retryable: %s", (status, retryable) => {
    expect(isRetryableStatus(status)).toBe(retryable);
  });

  it.each([
    [{ "retry-after": "3" }, 3000],
    [{ "retry-after": "0.5" }, 500],
    [{ "retry-after-ms": "250" }, 250],
    [{ "retry-after": "Thu, 01 Jan 2026 00:00:10 GMT" }, 10_000],
    [{ "retry-after": "soon" }, undefined],
    [{}, undefined],
  ])("reads Retry-After %o", (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), Date.parse("2026-01-01T00:00:00Z"))).toBe(expected);
  });

  it("doubles the backoff and respects the Retry-After ceiling", () => {
    const half = () => 0.5;
    expect([1, 2, 3].map((attempt) => backoffDelayMs(DEFAULT_RETRY_POLICY, attempt, undefined, half))).toEqual([500, 1000, 2000]);
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 1, 4000)).toBe(4000);
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 1, 60_000)).toBeUndefined();
  });
});
