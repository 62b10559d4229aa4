// Conversations: follow-ups change the previous plan (filter, dimension, period, term, limit, metric) in zh and en.
import { describe, expect, it } from "vitest";
import type { ConversationTurn, PlannerOutcome } from "../planner.ts";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

/** Runs a conversation; each turn sees the earlier ones as history. */
function converse(questions: string[], asOfDate = "2026-06-30"): PlannerOutcome[] {
  const history: ConversationTurn[] = [];
  return questions.map((question) => {
    const outcome = plan(question, asOfDate, [...history]);
    history.push({ question, language: outcome.language, plan: outcome.status === "plan" ? outcome.plan : undefined, status: outcome.status === "plan" ? "answered" : outcome.status });
    return outcome;
  });
}

const JUNE = ["2026-06-01", "2026-06-30"] as [string, string];
const MAY = ["2026-05-01", "2026-05-31"] as [string, string];

const CHAINS: [string, [string, ExpectedPlan][]][] = [
  [
    "zh aggregate chain",
    [
      ["各分行本月放款金额", { metrics: ["disbursement_amount"], dimensions: ["branch"], time: JUNE, filters: [] }],
      ["只看上海", { metrics: ["disbursement_amount"], dimensions: ["branch"], time: JUNE, filters: [values("city", "Shanghai")] }],
      ["按产品拆开", { dimensions: ["branch", "product"], filters: [values("city", "Shanghai")], time: JUNE }],
      ["上个月呢", { dimensions: ["branch", "product"], filters: [values("city", "Shanghai")], time: MAY }],
      ["前5个", { order: [["disbursement_amount", "desc"]], limit: 5, time: MAY }],
      ["换成申请量", { metrics: ["application_count"], filters: [values("city", "Shanghai")], time: MAY, limit: 5 }],
    ],
  ],
  [
    "en aggregate chain",
    [
      ["disbursement by branch this month", { metrics: ["disbursement_amount"], dimensions: ["branch"], time: JUNE }],
      ["only Shanghai", { filters: [values("city", "Shanghai")], dimensions: ["branch"], time: JUNE }],
      ["break it down by product", { dimensions: ["branch", "product"], filters: [values("city", "Shanghai")] }],
      ["what about last month?", { time: MAY, dimensions: ["branch", "product"] }],
      ["just the top 5", { order: [["disbursement_amount", "desc"]], limit: 5, time: MAY }],
      ["show approval rate instead", { metrics: ["approval_rate"], time: MAY, filters: [values("city", "Shanghai")] }],
    ],
  ],
  [
    "zh state metric swap",
    [
      ["各城市的逾期率", { metrics: ["overdue_rate"], dimensions: ["city"], time: null }],
      ["换成不良率", { metrics: ["npl_ratio"], dimensions: ["city"], time: null }],
      ["那房贷呢", { metrics: ["npl_ratio"], dimensions: ["city"], filters: [values("product_category", "mortgage")] }],
      ["其中高价值客户的呢", { filters: [values("product_category", "mortgage"), term("high_value")] }],
    ],
  ],
  [
    "en state metric swap",
    [
      ["overdue rate by city", { metrics: ["overdue_rate"], dimensions: ["city"] }],
      ["show NPL ratio instead", { metrics: ["npl_ratio"], dimensions: ["city"] }],
      ["what about mortgages?", { metrics: ["npl_ratio"], filters: [values("product_category", "mortgage")] }],
      ["and of those, the high-value ones", { filters: [values("product_category", "mortgage"), term("high_value")] }],
    ],
  ],
  [
    "zh list chain",
    [
      ["哪些客户逾期了", { kind: "list", entity: "customers", filters: [term("overdue")] }],
      ["其中高价值的呢", { kind: "list", entity: "customers", filters: [term("overdue"), term("high_value")] }],
      ["只看上海", { kind: "list", filters: [term("overdue"), term("high_value"), values("city", "Shanghai")] }],
      ["一共有多少", { kind: "aggregate", metrics: ["customer_count"], filters: [term("overdue"), term("high_value"), values("city", "Shanghai")] }],
    ],
  ],
  [
    "en list chain",
    [
      ["list overdue customers", { kind: "list", entity: "customers", filters: [term("overdue")] }],
      ["and of those, the high-value ones", { kind: "list", entity: "customers", filters: [term("overdue"), term("high_value")] }],
      ["only the ones in Beijing", { kind: "list", filters: [term("overdue"), term("high_value"), values("city", "Beijing")] }],
      ["how many are there?", { kind: "aggregate", metrics: ["customer_count"], filters: [term("overdue"), term("high_value"), values("city", "Beijing")] }],
    ],
  ],
  [
    "headline then last month",
    [
      ["哪些高价值客户本月还款风险上升?", { kind: "list", referenceMonth: "2026-06", order: [["pd_change", "desc"]] }],
      ["上个月呢", { kind: "list", referenceMonth: "2026-05", filters: [term("high_value"), term("rising_repayment_risk")], time: null }],
      ["前10个", { kind: "list", limit: 10, order: [["pd_change", "desc"]] }],
    ],
  ],
  [
    "headline in English then a filter",
    [
      ["Which high-value customers have rising repayment risk this month?", { kind: "list", referenceMonth: "2026-06" }],
      ["only those in Shanghai", { kind: "list", referenceMonth: "2026-06", filters: [term("high_value"), term("rising_repayment_risk"), values("city", "Shanghai")] }],
      ["what about last month", { kind: "list", referenceMonth: "2026-05" }],
    ],
  ],
  [
    "trend then a comparison",
    [
      ["每月放款金额趋势", { dimensions: ["time:month"], time: ["2025-07-01", "2026-06-30"] }],
      ["只看车贷", { dimensions: ["time:month"], filters: [values("product_category", "auto")] }],
      ["按渠道拆开", { dimensions: ["time:month", "channel"], filters: [values("product_category", "auto")] }],
    ],
  ],
  [
    "regroup and add metrics",
    [
      ["各分行本月放款金额", { metrics: ["disbursement_amount"], dimensions: ["branch"] }],
      ["换成按城市看", { metrics: ["disbursement_amount"], dimensions: ["city"], time: JUNE }],
      ["同时看申请量", { metrics: ["disbursement_amount", "application_count"], dimensions: ["city"] }],
      ["那北京呢", { filters: [values("city", "Beijing")], dimensions: ["city"] }],
    ],
  ],
  [
    "regroup and add metrics in English",
    [
      ["overdue rate by branch", { metrics: ["overdue_rate"], dimensions: ["branch"] }],
      ["by city instead", { metrics: ["overdue_rate"], dimensions: ["city"] }],
      ["also show the NPL ratio", { metrics: ["overdue_rate", "npl_ratio"], dimensions: ["city"] }],
      ["and Beijing?", { filters: [values("city", "Beijing")] }],
    ],
  ],
  [
    "eval dev follow-ups",
    [
      ["NPL ratio by region", { metrics: ["npl_ratio"], dimensions: ["region"] }],
      ["what about by product?", { metrics: ["npl_ratio"], dimensions: ["product"] }],
      ["loan balance of high value customers", { metrics: ["outstanding_balance"], filters: [term("high_value")] }],
      ["what about medium?", { metrics: ["outstanding_balance"], filters: [values("value_tier", "medium")] }],
      ["alerts this month", { metrics: ["alert_count"], time: JUNE }],
      ["by type", { metrics: ["alert_count"], dimensions: ["alert_type"], time: JUNE }],
      ["本月新增预警多少", { metrics: ["alert_count"], time: JUNE }],
      ["高等级的有多少", { metrics: ["alert_count"], filters: [values("severity", "high")], time: JUNE }],
      ["loans disbursed this month", { metrics: ["loan_count"], time: JUNE }],
      ["same month last year?", { metrics: ["loan_count"], dimensions: [], time: ["2025-06-01", "2025-06-30"] }],
    ],
  ],
  [
    "a new question is not a follow-up",
    [
      ["各分行本月放款金额", { metrics: ["disbursement_amount"], dimensions: ["branch"] }],
      ["列出高价值客户", { kind: "list", entity: "customers", filters: [term("high_value")] }],
      ["审批通过率是多少", { kind: "aggregate", metrics: ["approval_rate"], dimensions: [], filters: [] }],
    ],
  ],
];

describe("offline planner: follow-ups", () => {
  it.each(CHAINS)("%s", (_, turns) => {
    const outcomes = converse(turns.map(([question]) => question));
    turns.forEach(([question, expected], index) => expectPlan(outcomes[index], expected, question));
  });

  it("a follow-up that changes nothing is not answered with the old plan", () => {
    const [, second] = converse(["各分行本月放款金额", "嗯嗯好的谢谢你啊朋友"]);
    expect(second.status).not.toBe("plan");
  });
});
