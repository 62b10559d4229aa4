// 各类/各种 group like 各; a grouping word that groups nothing declines instead of answering one total.
import { describe, expect, it } from "vitest";
import { expectPlan, plan } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const GROUPED: [string, ExpectedPlan][] = [
  ["各类催收动作今年做了多少次", { metrics: ["collection_action_count"], dimensions: ["action_type"], time: ["2026-01-01", "2026-06-30"] }],
  ["各类催收动作本月做了多少次", { metrics: ["collection_action_count"], dimensions: ["action_type"], time: ["2026-06-01", "2026-06-30"] }],
  ["各种产品的贷款余额", { metrics: ["outstanding_balance"], dimensions: ["product"] }],
  ["各类产品的放款金额", { metrics: ["disbursement_amount"], dimensions: ["product"] }],
  ["各种渠道的客户数", { metrics: ["customer_count"], dimensions: ["channel"] }],
  ["各类渠道今年的申请笔数", { metrics: ["application_count"], dimensions: ["channel"], time: ["2026-01-01", "2026-06-30"] }],
  ["各分行逾期率", { metrics: ["overdue_rate"], dimensions: ["branch"] }],
  ["按产品看贷款余额", { metrics: ["outstanding_balance"], dimensions: ["product"] }],
  ["overdue rate by city", { metrics: ["overdue_rate"], dimensions: ["city"] }],
  ["loan count per product", { metrics: ["loan_count"], dimensions: ["product"] }],
  ["各城市本月放款金额", { metrics: ["disbursement_amount"], dimensions: ["city"], time: ["2026-06-01", "2026-06-30"] }],
  ["按月看放款金额", { metrics: ["disbursement_amount"], dimensions: ["time:month"] }],
];

// 各/每/by said before something that is not a dimension: the groups are not known, so no single total is given.
const DECLINED: string[] = [
  "各类预警数量",
  "各预警数量",
  "各类预警今年有多少条",
  "各贷款余额",
  "各类贷款的余额",
  "每个客户的平均贷款余额",
  "各逾期率",
  "各放款金额是多少",
];

describe("offline planner: grouping words", () => {
  it.each(GROUPED)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(DECLINED)("declines %s", (question) => {
    expect(plan(question).status, question).not.toBe("plan");
  });
});
