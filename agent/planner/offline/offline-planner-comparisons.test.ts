// Period comparisons, month-over-month trends and shares: which plan fields (compareLayout, bucketChange, share) are set.
import { describe, expect, it } from "vitest";
import type { ConversationTurn, PlannerOutcome } from "../planner.ts";
import { ENUMS } from "../../../schema/tables.ts";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const REJECT_REASONS = [...ENUMS.rejectReason];

const CASES: [string, ExpectedPlan][] = [
  // Two periods said side by side: one row per period.
  ["本季度和上季度的申请笔数对比", { metrics: ["application_count"], time: ["2026-04-01", "2026-06-30"], compareTo: ["2026-01-01", "2026-03-31"], compareLayout: "rows" }],
  ["approval rate last month vs this month", { metrics: ["approval_rate"], compareTo: ["2026-05-01", "2026-05-31"], compareLayout: "rows" }],
  // Two periods joined by 和/与 are each shown; a range (1月到3月) is one period.
  ["1月和2月的申请笔数", { metrics: ["application_count"], time: ["2026-02-01", "2026-02-28"], compareTo: ["2026-01-01", "2026-01-31"], compareLayout: "rows" }],
  ["1月到3月的申请笔数", { metrics: ["application_count"], time: ["2026-01-01", "2026-03-31"], compareTo: null }],
  ["去年和今年的NPS比较", { metrics: ["nps"], compareLayout: "rows" }],
  // A change word asks for the difference: the wide change columns.
  ["本月申请笔数和上月比增长了多少", { metrics: ["application_count"], compareTo: ["2026-05-01", "2026-05-31"], compareLayout: null }],
  ["NPS growth this year vs last year", { metrics: ["nps"], compareLayout: null }],

  // 地区 in Chinese business usage is the region (华东, 华南), not the city.
  ["各地区的申请笔数", { metrics: ["application_count"], dimensions: ["region"] }],
  ["按地区看逾期率", { metrics: ["overdue_rate"], dimensions: ["region"] }],
  ["本月放款笔数比上月多了多少", { metrics: ["loan_count"], time: ["2026-06-01", "2026-06-30"], compareTo: ["2026-05-01", "2026-05-31"], compareLayout: null }],
  ["how many more applications this quarter than last quarter", { metrics: ["application_count"], time: ["2026-04-01", "2026-06-30"], compareTo: ["2026-01-01", "2026-03-31"], compareLayout: null }],

  // Speed words rank durations by the metric's direction: the slowest is the longest.
  ["fastest 2 channels by average approval time", { metrics: ["average_approval_hours"], dimensions: ["channel"], order: [["average_approval_hours", "asc"]], limit: 2 }],
  ["平均审批时长最慢的3个分行", { metrics: ["average_approval_hours"], dimensions: ["branch"], order: [["average_approval_hours", "desc"]], limit: 3 }],

  // A counted noun beside another measure ("笔数和余额") is measured too.
  ["逾期贷款按产品类别的笔数和余额", { metrics: ["loan_count", "outstanding_balance"], dimensions: ["product_category"], filters: [term("overdue")] }],
  ["今年放了多少笔贷款", { metrics: ["loan_count", "disbursement_amount"], time: ["2026-01-01", "2026-06-30"] }],
  ["QoQ disbursement", { metrics: ["disbursement_amount"], time: ["2026-04-01", "2026-06-30"], compareTo: ["2026-01-01", "2026-03-31"] }],
  ["申请笔数季度环比", { metrics: ["application_count"], time: ["2026-04-01", "2026-06-30"], compareTo: ["2026-01-01", "2026-03-31"] }],
  ["上月放款的平均单笔金额", { metrics: ["average_loan_amount"], time: ["2026-05-01", "2026-05-31"] }],
  ["北京有多少预警没解决", { metrics: ["alert_count"], filters: [term("unresolved_alert"), values("city", "Beijing")] }],
  ["今年每季度新增贷款金额", { metrics: ["disbursement_amount"], dimensions: ["time:quarter"] }],
  ["单笔超过50万的贷款有多少笔", { metrics: ["loan_count"], filters: [{ kind: "compare", attribute: "principal", op: "gt", value: 500000 }] }],
  ["how many loan requests were rejected last month", { metrics: ["application_count"], filters: [values("decision", "rejected")], time: ["2026-05-01", "2026-05-31"] }],
  // 金额 means the one money total of the rows asked about; with several (loans) it stays unknown (declined below).
  ["本月到期还款的金额", { metrics: ["due_amount"], time: ["2026-06-01", "2026-06-30"] }],
  ["即将到期的还款有几笔,总金额多少", { metrics: ["installment_count", "due_amount"], filters: [term("due_soon")] }],

  // Rows ranked by a metric that sums one of their columns: by that column, over the rows the metric counts.
  ["在贷余额最高的5笔贷款", { kind: "list", entity: "loans", filters: [term("active_loan")], order: [["outstanding_balance", "desc"]], limit: 5 }],

  // Lowest by a ratio: groups whose ratio has no value (a zero denominator) are not ranked first.
  ["approval rate lowest 3 channels", { metrics: ["approval_rate"], dimensions: ["channel"], having: [{ metric: "approval_rate", op: "gte", value: 0 }], order: [["approval_rate", "asc"]], limit: 3 }],
  ["不良率最低的分行", { metrics: ["npl_ratio"], dimensions: ["branch"], having: [{ metric: "npl_ratio", op: "gte", value: 0 }], limit: 1 }],
  ["NPS最低的两个渠道", { metrics: ["nps"], dimensions: ["channel"], having: [], order: [["nps", "asc"]], limit: 2 }],

  // A trend with a change word: each bucket against the one before.
  ["近6个月申请笔数按月及环比", { metrics: ["application_count"], dimensions: ["time:month"], time: ["2026-01-01", "2026-06-30"], bucketChange: true, compareTo: null }],
  ["monthly NPS with month over month change", { metrics: ["nps"], dimensions: ["time:month"], bucketChange: true, compareTo: null }],
  ["每季度放款笔数的变化", { metrics: ["loan_count"], dimensions: ["time:quarter"], bucketChange: true }],
  ["每月放款金额趋势", { dimensions: ["time:month"], bucketChange: false }],

  // Groups of a dimension that may have no value (no grade that month, no reject reason): only the known values.
  ["贷款笔数按风险等级", { metrics: ["loan_count"], dimensions: ["risk_grade"], filters: [values("risk_grade", "A", "B", "C", "D", "E")] }],
  ["customers by risk grade", { metrics: ["customer_count"], dimensions: ["risk_grade"], filters: [values("risk_grade", "A", "B", "C", "D", "E")] }],
  ["applications per rejection reason last month", { metrics: ["application_count"], dimensions: ["reject_reason"], filters: [values("reject_reason", ...REJECT_REASONS)] }],
  ["各城市的客户数", { metrics: ["customer_count"], dimensions: ["city"], filters: [] }],

  // Rows a term dates by its own date are grouped and compared by that date.
  ["每月流失客户数趋势", { metrics: ["customer_count"], dimensions: ["time:month"], filters: [term("churned")], dateAttribute: "churn_date" }],
  ["churned customers per quarter this year", { metrics: ["customer_count"], dimensions: ["time:quarter"], dateAttribute: "churn_date" }],

  // A share by a dimension: each group's share of the whole, for counts and sums.
  ["各渠道申请笔数占比", { metrics: ["application_count"], dimensions: ["channel"], share: true }],
  ["share of disbursement by branch this year", { metrics: ["disbursement_amount"], dimensions: ["branch"], share: true }],
  ["各城市客户数的构成", { metrics: ["customer_count"], dimensions: ["city"], share: true }],
  ["what % of disbursement is mortgage vs auto", { metrics: ["disbursement_amount"], dimensions: ["product_category"], share: true }],
];

