/**
 * Period comparisons (change ratio, groups of the earlier period only, one row per period), bucket-over-bucket
 * trends and shares of the total, against hand-written SQL on the generated dataset; every statement passes the
 * SQL guard on both dialects; typed refusals; column labels.
 */
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DialectName } from "../../schema/ddl.ts";
import { defaultGuardPolicy, guardSql } from "../../tools/sql-guard/index.ts";
import type { QueryPlanInput } from "../plan/query-plan.ts";
import { addDays, addMonths } from "./calendar.ts";
import { CompileError } from "./compile-error.ts";
import { compilePlan } from "./compile-plan.ts";
import { COMPARISON_PLANS } from "./__fixtures__/comparison-plans.ts";
import type { ComparisonPlanName } from "./__fixtures__/comparison-plans.ts";
import { churnRateReference } from "./__fixtures__/metric-references.ts";
import { firstDifference, runSqlite } from "./__fixtures__/result-comparison.ts";
import { openTestDataset } from "./__fixtures__/test-dataset.ts";

let database: Database;
let asOfDate: string;
beforeAll(async () => {
  ({ database, asOfDate } = await openTestDataset());
});
afterAll(() => database?.close());

/** Compiles for SQLite and runs; returns the column names and rows. */
function run(name: ComparisonPlanName): { columns: string[]; rows: unknown[][] } {
  const compiled = compilePlan(COMPARISON_PLANS[name], { dialect: "sqlite", asOfDate });
  const [result] = database.exec(compiled.sql, compiled.params as never[]);
  expect(result?.columns ?? compiled.columns.map((column) => column.name)).toEqual(compiled.columns.map((column) => column.name));
  return { columns: compiled.columns.map((column) => column.name), rows: result ? result.values : [] };
}

const ratio = (current: number | null, previous: number | null) => (current === null || previous === null || previous === 0 ? null : (current - previous) / previous);
/** A metric's four comparison values: current, previous, change, change ratio. */
const changeValues = (current: number | null, previous: number | null) => [current, previous, current === null || previous === null ? null : current - previous, ratio(current, previous)];

/**
 * Expected bucket-change rows from per-bucket values: `[bucket, ...groupKeys, ...values]` rows over the extended
 * range; each displayed bucket (>= `from`) takes the values of `previousOf(bucket)` for the same group, else NULL.
 */
function bucketChanges(rows: unknown[][], groupWidth: number, previousOf: (bucket: string) => string, from: string): unknown[][] {
  const keyOf = (bucket: string, row: unknown[]) => JSON.stringify([bucket, ...row.slice(1, 1 + groupWidth)]);
  const byKey = new Map(rows.map((row) => [keyOf(String(row[0]), row), row]));
  return rows
    .filter((row) => String(row[0]) >= from)
    .map((row) => {
      const before = byKey.get(keyOf(previousOf(String(row[0])), row));
      const values = row.slice(1 + groupWidth) as (number | null)[];
      return [...row.slice(0, 1 + groupWidth), ...values.flatMap((value, index) => changeValues(value, before ? (before[1 + groupWidth + index] as number | null) : null))];
    });
}

const previousQuarter = (label: string) => {
  const [year, quarter] = [Number(label.slice(0, 4)), Number(label.slice(6))];
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
};

describe("every statement passes the SQL guard on both dialects", () => {
  it.each(Object.keys(COMPARISON_PLANS) as ComparisonPlanName[])("%s", (name) => {
    for (const dialect of ["sqlite", "postgres"] as DialectName[]) {
      const compiled = compilePlan(COMPARISON_PLANS[name], { dialect, asOfDate: "2026-06-30" });
      const guarded = guardSql(compiled.sql, defaultGuardPolicy(dialect));
      expect(guarded.parameterCount).toBe(compiled.params.length);
    }
  });
});

