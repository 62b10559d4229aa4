// Acquisition channel as a filter said with a via-word (今年新客户有多少是通过微信来的), grouping by the five-level loan
// classification (五级分类各类别的在贷笔数), thresholds on grouped values (HAVING), bare 余额 asking which balance, and
// a measure compared on the rows that carry it filtering them: planned, and run against hand-written SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "sql.js";
import { compilePlan } from "../../compiler/compile-plan.ts";
import { runSqlite, sortRows } from "../../compiler/__fixtures__/result-comparison.ts";
import { openTestDataset } from "../../compiler/__fixtures__/test-dataset.ts";
import { compare, expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const THIS_YEAR = ["2026-01-01", "2026-06-30"] as [string, string];
const newFrom = (channel: string, start: string) => `SELECT COUNT(*) FROM customers WHERE onboard_date BETWEEN '${start}' AND '2026-06-30' AND acquisition_channel = '${channel}'`;
const activeByClass = "SELECT risk_class, COUNT(*) FROM loans WHERE status = 'active' GROUP BY risk_class";

/** Question, plan parts, hand-written SQL of the plan's key and metric columns (null: plan only). */
const CASES: [string, ExpectedPlan, string | null][] = [
  ["今年新客户有多少是通过微信来的", { metrics: ["customer_count"], filters: [term("new_customer"), values("channel", "wechat")], time: THIS_YEAR }, newFrom("wechat", "2026-01-01")],
  ["今年通过手机银行来的新客户有多少", { metrics: ["customer_count"], filters: [term("new_customer"), values("channel", "mobile_app")], time: THIS_YEAR }, newFrom("mobile_app", "2026-01-01")],
  ["今年新客户里有多少来自微信", { metrics: ["customer_count"], filters: [term("new_customer"), values("channel", "wechat")], time: THIS_YEAR }, newFrom("wechat", "2026-01-01")],
  ["how many new customers came via partners this year", { metrics: ["customer_count"], filters: [term("new_customer"), values("channel", "partner")], time: THIS_YEAR }, newFrom("partner", "2026-01-01")],
  ["how many new customers this year were acquired through wechat", { metrics: ["customer_count"], filters: [term("new_customer"), values("channel", "wechat")], time: THIS_YEAR }, newFrom("wechat", "2026-01-01")],
  ["上个月通过的申请笔数", { metrics: ["application_count"], filters: [values("decision", "approved")], time: ["2026-05-01", "2026-05-31"] }, null],
  ["五级分类各类别的在贷笔数", { metrics: ["loan_count"], dimensions: ["risk_class"], filters: [term("active_loan")] }, activeByClass],
  ["五级分类每个类别有多少笔在贷", { metrics: ["loan_count"], dimensions: ["risk_class"], filters: [term("active_loan")] }, activeByClass],
  ["五级分类各个类别的贷款余额", { metrics: ["outstanding_balance"], dimensions: ["risk_class"] }, "SELECT risk_class, SUM(outstanding_balance) FROM loans WHERE status = 'active' GROUP BY risk_class"],
  [
    "贷款余额超过1000万的支行有哪些",
    { metrics: ["outstanding_balance"], dimensions: ["branch"], having: [{ metric: "outstanding_balance", op: "gt", value: 10000000 }] },
    "SELECT branch_id, SUM(outstanding_balance) FROM loans WHERE status = 'active' GROUP BY branch_id HAVING SUM(outstanding_balance) > 10000000",
  ],
  [
    "which cities have an outstanding balance above 20 million",
    { metrics: ["outstanding_balance"], dimensions: ["city"], having: [{ metric: "outstanding_balance", op: "gt", value: 20000000 }] },
    "SELECT b.city, SUM(l.outstanding_balance) FROM loans l JOIN branches b ON b.branch_id = l.branch_id WHERE l.status = 'active' GROUP BY b.city HAVING SUM(l.outstanding_balance) > 20000000",
  ],
  [
    "申请金额超过50万的申请有多少笔",
    { metrics: ["application_count"], filters: [compare("requested_amount", "gt", 500000)] },
    "SELECT COUNT(*) FROM applications WHERE requested_amount > 500000",
  ],
  [
    "how many applications have a requested amount over 500k",
    { metrics: ["application_count"], filters: [compare("requested_amount", "gt", 500000)] },
    "SELECT COUNT(*) FROM applications WHERE requested_amount > 500000",
  ],
  ["贷款余额超过100万的贷款有多少", { metrics: ["loan_count"], filters: [compare("outstanding_balance", "gt", 1000000)] }, "SELECT COUNT(*) FROM loans WHERE outstanding_balance > 1000000"],
];

let database: Database;
beforeAll(async () => {
  database = (await openTestDataset()).database;
});
afterAll(() => database?.close());

describe("channels, loan classes and thresholds on groups", () => {
  it.each(CASES)("%s", (question, expected, reference) => {
    const planned = expectPlan(plan(question), { kind: "aggregate", ...expected }, question);
    if (!reference) return;
    const compiled = compilePlan(planned, { dialect: "sqlite", asOfDate: "2026-06-30" });
    const names = compiled.columns.filter((column) => !column.name.endsWith("_name")).map((column) => column.name);
    const all = compiled.columns.map((column) => column.name);
    const rows = runSqlite(database, compiled.sql, compiled.params).map((row) => names.map((name) => row[all.indexOf(name)]));
    expect(sortRows(rows)).toEqual(sortRows(runSqlite(database, reference)));
  });

  it.each(["余额超过1000万的支行有哪些", "balance share by city", "各支行余额"])("asks which balance for bare 余额 / balance: %s", (question) => {
    const outcome = plan(question);
    expect(outcome.status).toBe("clarify");
    if (outcome.status === "clarify") expect(outcome.choices.map((choice) => choice.label)).toHaveLength(2);
  });
});
