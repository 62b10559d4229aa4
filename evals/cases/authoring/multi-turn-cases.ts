/** Multi-turn sessions: a question, then follow-ups that filter, regroup, change period or take the top N. */
import { session } from "./authored-case.ts";
import type { AuthoredCase } from "./authored-case.ts";
import { ACTIVE, AS_OF_MONTH, DECIDED, JOIN, METRIC, NPL_CLASSES, PREVIOUS_MONTH, RISING_RISK_CUSTOMERS, TIME, loanState, select } from "./sql-fragments.ts";

const BORROWERS = "SELECT customer_id FROM loans WHERE status = 'active'";
const city = (name: string) => [`b.city = '${name}'`];
const state = (metric: string, options: Parameters<typeof loanState>[1] = {}) => loanState(metric, options);
const disbursed = (where: string[], by: string[] = [], joins: string[] = []) =>
  select({ select: [...by, "SUM(l.principal) AS disbursement"], from: "loans l", joins, where, groupBy: by });
const approval = (where: string[], by: string[] = [], joins: string[] = []) =>
  select({ select: [...by, `${METRIC.approvalRate} AS approval_rate`], from: "applications a", joins, where, groupBy: by });
const rising = (where: string[] = []) =>
  `SELECT r.customer_id FROM (${RISING_RISK_CUSTOMERS}) r JOIN customers c ON c.customer_id = r.customer_id${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
const conversion = (where: string[] = []) => select({ select: ["t.channel", `${METRIC.conversionRate} AS conversion_rate`], from: "campaign_touches t", where, groupBy: ["t.channel"] });
const alerts = (where: string[], by: string[] = []) => select({ select: [...by, "COUNT(*) AS alerts"], from: "risk_alerts", where, groupBy: by });
const monthly = (where: string[], joins: string[] = []) =>
  select({ select: ["substr(l.disbursed_date, 1, 7) AS month", "SUM(l.principal) AS disbursement"], from: "loans l", joins, where: [TIME.lastMonths("l.disbursed_date", 6), ...where], groupBy: ["month"] });
const onTime = (where: string[], by: string[] = []) =>
  select({ select: [...by, `${METRIC.onTimeRate} AS on_time_rate`], from: "repayments r", joins: [JOIN.repaymentLoan, JOIN.product], where, groupBy: by });
const topCustomers = (where: string[] = [], joins: string[] = []) =>
  select({ select: ["l.customer_id", "SUM(l.outstanding_balance) AS balance"], from: "loans l", joins, where: [ACTIVE, ...where], groupBy: ["l.customer_id"], orderBy: "balance DESC", limit: 10 });
const topPd = (where: string[] = [], joins: string[] = []) =>
  select({ select: ["k.customer_id", "k.pd"], from: "risk_scores k", joins, where: [`k.month = ${AS_OF_MONTH}`, ...where], orderBy: "k.pd DESC", limit: 10 });

/** Sessions in Chinese. */
const ZH_SESSIONS: AuthoredCase[] = [
  session("zh", [["各城市的逾期率", state(METRIC.overdueRate, { by: ["b.city"], joins: [JOIN.branch] })], ["只看上海", state(METRIC.overdueRate, { joins: [JOIN.branch], where: city("Shanghai") })]]),
  session("zh", [["本月放款金额", disbursed([TIME.thisMonth("l.disbursed_date")])], ["按产品拆开", disbursed([TIME.thisMonth("l.disbursed_date")], ["l.product_id"])]]),
  session("zh", [["本月审批通过率", approval([TIME.thisMonth("a.applied_at")])], ["上个月呢", approval([TIME.lastMonth("a.applied_at")])]]),
  session("zh", [["本月还款风险上升的客户", rising()], ["其中高价值的呢", rising(["c.value_tier = 'high'"])]]),
  session("zh", [["各分行贷款余额", state(METRIC.balance, { by: ["l.branch_id"] })], ["前5个", state(METRIC.balance, { by: ["l.branch_id"], orderBy: "value DESC", limit: 5 })]], { orderedTurns: [false, true] }),
  session("zh", [["不良率多少", state(METRIC.nplRatio)], ["按区域看", state(METRIC.nplRatio, { by: ["b.region"], joins: [JOIN.branch] })]]),
  session("zh", [
    ["今年放款金额", disbursed([TIME.thisYear("l.disbursed_date")])],
    ["按城市拆分", disbursed([TIME.thisYear("l.disbursed_date")], ["b.city"], [JOIN.branch])],
    ["只看华东的", disbursed([TIME.thisYear("l.disbursed_date"), "b.region = 'East'"], ["b.city"], [JOIN.branch])],
  ]),
  session("zh", [["高价值客户有多少", select({ select: ["COUNT(*) AS customers"], from: "customers", where: ["value_tier = 'high'"] })], ["其中借款客户呢", select({ select: ["COUNT(*) AS customers"], from: "customers c", where: ["c.value_tier = 'high'", `c.customer_id IN (${BORROWERS})`] })]]),
  session("zh", [["近6个月每月放款金额", monthly([])], ["只看房贷", monthly(["p.category = 'mortgage'"], [JOIN.product])]]),
  session("zh", [["逾期贷款余额", select({ select: ["SUM(l.outstanding_balance) AS balance"], from: "loans l", where: [ACTIVE, "l.current_dpd > 0"] })], ["按产品类别呢", select({ select: ["p.category", "SUM(l.outstanding_balance) AS balance"], from: "loans l", joins: [JOIN.product], where: [ACTIVE, "l.current_dpd > 0"], groupBy: ["p.category"] })]]),
  session("zh", [["各渠道转化率", conversion()], ["上个月的呢", conversion([TIME.lastMonth("t.touched_date")])]]),
  session("zh", [["本月平均PD", select({ select: [`${METRIC.averagePd} AS average_pd`], from: "risk_scores k", where: [`k.month = ${AS_OF_MONTH}`] })], ["上个月呢", select({ select: [`${METRIC.averagePd} AS average_pd`], from: "risk_scores k", where: [`k.month = ${PREVIOUS_MONTH}`] })]]),
  session("zh", [["上海的贷款余额", state(METRIC.balance, { joins: [JOIN.branch], where: city("Shanghai") })], ["北京呢", state(METRIC.balance, { joins: [JOIN.branch], where: city("Beijing") })]]),
  session("zh", [
    ["M1+逾期率", state(METRIC.m1Rate)],
    ["按城市看", state(METRIC.m1Rate, { by: ["b.city"], joins: [JOIN.branch] })],
    ["最高的3个", state(METRIC.m1Rate, { by: ["b.city"], joins: [JOIN.branch], orderBy: "value DESC", limit: 3 })],
  ], { orderedTurns: [false, false, true] }),
  session("zh", [["本月新客户数", select({ select: ["COUNT(*) AS customers"], from: "customers", where: [TIME.thisMonth("onboard_date")] })], ["按获客渠道分", select({ select: ["acquisition_channel", "COUNT(*) AS customers"], from: "customers", where: [TIME.thisMonth("onboard_date")], groupBy: ["acquisition_channel"] })]]),
  session("zh", [["流失客户有多少", select({ select: ["COUNT(*) AS customers"], from: "customers", where: ["status = 'churned'"] })], ["今年流失的呢", select({ select: ["COUNT(*) AS customers"], from: "customers", where: [TIME.thisYear("churn_date")] })]]),
  session("zh", [["本月新增预警多少", alerts([TIME.thisMonth("created_date")])], ["高等级的有多少", alerts([TIME.thisMonth("created_date"), "severity = 'high'"])]]),
  session("zh", [["未来7天即将到期的还款", select({ select: ["r.loan_id", "r.due_date"], from: "repayments r", where: ["r.status = 'scheduled'", TIME.nextDays("r.due_date", 7)] })], ["总金额多少", select({ select: ["SUM(r.due_amount) AS due"], from: "repayments r", where: ["r.status = 'scheduled'", TIME.nextDays("r.due_date", 7)] })]]),
  session("zh", [["各产品的不良率", state(METRIC.nplRatio, { by: ["l.product_id"] })], ["换成逾期率", state(METRIC.overdueRate, { by: ["l.product_id"] })]]),
  session("zh", [["今年各渠道审批通过率", approval([TIME.thisYear("a.applied_at")], ["a.channel"])], ["去年呢", approval([TIME.lastYear("a.applied_at")], ["a.channel"])]]),
  session("zh", [["消费贷余额", state(METRIC.balance, { joins: [JOIN.product], where: ["p.category = 'consumer'"] })], ["其中高价值客户的", state(METRIC.balance, { joins: [JOIN.product, JOIN.customer], where: ["p.category = 'consumer'", "c.value_tier = 'high'"] })]]),
  session("zh", [["本月PD最高的10个客户", topPd()], ["只要高价值客户", topPd(["c.value_tier = 'high'"], ["JOIN customers c ON c.customer_id = k.customer_id"])]], { orderedTurns: [true, true] }),
  session("zh", [["近3个月新增预警数", alerts([TIME.lastMonths("created_date", 3)])], ["按严重程度拆开", alerts([TIME.lastMonths("created_date", 3)], ["severity"])]]),
];

/** Sessions in English. */
const EN_SESSIONS: AuthoredCase[] = [
  session("en", [["overdue rate by city", state(METRIC.overdueRate, { by: ["b.city"], joins: [JOIN.branch] })], ["only Shanghai", state(METRIC.overdueRate, { joins: [JOIN.branch], where: city("Shanghai") })]]),
  session("en", [["disbursement this month", disbursed([TIME.thisMonth("l.disbursed_date")])], ["break it down by product category", disbursed([TIME.thisMonth("l.disbursed_date")], ["p.category"], [JOIN.product])]]),
  session("en", [["NPL ratio by region", state(METRIC.nplRatio, { by: ["b.region"], joins: [JOIN.branch] })], ["what about by product?", state(METRIC.nplRatio, { by: ["l.product_id"] })]]),
  session("en", [["approval rate this month", approval([TIME.thisMonth("a.applied_at")])], ["and last month?", approval([TIME.lastMonth("a.applied_at")])]]),
  session("en", [["customers with rising repayment risk this month", rising()], ["just the high-value ones", rising(["c.value_tier = 'high'"])]]),
  session("en", [["loan balance by branch", state(METRIC.balance, { by: ["l.branch_id"] })], ["top 5", state(METRIC.balance, { by: ["l.branch_id"], orderBy: "value DESC", limit: 5 })]], { orderedTurns: [false, true] }),
  session("en", [["how many active loans", select({ select: ["COUNT(*) AS loans"], from: "loans l", where: [ACTIVE] })], ["how many of them are overdue?", select({ select: ["COUNT(*) AS loans"], from: "loans l", where: [ACTIVE, "l.current_dpd > 0"] })]]),
  session("en", [["NPS this year", select({ select: [`${METRIC.nps} AS nps`], from: "satisfaction_surveys s", where: [TIME.thisYear("s.survey_date")] })], ["by channel", select({ select: ["s.channel", `${METRIC.nps} AS nps`], from: "satisfaction_surveys s", where: [TIME.thisYear("s.survey_date")], groupBy: ["s.channel"] })]]),
  session("en", [["monthly disbursement last 6 months", monthly([])], ["only Beijing", monthly(["b.city = 'Beijing'"], [JOIN.branch])]]),
  session("en", [
    ["90+ rate", state(METRIC.m3Rate)],
    ["by product category", state(METRIC.m3Rate, { by: ["p.category"], joins: [JOIN.product] })],
    ["which one is the worst?", state(METRIC.m3Rate, { by: ["p.category"], joins: [JOIN.product], orderBy: "value DESC", limit: 1 })],
  ], { orderedTurns: [false, false, true] }),
  session("en", [["conversion rate by channel", conversion()], ["only this quarter", conversion([TIME.thisQuarter("t.touched_date")])]]),
  session("en", [
    ["average approval time", select({ select: [`${METRIC.approvalHours} AS hours`], from: "applications a", where: [DECIDED] })],
    ["by channel", select({ select: ["a.channel", `${METRIC.approvalHours} AS hours`], from: "applications a", where: [DECIDED], groupBy: ["a.channel"] })],
    ["for this year only", select({ select: ["a.channel", `${METRIC.approvalHours} AS hours`], from: "applications a", where: [DECIDED, TIME.thisYear("a.applied_at")], groupBy: ["a.channel"] })],
  ]),
  session("en", [["loan balance of high value customers", state(METRIC.balance, { joins: [JOIN.customer], where: ["c.value_tier = 'high'"] })], ["what about medium?", state(METRIC.balance, { joins: [JOIN.customer], where: ["c.value_tier = 'medium'"] })]]),
  session("en", [["list NPL loans", select({ select: ["l.loan_id"], from: "loans l", where: [ACTIVE, NPL_CLASSES] })], ["only those in Shenzhen", select({ select: ["l.loan_id"], from: "loans l", joins: [JOIN.branch], where: [ACTIVE, NPL_CLASSES, "b.city = 'Shenzhen'"] })]]),
  session("en", [["alerts this month", alerts([TIME.thisMonth("created_date")])], ["by type", alerts([TIME.thisMonth("created_date")], ["alert_type"])]]),
  session("en", [
    ["on-time repayment rate this year", onTime([TIME.thisYear("r.due_date")])],
    ["by product category", onTime([TIME.thisYear("r.due_date")], ["p.category"])],
    ["and last year?", onTime([TIME.lastYear("r.due_date")], ["p.category"])],
  ]),
  session("en", [["how many new customers this month", select({ select: ["COUNT(*) AS customers"], from: "customers", where: [TIME.thisMonth("onboard_date")] })], ["and last month?", select({ select: ["COUNT(*) AS customers"], from: "customers", where: [TIME.lastMonth("onboard_date")] })]]),
  session("en", [
    ["overdue rate", state(METRIC.overdueRate)],
    ["split by value tier", state(METRIC.overdueRate, { by: ["c.value_tier"], joins: [JOIN.customer] })],
    ["only high", state(METRIC.overdueRate, { joins: [JOIN.customer], where: ["c.value_tier = 'high'"] })],
  ]),
  session("en", [["disbursement by city this year", disbursed([TIME.thisYear("l.disbursed_date")], ["b.city"], [JOIN.branch])], ["now for last year", disbursed([TIME.lastYear("l.disbursed_date")], ["b.city"], [JOIN.branch])]]),
  session("en", [["top 10 customers by loan balance", topCustomers()], ["only customers in Hangzhou", topCustomers(["c.city = 'Hangzhou'"], [JOIN.customer])]], { orderedTurns: [true, true] }),
  session("en", [["avg PD this month", select({ select: [`${METRIC.averagePd} AS average_pd`], from: "risk_scores k", where: [`k.month = ${AS_OF_MONTH}`] })], ["break it down by risk grade", select({ select: ["k.risk_grade", `${METRIC.averagePd} AS average_pd`], from: "risk_scores k", where: [`k.month = ${AS_OF_MONTH}`], groupBy: ["k.risk_grade"] })]]),
  session("en", [["approval rate by product", approval([], ["a.product_id"])], ["just for the wechat channel", approval(["a.channel = 'wechat'"], ["a.product_id"])]]),
  session("en", [["loans disbursed this month", select({ select: ["COUNT(*) AS loans"], from: "loans l", where: [TIME.thisMonth("l.disbursed_date")] })], ["same month last year?", select({ select: ["COUNT(*) AS loans"], from: "loans l", where: [TIME.monthsAgo("l.disbursed_date", 12)] })]]),
];

/** Every multi-turn session. */
export const MULTI_TURN_CASES: AuthoredCase[] = [...ZH_SESSIONS, ...EN_SESSIONS];
