/**
 * Compiled plans against hand-written SQL that follows DOMAIN.md, for every metric: overall, by a dimension,
 * with a term, by month and by quarter — run on sql.js over a generated dataset.
 */
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { semanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import type { QueryPlanInput } from "../plan/query-plan.ts";
import { bucketsOf, monthRange } from "./calendar.ts";
import { compilePlan } from "./compile-plan.ts";
import { churnRateReference, METRIC_REFERENCES } from "./__fixtures__/metric-references.ts";
import type { MetricReference } from "./__fixtures__/metric-references.ts";
import { firstDifference, runSqlite, sortRows } from "./__fixtures__/result-comparison.ts";
import { openTestDataset } from "./__fixtures__/test-dataset.ts";

let database: Database;
let asOfDate: string;
beforeAll(async () => {
  const dataset = await openTestDataset();
  database = dataset.database;
  asOfDate = dataset.asOfDate;
});
afterAll(() => database?.close());

const RANGE = { start: "2025-07-01", end: "2026-06-30" };

/** Runs a plan compiled for SQLite; returns the rows reduced to the named columns. */
function runPlan(plan: QueryPlanInput, columnNames: string[]): unknown[][] {
  const compiled = compilePlan(plan, { dialect: "sqlite", asOfDate });
  const [result] = database.exec(compiled.sql, compiled.params as never[]);
  if (!result) return [];
  const indexes = columnNames.map((name) => result.columns.indexOf(name));
  expect(indexes).not.toContain(-1);
  return result.values.map((row) => indexes.map((index) => row[index]));
}

function timeCondition(reference: MetricReference, start: string, end: string): string {
  const { column, type } = reference.date;
  if (type === "month") return `${column} >= '${start.slice(0, 7)}' AND ${column} <= '${end.slice(0, 7)}'`;
  if (type === "timestamp") return `substr(${column}, 1, 10) >= '${start}' AND substr(${column}, 1, 10) <= '${end}'`;
  return `${column} >= '${start}' AND ${column} <= '${end}'`;
}

function referenceSql(reference: MetricReference, options: { key?: string; join?: string; conditions?: string[]; asOfMonth?: boolean }): string {
  const conditions = [...(reference.where ? [reference.where] : []), ...(options.conditions ?? [])];
  if (options.asOfMonth && reference.asOfMonthDefault) conditions.push(timeCondition(reference, `${asOfDate.slice(0, 7)}-01`, asOfDate));
  const select = options.key ? `${options.key}, ${reference.value}` : reference.value;
  return (
    `SELECT ${select} FROM ${reference.from} ${options.join ?? ""}` +
    (conditions.length > 0 ? ` WHERE ${conditions.map((condition) => `(${condition})`).join(" AND ")}` : "") +
    (options.key ? " GROUP BY 1" : "")
  );
}

const quarterOf = (column: string) => `substr(${column}, 1, 4) || '-Q' || ((CAST(substr(${column}, 6, 2) AS INTEGER) + 2) / 3)`;

describe.each(METRIC_REFERENCES)("metric $metric matches DOMAIN.md", (reference) => {
  const metric = reference.metric;
  const check = (actual: unknown[][], expectedSql: string) => {
    const expected = runSqlite(database, expectedSql);
    expect(expected.length).toBeGreaterThan(0);
    expect(firstDifference(sortRows(actual), sortRows(expected), 1e-9)).toBeUndefined();
  };

  it("overall", () => {
    check(runPlan({ query: { kind: "aggregate", metrics: [metric] } }, [metric]), referenceSql(reference, { asOfMonth: true }));
  });

  it(`by ${reference.dimension.id}`, () => {
    const actual = runPlan({ query: { kind: "aggregate", metrics: [metric], dimensions: [{ id: reference.dimension.id }] } }, [reference.dimension.id, metric]);
    check(actual, referenceSql(reference, { key: reference.dimension.expression, join: reference.dimension.join, asOfMonth: true }));
  });

  it(`with term ${reference.term.id}`, () => {
    const actual = runPlan({ query: { kind: "aggregate", metrics: [metric], filters: [{ kind: "term", term: reference.term.id }] } }, [metric]);
    check(actual, referenceSql(reference, { join: reference.term.join, conditions: [reference.term.condition], asOfMonth: true }));
  });

  it.each(["month", "quarter"] as const)("by %s over a year", (grain) => {
    const actual = runPlan({ query: { kind: "aggregate", metrics: [metric], dimensions: [{ id: "time", grain }], time: RANGE } }, [`time_${grain}`, metric]);
    const column = reference.date.column;
    const key = grain === "month" ? (reference.date.type === "month" ? column : `substr(${column}, 1, 7)`) : quarterOf(column);
    check(actual, referenceSql(reference, { key, conditions: [timeCondition(reference, RANGE.start, RANGE.end)] }));
  });
});

describe("metric churn_rate matches DOMAIN.md (period in the formula)", () => {
  const asOfMonth = () => monthRange(asOfDate.slice(0, 7));

  it("overall: the as-of month by default", () => {
    const compiled = compilePlan({ query: { kind: "aggregate", metrics: ["churn_rate"] } }, { dialect: "sqlite", asOfDate });
    expect(compiled.period).toEqual(asOfMonth());
    const actual = runSqlite(database, compiled.sql, compiled.params);
    const { start, end } = asOfMonth();
    expect(firstDifference(actual, runSqlite(database, churnRateReference(start, end)), 1e-9)).toBeUndefined();
  });

  it("over a plan's range, by occupation and with a term", () => {
    const range = { start: "2026-01-01", end: "2026-03-31" };
    const byOccupation = runPlan({ query: { kind: "aggregate", metrics: ["churn_rate"], dimensions: [{ id: "occupation" }], time: range } }, ["occupation", "churn_rate"]);
    const expected = semanticLayer()
      .dimension("occupation")
      .values!.map(({ value }) => [value, runSqlite(database, churnRateReference(range.start, range.end, `customers.occupation = '${value}'`))[0][0]])
      .filter(([, rate]) => rate !== undefined);
    expect(firstDifference(sortRows(byOccupation), sortRows(expected), 1e-9)).toBeUndefined();
    const young = runPlan({ query: { kind: "aggregate", metrics: ["churn_rate"], filters: [{ kind: "term", term: "young" }], time: range } }, ["churn_rate"]);
    const youngCutoff = `${Number(asOfDate.slice(0, 4)) - 30}${asOfDate.slice(4)}`;
    expect(firstDifference(young, runSqlite(database, churnRateReference(range.start, range.end, `customers.birth_date > '${youngCutoff}'`)), 1e-9)).toBeUndefined();
  });

  it.each(["month", "quarter", "year"] as const)("by %s: one period per bucket", (grain) => {
    const actual = runPlan({ query: { kind: "aggregate", metrics: ["churn_rate"], dimensions: [{ id: "time", grain }], time: RANGE } }, [`time_${grain}`, "churn_rate"]);
    const expected = bucketsOf(RANGE, grain).map((bucket) => [bucket.label, runSqlite(database, churnRateReference(bucket.range.start, bucket.range.end))[0][0]]);
    expect(firstDifference(actual, expected, 1e-9)).toBeUndefined();
  });
});

describe("several metrics in one plan equal each metric alone", () => {
  type Query = Extract<QueryPlanInput["query"], { kind: "aggregate" }>;
  const rowsByKey = (plan: Query, keys: string[], metric: string) =>
    new Map(runPlan({ query: plan }, [...keys, metric]).map((row) => [JSON.stringify(row.slice(0, keys.length)), row[keys.length]]));

  it.each([
    ["loans, customers and alerts by city", { kind: "aggregate", metrics: ["loan_count", "overdue_rate", "customer_count", "alert_count"], dimensions: [{ id: "city" }] }, ["city"]],
    ["active-loan and all-loan metrics by product with a term", { kind: "aggregate", metrics: ["disbursement_amount", "npl_ratio"], dimensions: [{ id: "product" }], filters: [{ kind: "term", term: "young" }] }, ["product"]],
    ["period and row metrics by month", { kind: "aggregate", metrics: ["churn_rate", "customer_count", "average_pd"], dimensions: [{ id: "time", grain: "month" }], time: RANGE }, ["time_month"]],
    ["without dimensions", { kind: "aggregate", metrics: ["loan_count", "outstanding_balance", "approval_rate", "total_aum"] }, []],
  ] as [string, Query, string[]][])("%s", (_, plan, keys) => {
    const combined = runPlan({ query: plan }, [...keys, ...plan.metrics]);
    expect(combined.length).toBeGreaterThan(0);
    for (const [index, metric] of plan.metrics.entries()) {
      const alone = rowsByKey({ ...plan, metrics: [metric] }, keys, metric);
      for (const row of combined) {
        const key = JSON.stringify(row.slice(0, keys.length));
        expect(row[keys.length + index] ?? null).toBe(alone.get(key) ?? null);
      }
      // Every group of the metric alone appears in the combined result.
      for (const key of alone.keys()) expect(combined.some((row) => JSON.stringify(row.slice(0, keys.length)) === key)).toBe(true);
    }
  });

  it("compareTo: previous equals the earlier range alone and change is the difference", () => {
    const current = { start: "2026-01-01", end: "2026-06-30" };
    const previous = { start: "2025-07-01", end: "2025-12-31" };
    const metrics = ["loan_count", "outstanding_balance", "customer_count"];
    const compared = runPlan({ query: { kind: "aggregate", metrics, dimensions: [{ id: "city" }], time: current, compareTo: previous } }, [
      "city",
      ...metrics.flatMap((metric) => [metric, `${metric}_previous`, `${metric}_change`]),
    ]);
    expect(compared.length).toBeGreaterThan(0);
    for (const [index, metric] of metrics.entries()) {
      const now = rowsByKey({ kind: "aggregate", metrics: [metric], dimensions: [{ id: "city" }], time: current }, ["city"], metric);
      const before = rowsByKey({ kind: "aggregate", metrics: [metric], dimensions: [{ id: "city" }], time: previous }, ["city"], metric);
      for (const row of compared) {
        const key = JSON.stringify([row[0]]);
        const [value, previousValue, change] = row.slice(1 + index * 3, 4 + index * 3) as (number | null)[];
        expect(value).toBe(now.get(key) ?? null);
        expect(previousValue).toBe(before.get(key) ?? null);
        if (value !== null && previousValue !== null) expect(change).toBeCloseTo(value - previousValue, 6);
      }
    }
  });
});
