// Colloquial phrasings read as the plain question: periods compared in rows, A-not-A and filler wrappers, to-date
// periods, jargon for the delinquency rates, verbs said for measures, tool counts after a superlative, and follow-ups
// that name the measured rows.
import { describe, expect, it } from "vitest";
import { expectPlan, plan, term, values, converse } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";
import { replaceColloquialFillers } from "./colloquial-fillers.ts";
import { matchToolRoute } from "./tool-routing.ts";

const JUNE: [string, string] = ["2026-06-01", "2026-06-30"];
const MAY: [string, string] = ["2026-05-01", "2026-05-31"];
const APRIL: [string, string] = ["2026-04-01", "2026-04-30"];
const Q2: [string, string] = ["2026-04-01", "2026-06-30"];
const Q1: [string, string] = ["2026-01-01", "2026-03-31"];
const THIS_YEAR: [string, string] = ["2026-01-01", "2026-06-30"];
const LAST_YEAR: [string, string] = ["2025-01-01", "2025-12-31"];

const CASES: [string, ExpectedPlan][] = [
  // Two periods compared with no change word: one row per period; a change word asks for the change (wide columns).
  ["approval rate QoQ", { metrics: ["approval_rate"], time: Q2, compareTo: Q1, compareLayout: "rows" }],
  ["本月放款额比上月多还是少", { metrics: ["disbursement_amount"], time: JUNE, compareTo: MAY, compareLayout: "rows" }],
  ["申请笔数环比", { metrics: ["application_count"], time: JUNE, compareTo: MAY, compareLayout: "rows" }],
  ["disbursement compared with last month", { metrics: ["disbursement_amount"], time: JUNE, compareTo: MAY, compareLayout: "rows" }],
  ["今年NPS比去年高吗", { metrics: ["nps"], time: THIS_YEAR, compareTo: LAST_YEAR, compareLayout: "rows" }],
  ["本月逾期率比上月低吗", { metrics: ["overdue_rate"], compareTo: MAY, compareLayout: "rows" }],
  ["本月和上月放款金额哪个多", { kind: "aggregate", metrics: ["disbursement_amount"], time: JUNE, compareTo: MAY, compareLayout: "rows" }],
  ["本月和上月新客户哪个多", { metrics: ["customer_count"], filters: [term("new_customer")], compareTo: MAY, compareLayout: "rows" }],
  ["本月放款额比上月高还是低", { metrics: ["disbursement_amount"], time: JUNE, compareTo: MAY, compareLayout: "rows" }],
  ["is the churn rate this quarter higher than last quarter", { metrics: ["churn_rate"], time: Q2, compareTo: Q1, compareLayout: "rows" }],
  ["was NPS this year lower than last year", { metrics: ["nps"], time: THIS_YEAR, compareTo: LAST_YEAR, compareLayout: "rows" }],
  ["disbursement this year vs last year, by how much", { metrics: ["disbursement_amount"], compareTo: LAST_YEAR, compareLayout: null }],
  ["customers with income higher than 500k", { kind: "list", entity: "customers", filters: [{ kind: "compare", attribute: "annual_income", op: "gt", value: 500000 }] }],
  ["本月放款金额环比增长率", { metrics: ["disbursement_amount"], compareTo: MAY, compareLayout: null }],
  ["MoM growth in disbursement", { metrics: ["disbursement_amount"], compareTo: MAY, compareLayout: null }],
  ["how did the NPL ratio change vs last quarter", { metrics: ["npl_ratio"], compareTo: Q1, compareLayout: null }],
  // To-date periods and the month before last.
  ["本季度至今的审批通过率", { metrics: ["approval_rate"], time: Q2 }],
  ["approval rate so far this quarter", { metrics: ["approval_rate"], time: Q2 }],
  ["月初至今放款金额", { metrics: ["disbursement_amount"], time: JUNE }],
  ["average PD the month before last", { metrics: ["average_pd"], time: APRIL }],
  ["上上个月的平均违约概率", { metrics: ["average_pd"], time: APRIL }],
  // Wrappers that ask for the figure: A-not-A, "给个数", "还剩多少", bank-wide, "# of", "-sourced".
  ["杭州的逾期率高不高,给个数", { metrics: ["overdue_rate"], filters: [values("city", "Hangzhou")] }],
  ["上海的不良率高不高", { metrics: ["npl_ratio"], filters: [values("city", "Shanghai")] }],
  ["overdue rate in Shanghai, high or not?", { metrics: ["overdue_rate"], filters: [values("city", "Shanghai")] }],
  ["approval rate this month, is that low?", { metrics: ["approval_rate"], filters: [], time: JUNE }],
  ["what was the bank-wide churn rate last quarter", { metrics: ["churn_rate"], filters: [], time: Q1 }],
  ["company-wide NPS this year", { metrics: ["nps"], filters: [], time: THIS_YEAR }],
  ["# of loans booked in Beijing this year", { kind: "aggregate", metrics: ["loan_count"], filters: [values("city", "Beijing")], time: THIS_YEAR }],
  ["# of alerts by severity", { metrics: ["alert_count"], dimensions: ["severity"] }],
  ["approval % for partner-sourced applications last quarter", { metrics: ["approval_rate"], filters: [values("channel", "partner")], time: Q1 }],
  // A row word that is a value of the dimension named beside it (the branch channel) is that value.
  ["disbursements through the branch channel last month", { metrics: ["disbursement_amount"], filters: [values("channel", "branch")], time: MAY }],
  ["approval rate for the branch channel", { metrics: ["approval_rate"], filters: [values("channel", "branch")] }],
  ["branch channel disbursement by branch", { metrics: ["disbursement_amount"], dimensions: ["branch"], filters: [values("channel", "branch")] }],
  // A value that is exactly a dated term (status churned = 流失) dates the rows like the term (churn_date).
  ["how many customers have we lost this year", { metrics: ["customer_count"], time: THIS_YEAR, dateAttribute: "churn_date" }],
  ["customers lost this month by city", { metrics: ["customer_count"], dimensions: ["city"], time: JUNE, dateAttribute: "churn_date" }],
  // Jargon for the delinquency rates and NPL rows.
  ["DPD30+ on auto loans?", { metrics: ["overdue_30_rate"], filters: [values("product_category", "auto")] }],
  ["DPD90+ by product", { metrics: ["overdue_90_rate"], dimensions: ["product"] }],
  ["worst 5 branches on 30+ delinquency", { metrics: ["overdue_30_rate"], dimensions: ["branch"], order: [["overdue_30_rate", "desc"]], limit: 5 }],
  ["how many loans are non-performing right now", { metrics: ["loan_count"], filters: [term("npl")] }],
  ["how many mortgages are nonperforming", { metrics: ["loan_count"], filters: [values("product_category", "mortgage"), term("npl")] }],
  // A share with the whole narrowed before the measure and the part said after it.
  ["what share of the consumer loan book is 90+ days past due", { metrics: ["outstanding_balance"], filters: [values("product_category", "consumer")] }],
  ["what percentage of Shanghai loan balance is overdue", { metrics: ["outstanding_balance"], filters: [values("city", "Shanghai")] }],
  // Measures said as verbs or paraphrases.
  ["on average how many hours does it take us to decide on an application this month?", { metrics: ["average_approval_hours"], time: JUNE }],
  ["average time to decide last month", { metrics: ["average_approval_hours"], time: MAY }],
  ["审批最慢的三个产品(平均审批时长)", { metrics: ["average_approval_hours"], dimensions: ["product"], order: [["average_approval_hours", "desc"]], limit: 3 }],
  ["which product has the slowest approvals", { metrics: ["average_approval_hours"], dimensions: ["product"], order: [["average_approval_hours", "desc"]], limit: 1 }],
  ["how long on average to approve a loan application", { metrics: ["average_approval_hours"], filters: [] }],
  ["how long does it take to decide on applications by channel", { metrics: ["average_approval_hours"], dimensions: ["channel"] }],
  ["哪个渠道审批最快", { metrics: ["average_approval_hours"], dimensions: ["channel"], order: [["average_approval_hours", "asc"]], limit: 1 }],
  ["which marketing channel converts best?", { metrics: ["conversion_rate"], dimensions: ["channel"], order: [["conversion_rate", "desc"]], limit: 1 }],
  ["conversion rate by marketing channel", { metrics: ["conversion_rate"], dimensions: ["channel"] }],
  ["which branch disbursed the most last quarter", { metrics: ["disbursement_amount"], dimensions: ["branch"], time: Q1, order: [["disbursement_amount", "desc"]], limit: 1 }],
  ["which branch disbursed the most loans last year", { metrics: ["loan_count"], dimensions: ["branch"], order: [["loan_count", "desc"]], limit: 1 }],
  ["who disbursed more, Shanghai or Beijing", { metrics: ["disbursement_amount"], dimensions: ["city"], filters: [values("city", "Shanghai", "Beijing")] }],
  ["most expensive 3 campaigns per application", { metrics: ["cost_per_application"], dimensions: ["campaign"], order: [["cost_per_application", "desc"]], limit: 3 }],
  ["cheapest 5 campaigns per application", { metrics: ["cost_per_application"], dimensions: ["campaign"], order: [["cost_per_application", "asc"]], limit: 5 }],
  ["获客最贵的3个活动", { metrics: ["cost_per_application"], dimensions: ["campaign"], order: [["cost_per_application", "desc"]], limit: 3 }],
  ["哪个调研渠道的NPS最低", { metrics: ["nps"], dimensions: ["channel"], order: [["nps", "asc"]], limit: 1 }],
  ["top 10 customers by outstanding loan balance", { kind: "list", entity: "customers", order: [["customer_outstanding_balance", "desc"]], limit: 10 }],
  ["outstanding loan balance by city", { metrics: ["outstanding_balance"], dimensions: ["city"] }],
];

