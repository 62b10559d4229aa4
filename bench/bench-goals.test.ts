/** Tests of the goal checks: which scale gets which p95 goal, and the comparison directions. */
import { describe, expect, it } from "vitest";
import { check, p95GoalMs } from "./bench-goals.ts";

describe("bench goals", () => {
  it.each([
    { scale: 0.2, expected: 100 },
    { scale: 1, expected: 100 },
    { scale: 2, expected: 500 },
    { scale: 5, expected: 500 },
  ])("p95 goal at scale $scale is $expected ms", ({ scale, expected }) => {
    expect(p95GoalMs(scale)).toBe(expected);
  });

  it.each([
    { value: 20, limit: 20, direction: "atMost" as const, expected: "met" },
    { value: 20.1, limit: 20, direction: "atMost" as const, expected: "missed" },
    { value: 100, limit: 100, direction: "below" as const, expected: "missed" },
    { value: 99.9, limit: 100, direction: "below" as const, expected: "met" },
    { value: 100, limit: 100, direction: "atLeast" as const, expected: "met" },
    { value: 99, limit: 100, direction: "atLeast" as const, expected: "missed" },
    { value: Number.NaN, limit: 100, direction: "atLeast" as const, expected: "missed" },
  ])("$value $direction $limit is $expected", ({ value, limit, direction, expected }) => {
    expect(check(value, limit, direction)).toBe(expected);
  });
});
