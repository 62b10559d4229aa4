// "amount" said of rows that have no such column reads as their one money total when that total is an amount.
import { describe, expect, it } from "vitest";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const DUE = ["due_amount"];
const SOON = [term("due_soon")];

const READ: [string, ExpectedPlan][] = [
  ["due soon installments - total amount?", { metrics: DUE, filters: SOON }],
  ["due soon installments total amount", { metrics: DUE, filters: SOON }],
  ["total amount of due soon installments", { metrics: DUE, filters: SOON }],
  ["what's the total amount of installments due soon", { metrics: DUE, filters: SOON }],
  ["total amount of installments due this month", { metrics: DUE, time: ["2026-06-01", "2026-06-30"] }],
  ["due soon installments amount by product", { metrics: DUE, dimensions: ["product"], filters: SOON }],
  ["installments amount by branch this month", { metrics: DUE, dimensions: ["branch"], time: ["2026-06-01", "2026-06-30"] }],
  ["total amount of installments due next month", { metrics: DUE }],
  ["Shanghai due soon installments total amount", { metrics: DUE, filters: [...SOON, values("city", "Shanghai")] }],
  ["即将到期的还款金额", { metrics: DUE, filters: SOON }],
  ["即将到期还款的总金额", { metrics: DUE, filters: SOON }],
  ["本月到期还款的金额", { metrics: DUE, time: ["2026-06-01", "2026-06-30"] }],
  ["各产品即将到期的还款金额", { metrics: DUE, dimensions: ["product"], filters: SOON }],
];

// Where the rows' one money total is not an amount, or the rows have several, "amount" is not guessed.
const NOT_GUESSED: string[] = [
  "total amount of campaigns",
  "campaigns total amount this year",
  "total amount of overdue loans",
  "applications total amount this month",
  "total amount of customers",
  "逾期贷款的金额",
];

describe("offline planner: a generic amount word", () => {
  it.each(READ)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(NOT_GUESSED)("does not guess %s", (question) => {
    const outcome = plan(question);
    if (outcome.status === "plan" && outcome.plan.query.kind === "aggregate") expect(outcome.plan.query.metrics, question).not.toContain("campaign_budget");
    if (outcome.status === "plan" && outcome.plan.query.kind === "aggregate") expect(outcome.plan.query.metrics, question).not.toEqual(["disbursement_amount"]);
  });
});
