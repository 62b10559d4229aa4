// Dates of a schedule (installments due, maturities, campaign ends, a loan's next due date) take periods after the
// as-of date: "未来3天要还款的贷款", "which campaigns end in the next 30 days"; planned, compiled and run against
// hand-written SQL on the generated dataset (as of 2026-06-30).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "sql.js";
import { openTestDataset } from "../../compiler/__fixtures__/test-dataset.ts";
import { compare, plan, term } from "./__fixtures__/planner-fixture.ts";
import { expectPlannedRows } from "./__fixtures__/planned-rows.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const NEXT = (days: number) => ["2026-07-01", `2026-07-${String(days).padStart(2, "0")}`] as [string, string];
const loansDueWithin = (days: number) =>
  `SELECT DISTINCT loan_id FROM repayments WHERE due_date > '2026-06-30' AND due_date <= date('2026-06-30', '+${days} days')`;

/** Question, plan parts, the key column to compare (lists) or null (one number), hand-written SQL. */
const CASES: [string, ExpectedPlan, string | null, string][] = [
  ["列一下未来3天要还款的贷款", { kind: "list", entity: "loans", time: NEXT(3), dateAttribute: "next_due_date" }, "loan_id", loansDueWithin(3)],
  ["未来7天要还款的贷款有哪些", { kind: "list", entity: "loans", time: NEXT(7), dateAttribute: "next_due_date" }, "loan_id", loansDueWithin(7)],
  ["list loans with a payment due in the next 10 days", { kind: "list", entity: "loans", time: NEXT(10), dateAttribute: "next_due_date" }, "loan_id", loansDueWithin(10)],
  ["how many loans have a payment due in the next 7 days", { kind: "aggregate", metrics: ["loan_count"], time: NEXT(7), dateAttribute: "next_due_date" }, null, `SELECT COUNT(*) FROM (${loansDueWithin(7)})`],
  ["列出未来5天待还款的逾期贷款", { kind: "list", entity: "loans", filters: [term("overdue")], time: NEXT(5), dateAttribute: "next_due_date" }, "loan_id", `${loansDueWithin(5)} AND loan_id IN (SELECT loan_id FROM loans WHERE status = 'active' AND current_dpd > 0)`],
  ["which campaigns end in the next 30 days", { kind: "list", entity: "campaigns", time: NEXT(30), dateAttribute: "end_date" }, "campaign_id", "SELECT campaign_id FROM campaigns WHERE end_date > '2026-06-30' AND end_date <= '2026-07-30'"],
  ["未来30天结束的营销活动", { kind: "list", entity: "campaigns", time: NEXT(30), dateAttribute: "end_date" }, "campaign_id", "SELECT campaign_id FROM campaigns WHERE end_date > '2026-06-30' AND end_date <= '2026-07-30'"],
  ["下个月结束的活动有几个", { kind: "aggregate", metrics: ["campaign_count"], time: ["2026-07-01", "2026-07-31"], dateAttribute: "end_date" }, null, "SELECT COUNT(*) FROM campaigns WHERE end_date BETWEEN '2026-07-01' AND '2026-07-31'"],
  [
    "active loans maturing in the next 30 days",
    { kind: "list", entity: "loans", filters: [term("active_loan")], time: NEXT(30), dateAttribute: "maturity_date" },
    "loan_id",
    "SELECT loan_id FROM loans WHERE status = 'active' AND maturity_date > '2026-06-30' AND maturity_date <= '2026-07-30'",
  ],
  ["本月到期的贷款有多少笔", { kind: "aggregate", metrics: ["loan_count"], time: ["2026-06-01", "2026-06-30"], dateAttribute: "maturity_date" }, null, "SELECT COUNT(*) FROM loans WHERE maturity_date BETWEEN '2026-06-01' AND '2026-06-30'"],
  ["未来十天到期的还款", { kind: "aggregate", metrics: ["installment_count"], time: NEXT(10) }, null, "SELECT COUNT(*) FROM repayments WHERE due_date BETWEEN '2026-07-01' AND '2026-07-10'"],
  [
    "列出余额超过50万、未来7天要还款的贷款",
    { kind: "list", entity: "loans", filters: [compare("outstanding_balance", "gt", 500000)], time: NEXT(7), dateAttribute: "next_due_date" },
    "loan_id",
    `${loansDueWithin(7)} AND loan_id IN (SELECT loan_id FROM loans WHERE outstanding_balance > 500000)`,
  ],
];

let database: Database;
beforeAll(async () => {
  database = (await openTestDataset()).database;
});
afterAll(() => database?.close());

describe("periods after the as-of date on the dates of a schedule", () => {
  it.each(CASES)("%s", (question, expected, key, reference) => {
    expectPlannedRows(database, question, expected, key, reference);
  });

  it.each(["上个月要还款的贷款", "列出下个月放款的贷款", "customers onboarded next week"])("declines rows that cannot be in that period: %s", (question) => {
    expect(plan(question).status).not.toBe("plan");
  });
});