describe("compareTo against hand-written SQL", () => {
  it("adds the change ratio and keeps groups found only in the earlier period (current NULL)", () => {
    const { rows } = run("weekOverWeekByProduct");
    const expected = runSqlite(
      database,
      `WITH c AS (SELECT loans.product_id AS k, products.product_name AS name, COUNT(*) AS n, SUM(loans.principal) AS a FROM loans JOIN products ON products.product_id = loans.product_id
         WHERE loans.disbursed_date BETWEEN '2026-06-24' AND '2026-06-30' GROUP BY 1, 2),
       p AS (SELECT loans.product_id AS k, products.product_name AS name, COUNT(*) AS n, SUM(loans.principal) AS a FROM loans JOIN products ON products.product_id = loans.product_id
         WHERE loans.disbursed_date BETWEEN '2026-06-17' AND '2026-06-23' GROUP BY 1, 2),
       keys AS (SELECT k, name FROM c UNION SELECT k, name FROM p)
       SELECT keys.k, keys.name, c.n, p.n, c.n - p.n, (c.n - p.n) * 1.0 / NULLIF(p.n, 0), c.a, p.a, c.a - p.a, (c.a - p.a) * 1.0 / NULLIF(p.a, 0)
       FROM keys LEFT JOIN c ON c.k = keys.k LEFT JOIN p ON p.k = keys.k ORDER BY keys.k`,
    );
    expect(firstDifference(rows, expected)).toBeUndefined();
    expect(rows.some((row) => row[2] === null && row[3] !== null)).toBe(true);
  });

  it("several parts: each metric's change over the union of every part's groups, HAVING on the current value", () => {
    const { rows } = run("halfYearsByCityTwoParts");
    const loans = (start: string, end: string) =>
      `SELECT branches.city AS k, COUNT(*) AS n FROM loans JOIN branches ON branches.branch_id = loans.branch_id WHERE loans.disbursed_date BETWEEN '${start}' AND '${end}' GROUP BY 1`;
    const customers = (start: string, end: string) => `SELECT city AS k, COUNT(*) AS n FROM customers WHERE onboard_date BETWEEN '${start}' AND '${end}' GROUP BY 1`;
    const expected = runSqlite(
      database,
      `WITH lc AS (${loans("2026-01-01", "2026-06-30")}), lp AS (${loans("2025-07-01", "2025-12-31")}),
       cc AS (${customers("2026-01-01", "2026-06-30")}), cp AS (${customers("2025-07-01", "2025-12-31")}),
       keys AS (SELECT k FROM lc UNION SELECT k FROM lp UNION SELECT k FROM cc UNION SELECT k FROM cp)
       SELECT keys.k, lc.n, lp.n, lc.n - lp.n, (lc.n - lp.n) * 1.0 / NULLIF(lp.n, 0), cc.n, cp.n, cc.n - cp.n, (cc.n - cp.n) * 1.0 / NULLIF(cp.n, 0)
       FROM keys LEFT JOIN lc ON lc.k = keys.k LEFT JOIN lp ON lp.k = keys.k LEFT JOIN cc ON cc.k = keys.k LEFT JOIN cp ON cp.k = keys.k
       WHERE lc.n > 5 ORDER BY keys.k`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(firstDifference(rows, expected)).toBeUndefined();
  });

  it("rows: one row per period labelled by the period's own name (今年和去年同期)", () => {
    const { columns, rows } = run("thisYearVsLastYearRows");
    expect(columns).toEqual(["period_label", "loan_count"]);
    const expected = runSqlite(
      database,
      "SELECT '2025', COUNT(*) FROM loans WHERE disbursed_date BETWEEN '2025-01-01' AND '2025-06-30' UNION ALL SELECT '2026', COUNT(*) FROM loans WHERE disbursed_date BETWEEN '2026-01-01' AND '2026-06-30'",
    );
    expect(rows).toEqual(expected);
  });

  it("rows by a dimension: each group's periods side by side, earlier period first", () => {
    const { columns, rows } = run("monthVsMonthByRegionRows");
    expect(columns).toEqual(["period_label", "region", "loan_count", "disbursement_amount"]);
    const month = (label: string) =>
      `SELECT '${label}' AS p, branches.region AS r, COUNT(*), SUM(loans.principal) FROM loans JOIN branches ON branches.branch_id = loans.branch_id WHERE substr(loans.disbursed_date, 1, 7) = '${label}' GROUP BY 2`;
    const expected = runSqlite(database, `${month("2026-06")} UNION ALL ${month("2026-05")} ORDER BY r, p`);
    expect(firstDifference(rows, expected)).toBeUndefined();
  });
});

describe("bucketChange against hand-written SQL", () => {
  it("month over month: the first month's previous value is the month before the range", () => {
    const { rows } = run("disbursementMonthOverMonth");
    const months = runSqlite(database, "SELECT substr(disbursed_date, 1, 7), SUM(principal) FROM loans WHERE disbursed_date BETWEEN '2025-12-01' AND '2026-06-30' GROUP BY 1 ORDER BY 1");
    expect(rows.map((row) => row[0])).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    expect(rows[0][2]).toBe(months[0][1]);
    expect(firstDifference(rows, bucketChanges(months, 0, (month) => addMonths(month, -1), "2026-01"))).toBeUndefined();
  });

  it("per branch: a month after a month without loans has no previous value (not an older month's)", () => {
    const { rows } = run("loansMonthOverMonthByBranch");
    const months = runSqlite(
      database,
      "SELECT substr(loans.disbursed_date, 1, 7), loans.branch_id, branches.branch_name, COUNT(*) FROM loans JOIN branches ON branches.branch_id = loans.branch_id WHERE loans.disbursed_date BETWEEN '2025-12-01' AND '2026-06-30' GROUP BY 1, 2, 3 ORDER BY 1, 2",
    );
    const expected = bucketChanges(months, 2, (month) => addMonths(month, -1), "2026-01");
    expect(firstDifference(rows, expected)).toBeUndefined();
    // A gap: the branch lent in an earlier month, but not in the month just before.
    const gap = rows.find((row) => row[4] === null && months.some((month) => month[1] === row[1] && String(month[0]) < addMonths(String(row[0]), -1)));
    expect(gap).toBeDefined();
  });

  it("a range starting mid-month: the first month from the 15th, its previous month whole", () => {
    const { rows } = run("midMonthStart");
    const months = runSqlite(
      database,
      "SELECT substr(disbursed_date, 1, 7), COUNT(*) FROM loans WHERE disbursed_date BETWEEN '2025-12-01' AND '2025-12-31' OR disbursed_date BETWEEN '2026-01-15' AND '2026-06-30' GROUP BY 1 ORDER BY 1",
    );
    expect(firstDifference(rows, bucketChanges(months, 0, (month) => addMonths(month, -1), "2026-01"))).toBeUndefined();
  });

  it("day over day on timestamps: the first day's previous value is the day before", () => {
    const { rows } = run("applicationsDayOverDay");
    const days = runSqlite(database, "SELECT substr(applied_at, 1, 10), COUNT(*) FROM applications WHERE substr(applied_at, 1, 10) BETWEEN '2026-05-31' AND '2026-06-30' GROUP BY 1 ORDER BY 1");
    expect(firstDifference(rows, bucketChanges(days, 0, (day) => addDays(day, -1), "2026-06-01"))).toBeUndefined();
    expect(rows[0][0]).toBe("2026-06-01");
  });

  it("a period metric and a loan metric, quarter over quarter", () => {
    const { rows } = run("churnAndLoansQuarterOverQuarter");
    const quarters: [string, string, string][] = [
      ["2025-Q2", "2025-04-01", "2025-06-30"],
      ["2025-Q3", "2025-07-01", "2025-09-30"],
      ["2025-Q4", "2025-10-01", "2025-12-31"],
      ["2026-Q1", "2026-01-01", "2026-03-31"],
      ["2026-Q2", "2026-04-01", "2026-06-30"],
    ];
    const values = quarters.map(([label, start, end]) => [
      label,
      runSqlite(database, churnRateReference(start, end))[0][0],
      runSqlite(database, `SELECT COUNT(*) FROM loans WHERE disbursed_date BETWEEN '${start}' AND '${end}'`)[0][0],
    ]);
    expect(firstDifference(rows, bucketChanges(values, 0, previousQuarter, "2025-Q3"))).toBeUndefined();
  });

  it("year over year: the first year's previous is the whole year before", () => {
    const { rows } = run("applicationsYearOverYear");
    const years = runSqlite(
      database,
      "SELECT substr(applied_at, 1, 4), COUNT(*), SUM(decision = 'approved') * 1.0 / NULLIF(SUM(decision IN ('approved', 'rejected')), 0) FROM applications WHERE substr(applied_at, 1, 10) BETWEEN '2024-01-01' AND '2026-06-30' GROUP BY 1 ORDER BY 1",
    );
    expect(rows.map((row) => row[0])).toEqual(["2025", "2026"]);
    expect(firstDifference(rows, bucketChanges(years, 0, (year) => String(Number(year) - 1), "2025"))).toBeUndefined();
  });
});

describe("share against hand-written SQL", () => {
  it("each category's share of the total, for sums and counts", () => {
    const { columns, rows } = run("disbursementShareByCategory");
    expect(columns).toEqual(["product_category", "disbursement_amount", "disbursement_amount_share", "loan_count", "loan_count_share"]);
    const range = "loans.disbursed_date BETWEEN '2026-01-01' AND '2026-06-30'";
    const expected = runSqlite(
      database,
      `SELECT products.category, SUM(loans.principal), SUM(loans.principal) * 1.0 / (SELECT SUM(principal) FROM loans WHERE ${range}), COUNT(*), COUNT(*) * 1.0 / (SELECT COUNT(*) FROM loans WHERE ${range})
       FROM loans JOIN products ON products.product_id = loans.product_id WHERE ${range} GROUP BY 1 ORDER BY 1`,
    );
    expect(firstDifference(rows, expected)).toBeUndefined();
    expect(rows.reduce((total, row) => total + Number(row[2]), 0)).toBeCloseTo(1, 9);
  });

  it("shares of all groups' total, though HAVING and LIMIT keep fewer groups", () => {
    const { rows } = run("balanceShareTopBranches");
    const expected = runSqlite(
      database,
      `SELECT loans.branch_id, branches.branch_name, SUM(loans.outstanding_balance) AS balance, SUM(loans.outstanding_balance) * 1.0 / (SELECT SUM(outstanding_balance) FROM loans WHERE status = 'active')
       FROM loans JOIN branches ON branches.branch_id = loans.branch_id WHERE loans.status = 'active' GROUP BY 1, 2 HAVING balance > 1000000 ORDER BY balance DESC, 1 LIMIT 5`,
    );
    expect(rows).toHaveLength(5);
    expect(firstDifference(rows, expected)).toBeUndefined();
    expect(rows.reduce((total, row) => total + Number(row[3]), 0)).toBeLessThan(0.9);
  });

  it("by month and region: shares within each month", () => {
    const { rows } = run("loanShareByRegionPerMonth");
    const expected = runSqlite(
      database,
      `WITH g AS (SELECT substr(loans.disbursed_date, 1, 7) AS m, branches.region AS r, COUNT(*) AS n FROM loans JOIN branches ON branches.branch_id = loans.branch_id
         WHERE loans.disbursed_date BETWEEN '2026-01-01' AND '2026-06-30' GROUP BY 1, 2)
       SELECT m, r, n, n * 1.0 / (SELECT SUM(t.n) FROM g AS t WHERE t.m = g.m) FROM g ORDER BY 1, 2`,
    );
    expect(firstDifference(rows, expected)).toBeUndefined();
  });
});

describe("columns", () => {
  const columnsOf = (plan: QueryPlanInput, language: "zh" | "en" = "zh") => compilePlan(plan, { dialect: "sqlite", asOfDate: "2026-06-30", language }).columns;

  it("bucketChange: previous month, change and 环比 change ratio (rate) per metric", () => {
    const columns = columnsOf(COMPARISON_PLANS.disbursementMonthOverMonth);
    expect(columns.map(({ name, role, format }) => [name, role, format])).toEqual([
      ["time_month", "dimension", undefined],
      ["disbursement_amount", "metric", "money"],
      ["disbursement_amount_previous", "previous", "money"],
      ["disbursement_amount_change", "change", "money"],
      ["disbursement_amount_change_ratio", "change", "rate"],
    ]);
    expect(columns[2].label).toEqual({ zh: "上月放款金额", en: "disbursement (previous month)" });
    expect(columns[4]).toMatchObject({ transform: "change_ratio", label: { zh: "放款金额环比变化率", en: "disbursement change %" } });
  });

  it.each([
    ["year buckets", COMPARISON_PLANS.applicationsYearOverYear, "申请笔数同比变化率"],
    ["the same period a year earlier", { query: { kind: "aggregate", metrics: ["application_count"], time: { start: "2026-06-01", end: "2026-06-30" }, compareTo: { start: "2025-06-01", end: "2025-06-30" } } }, "申请笔数同比变化率"],
    ["the period just before", { query: { kind: "aggregate", metrics: ["application_count"], time: { start: "2026-06-01", end: "2026-06-30" }, compareTo: { start: "2026-05-01", end: "2026-05-31" } } }, "申请笔数环比变化率"],
    ["another earlier period", { query: { kind: "aggregate", metrics: ["application_count"], time: { start: "2026-06-01", end: "2026-06-30" }, compareTo: { start: "2026-03-01", end: "2026-03-31" } } }, "申请笔数变化率"],
  ] as [string, QueryPlanInput, string][])("change ratio named for %s", (_, plan, label) => {
    const column = columnsOf(plan).find((candidate) => candidate.name === "application_count_change_ratio");
    expect(column?.label.zh).toBe(label);
  });

  it("rows: a period column, no previous or change columns; share: <metric>_share in rate", () => {
    expect(columnsOf(COMPARISON_PLANS.monthVsMonthByRegionRows, "en").map(({ name, role }) => `${name}:${role}`)).toEqual([
      "period_label:dimension",
      "region:dimension",
      "loan_count:metric",
      "disbursement_amount:metric",
    ]);
    expect(columnsOf(COMPARISON_PLANS.disbursementShareByCategory)[2]).toMatchObject({ name: "disbursement_amount_share", role: "metric", format: "rate", transform: "share", label: { zh: "放款金额占比" } });
  });
});

describe("refusals", () => {
  const aggregate = (query: Record<string, unknown>) => ({ query: { kind: "aggregate", ...query } }) as QueryPlanInput;
  const HALF_YEAR = { start: "2026-01-01", end: "2026-06-30" };
  it.each([
    ["a share of a ratio metric", aggregate({ metrics: ["overdue_rate"], dimensions: [{ id: "branch" }], share: true }), "unsupported", /additive/],
    ["a share of an average (money format)", aggregate({ metrics: ["average_loan_amount"], dimensions: [{ id: "branch" }], share: true }), "unsupported", /average_loan_amount/],
    ["a share with compareTo", aggregate({ metrics: ["loan_count"], dimensions: [{ id: "branch" }], time: HALF_YEAR, compareTo: { start: "2025-07-01", end: "2025-12-31" }, share: true }), "unsupported", /share/],
    ["bucketChange without a time dimension", aggregate({ metrics: ["loan_count"], dimensions: [{ id: "branch" }], time: HALF_YEAR, bucketChange: true }), "invalid_plan", /time dimension/],
    ["bucketChange with compareTo", aggregate({ metrics: ["loan_count"], dimensions: [{ id: "time" }], time: HALF_YEAR, compareTo: { start: "2025-07-01", end: "2025-12-31" }, bucketChange: true }), "unsupported", /bucketChange/],
    ["rows without compareTo", aggregate({ metrics: ["loan_count"], time: HALF_YEAR, compareLayout: "rows" }), "invalid_plan", /compareTo/],
  ] as [string, QueryPlanInput, string, RegExp][])("%s", (_, plan, reason, message) => {
    let error: unknown;
    try {
      compilePlan(plan, { dialect: "sqlite", asOfDate: "2026-06-30" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CompileError);
    expect((error as CompileError).reason).toBe(reason);
    expect((error as CompileError).messages.en).toMatch(message);
  });
});

describe("limits", () => {
  it("a period metric with bucketChange may show 36 months (37 computed), not 37", () => {
    const plan = (start: string) =>
      ({ query: { kind: "aggregate", metrics: ["churn_rate"], dimensions: [{ id: "time", grain: "month" }], time: { start, end: "2026-06-30" }, bucketChange: true } }) as QueryPlanInput;
    const compiled = compilePlan(plan("2023-07-01"), { dialect: "sqlite", asOfDate: "2026-06-30" });
    expect(compiled.params[0]).toBe("2023-06");
    expect(() => compilePlan(plan("2023-06-01"), { dialect: "sqlite", asOfDate: "2026-06-30" })).toThrow(/at most 36/);
  });
});
