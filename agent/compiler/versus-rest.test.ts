/**
 * A segment against everyone else (versusRest): one row for the segment's rows and one for all the others, keyed
 * by `segment`, against hand-written SQL on the generated dataset; refusals for forms it does not combine with.
 */
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QueryPlanInput } from "../plan/query-plan.ts";
import { CompileError } from "./compile-error.ts";
import { compilePlan } from "./compile-plan.ts";
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

const overdueRate = "SUM(CASE WHEN l.current_dpd > 0 THEN l.outstanding_balance ELSE 0 END) * 1.0 / SUM(l.outstanding_balance)";

/** Plans and the hand-written SQL of their [segment name, keys..., metrics...] rows (zh names). */
const CASES: [string, QueryPlanInput["query"], string][] = [
  [
    "young customers' overdue rate against the others",
    { kind: "aggregate", metrics: ["overdue_rate"], versusRest: { kind: "term", term: "young" } },
    `SELECT CASE WHEN c.birth_date > '1996-06-30' THEN '年轻客户' ELSE '其他' END, ${overdueRate} FROM loans l JOIN customers c ON c.customer_id = l.customer_id WHERE l.status = 'active' GROUP BY 1`,
  ],
  [
    "WeChat's approval rate against other channels, last quarter",
    { kind: "aggregate", metrics: ["approval_rate", "application_count"], time: { start: "2026-01-01", end: "2026-03-31" }, versusRest: { kind: "in", dimension: "channel", values: ["wechat"] } },
    "SELECT CASE WHEN channel = 'wechat' THEN '微信' ELSE '其他' END, SUM(decision = 'approved') * 1.0 / SUM(decision IN ('approved', 'rejected')), COUNT(*) FROM applications WHERE substr(applied_at, 1, 10) BETWEEN '2026-01-01' AND '2026-03-31' GROUP BY 1",
  ],
  [
    "high-value customers' balance against the others, by city",
    { kind: "aggregate", metrics: ["outstanding_balance"], dimensions: [{ id: "city" }], versusRest: { kind: "term", term: "high_value" } },
    "SELECT CASE WHEN c.value_tier = 'high' THEN '高价值客户' ELSE '其他' END, b.city, SUM(l.outstanding_balance) FROM loans l JOIN customers c ON c.customer_id = l.customer_id JOIN branches b ON b.branch_id = l.branch_id WHERE l.status = 'active' GROUP BY 1, 2",
  ],
  [
    "churn rate of high-value customers against the others (a period metric)",
    { kind: "aggregate", metrics: ["churn_rate"], time: { start: "2026-01-01", end: "2026-06-30" }, versusRest: { kind: "term", term: "high_value" } },
    "SELECT CASE WHEN value_tier = 'high' THEN '高价值客户' ELSE '其他' END, SUM(CASE WHEN churn_date BETWEEN '2026-01-01' AND '2026-06-30' THEN 1 ELSE 0 END) * 1.0 / SUM(onboard_date < '2026-01-01' AND (churn_date IS NULL OR churn_date >= '2026-01-01')) FROM customers GROUP BY 1",
  ],
];

describe("a segment against everyone else (versusRest)", () => {
  it.each(CASES)("%s matches hand-written SQL", (_, query, reference) => {
    const compiled = compilePlan({ query }, { dialect: "sqlite", asOfDate });
    const names = compiled.columns.map((column) => column.name);
    const wanted = compiled.columns.filter((column) => !column.name.endsWith("_name")).map((column) => column.name);
    const rows = runSqlite(database, compiled.sql, compiled.params).map((row) => wanted.map((name) => row[names.indexOf(name)]));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(firstDifference(sortRows(rows), sortRows(runSqlite(database, reference)), 1e-9)).toBeUndefined();
  });

  it("names the two sides in the answer's language, as bound values", () => {
    const compiled = compilePlan({ query: CASES[0][1] }, { dialect: "postgres", asOfDate, language: "en" });
    expect(compiled.columns[0]).toMatchObject({ name: "segment", role: "dimension", label: { zh: "分组", en: "group" } });
    expect(compiled.params).toEqual(expect.arrayContaining(["young customers", "others"]));
    expect(compiled.sql).not.toContain("young customers");
  });

  it.each<[string, QueryPlanInput["query"]]>([
    ["with compareTo", { kind: "aggregate", metrics: ["loan_count"], time: { start: "2026-06-01", end: "2026-06-30" }, compareTo: { start: "2026-05-01", end: "2026-05-31" }, versusRest: { kind: "term", term: "young" } }],
    ["with a share", { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "city" }], share: true, versusRest: { kind: "term", term: "young" } }],
    ["over two kinds of rows", { kind: "aggregate", metrics: ["loan_count", "overdue_rate"], versusRest: { kind: "term", term: "young" } }],
  ])("refuses a segment against the rest %s", (_, query) => {
    expect(() => compilePlan({ query }, { dialect: "sqlite", asOfDate })).toThrow(CompileError);
  });
});
