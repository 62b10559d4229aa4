// Metrics added as semantic-layer entries (campaign count, requested and approved amounts, approval hours, credit
// utilization): several zh and en phrasings each plan the metric, with its term, period and grouping.
import { describe, it } from "vitest";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const MAY = ["2026-05-01", "2026-05-31"] as [string, string];
const Q1 = ["2026-01-01", "2026-03-31"] as [string, string];
const JUNE = ["2026-06-01", "2026-06-30"] as [string, string];

const CASES: [string, ExpectedPlan][] = [
  // Number of campaigns, with the active-campaign term.
  ["进行中的营销活动有几个", { metrics: ["campaign_count"], filters: [term("active_campaign")] }],
  ["正在进行的营销活动一共多少个", { metrics: ["campaign_count"], filters: [term("active_campaign")] }],
  ["营销活动数量", { metrics: ["campaign_count"], filters: [] }],
  ["how many campaigns are running", { metrics: ["campaign_count"], filters: [term("active_campaign")] }],
  ["number of active campaigns", { metrics: ["campaign_count"], filters: [term("active_campaign")] }],
  ["campaign count by channel", { metrics: ["campaign_count"], dimensions: ["channel"] }],
  // Total requested amount of applications.
  ["total requested amount of applications last month", { metrics: ["requested_amount_total"], time: MAY }],
  ["上个月申请金额合计", { metrics: ["requested_amount_total"], time: MAY }],
  ["各渠道的申请总金额", { metrics: ["requested_amount_total"], dimensions: ["channel"] }],
  ["requested amount by product", { metrics: ["requested_amount_total"], dimensions: ["product"] }],
  // Total approved amount.
  ["total approved amount last quarter", { metrics: ["approved_amount_total"], time: Q1 }],
  ["上季度批准金额是多少", { metrics: ["approved_amount_total"], time: Q1 }],
  ["微信渠道的审批通过金额", { metrics: ["approved_amount_total"], filters: [values("channel", "wechat")] }],
  ["amount approved by channel", { metrics: ["approved_amount_total"], dimensions: ["channel"] }],
  // Average approval time in hours.
  ["审批平均要多少小时,上个月的", { metrics: ["average_approval_hours"], time: MAY }],
  ["上个月审批用时平均多少", { metrics: ["average_approval_hours"], time: MAY }],
  ["各渠道审批要多少小时", { metrics: ["average_approval_hours"], dimensions: ["channel"] }],
  ["average approval hours last month", { metrics: ["average_approval_hours"], time: MAY }],
  // Average credit utilization, a month-based measure of customers.
  ["avg credit utilization of borrowers this month", { metrics: ["average_credit_utilization"], filters: [term("borrower")], time: JUNE }],
  ["借款客户的平均额度使用率", { metrics: ["average_credit_utilization"], filters: [term("borrower")] }],
  ["各城市额度使用率", { metrics: ["average_credit_utilization"], dimensions: ["city"] }],
  ["average credit utilization of high-value customers", { metrics: ["average_credit_utilization"], filters: [term("high_value")] }],
];

describe("metrics added as semantic-layer entries", () => {
  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
});
