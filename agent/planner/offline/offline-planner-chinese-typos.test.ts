// One mistyped middle character in a metric or term name of 3+ Chinese characters is corrected, only when the
// character is foreign to the data model's names and the rest of the question is understood.
import { describe, expect, it } from "vitest";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const CORRECTED: [string, ExpectedPlan][] = [
  ["逾其率现在多少", { metrics: ["overdue_rate"] }],
  ["上海的逾其率", { metrics: ["overdue_rate"], filters: [values("city", "Shanghai")] }],
  ["逾其率和不良率", { metrics: ["overdue_rate", "npl_ratio"] }],
  ["各城市的逾其率", { metrics: ["overdue_rate"], dimensions: ["city"] }],
  ["贷歀余额", { metrics: ["outstanding_balance"] }],
  ["按产品看贷歀余额", { metrics: ["outstanding_balance"], dimensions: ["product"] }],
  ["高价直客户有多少", { metrics: ["customer_count"], filters: [term("high_value")] }],
  ["低价直客户有几个", { metrics: ["customer_count"], filters: [term("low_value")] }],
  ["本月的放歀金额", { metrics: ["disbursement_amount"], time: ["2026-06-01", "2026-06-30"] }],
];

// A different word, a mistyped first or last character, or anything else not understood: declined, never guessed.
const DECLINED: string[] = [
  "逾期额是多少",
  "不良律",
  "各分行的放款金颔",
  "转贷率是多少",
  "客诉数有多少",
  "流入率",
  "应收金额",
  "通知率",
  "流矢率",
  "遇期率",
  "逾其率和天平率",
  "上海的逾其率和歀项",
];

describe("offline planner: Chinese names with one mistyped character", () => {
  it.each(CORRECTED)("%s", (question, expected) => {
    const outcome = expectPlan(plan(question), expected, question);
    expect(outcome).toBeDefined();
  });
  it.each(DECLINED)("declines %s", (question) => {
    expect(plan(question).status, question).not.toBe("plan");
  });
});