describe("colloquial phrasings", () => {
  it.each(CASES)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });

  it("keeps the share's part apart from the whole", () => {
    const outcome = plan("what share of the consumer loan book is 90+ days past due");
    expect(outcome.status === "plan" && outcome.plan.query.kind === "aggregate" ? outcome.plan.query.shareOf : undefined).toEqual(term("delinquent_90"));
  });

  it.each(["上海的房贷占比", "how many loans did we lose this year", "上个月放款额比前一个月高还是低"])("still declines what it cannot tell apart: %s", (question) => {
    expect(plan(question).status).not.toBe("plan");
  });

  it.each([
    ["杭州的逾期率高不高,给个数", "杭州的逾期率吗, "],
    ["# of loans", "number of loans"],
    ["bank wide churn rate", "overall churn rate"],
    ["信用快贷的贷款余额还剩多少", "信用快贷的贷款余额 多少"],
    ["客户个数", "客户个数"],
    // Rows counted after the ranking word keep the verb: a count, not the measure.
    ["which branch disbursed the most loans", "which branch disbursed the most loans"],
    ["which channel converts the most customers", "which channel converts the most customers"],
    ["which branch disbursed the most", "which branch disbursement the most"],
  ])("rewrites %s", (text, expected) => {
    expect(replaceColloquialFillers(text)).toBe(expected);
  });
});

