/** Tests of the percentile math used by every benchmark figure. */
import { describe, expect, it } from "vitest";
import { median, percentile, summarize } from "./percentiles.ts";

describe("percentile", () => {
  const hundred = Array.from({ length: 100 }, (_, index) => 100 - index); // 100..1, unsorted on purpose
  it.each([
    { fraction: 0, expected: 1 },
    { fraction: 0.5, expected: 50 },
    { fraction: 0.95, expected: 95 },
    { fraction: 0.99, expected: 99 },
    { fraction: 1, expected: 100 },
  ])("nearest rank $fraction of 1..100 is $expected", ({ fraction, expected }) => {
    expect(percentile(hundred, fraction)).toBe(expected);
  });

  it.each([
    { samples: [7], fraction: 0.95, expected: 7 },
    { samples: [3, 1, 2], fraction: 0.5, expected: 2 },
    { samples: [10, 20, 30, 40], fraction: 0.5, expected: 20 },
    { samples: [10, 20, 30, 40], fraction: 0.95, expected: 40 },
  ])("$samples at $fraction is $expected", ({ samples, fraction, expected }) => {
    expect(percentile(samples, fraction)).toBe(expected);
  });

  it("is NaN without samples and refuses fractions outside 0..1", () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(() => percentile([1], 95)).toThrow(RangeError);
  });

  it("does not reorder the caller's array", () => {
    const samples = [3, 1, 2];
    percentile(samples, 0.5);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe("median and summarize", () => {
  it.each([
    { samples: [5, 1, 3], expected: 3 },
    { samples: [4, 1, 3, 2], expected: 2.5 },
    { samples: [], expected: Number.NaN },
  ])("median of $samples is $expected", ({ samples, expected }) => {
    expect(median(samples)).toEqual(expected);
  });

  it("summarizes count, percentiles, max and mean", () => {
    const samples = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(summarize(samples)).toEqual({ count: 20, p50: 10, p95: 19, p99: 20, max: 20, mean: 10.5 });
    expect(summarize([]).count).toBe(0);
    expect(summarize([]).p95).toBeNaN();
  });
});
