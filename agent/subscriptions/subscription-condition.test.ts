// Conditions on a run's answer: row counts, metric thresholds (with reductions over rows) and changes since the last run.
import { describe, expect, it } from "vitest";
import { evaluateCondition } from "./subscription-condition.ts";
import type { SubscriptionCondition } from "./subscription-condition.ts";

const answer = {
  columns: [
    { name: "branch", type: "text" as const, label: "支行" },
    { name: "overdue_rate", type: "number" as const, label: "逾期率", format: "rate" as const },
  ],
  rows: [
    ["BR01", 0.042],
    ["BR02", 0.021],
  ],
  row_count: 2,
};

describe("evaluateCondition", () => {
  it.each<[string, SubscriptionCondition | null, number | null, boolean, number | null]>([
    ["no condition", null, null, true, 2],
    ["rows > 0", { kind: "row_count", op: "gt", value: 0 }, null, true, 2],
    ["rows > 5", { kind: "row_count", op: "gt", value: 5 }, null, false, 2],
    ["any branch above 3% (max)", { kind: "metric", metric: "overdue_rate", op: "gt", value: 0.03 }, null, true, 0.042],
    ["every branch below 3% (min is below, so lt holds)", { kind: "metric", metric: "overdue_rate", op: "lt", value: 0.03 }, null, true, 0.021],
    ["first row at least 5%", { kind: "metric", metric: "overdue_rate", op: "gte", value: 0.05, of: "first" }, null, false, 0.042],
    ["missing metric", { kind: "metric", metric: "approval_rate", op: "gt", value: 0 }, null, false, null],
    ["change without a last run", { kind: "change", metric: "overdue_rate", at_least: 0.005, direction: "any" }, null, false, 0.042],
    ["change up by 0.01", { kind: "change", metric: "overdue_rate", at_least: 0.005, direction: "up" }, 0.032, true, 0.042],
    ["change too small", { kind: "change", metric: "overdue_rate", at_least: 0.02, direction: "any" }, 0.032, false, 0.042],
    ["change in the wrong direction", { kind: "change", metric: "overdue_rate", at_least: 0.005, direction: "down" }, 0.032, false, 0.042],
    ["row count change", { kind: "change", at_least: 2, direction: "any" }, 4, true, 2],
  ])("%s", (_name, condition, previous, met, value) => {
    const result = evaluateCondition(condition, answer, previous);
    expect(result.met).toBe(met);
    expect(result.value).toBe(value);
    expect(result.reason.zh.length).toBeGreaterThan(0);
    expect(result.reason.en.length).toBeGreaterThan(0);
  });
});