/** The share of one value or term is one number, which no plan computes: declined rather than a breakdown. */
/** Questions declined: a complement ("其他客户", "the rest") that no filter expresses, 金额 of rows with several totals. */
const DECLINED = ["逾期贷款的金额", "cities with more loans than Beijing", "branches with a higher NPL ratio than Pudong", "其他客户的不良率", "NPL ratio of the rest"];

/** Shares whose part or whole is unclear (two segments, a state term against rows of every status, a rate). */
const SINGLE_SHARES = ["逾期贷款占比", "what percentage of loans are overdue", "上海的房贷占比", "逾期率占比"];

/** Runs a conversation; returns the last outcome. */
function converse(questions: string[]): PlannerOutcome {
  const history: ConversationTurn[] = [];
  let outcome: PlannerOutcome | undefined;
  for (const question of questions) {
    outcome = plan(question, "2026-06-30", [...history]);
    history.push({ question, language: outcome.language, plan: outcome.status === "plan" ? outcome.plan : undefined, status: outcome.status === "plan" ? "answered" : outcome.status });
  }
  return outcome as PlannerOutcome;
}

describe("offline planner: comparisons, changes per bucket and shares", () => {
  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });

  it.each(DECLINED)("declines %s", (question) => {
    expect(plan(question).status).toBe("unsupported");
  });

  it.each(["客户情况给我看看", "show me the applications overview"])("asks which figure for a vague look at all rows: %s", (question) => {
    expect(plan(question).status).toBe("clarify");
  });

  it.each(SINGLE_SHARES)("declines the unclear share %s", (question) => {
    expect(plan(question).status).toBe("unsupported");
  });

  it.each(["列出下个月放款的贷款", "customers onboarded next week"])("declines a list of unscheduled rows after the as-of date: %s", (question) => {
    expect(plan(question).status).toBe("unsupported");
  });

  it.each([
    [["列出进行中的活动", "这些活动的申请笔数分别是多少"], { metrics: ["application_count"], dimensions: ["campaign"], filters: [term("active_campaign")] }],
    [["各分行本月申请笔数", "取前2"], { metrics: ["application_count"], dimensions: ["branch"], order: [["application_count", "desc"]], limit: 2 }],
    [["list high value customers", "what is their overdue rate"], { metrics: ["overdue_rate"], dimensions: [], filters: [term("high_value")] }],
  ] as [string[], ExpectedPlan][])("a measure of the rows just listed keeps them: %s", (questions, expected) => {
    expectPlan(converse(questions), expected, questions.join(" → "));
  });

  it.each([
    [["今年的申请笔数", "和去年相比呢"], ["2026-01-01", "2026-06-30"], ["2025-01-01", "2025-12-31"]],
    [["approval rate this quarter", "vs last quarter?"], ["2026-04-01", "2026-06-30"], ["2026-01-01", "2026-03-31"]],
  ] as [string[], [string, string], [string, string]][])("a follow-up naming the earlier period: %s", (questions, time, compareTo) => {
    const outcome = converse(questions);
    expectPlan(outcome, { time, compareTo, compareLayout: "rows" }, questions.join(" → "));
    expect(outcome.status).toBe("plan");
  });
});
