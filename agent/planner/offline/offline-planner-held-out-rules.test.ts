// Readings found on phrasings nobody wrote down: every metric named is measured, a row's own status value, past states
// declined, value words qualified by their dimension's name, values that name their rows, and ids quoted as values.
import { describe, expect, it } from "vitest";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";

const THIS_YEAR: [string, string] = ["2026-01-01", "2026-06-30"];

const ANSWERED: [string, ExpectedPlan][] = [
  // Metric names joined by 和/and are all measured (each over its own rows).
  ["客户数和预警数", { metrics: ["customer_count", "alert_count"], filters: [] }],
  ["预警数和客户数", { metrics: ["alert_count", "customer_count"], filters: [] }],
  ["贷款笔数和客户数", { metrics: ["loan_count", "customer_count"], filters: [] }],
  ["各城市的客户数和预警数", { metrics: ["customer_count", "alert_count"], dimensions: ["city"] }],
  ["number of customers and alert count", { metrics: ["customer_count", "alert_count"], filters: [] }],
  // Rows said as the owner of other rows ("customer's alerts") are not a second total.
  ["customer's alerts", { metrics: ["alert_count"], filters: [] }],
  ["客户的预警", { metrics: ["alert_count"], filters: [] }],
  ["客户的预警数量", { metrics: ["alert_count"], filters: [] }],
  // "active" beside customers is the customers' own status (DOMAIN.md: customers.status 'active'), not active loans.
  ["active customers by city", { metrics: ["customer_count"], dimensions: ["city"], filters: [values("customer_status", "active")] }],
  ["how many active customers", { metrics: ["customer_count"], filters: [values("customer_status", "active")] }],
  ["活跃客户数", { metrics: ["customer_count"], filters: [values("customer_status", "active")] }],
  ["各城市活跃客户数", { metrics: ["customer_count"], dimensions: ["city"], filters: [values("customer_status", "active")] }],
  ["active loans by city", { metrics: ["loan_count"], dimensions: ["city"], filters: [term("active_loan")] }],
  // A state measure with a period that dates the loans by disbursement is answered (DOMAIN.md's dating rule).
  ["今年放款的贷款逾期率", { metrics: ["overdue_rate"], time: THIS_YEAR }],
  ["overdue rate of loans disbursed last year", { metrics: ["overdue_rate"], time: ["2025-01-01", "2025-12-31"] }],
  ["本月不良率", { metrics: ["npl_ratio"], time: null }],
  // An enum value followed by the rest of its dimension's name (high级别 → severity).
  ["今年high级别的预警有几条", { metrics: ["alert_count"], time: THIS_YEAR, filters: [values("severity", "high")] }],
  ["medium等级的预警数量", { metrics: ["alert_count"], filters: [values("severity", "medium")] }],
  ["按严重级别看预警数量", { metrics: ["alert_count"], dimensions: ["severity"], filters: [] }],
  // A grouping cue that swallowed the start of a dimension's name (各类 + 型 → 类型).
  ["今年各类型预警数量", { metrics: ["alert_count"], dimensions: ["alert_type"], time: THIS_YEAR }],
  ["按类型统计预警", { metrics: ["alert_count"], dimensions: ["alert_type"] }],
  // Values of one entity's own columns name the rows listed.
  ["已核销的消费贷清单", { kind: "list", entity: "loans", filters: [values("loan_status", "charged_off"), values("product_category", "consumer")] }],
  ["列出已结清的房贷", { kind: "list", entity: "loans", filters: [values("loan_status", "closed"), values("product_category", "mortgage")] }],
  ["list charged-off consumer loans", { kind: "list", entity: "loans", filters: [values("loan_status", "charged_off"), values("product_category", "consumer")] }],
  // A term after a dimension word whose column has the same value codes (target → target_tier).
  ["which campaigns target high-value customers", { kind: "list", entity: "campaigns", filters: [values("target_tier", "high")] }],
  ["which campaigns are aimed at low value customers", { kind: "list", entity: "campaigns", filters: [values("target_tier", "low")] }],
  ["哪些活动面向高价值客户", { kind: "list", entity: "campaigns", filters: [values("target_tier", "high")] }],
  // Ids quoted as values (CP001, BR01).
  ["cost per application for campaign CP001", { metrics: ["cost_per_application"], dimensions: ["campaign"], filters: [values("campaign", "CP001")] }],
  ["CP001的获客成本", { metrics: ["cost_per_application"], dimensions: ["campaign"], filters: [values("campaign", "CP001")] }],
  ["campaign CP002 conversion rate", { metrics: ["conversion_rate"], filters: [values("campaign", "CP002")] }],
  ["BR01的贷款余额", { metrics: ["outstanding_balance"], filters: [values("branch", "BR01")] }],
];

/** English puts a counted noun after the number: a plain number after rows is not their count (age? income?). */
const NOT_A_COUNT = ["customers under 30 by city", "branches with customers over 1000", "cities with loans over 500"];
const COUNTS: [string, ExpectedPlan][] = [
  ["branches with more than 1000 customers", { metrics: ["customer_count"], dimensions: ["branch"], having: [{ metric: "customer_count", op: "gt", value: 1000 }] }],
  ["cities with over 500 loans", { metrics: ["loan_count"], dimensions: ["city"], having: [{ metric: "loan_count", op: "gt", value: 500 }] }],
  ["贷款超过500笔的支行", { metrics: ["loan_count"], dimensions: ["branch"], having: [{ metric: "loan_count", op: "gt", value: 500 }] }],
];

