/** Period labels, how two compared periods relate (环比/同比), and the bucket before a range. */
import { describe, expect, it } from "vitest";
import { comparisonKind, comparisonLabels, periodLabel, previousBucket } from "./period-labels.ts";

describe("periodLabel", () => {
  it.each([
    ["2026-06-01", "2026-06-30", "2026-06"],
    ["2026-06-01", "2026-06-15", "2026-06"],
    ["2026-04-01", "2026-06-30", "2026-Q2"],
    ["2026-01-01", "2026-03-31", "2026-Q1"],
    ["2026-01-01", "2026-06-30", "2026"],
    ["2025-01-01", "2025-12-31", "2025"],
    ["2026-01-15", "2026-06-30", "2026-01-15~2026-06-30"],
    ["2025-07-01", "2026-06-30", "2025-07-01~2026-06-30"],
  ])("%s..%s is %s", (start, end, label) => {
    expect(periodLabel({ start, end })).toBe(label);
  });

  it("labels that coincide fall back to the ranges", () => {
    expect(comparisonLabels({ start: "2026-06-16", end: "2026-06-30" }, { start: "2026-06-01", end: "2026-06-15" })).toEqual({ current: "2026-06-16~2026-06-30", previous: "2026-06" });
    expect(comparisonLabels({ start: "2026-06-01", end: "2026-06-30" }, { start: "2026-06-01", end: "2026-06-10" })).toEqual({
      current: "2026-06-01~2026-06-30",
      previous: "2026-06-01~2026-06-10",
    });
  });
});

describe("comparisonKind", () => {
  it.each([
    [["2026-06-01", "2026-06-30"], ["2025-06-01", "2025-06-30"], "year_over_year"],
    [["2026-01-01", "2026-06-30"], ["2025-01-01", "2025-12-31"], "year_over_year"],
    [["2026-06-01", "2026-06-30"], ["2026-05-01", "2026-05-31"], "period_over_period"],
    [["2026-04-01", "2026-06-30"], ["2026-01-01", "2026-03-31"], "period_over_period"],
    [["2026-06-01", "2026-06-30"], ["2026-03-01", "2026-03-31"], "other"],
  ] as const)("%j against %j: %s", ([start, end], [previousStart, previousEnd], kind) => {
    expect(comparisonKind({ start, end }, { start: previousStart, end: previousEnd })).toBe(kind);
  });
});

describe("previousBucket", () => {
  it.each([
    ["2026-01-01", "month", "2025-12-01", "2025-12-31"],
    ["2026-03-15", "month", "2026-02-01", "2026-02-28"],
    ["2026-05-10", "quarter", "2026-01-01", "2026-03-31"],
    ["2026-01-01", "quarter", "2025-10-01", "2025-12-31"],
    ["2026-06-30", "year", "2025-01-01", "2025-12-31"],
    ["2026-03-01", "day", "2026-02-28", "2026-02-28"],
  ] as const)("before %s by %s: %s..%s", (date, grain, start, end) => {
    expect(previousBucket(date, grain)).toEqual({ start, end });
  });
});
