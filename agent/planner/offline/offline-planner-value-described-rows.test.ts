// Rows described by a value beside a measure (the Guangzhou branches, unsecured products) filter by the value and
// group nothing; a grouping word before them (by Guangzhou branch, 上海各支行) still groups by the rows. Rows said
// before their own dimension (customer value tier) only say whose column it is.
import { describe, it } from "vitest";
import { expectPlan, plan, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const CASES: [string, ExpectedPlan][] = [
  ["outstanding loan balance by customer value tier, unsecured products only", { metrics: ["outstanding_balance"], dimensions: ["value_tier"], filters: [values("secured", "0")] }],
  ["balance of unsecured products by branch", { metrics: ["outstanding_balance"], dimensions: ["branch"], filters: [values("secured", "0")] }],
  ["overdue rate of secured products by city", { metrics: ["overdue_rate"], dimensions: ["city"], filters: [values("secured", "1")] }],
  ["信用类产品的贷款余额按客户价值分", { metrics: ["outstanding_balance"], dimensions: ["value_tier"], filters: [values("secured", "0")] }],
  ["mortgage products' balance by city", { metrics: ["outstanding_balance"], dimensions: ["city"], filters: [values("product_category", "mortgage")] }],
  ["overdue rate by product at the Guangzhou branches", { metrics: ["overdue_rate"], dimensions: ["product"], filters: [values("city", "Guangzhou")] }],
  ["按产品看广州支行的逾期率", { metrics: ["overdue_rate"], dimensions: ["product"], filters: [values("city", "Guangzhou")] }],
  ["深圳支行的各产品不良率", { metrics: ["npl_ratio"], dimensions: ["product"], filters: [values("city", "Shenzhen")] }],
  ["按价值等级看无抵押产品的贷款余额", { metrics: ["outstanding_balance"], dimensions: ["value_tier"], filters: [values("secured", "0")] }],
  ["NPL ratio per product for Shenzhen branches", { metrics: ["npl_ratio"], dimensions: ["product"], filters: [values("city", "Shenzhen")] }],
  // A grouping word before the value groups by the rows themselves.
  ["NPL ratio by Guangzhou branch", { metrics: ["npl_ratio"], dimensions: ["branch"], filters: [values("city", "Guangzhou")] }],
  ["overdue rate for each Shanghai branch", { metrics: ["overdue_rate"], dimensions: ["branch"], filters: [values("city", "Shanghai")] }],
  ["上海各支行的逾期率", { metrics: ["overdue_rate"], dimensions: ["branch"], filters: [values("city", "Shanghai")] }],
  ["杭州各支行按产品的逾期率", { metrics: ["overdue_rate"], dimensions: ["branch", "product"], filters: [values("city", "Hangzhou")] }],
  ["loan count by secured", { metrics: ["loan_count"], dimensions: ["secured"] }],
  // Rows said before their own dimension's name say whose column it is; they are not counted beside the measure.
  ["overdue rate by customer value tier", { metrics: ["overdue_rate"], dimensions: ["value_tier"] }],
  ["各客户价值等级的贷款余额", { metrics: ["outstanding_balance"], dimensions: ["value_tier"] }],
  ["NPS this year by the customer's value tier", { metrics: ["nps"], dimensions: ["value_tier"], time: ["2026-01-01", "2026-06-30"] }],
  ["customer count by customer value tier", { metrics: ["customer_count"], dimensions: ["value_tier"] }],
];

describe("offline planner: rows described by a value", () => {
  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
});
