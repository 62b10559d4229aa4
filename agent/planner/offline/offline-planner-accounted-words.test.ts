// Precision on unseen phrasings: every word read must be in the plan, or the planner declines or asks (zh and en).
import { describe, expect, it } from "vitest";
import type { UnsupportedReason } from "../planner.ts";
import { expectPlan, plan, term, values, converse } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const JUNE: [string, string] = ["2026-06-01", "2026-06-30"];
const MAY: [string, string] = ["2026-05-01", "2026-05-31"];

/** A value, term or attribute the plan cannot place, or a trend/comparison/ranking it cannot express: declined. */
const DROPPED_WORDS: string[] = [
  "高严重度的产品",
  "E级的活动",
  "high severity campaigns",
  "campaigns in Shanghai",
  "各分行的贷款余额和利率",
  "approval rate trend this year vs last year",
  // A share, an average or a number the plan does not carry.
  "各分行逾期率占比",
  "share of NPL ratio by product",
  "人均贷款余额",
  "90后客户数",
  "有房贷又有车贷的客户",
  // A count the answer does not limit to, a measure word that is only a condition, rows named but not read.
  "最新的5条预警",
  "贷款余额超过50万的高价值客户",
  "评分最低的10个客户",
  // A ranking word said of a grouping's own word ranks by that quantity, not the groups by a count.
  "年龄最大的客户",
  "城市最多的客户",
  // A change said of each row is a condition no plan expresses; a change word needs two periods.
  "customers whose AUM dropped",
  "AUM下降的客户",
  "AUM下降的客户有多少",
  // Both ends of a ranking asked at once.
  "本月放款笔数最多的城市和最少的城市",
  "最高和最低的逾期率分别是哪个分行",
  "best and worst branches by NPL ratio",
  // Ranked by a change the order does not follow; rows counted that the measure does not count.
  "which city had the biggest increase in NPL ratio",
  "每个城市有多少支行",
  // A judgement of rows the data model does not define.
  "好客户有多少",
  "how many good customers do we have",
  "差的贷款有哪些",
  // Money asked for is never a count; rows named must be the rows measured (or their owners).
  "逾期的钱有多少",
  "上个月多少人申请",
];

/** The listed rows' own score is the score said of them (application score for applications). */
const OWN_SCORE: [string, ExpectedPlan][] = [
  ["评分低于600的申请", { kind: "list", entity: "applications", filters: [{ kind: "compare", attribute: "application_score", op: "lt", value: 600 }] }],
  ["applications with score below 600", { kind: "list", entity: "applications", filters: [{ kind: "compare", attribute: "application_score", op: "lt", value: 600 }] }],
  ["customers with a score under 550", { kind: "list", entity: "customers", filters: [{ kind: "compare", attribute: "score_current", op: "lt", value: 550 }] }],
];

/** Months and quarters of a year said relatively ("去年12月") are that month, not the whole year. */
const RELATIVE_MONTHS: [string, [string, string]][] = [
  ["去年12月放款金额", ["2025-12-01", "2025-12-31"]],
  ["今年3月份的审批通过率", ["2026-03-01", "2026-03-31"]],
  ["去年第四季度的放款笔数", ["2025-10-01", "2025-12-31"]],
  ["去年Q4的申请量", ["2025-10-01", "2025-12-31"]],
  ["disbursement in december last year", ["2025-12-01", "2025-12-31"]],
  ["last year's march approval rate", ["2025-03-01", "2025-03-31"]],
  ["approval rate for March this year", ["2026-03-01", "2026-03-31"]],
  // Weeks (DOMAIN.md names none) are calendar weeks, Monday–Sunday, like 本月 is the calendar month: never dropped.
  ["上周放款多少", ["2026-06-22", "2026-06-28"]],
  ["本周新增预警", ["2026-06-29", "2026-07-05"]],
  ["disbursement last week", ["2026-06-22", "2026-06-28"]],
];

/** A rate filtered by its own numerator's column is the bucket's rate. */
const BUCKET_RATES: [string, ExpectedPlan][] = [
  ["90天以上的逾期率是多少", { metrics: ["overdue_90_rate"], filters: [], dimensions: [] }],
  ["各分行90+的逾期率", { metrics: ["overdue_90_rate"], filters: [], dimensions: ["branch"] }],
  ["M3+的逾期率按产品", { metrics: ["overdue_90_rate"], filters: [], dimensions: ["product"] }],
  ["M1+的逾期率", { metrics: ["overdue_30_rate"], filters: [] }],
  ["overdue rate of loans over 90 days", { metrics: ["overdue_90_rate"], filters: [] }],
  ["30+ overdue rate by branch", { metrics: ["overdue_30_rate"], filters: [], dimensions: ["branch"] }],
];

/** ...and with no rate of that bucket in the semantic layer, declined (never the trivial 1.0 or 0). */
const BUCKETS_WITHOUT_RATE: string[] = ["M2的逾期率是多少", "31-60天的逾期率", "逾期贷款的逾期率", "不良贷款的不良率", "overdue rate for loans 1-30 days past due", "NPL ratio of substandard loans"];

