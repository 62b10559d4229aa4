// Every plan the compiler makes from the semantic layer (metrics by dimension, term, grain, comparison; entity lists) passes the guard on both dialects.
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../agent/compiler/compile-plan.ts";
import type { QueryPlanInput } from "../../agent/plan/query-plan.ts";
import { semanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import { SCALE_ONE_ROW_COUNTS } from "./__fixtures__/statement-catalogue.ts";
import { defaultGuardPolicy, guardSql } from "./index.ts";

const AS_OF_DATE = "2026-06-30";
const YEAR = { start: "2025-07-01", end: "2026-06-30" };

/** A sweep of plans over the semantic layer: every metric, and each dimension and term with a share of the metrics (to stay fast). */
function samplePlans(): QueryPlanInput[] {
  const layer = semanticLayer();
  const plans: QueryPlanInput[] = [];
  const SHARES = 3;
  for (const [metricIndex, metric] of layer.metrics.entries()) {
    const inShare = (index: number): boolean => index % SHARES === metricIndex % SHARES;
    plans.push({ query: { kind: "aggregate", metrics: [metric.id] } });
    for (const [index, dimension] of layer.dimensions.entries()) {
      if (dimension.id !== "time" && inShare(index)) plans.push({ query: { kind: "aggregate", metrics: [metric.id], dimensions: [{ id: dimension.id }] } });
    }
    for (const grain of ["day", "month", "quarter", "year"] as const) {
      plans.push({ query: { kind: "aggregate", metrics: [metric.id], dimensions: [{ id: "time", grain }], time: YEAR } });
    }
    for (const [index, term] of layer.terms.entries()) {
      if (inShare(index)) plans.push({ query: { kind: "aggregate", metrics: [metric.id], filters: [{ kind: "term", term: term.id }] } });
    }
    plans.push({ query: { kind: "aggregate", metrics: [metric.id], time: { start: "2026-06-01", end: "2026-06-30" }, compareTo: { start: "2026-05-01", end: "2026-05-31" } } });
  }
  for (const entity of layer.entities) {
    plans.push({ query: { kind: "list", entity: entity.id } });
    for (const term of layer.terms) plans.push({ query: { kind: "list", entity: entity.id, filters: [{ kind: "term", term: term.id }] } });
  }
  return plans;
}

describe.each(["sqlite", "postgres"] as const)("compiled plans through the guard on %s", (dialect) => {
  it("accepts every statement the compiler makes, with its placeholders", () => {
    const policy = defaultGuardPolicy(dialect, { tableRowCounts: SCALE_ONE_ROW_COUNTS });
    const refused: string[] = [];
    let compiled = 0;
    for (const plan of samplePlans()) {
      let query: ReturnType<typeof compilePlan>;
      try {
        query = compilePlan(plan, { dialect, asOfDate: AS_OF_DATE });
      } catch {
        continue; // Plans the compiler itself refuses (a term that does not apply to a metric) are not the guard's concern.
      }
      compiled += 1;
      try {
        const guarded = guardSql(query.sql, policy);
        if (guarded.parameterCount !== query.params.length) refused.push(`${guarded.parameterCount} placeholders, ${query.params.length} params: ${query.sql}`);
      } catch (error) {
        refused.push(`${(error as Error).message}: ${query.sql}`);
      }
    }
    expect(compiled).toBeGreaterThan(200);
    expect(refused).toEqual([]);
  });
});

describe("negated filter groups", () => {
  it.each(["sqlite", "postgres"] as const)("accepts NOT (…) on %s, where the parser reads it as a function", (dialect) => {
    const sql = "SELECT COUNT(*) AS loans FROM loans WHERE NOT (loans.status = 'active' AND loans.current_dpd > 0)";
    expect(() => guardSql(sql, defaultGuardPolicy(dialect))).not.toThrow();
  });
});