describe("tool counts said after a superlative", () => {
  it.each([
    ["高价值借款客户里预警分最高的五个", "early_warning", { value_tier: "high", limit: 5 }],
    ["中等价值客户里未来12个月预期价值最高的10个", "customer_value", { value_tier: "medium", limit: 10 }],
    ["低价值客户中预期价值最高的两个", "customer_value", { value_tier: "low", limit: 2 }],
    ["最可能流失的五个高价值客户", "churn_risk", { value_tier: "high", limit: 5 }],
    ["哪些客户的违约概率在往上走?", "risk_trend", { only_rising: true }],
    ["高价值客户里违约概率一路走高的", "risk_trend", { value_tier: "high", only_rising: true }],
    ["customers whose PD is heading up", "risk_trend", { only_rising: true }],
  ])("%s", (question, tool, args) => {
    expect(matchToolRoute(question)).toMatchObject({ tool, args });
  });
});

describe("follow-ups that name the measured rows", () => {
  it.each([
    [["what's the approval rate this quarter", "mobile app applications only?"], { metrics: ["approval_rate"], filters: [values("channel", "mobile_app")], time: Q2 }],
    [["average approval time this month", "wechat applications only"], { metrics: ["average_approval_hours"], filters: [values("channel", "wechat")], time: JUNE }],
    [["本季度审批通过率", "只看手机app的申请"], { metrics: ["approval_rate"], filters: [values("channel", "mobile_app")], time: Q2 }],
    [["alert count this month", "high severity alerts only"], { metrics: ["alert_count"], filters: [values("severity", "high")], time: JUNE }],
    [["loan count this year", "mortgage loans only?"], { metrics: ["loan_count"], filters: [values("product_category", "mortgage")], time: THIS_YEAR }],
    // A count said of those rows is a count.
    [["approval rate this month", "how many wechat applications?"], { metrics: ["application_count"], filters: [values("channel", "wechat")], time: JUNE }],
    [["approval rate this month", "application count for wechat"], { metrics: ["application_count"], filters: [values("channel", "wechat")] }],
  ] as [string[], ExpectedPlan][])("%j", (questions, expected) => {
    const outcomes = converse(questions);
    expectPlan(outcomes[outcomes.length - 1], expected, questions.join(" → "));
  });
});