/** Names written with digits are not top-N counts; ranking words with a grouping rank the groups. */
const RANKED_GROUPS: [string, ExpectedPlan][] = [
  ["which 3 cities have the highest 90+ rate", { metrics: ["overdue_90_rate"], dimensions: ["city"], order: [["overdue_90_rate", "desc"]], limit: 3 }],
  ["the 2 products with the lowest M3+ rate", { metrics: ["overdue_90_rate"], dimensions: ["product"], order: [["overdue_90_rate", "asc"]], limit: 2 }],
  ["90+逾期率最高的3个城市", { metrics: ["overdue_90_rate"], dimensions: ["city"], order: [["overdue_90_rate", "desc"]], limit: 3 }],
  ["top 5 branches by 30+ rate", { metrics: ["overdue_30_rate"], dimensions: ["branch"], order: [["overdue_30_rate", "desc"]], limit: 5 }],
];

/** Best/worst with no measure, or an ambiguous measure in a trend or list: ask which measure. */
const CLARIFY: [string, string[]][] = [
  ["哪个产品表现最好", ["disbursement_amount", "outstanding_balance", "overdue_rate"]],
  ["哪个渠道表现最差", ["disbursement_amount", "outstanding_balance", "overdue_rate"]],
  ["which product is doing best", ["disbursement_amount", "outstanding_balance", "overdue_rate"]],
  ["最差的地区", ["disbursement_amount", "outstanding_balance", "overdue_rate"]],
  ["show me the balance trend", ["outstanding_balance", "total_aum"]],
  ["余额走势", ["outstanding_balance", "total_aum"]],
  ["list the balance by month", ["outstanding_balance", "total_aum"]],
];

/** People and roles the data has no table for. */
const OUTSIDE_THE_MODEL: [string, UnsupportedReason][] = [
  ["which loan officer approved the most applications", "out_of_scope"],
  ["which underwriter rejected the most applications", "out_of_scope"],
  ["list the relationship managers in Shanghai", "out_of_scope"],
  ["哪个分行的客户经理最多", "out_of_scope"],
  ["各支行信贷员数量", "out_of_scope"],
  ["哪个业务员放款最多", "not_understood"],
];

/** Two periods said side by side: counts per period, whole previous periods as DOMAIN.md defines them. */
const PERIODS: [string, ExpectedPlan][] = [
  ["new customers this month vs last month", { metrics: ["customer_count"], filters: [term("new_customer")], time: JUNE, compareTo: MAY, compareLayout: "rows" }],
  ["本月新客户和上月比", { metrics: ["customer_count"], filters: [term("new_customer")], time: JUNE, compareTo: MAY }],
  ["NPS this year versus last year", { metrics: ["nps"], time: ["2026-01-01", "2026-06-30"], compareTo: ["2025-01-01", "2025-12-31"], compareLayout: "rows" }],
  ["今年的放款金额和去年比", { metrics: ["disbursement_amount"], time: ["2026-01-01", "2026-06-30"], compareTo: ["2025-01-01", "2025-12-31"], compareLayout: "rows" }],
  ["how many alerts this quarter compared with last quarter", { metrics: ["alert_count"], time: ["2026-04-01", "2026-06-30"], compareTo: ["2026-01-01", "2026-03-31"] }],
  ["how did NPL ratio change vs last quarter", { metrics: ["npl_ratio"], time: ["2026-04-01", "2026-06-30"], compareTo: ["2026-01-01", "2026-03-31"] }],
  ["NPL ratio compared with last quarter", { metrics: ["npl_ratio"], time: ["2026-04-01", "2026-06-30"], compareTo: ["2026-01-01", "2026-03-31"] }],
  ["放款金额和上月相比增长了多少", { metrics: ["disbursement_amount"], time: JUNE, compareTo: MAY }],
  ["申请量跟去年比", { metrics: ["application_count"], time: ["2026-01-01", "2026-06-30"], compareTo: ["2025-01-01", "2025-12-31"] }],
  ["show the AUM trend of high value customers", { metrics: ["total_aum"], dimensions: ["time:month"], filters: [term("high_value")] }],
];

/** A value word before the rest of its dimension's name names the grouping; a 高/低 after 哪个/比 compares. */
const GROUPINGS: [string, ExpectedPlan][] = [
  ["还在open状态的预警,按严重级别分一下", { metrics: ["alert_count"], dimensions: ["severity"], filters: [values("alert_status", "open")] }],
  ["按严重级别看预警数量", { metrics: ["alert_count"], dimensions: ["severity"], filters: [] }],
  ["高级别预警按类型分", { metrics: ["alert_count"], dimensions: ["alert_type"], filters: [values("severity", "high")] }],
  ["短信和微信的营销转化率哪个高", { metrics: ["conversion_rate"], dimensions: ["channel"], filters: [values("channel", "sms", "wechat")] }],
  ["房贷和车贷的不良率哪个低", { metrics: ["npl_ratio"], dimensions: ["product_category"], filters: [values("product_category", "mortgage", "auto")] }],
  ["不良率比上月高吗", { metrics: ["npl_ratio"], compareTo: MAY }],
  // 统计 (tally) is a count word: "统计数量" is not 统 + 计数 + 量.
  ["按产品统计放款笔数", { metrics: ["loan_count"], dimensions: ["product"] }],
  ["按城市统计客户数量", { metrics: ["customer_count"], dimensions: ["city"] }],
  ["统计一下本月新客户", { metrics: ["customer_count"], filters: [term("new_customer")], time: JUNE }],
];

