/** risk_trend on hand-computed PD series: change, slope, the rising flag at exactly the threshold, filters, errors. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../engines/engine.ts";
import { createScoringEngine, customer, FIXTURE_AS_OF_DATE } from "./__fixtures__/scoring-database.ts";
import { riskTrendTool } from "./risk-trend.ts";
import { InvalidScoringInputError, ScoringDataError } from "./scoring-errors.ts";

const score = (customerId: string, month: string, pd: number) => ({ customer_id: customerId, month, pd, score: 700, risk_grade: "C" });
let engine: Engine;

beforeAll(async () => {
  engine = await createScoringEngine({
    customers: [
      customer("C000001", { value_tier: "high" }),
      customer("C000002", { value_tier: "medium", home_branch_id: "BR02" }),
      customer("C000003", { value_tier: "low" }),
      customer("C000004"),
    ],
    risk_scores: [
      ...[0.01, 0.012, 0.015, 0.02, 0.04, 0.06].map((pd, index) => score("C000001", `2026-0${index + 1}`, pd)),
      score("C000002", "2026-05", 0.05),
      score("C000002", "2026-06", 0.069),
      score("C000003", "2026-03", 0.1),
      score("C000003", "2026-06", 0.15),
      score("C000004", "2026-05", 0.03),
    ],
  });
});
afterAll(() => engine.close());

const run = (args: Parameters<typeof riskTrendTool.run>[0], scope?: { branchId: string }) => riskTrendTool.run(args, { engine, asOfDate: FIXTURE_AS_OF_DATE, scope });

describe("risk_trend", () => {
  it("computes change, least-squares slope and the rising flag (0.06 - 0.04 counts as exactly 0.02)", async () => {
    const result = await run({});
    expect(result.items.map((item) => item.customer_id)).toEqual(["C000001", "C000002", "C000003"]);
    const [first, second, third] = result.items;
    expect(first).toMatchObject({ pd: 0.06, previous_pd: 0.04, pd_change: 0.02, rising: true, value_tier: "high", risk_grade: "C" });
    expect(first.slope_per_month).toBeCloseTo(0.1695 / 17.5, 9);
    expect(first.series.map((point) => point.month)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    expect(second).toMatchObject({ pd_change: 0.019, rising: false });
    expect(second.slope_per_month).toBeCloseTo(0.019, 9);
    // Missing months: no previous month, slope over months 3 and 6 only.
    expect(third).toMatchObject({ previous_pd: null, pd_change: null, rising: false });
    expect(third.slope_per_month).toBeCloseTo(0.05 / 3, 9);
    expect(third.series.map((point) => point.pd)).toEqual([null, null, 0.1, null, null, 0.15]);
    expect(result.rising_count).toBe(1);
    expect(result.row_count).toBe(3);
    expect(result.months).toEqual(result.items[0].series.map((point) => point.month));
  });

  it.each([
    { name: "only_rising", args: { only_rising: true }, scope: undefined, ids: ["C000001"] },
    { name: "value_tier", args: { value_tier: "medium" as const }, scope: undefined, ids: ["C000002"] },
    { name: "customer_ids", args: { customer_ids: ["C000003", "C000004"] }, scope: undefined, ids: ["C000003"] },
    { name: "branch scope", args: {}, scope: { branchId: "BR02" }, ids: ["C000002"] },
    { name: "limit", args: { limit: 2 }, scope: undefined, ids: ["C000001", "C000002"] },
    { name: "an earlier month", args: { month: "2026-05" }, scope: undefined, ids: ["C000001", "C000002", "C000004"] },
  ])("filters: $name", async ({ args, scope, ids }) => {
    const result = await run(args, scope);
    expect(result.items.map((item) => item.customer_id)).toEqual(ids);
  });

  it("limits the series to the months asked and returns display rows", async () => {
    const result = await run({ months: 2, limit: 1 });
    expect(result.items[0].series).toEqual([
      { month: "2026-05", pd: 0.04 },
      { month: "2026-06", pd: 0.06 },
    ]);
    expect(result.row_count).toBe(3);
    expect(result.columns.map((column) => column.name)).toContain("pd_change");
    expect(result.rows).toEqual([["C000001", "high", 0.06, 0.04, 0.02, 0.02, "C", true, "4% → 6%"]]);
    expect(() => riskTrendTool.output.parse(result)).not.toThrow();
  });

  it("throws typed errors for bad arguments and months outside the data", async () => {
    await expect(run({ months: 1 })).rejects.toBeInstanceOf(InvalidScoringInputError);
    await expect(run({ month: "2026-13" })).rejects.toBeInstanceOf(InvalidScoringInputError);
    await expect(riskTrendTool.run({}, { engine, asOfDate: "2026-02-30" })).rejects.toBeInstanceOf(InvalidScoringInputError);
    await expect(run({ month: "2024-01" })).rejects.toBeInstanceOf(ScoringDataError);
  });
});