/** A term of other rows said right beside rows it does not describe (a repayment is not an overdue loan), and a count
 * of one entity's rows dropped beside another entity's measure. */
const UNDEFINED_READINGS = [
  "本月有多少笔还款逾期",
  "逾期的还款有多少",
  "overdue repayments this month",
  "number of high value customers and their loan balance",
  "贷款和还款",
  "客户和贷款有多少",
  "how many customers and loans do we have",
  "customers and their alerts",
  "每月新增预警和已解决预警",
  "alerts and resolved alerts by month",
  "客户和已流失客户的数量",
  "各支行本月的新增客户数和流失客户数",
  "new customers and churned customers this month",
  "新客户和流失客户有多少",
  "how many customers churned vs joined this year",
  "去年申请今年放款的贷款",
  "loans applied for last year and disbursed this year",
  "上个月开户本月流失的客户数",
];
const DEFINED_READINGS: [string, ExpectedPlan][] = [
  ["逾期客户数", { metrics: ["customer_count"], filters: [term("overdue")] }],
  ["how many overdue customers in Shanghai", { metrics: ["customer_count"], filters: [term("overdue"), values("city", "Shanghai")] }],
  ["高价值客户数和他们的贷款余额", { metrics: ["customer_count", "outstanding_balance"], filters: [term("high_value")] }],
  ["逾期贷款的还款记录", { kind: "list", entity: "repayments", filters: [term("overdue")] }],
];

/** Groups asked without 按/各/by: a distributive 各/分别, a dimension word right before the rows, "fall in each". */
const GROUPS: [string, ExpectedPlan][] = [
  ["男女客户各有多少", { metrics: ["customer_count"], dimensions: ["gender"] }],
  ["男女客户数", { metrics: ["customer_count"], dimensions: ["gender"] }],
  ["各城市客户分别有多少", { metrics: ["customer_count"], dimensions: ["city"] }],
  ["how many customers fall into each age band", { metrics: ["customer_count"], dimensions: ["age_band"], compareTo: null }],
  ["how many borrowers fall in each risk grade this month?", { metrics: ["customer_count"], dimensions: ["risk_grade"], compareTo: null }],
  ["上海分行客户数", { metrics: ["customer_count"], dimensions: [], filters: [values("city", "Shanghai")] }],
];
/** Conditions on each row (a change, a measure over a number) that one total does not answer. */
/** Each group's highest value (a maximum per group) is not the top group. */
const PER_GROUP_MAXIMUM = ["各产品的最高放款额度", "每个产品最高的放款金额", "各城市逾期率最高的支行"];
// (A customer's own month, "本月额度使用率超过80%的客户", is a row condition answered: offline-planner-colloquial-rows.test.ts.)
const ROW_CONDITIONS = ["loans that fell last month", "customers whose AUM dropped", "年龄最大的10个客户", "年龄最小的5个客户"];

/** Rows in a state (不良贷款, NPL loans) counted in the as-of month are the current ones; a disbursement word dates them. */
const STATE_COUNTS: [string, ExpectedPlan][] = [
  ["本月不良贷款多少笔", { metrics: ["loan_count"], filters: [term("npl")], time: null }],
  ["how many NPL loans this month", { metrics: ["loan_count"], filters: [term("npl")], time: null }],
  ["本月放款的逾期贷款笔数", { metrics: ["loan_count"], filters: [term("overdue")], time: ["2026-06-01", "2026-06-30"] }],
  ["本月放款的贷款逾期率", { metrics: ["overdue_rate"], time: ["2026-06-01", "2026-06-30"] }],
];

/** Questions that must not be answered: a past state the data does not keep. */
const PAST_STATE = ["上季度末的逾期率", "overdue rate at the end of last quarter", "上个月的不良贷款笔数", "去年12月的逾期率", "5月的贷款余额", "what was the overdue rate last month", "NPL ratio at the end of last year", "去年年底的不良率", "上个月的逾期贷款"];

describe("offline planner: held-out phrasings", () => {
  it.each(ANSWERED)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(COUNTS)("counts: %s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(NOT_A_COUNT)("a plain number after English rows is not their count: %s", (question) => {
    const outcome = plan(question);
    expect(outcome.status === "plan" && outcome.plan.query.kind === "aggregate" ? outcome.plan.query.having : [], question).toEqual([]);
  });
  it.each(UNDEFINED_READINGS)("declines a reading the layer does not define: %s", (question) => {
    expect(plan(question).status, question).not.toBe("plan");
  });
  it.each(DEFINED_READINGS)("defined reading: %s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(GROUPS)("groups: %s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(ROW_CONDITIONS)("declines a condition on each row: %s", (question) => {
    expect(plan(question).status, question).not.toBe("plan");
  });
  it.each(STATE_COUNTS)("state counts: %s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
  it.each(PER_GROUP_MAXIMUM)("declines a maximum per group: %s", (question) => {
    expect(plan(question).status, question).not.toBe("plan");
  });
  it.each(PAST_STATE)("declines a past state: %s", (question) => {
    expect(plan(question).status, question).toBe("unsupported");
  });
  it("says why a past state is declined", () => {
    const outcome = plan("去年12月的逾期率");
    expect(outcome.status === "unsupported" && outcome.message).toContain("当前状态");
    const english = plan("what was the overdue rate last month");
    expect(english.status === "unsupported" && english.message).toContain("current state");
  });
});
