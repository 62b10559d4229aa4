// Groupings by dimensions named in several ways: a loan's term, the customer's acquisition channel (whatever rows are
// measured), a column word of several entities (status, 状态) resolved by the measured rows, the category said with
// 类 (消费类贷款), severity said as 严重度, the average requested amount, and a distributive 各有 after the groups.
import { describe, expect, it } from "vitest";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const THIS_YEAR: [string, string] = ["2026-01-01", "2026-06-30"];
const LAST_YEAR: [string, string] = ["2025-01-01", "2025-12-31"];

const CASES: [string, ExpectedPlan][] = [
  // a loan's term in months
  ["number of loans by term length, for loans disbursed last year", { metrics: ["loan_count"], dimensions: ["loan_term"], time: LAST_YEAR }],
  ["loan count by term", { metrics: ["loan_count"], dimensions: ["loan_term"] }],
  ["disbursement per loan tenor this year", { metrics: ["disbursement_amount"], dimensions: ["loan_term"], time: THIS_YEAR }],
  ["按贷款期限统计在贷笔数", { metrics: ["loan_count"], dimensions: ["loan_term"], filters: [term("active_loan")] }],
  ["各期限的贷款余额", { metrics: ["outstanding_balance"], dimensions: ["loan_term"] }],
  ["按期限看平均贷款金额", { metrics: ["average_loan_amount"], dimensions: ["loan_term"] }],
  ["去年放款金额按期限分布", { metrics: ["disbursement_amount"], dimensions: ["loan_term"], time: LAST_YEAR }],
  // the customer's acquisition channel, not the measured rows' own channel
  ["this year's NPS broken out by the customer's acquisition channel", { metrics: ["nps"], dimensions: ["acquisition_channel"], time: THIS_YEAR }],
  ["按获客渠道看今年的NPS", { metrics: ["nps"], dimensions: ["acquisition_channel"], time: THIS_YEAR }],
  ["approval rate by acquisition channel", { metrics: ["approval_rate"], dimensions: ["acquisition_channel"] }],
  ["按获客渠道统计流失客户数", { metrics: ["customer_count"], dimensions: ["acquisition_channel"], filters: [term("churned")] }],
  ["按客户的获客渠道看审批通过率", { metrics: ["approval_rate"], dimensions: ["acquisition_channel"] }],
  ["average PD by the customer's acquisition channel", { metrics: ["average_pd"], dimensions: ["acquisition_channel"] }],
  ["NPS by survey channel", { metrics: ["nps"], dimensions: ["channel"] }],
  ["各渠道的满意度NPS", { metrics: ["nps"], dimensions: ["channel"] }],
  ["各渠道的申请笔数", { metrics: ["application_count"], dimensions: ["channel"] }],
  // a column word of several entities, grouped: the measured rows' own
  ["alerts created this year, split by severity and status", { metrics: ["alert_count"], dimensions: ["severity", "alert_status"], time: THIS_YEAR }],
  ["按严重程度和状态统计今年的预警", { metrics: ["alert_count"], dimensions: ["severity", "alert_status"], time: THIS_YEAR }],
  ["各状态的预警数量", { metrics: ["alert_count"], dimensions: ["alert_status"] }],
  ["loan count by status", { metrics: ["loan_count"], dimensions: ["loan_status"] }],
  ["按状态看贷款笔数", { metrics: ["loan_count"], dimensions: ["loan_status"] }],
  // 消费类, 经营类: the category said with 类
  ["只看消费类贷款,各支行的贷款余额", { metrics: ["outstanding_balance"], dimensions: ["branch"], filters: [values("product_category", "consumer")] }],
  ["经营类贷款的不良率", { metrics: ["npl_ratio"], filters: [values("product_category", "micro_business")] }],
  ["装修类贷款今年放了多少", { metrics: ["disbursement_amount"], filters: [values("product_category", "renovation")], time: THIS_YEAR }],
  // 严重度
  ["今年每月高严重度预警有几条", { metrics: ["alert_count"], dimensions: ["time:month"], filters: [values("severity", "high")], time: THIS_YEAR }],
  ["按严重度统计预警数量", { metrics: ["alert_count"], dimensions: ["severity"] }],
  // the average requested amount (a metric entry), grouped
  ["average requested amount per product for last month's applications", { metrics: ["average_requested_amount"], dimensions: ["product"], time: ["2026-05-01", "2026-05-31"] }],
  ["上个月各产品的平均申请金额", { metrics: ["average_requested_amount"], dimensions: ["product"], time: ["2026-05-01", "2026-05-31"] }],
  ["avg requested amount of rejected applications by channel this year", { metrics: ["average_requested_amount"], dimensions: ["channel"], filters: [values("decision", "rejected")], time: THIS_YEAR }],
  // a distributive 各有/各是 after the groups (a trend, a dimension, values said together)
  ["高严重度预警今年每月各有几条", { metrics: ["alert_count"], dimensions: ["time:month"], filters: [values("severity", "high")], time: THIS_YEAR }],
  ["今年每个月的新客户各有多少", { metrics: ["customer_count"], dimensions: ["time:month"], filters: [term("new_customer")], time: THIS_YEAR }],
  ["各城市各有多少客户", { metrics: ["customer_count"], dimensions: ["city"] }],
  ["房贷和车贷的余额各是多少", { metrics: ["outstanding_balance"], dimensions: ["product_category"], filters: [values("product_category", "mortgage", "auto")] }],
];

describe("offline planner: grouping dimensions", () => {
  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(["预警各有几条", "高风险预警各有几条"])("a distributive 各有 with no groups declines: %s", (question) => {
    expect(plan(question).status).not.toBe("plan");
  });
  it("a status word compared with a number is not a grouping", () => {
    expect(plan("按状态超过3的预警").status).not.toBe("plan");
  });
});