/** Follow-ups that rank or split the previous answer; a ranking with nothing to rank by is declined. */
const FOLLOW_UPS: [string[], ExpectedPlan | "unsupported"][] = [
  [["各城市M1+逾期率", "最高的3个是哪些"], { metrics: ["overdue_30_rate"], dimensions: ["city"], order: [["overdue_30_rate", "desc"]], limit: 3 }],
  [["各产品的不良率", "which are the top 2?"], { metrics: ["npl_ratio"], dimensions: ["product"], order: [["npl_ratio", "desc"]], limit: 2 }],
  [["逾期率多少", "车贷呢", "按城市拆一下"], { metrics: ["overdue_rate"], dimensions: ["city"], filters: [values("product_category", "auto")] }],
  [["disbursement by branch", "按产品拆一下"], { metrics: ["disbursement_amount"], dimensions: ["branch", "product"] }],
  [["NPS by channel", "最差的是哪个"], { metrics: ["nps"], dimensions: ["channel"], order: [["nps", "asc"]], limit: 1 }],
  [["disbursement by product", "which is the lowest?"], { metrics: ["disbursement_amount"], order: [["disbursement_amount", "asc"]], limit: 1 }],
  [["各分行逾期率", "表现最好的3个"], { metrics: ["overdue_rate"], order: [["overdue_rate", "asc"]], limit: 3 }],
  [["本月审批通过率", "和上月比呢"], { metrics: ["approval_rate"], time: JUNE, compareTo: MAY }],
  [["列出逾期贷款", "最多的5笔"], "unsupported"],
  [["上海的客户", "最多的3个"], "unsupported"],
  [["列出高价值客户", "top 10"], "unsupported"],
  [["列出高价值客户", "前10个"], { kind: "list", entity: "customers", filters: [term("high_value")], limit: 10 }],
];

describe("offline planner: every word is accounted for", () => {
  it.each(DROPPED_WORDS)("declines %s", (question) => {
    expect(plan(question).status, JSON.stringify(plan(question))).toBe("unsupported");
  });

  it.each(OWN_SCORE)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });

  it.each(RELATIVE_MONTHS)("%s", (question, time) => {
    expectPlan(plan(question), { kind: "aggregate", time }, question);
  });

  it.each(BUCKET_RATES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });

  it.each(BUCKETS_WITHOUT_RATE)("declines %s", (question) => {
    expect(plan(question).status, JSON.stringify(plan(question))).toBe("unsupported");
  });

  it.each(RANKED_GROUPS)("%s", (question, expected) => {
    expectPlan(plan(question), { kind: "aggregate", ...expected }, question);
  });

  it.each(CLARIFY)("asks back on %s", (question, choices) => {
    const outcome = plan(question);
    expect(outcome.status, JSON.stringify(outcome)).toBe("clarify");
    if (outcome.status !== "clarify") return;
    // Each choice is the question rephrased with one measure, which the planner answers with that measure.
    expect(outcome.choices).toHaveLength(choices.length);
    outcome.choices.forEach((choice, index) => {
      const answered = plan(choice.message);
      expect(answered.status, choice.message).toBe("plan");
      if (answered.status === "plan") expect(JSON.stringify(answered.plan.query), choice.message).toMatch(choices[index] === "total_aum" ? /aum/ : new RegExp(choices[index]));
    });
  });

  it.each(OUTSIDE_THE_MODEL)("declines %s", (question, reason) => {
    const outcome = plan(question);
    expect(outcome.status, JSON.stringify(outcome)).toBe("unsupported");
    if (outcome.status === "unsupported") expect(outcome.reason).toBe(reason);
  });

  it.each(PERIODS)("%s", (question, expected) => {
    expectPlan(plan(question), { kind: "aggregate", ...expected }, question);
  });

  it.each(GROUPINGS)("%s", (question, expected) => {
    expectPlan(plan(question), { kind: "aggregate", ...expected }, question);
  });

  it.each(FOLLOW_UPS)("%j", (questions, expected) => {
    const outcomes = converse(questions);
    outcomes.slice(0, -1).forEach((outcome, index) => expect(outcome.status, questions[index]).toBe("plan"));
    const last = outcomes[outcomes.length - 1];
    if (expected === "unsupported") expect(last.status, JSON.stringify(last)).toBe("unsupported");
    else expectPlan(last, expected, questions.join(" → "));
  });
});
