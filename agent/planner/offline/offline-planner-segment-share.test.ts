// A segment's share of the whole (低价值客户占比, young customers as a share of all customers): the term or value is the
// share's segment (shareOf), not a filter of all rows; planned, compiled and run against hand-written SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "sql.js";
import { compilePlan } from "../../compiler/compile-plan.ts";
import { runSqlite } from "../../compiler/__fixtures__/result-comparison.ts";
import { openTestDataset } from "../../compiler/__fixtures__/test-dataset.ts";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const THIS_YEAR = ["2026-01-01", "2026-06-30"] as [string, string];

/** Question, plan parts, shareOf, and hand-written SQL of the share on the generated dataset (as of 2026-06-30). */
const CASES: [string, ExpectedPlan, unknown, string][] = [
  ["低价值客户占比多少", { metrics: ["customer_count"], filters: [] }, term("low_value"), "SELECT 1.0 * SUM(value_tier = 'low') / COUNT(*) FROM customers"],
  ["低价值客户在全部客户中占多少比例", { metrics: ["customer_count"], filters: [] }, term("low_value"), "SELECT 1.0 * SUM(value_tier = 'low') / COUNT(*) FROM customers"],
  ["高价值客户的占比", { metrics: ["customer_count"], filters: [] }, term("high_value"), "SELECT 1.0 * SUM(value_tier = 'high') / COUNT(*) FROM customers"],
  ["what proportion of customers are high value", { metrics: ["customer_count"] }, term("high_value"), "SELECT 1.0 * SUM(value_tier = 'high') / COUNT(*) FROM customers"],
  ["young customers as a share of all customers", { metrics: ["customer_count"] }, term("young"), "SELECT 1.0 * SUM(birth_date > '1996-06-30') / COUNT(*) FROM customers"],
  ["年轻客户占比", { metrics: ["customer_count"] }, term("young"), "SELECT 1.0 * SUM(birth_date > '1996-06-30') / COUNT(*) FROM customers"],
  ["what percentage of customers are young", { metrics: ["customer_count"] }, term("young"), "SELECT 1.0 * SUM(birth_date > '1996-06-30') / COUNT(*) FROM customers"],
  [
    "高价值客户的贷款余额占比",
    { metrics: ["outstanding_balance"] },
    term("high_value"),
    "SELECT SUM(CASE WHEN c.value_tier = 'high' THEN l.outstanding_balance ELSE 0 END) / SUM(l.outstanding_balance) FROM loans l JOIN customers c ON c.customer_id = l.customer_id WHERE l.status = 'active'",
  ],
  [
    "share of mortgage in outstanding balance",
    { metrics: ["outstanding_balance"] },
    values("product_category", "mortgage"),
    "SELECT SUM(CASE WHEN p.category = 'mortgage' THEN l.outstanding_balance ELSE 0 END) / SUM(l.outstanding_balance) FROM loans l JOIN products p ON p.product_id = l.product_id WHERE l.status = 'active'",
  ],
  [
    "逾期贷款的余额占比",
    { metrics: ["outstanding_balance"] },
    term("overdue"),
    "SELECT SUM(CASE WHEN current_dpd > 0 THEN outstanding_balance ELSE 0 END) / SUM(outstanding_balance) FROM loans WHERE status = 'active'",
  ],
  [
    "share of applications that were rejected",
    { metrics: ["application_count"] },
    values("decision", "rejected"),
    "SELECT 1.0 * SUM(decision = 'rejected') / COUNT(*) FROM applications",
  ],
  [
    "今年新客户中微信渠道的占比",
    { metrics: ["customer_count"], filters: [term("new_customer")], time: THIS_YEAR },
    values("channel", "wechat"),
    "SELECT 1.0 * SUM(acquisition_channel = 'wechat') / COUNT(*) FROM customers WHERE onboard_date BETWEEN '2026-01-01' AND '2026-06-30'",
  ],
];

let database: Database;
beforeAll(async () => {
  database = (await openTestDataset()).database;
});
afterAll(() => database?.close());

describe("a segment's share of the whole", () => {
  it.each(CASES)("%s", (question, expected, segment, reference) => {
    const planned = expectPlan(plan(question), expected, question);
    const query = planned.query;
    expect(query.kind === "aggregate" ? query.shareOf : undefined, question).toEqual(segment);
    const compiled = compilePlan(planned, { dialect: "sqlite", asOfDate: "2026-06-30" });
    const shareColumn = compiled.columns.findIndex((column) => column.name.endsWith("_share"));
    const [row] = runSqlite(database, compiled.sql, compiled.params);
    const [[wanted]] = runSqlite(database, reference);
    expect(row[shareColumn] as number).toBeCloseTo(wanted as number, 9);
  });

  it.each(["逾期贷款占比", "what percentage of loans are overdue", "上海的房贷占比", "逾期率占比", "本月低价值客户占比环比", "young customers' share by month"])(
    "declines a share whose part or whole is unclear: %s",
    (question) => {
      expect(plan(question).status).not.toBe("plan");
    },
  );

  it("does not carry a segment into a follow-up", () => {
    const first = plan("低价值客户占比多少");
    if (first.status !== "plan") throw new Error("not planned");
    const followUp = plan("那高价值客户呢", "2026-06-30", [{ question: "低价值客户占比多少", language: "zh", plan: first.plan, status: "answered" }]);
    if (followUp.status === "plan") expect(followUp.plan.query.kind === "aggregate" && followUp.plan.query.shareOf).not.toEqual(term("low_value"));
  });
});
