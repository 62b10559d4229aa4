/** Metrics broken down by dimensions, top-N, comparisons and month-by-month trends. */
import { answer } from "./authored-case.ts";
import type { AuthoredCase } from "./authored-case.ts";
import { ACTIVE, AS_OF_MONTH, DECIDED, JOIN, METRIC, PREVIOUS_MONTH, TIME, loanState, select } from "./sql-fragments.ts";

/** Dimensions of loans: the grouping expression and the joins it needs. */
const LOAN_BY = {
  branch: { by: ["l.branch_id"], joins: [] as string[] },
  city: { by: ["b.city"], joins: [JOIN.branch] },
  region: { by: ["b.region"], joins: [JOIN.branch] },
  product: { by: ["l.product_id"], joins: [] as string[] },
  category: { by: ["p.category"], joins: [JOIN.product] },
  channel: { by: ["l.channel"], joins: [] as string[] },
  tier: { by: ["c.value_tier"], joins: [JOIN.customer] },
  riskClass: { by: ["l.risk_class"], joins: [] as string[] },
  secured: { by: ["p.secured"], joins: [JOIN.product] },
  gender: { by: ["c.gender"], joins: [JOIN.customer] },
};
type LoanDimension = keyof typeof LOAN_BY;

const state = (metric: string, dimension: LoanDimension, where: string[] = []) => loanState(metric, { ...LOAN_BY[dimension], where });
const flow = (metric: string, dimension: LoanDimension, where: string[]) =>
  select({ select: [...LOAN_BY[dimension].by, `${metric} AS value`], from: "loans l", joins: LOAN_BY[dimension].joins, where, groupBy: LOAN_BY[dimension].by });
const top = (metric: string, dimension: LoanDimension, limit: number, direction: "DESC" | "ASC" = "DESC", where: string[] = []) =>
  loanState(metric, { ...LOAN_BY[dimension], where, orderBy: `value ${direction}`, limit });

const APPLICATION_BY = {
  channel: { by: ["a.channel"], joins: [] as string[] },
  category: { by: ["p.category"], joins: [JOIN.applicationProduct] },
  product: { by: ["a.product_id"], joins: [] as string[] },
  tier: { by: ["c.value_tier"], joins: [JOIN.applicationCustomer] },
};
const applicationsBy = (metric: string, dimension: keyof typeof APPLICATION_BY, where: string[] = []) =>
  select({ select: [...APPLICATION_BY[dimension].by, `${metric} AS value`], from: "applications a", joins: APPLICATION_BY[dimension].joins, where, groupBy: APPLICATION_BY[dimension].by });

const touchesBy = (metric: string, by: string, joins: string[] = [], where: string[] = []) =>
  select({ select: [by, `${metric} AS value`], from: "campaign_touches t", joins, where, groupBy: [by] });

/** One value per period, as rows of a single column (labels of periods vary, so gold keeps only the values). */
const periods = (prefix: string, conditions: string[]) => conditions.map((condition) => `${prefix} ${condition}`).join(" UNION ALL ");

const byMonth = (column: string) => `substr(${column}, 1, 7) AS month`;

/** Metric × dimension questions. */
export const GROUP_BY_CASES: AuthoredCase[] = [
  answer("group_by", "zh", "各分行贷款余额", state(METRIC.balance, "branch")),
  answer("group_by", "en", "outstanding balance by city", state(METRIC.balance, "city")),
  answer("group_by", "zh", "按区域看一下贷款余额", state(METRIC.balance, "region")),
  answer("group_by", "en", "loan balance split by product category", state(METRIC.balance, "category")),
  answer("group_by", "zh", "每个产品的贷款余额是多少", state(METRIC.balance, "product")),
  answer("group_by", "en", "loan balance by channel", state(METRIC.balance, "channel")),
  answer("group_by", "zh", "不同价值等级客户的贷款余额", state(METRIC.balance, "tier")),
  answer("group_by", "en", "outstanding balance by five-category risk class", state(METRIC.balance, "riskClass")),
  answer("group_by", "zh", "各城市逾期率", state(METRIC.overdueRate, "city")),
  answer("group_by", "en", "overdue rate by product category", state(METRIC.overdueRate, "category")),
  answer("group_by", "zh", "分渠道的逾期率", state(METRIC.overdueRate, "channel")),
  answer("group_by", "en", "delinquency (overdue) rate per region", state(METRIC.overdueRate, "region")),
  answer("group_by", "zh", "各支行的逾期率是多少", state(METRIC.overdueRate, "branch")),
  answer("group_by", "en", "overdue rate by customer value tier", state(METRIC.overdueRate, "tier")),
  answer("group_by", "zh", "各区域不良率", state(METRIC.nplRatio, "region")),
  answer("group_by", "zh", "按产品类别看不良率", state(METRIC.nplRatio, "category")),
  answer("group_by", "en", "NPL ratio by city", state(METRIC.nplRatio, "city")),
  answer("group_by", "en", "npl ratio for each branch", state(METRIC.nplRatio, "branch")),
  answer("group_by", "en", "NPL% by product", state(METRIC.nplRatio, "product")),
  answer("group_by", "zh", "各贷款品种的M1+逾期率", state(METRIC.m1Rate, "category")),
  answer("group_by", "en", "90+ rate by city", state(METRIC.m3Rate, "city")),
  answer("group_by", "zh", "各渠道M1+", state(METRIC.m1Rate, "channel")),
  answer("group_by", "zh", "今年各城市放款金额", flow(METRIC.disbursement, "city", [TIME.thisYear("l.disbursed_date")])),
  answer("group_by", "en", "disbursement by product category this year", flow(METRIC.disbursement, "category", [TIME.thisYear("l.disbursed_date")])),
  answer("group_by", "zh", "上个月各渠道放款金额", flow(METRIC.disbursement, "channel", [TIME.lastMonth("l.disbursed_date")])),
  answer("group_by", "en", "disbursement by branch this quarter", flow(METRIC.disbursement, "branch", [TIME.thisQuarter("l.disbursed_date")])),
  answer("group_by", "en", "number of loans disbursed this year by product category", flow(METRIC.loanCount, "category", [TIME.thisYear("l.disbursed_date")])),
  answer("group_by", "zh", "各状态贷款笔数", select({ select: ["l.status", "COUNT(*) AS loans"], from: "loans l", groupBy: ["l.status"] })),
  answer("group_by", "zh", "五级分类各类别的在贷笔数", select({ select: ["l.risk_class", "COUNT(*) AS loans"], from: "loans l", where: [ACTIVE], groupBy: ["l.risk_class"] })),
  answer("group_by", "zh", "今年各渠道的审批通过率", applicationsBy(METRIC.approvalRate, "channel", [TIME.thisYear("a.applied_at")])),
  answer("group_by", "en", "approval rate by product category", applicationsBy(METRIC.approvalRate, "category")),
  answer("group_by", "zh", "上季度各产品审批通过率", applicationsBy(METRIC.approvalRate, "product", [TIME.lastQuarter("a.applied_at")])),
  answer("group_by", "en", "approval rate by customer value tier", applicationsBy(METRIC.approvalRate, "tier")),
  answer("group_by", "zh", "今年拒绝原因分布", select({ select: ["a.reject_reason", "COUNT(*) AS applications"], from: "applications a", where: ["a.decision = 'rejected'", TIME.thisYear("a.applied_at")], groupBy: ["a.reject_reason"] })),
  answer("group_by", "en", "applications by decision this quarter", select({ select: ["a.decision", "COUNT(*) AS applications"], from: "applications a", where: [TIME.thisQuarter("a.applied_at")], groupBy: ["a.decision"] })),
  answer("group_by", "zh", "各渠道平均审批时长", applicationsBy(METRIC.approvalHours, "channel", [DECIDED])),
  answer("group_by", "en", "average approval time by product category", applicationsBy(METRIC.approvalHours, "category", [DECIDED])),
  answer("group_by", "zh", "各营销渠道的转化率", touchesBy(METRIC.conversionRate, "t.channel")),
  answer("group_by", "en", "conversion rate by campaign", touchesBy(METRIC.conversionRate, "t.campaign_id")),
  answer("group_by", "zh", "按目标客群看营销转化率", touchesBy(METRIC.conversionRate, "g.target_tier", [JOIN.touchCampaign])),
  answer("group_by", "en", "open rate by channel", touchesBy(METRIC.openRate, "t.channel")),
  answer("group_by", "zh", "各渠道点击率", touchesBy(METRIC.clickRate, "t.channel")),
  answer("group_by", "zh", "每个营销活动的获客成本", select({ select: ["g.campaign_id", "g.budget / SUM(t.applied) AS cost_per_application"], from: "campaigns g", joins: ["JOIN campaign_touches t ON t.campaign_id = g.campaign_id"], groupBy: ["g.campaign_id"] })),
  answer("group_by", "en", "cost per application for each campaign", select({ select: ["g.campaign_id", "g.budget / SUM(t.applied) AS cost_per_application"], from: "campaigns g", joins: ["JOIN campaign_touches t ON t.campaign_id = g.campaign_id"], groupBy: ["g.campaign_id"] })),
  answer("group_by", "zh", "各渠道NPS", select({ select: ["s.channel", `${METRIC.nps} AS nps`], from: "satisfaction_surveys s", groupBy: ["s.channel"] })),
  answer("group_by", "en", "NPS by customer city", select({ select: ["c.city", `${METRIC.nps} AS nps`], from: "satisfaction_surveys s", joins: ["JOIN customers c ON c.customer_id = s.customer_id"], groupBy: ["c.city"] })),
  answer("group_by", "zh", "本月各风险等级的客户数", select({ select: ["k.risk_grade", "COUNT(*) AS customers"], from: "risk_scores k", where: [`k.month = ${AS_OF_MONTH}`], groupBy: ["k.risk_grade"] })),
  answer("group_by", "en", "average PD by value tier", select({ select: ["c.value_tier", `${METRIC.averagePd} AS average_pd`], from: "risk_scores k", joins: ["JOIN customers c ON c.customer_id = k.customer_id"], where: [`k.month = ${AS_OF_MONTH}`], groupBy: ["c.value_tier"] })),
  answer("group_by", "zh", "各城市客户平均违约概率", select({ select: ["c.city", `${METRIC.averagePd} AS average_pd`], from: "risk_scores k", joins: ["JOIN customers c ON c.customer_id = k.customer_id"], where: [`k.month = ${AS_OF_MONTH}`], groupBy: ["c.city"] })),
  answer("group_by", "zh", "今年各产品类别按时还款率", select({ select: ["p.category", `${METRIC.onTimeRate} AS on_time_rate`], from: "repayments r", joins: [JOIN.repaymentLoan, JOIN.product], where: [TIME.thisYear("r.due_date")], groupBy: ["p.category"] })),
  answer("group_by", "en", "on-time repayment rate by loan channel", select({ select: ["l.channel", `${METRIC.onTimeRate} AS on_time_rate`], from: "repayments r", joins: [JOIN.repaymentLoan], groupBy: ["l.channel"] })),
  answer("group_by", "zh", "本月各类型预警数量", select({ select: ["alert_type", "COUNT(*) AS alerts"], from: "risk_alerts", where: [TIME.thisMonth("created_date")], groupBy: ["alert_type"] })),
  answer("group_by", "en", "alerts by severity last month", select({ select: ["severity", "COUNT(*) AS alerts"], from: "risk_alerts", where: [TIME.lastMonth("created_date")], groupBy: ["severity"] })),
  answer("group_by", "zh", "未处理的预警按类型统计", select({ select: ["alert_type", "COUNT(*) AS alerts"], from: "risk_alerts", where: ["status = 'open'"], groupBy: ["alert_type"] })),
  answer("group_by", "zh", "各价值等级客户数", select({ select: ["value_tier", "COUNT(*) AS customers"], from: "customers", groupBy: ["value_tier"] })),
  answer("group_by", "en", "customer count by city", select({ select: ["city", "COUNT(*) AS customers"], from: "customers", groupBy: ["city"] })),
  answer("group_by", "zh", "客户职业分布", select({ select: ["occupation", "COUNT(*) AS customers"], from: "customers", groupBy: ["occupation"] })),
  answer("group_by", "en", "how many customers came from each acquisition channel", select({ select: ["acquisition_channel", "COUNT(*) AS customers"], from: "customers", groupBy: ["acquisition_channel"] })),
  answer("group_by", "zh", "本月催收动作按类型统计", select({ select: ["action_type", "COUNT(*) AS actions"], from: "collection_actions", where: [TIME.thisMonth("action_date")], groupBy: ["action_type"] })),
  answer("group_by", "en", "collection outcomes breakdown", select({ select: ["outcome", "COUNT(*) AS actions"], from: "collection_actions", groupBy: ["outcome"] })),
  answer("group_by", "en", "loan balance by gender", state(METRIC.balance, "gender")),
  answer("group_by", "zh", "抵押类和信用类贷款的逾期率", state(METRIC.overdueRate, "secured")),
  answer("group_by", "en", "Overdue balance by city", loanState("SUM(l.outstanding_balance)", { ...LOAN_BY.city, where: ["l.current_dpd > 0"] })),
  answer("group_by", "zh", "各区域不良贷款余额", loanState("SUM(l.outstanding_balance)", { ...LOAN_BY.region, where: ["l.risk_class IN ('substandard', 'doubtful', 'loss')"] })),
  answer("group_by", "en", "active loan count per branch", select({ select: ["l.branch_id", "COUNT(*) AS loans"], from: "loans l", where: [ACTIVE], groupBy: ["l.branch_id"] })),
  answer("group_by", "zh", "按性别统计客户数", select({ select: ["gender", "COUNT(*) AS customers"], from: "customers", groupBy: ["gender"] })),
  answer("group_by", "zh", "各分行今年放款笔数和金额", select({ select: ["l.branch_id", "COUNT(*) AS loans", "SUM(l.principal) AS disbursement"], from: "loans l", where: [TIME.thisYear("l.disbursed_date")], groupBy: ["l.branch_id"] })),
  answer("group_by", "en", "NPL ratio and overdue rate by product category", loanState(`${METRIC.nplRatio} AS npl_ratio, ${METRIC.overdueRate}`, LOAN_BY.category)),
];

/** Top-N and bottom-N questions; row order matters. */
export const TOP_N_CASES: AuthoredCase[] = [
  answer("top_n", "zh", "贷款余额最高的5个支行", top(METRIC.balance, "branch", 5), true),
  answer("top_n", "en", "top 5 branches by outstanding balance", top(METRIC.balance, "branch", 5), true),
  answer("top_n", "zh", "逾期率最高的3个城市", top(METRIC.overdueRate, "city", 3), true),
  answer("top_n", "en", "top 10 customers by outstanding balance", select({ select: ["l.customer_id", "SUM(l.outstanding_balance) AS balance"], from: "loans l", where: [ACTIVE], groupBy: ["l.customer_id"], orderBy: "balance DESC", limit: 10 }), true),
  answer("top_n", "zh", "今年放款金额前五的产品", select({ select: ["l.product_id", "SUM(l.principal) AS disbursement"], from: "loans l", where: [TIME.thisYear("l.disbursed_date")], groupBy: ["l.product_id"], orderBy: "disbursement DESC", limit: 5 }), true),
  answer("top_n", "en", "which product category has the highest NPL ratio?", top(METRIC.nplRatio, "category", 1), true),
  answer("top_n", "zh", "逾期余额最大的10笔贷款", select({ select: ["l.loan_id", "l.outstanding_balance"], from: "loans l", where: [ACTIVE, "l.current_dpd > 0"], orderBy: "l.outstanding_balance DESC", limit: 10 }), true),
  answer("top_n", "zh", "本月PD最高的10个客户", select({ select: ["k.customer_id", "k.pd"], from: "risk_scores k", where: [`k.month = ${AS_OF_MONTH}`], orderBy: "k.pd DESC", limit: 10 }), true),
  answer("top_n", "en", "worst 3 branches by on-time repayment rate this year", select({ select: ["l.branch_id", `${METRIC.onTimeRate} AS on_time_rate`], from: "repayments r", joins: [JOIN.repaymentLoan], where: [TIME.thisYear("r.due_date")], groupBy: ["l.branch_id"], orderBy: "on_time_rate ASC", limit: 3 }), true),
  answer("top_n", "zh", "今年审批通过率最低的渠道是哪个", select({ select: ["a.channel", `${METRIC.approvalRate} AS approval_rate`], from: "applications a", where: [TIME.thisYear("a.applied_at")], groupBy: ["a.channel"], orderBy: "approval_rate ASC", limit: 1 }), true),
  answer("top_n", "en", "top 5 customers by AUM this month", select({ select: ["m.customer_id", "m.aum"], from: "customer_monthly m", where: [`m.month = ${AS_OF_MONTH}`], orderBy: "m.aum DESC", limit: 5 }), true),
  answer("top_n", "zh", "贷款余额最大的3个产品", top(METRIC.balance, "product", 3), true),
  answer("top_n", "en", "top 3 channels by disbursement last quarter", select({ select: ["l.channel", "SUM(l.principal) AS disbursement"], from: "loans l", where: [TIME.lastQuarter("l.disbursed_date")], groupBy: ["l.channel"], orderBy: "disbursement DESC", limit: 3 }), true),
  answer("top_n", "en", "which city has the largest loan balance", top(METRIC.balance, "city", 1), true),
  answer("top_n", "zh", "哪个支行不良率最高", top(METRIC.nplRatio, "branch", 1), true),
  answer("top_n", "zh", "审批通过率最低的5个产品", select({ select: ["a.product_id", `${METRIC.approvalRate} AS approval_rate`], from: "applications a", groupBy: ["a.product_id"], orderBy: "approval_rate ASC", limit: 5 }), true),
  answer("top_n", "en", "bottom 3 regions by loan balance", top(METRIC.balance, "region", 3, "ASC"), true),
  answer("top_n", "zh", "M1+逾期率最高的前三个产品类别", top(METRIC.m1Rate, "category", 3), true),
  answer("top_n", "en", "Top 10 overdue loans by balance in Shanghai", select({ select: ["l.loan_id", "l.outstanding_balance"], from: "loans l", joins: [JOIN.branch], where: [ACTIVE, "l.current_dpd > 0", "b.city = 'Shanghai'"], orderBy: "l.outstanding_balance DESC", limit: 10 }), true),
  answer("top_n", "zh", "本月PD上升最多的5个客户", select({ select: ["k.customer_id", "k.pd - k0.pd AS pd_change"], from: "risk_scores k", joins: [`JOIN risk_scores k0 ON k0.customer_id = k.customer_id AND k0.month = ${PREVIOUS_MONTH}`], where: [`k.month = ${AS_OF_MONTH}`], orderBy: "pd_change DESC", limit: 5 }), true),
  answer("top_n", "en", "5 largest loans disbursed this year", select({ select: ["l.loan_id", "l.principal"], from: "loans l", where: [TIME.thisYear("l.disbursed_date")], orderBy: "l.principal DESC", limit: 5 }), true),
  answer("top_n", "zh", "放款金额最高的城市(近3个月)", select({ select: ["b.city", "SUM(l.principal) AS disbursement"], from: "loans l", joins: [JOIN.branch], where: [TIME.lastMonths("l.disbursed_date", 3)], groupBy: ["b.city"], orderBy: "disbursement DESC", limit: 1 }), true),
];

/** Comparisons between two groups or two periods, and month-over-month change. */
export const COMPARE_CASES: AuthoredCase[] = [
  answer("compare", "zh", "上海和北京的逾期率对比", state(METRIC.overdueRate, "city", ["b.city IN ('Shanghai', 'Beijing')"])),
  answer("compare", "en", "compare NPL ratio of mortgage vs consumer loans", state(METRIC.nplRatio, "category", ["p.category IN ('mortgage', 'consumer')"])),
  answer("compare", "zh", "本月和上月放款金额对比", periods("SELECT SUM(principal) FROM loans WHERE", [TIME.thisMonth("disbursed_date"), TIME.lastMonth("disbursed_date")])),
  answer("compare", "en", "approval rate this month vs last month", periods(`SELECT ${METRIC.approvalRate} FROM applications a WHERE`, [TIME.thisMonth("a.applied_at"), TIME.lastMonth("a.applied_at")])),
  answer("compare", "zh", "本月放款金额环比增长率", `SELECT (cur.amount - prev.amount) / prev.amount AS growth FROM (SELECT SUM(principal) AS amount FROM loans WHERE ${TIME.thisMonth("disbursed_date")}) cur, (SELECT SUM(principal) AS amount FROM loans WHERE ${TIME.lastMonth("disbursed_date")}) prev`),
  answer("compare", "en", "MoM growth in disbursement", `SELECT (cur.amount - prev.amount) / prev.amount AS growth FROM (SELECT SUM(principal) AS amount FROM loans WHERE ${TIME.thisMonth("disbursed_date")}) cur, (SELECT SUM(principal) AS amount FROM loans WHERE ${TIME.lastMonth("disbursed_date")}) prev`),
  answer("compare", "zh", "本月新增预警数比上月多了多少", `SELECT (SELECT COUNT(*) FROM risk_alerts WHERE ${TIME.thisMonth("created_date")}) - (SELECT COUNT(*) FROM risk_alerts WHERE ${TIME.lastMonth("created_date")}) AS change`),
  answer("compare", "en", "how did the approval rate change from last month (difference)", `SELECT (SELECT ${METRIC.approvalRate} FROM applications a WHERE ${TIME.thisMonth("a.applied_at")}) - (SELECT ${METRIC.approvalRate} FROM applications a WHERE ${TIME.lastMonth("a.applied_at")}) AS change`),
  answer("compare", "en", "male vs female overdue rate", state(METRIC.overdueRate, "gender")),
  answer("compare", "zh", "今年华东和华南的放款金额对比", flow(METRIC.disbursement, "region", [TIME.thisYear("l.disbursed_date"), "b.region IN ('East', 'South')"])),
  answer("compare", "en", "secured vs unsecured outstanding balance", state(METRIC.balance, "secured")),
  answer("compare", "zh", "高价值和低价值客户的平均PD对比", select({ select: ["c.value_tier", `${METRIC.averagePd} AS average_pd`], from: "risk_scores k", joins: ["JOIN customers c ON c.customer_id = k.customer_id"], where: [`k.month = ${AS_OF_MONTH}`, "c.value_tier IN ('high', 'low')"], groupBy: ["c.value_tier"] })),
  answer("compare", "en", "branch vs mobile app approval rate this year", applicationsBy(METRIC.approvalRate, "channel", [TIME.thisYear("a.applied_at"), "a.channel IN ('branch', 'mobile_app')"])),
  answer("compare", "zh", "今年和去年的放款笔数对比", periods("SELECT COUNT(*) FROM loans WHERE", [TIME.thisYear("disbursed_date"), TIME.lastYear("disbursed_date")])),
  answer("compare", "en", "Shenzhen vs Guangzhou: NPL ratio", state(METRIC.nplRatio, "city", ["b.city IN ('Shenzhen', 'Guangzhou')"])),
  answer("compare", "zh", "本月按时还款率比上月变化了多少", `SELECT (SELECT ${METRIC.onTimeRate} FROM repayments r WHERE ${TIME.thisMonth("r.due_date")}) - (SELECT ${METRIC.onTimeRate} FROM repayments r WHERE ${TIME.lastMonth("r.due_date")}) AS change`),
  answer("compare", "en", "average PD this month compared with last month", periods(`SELECT ${METRIC.averagePd} FROM risk_scores k WHERE`, [`k.month = ${AS_OF_MONTH}`, `k.month = ${PREVIOUS_MONTH}`])),
  answer("compare", "zh", "短信和微信的营销转化率哪个高", touchesBy(METRIC.conversionRate, "t.channel", [], ["t.channel IN ('sms', 'wechat')"])),
  answer("compare", "en", "overdue rate: high-value vs medium-value customers", state(METRIC.overdueRate, "tier", ["c.value_tier IN ('high', 'medium')"])),
  answer("compare", "zh", "本季度对比上季度的放款金额", periods("SELECT SUM(principal) FROM loans WHERE", [TIME.thisQuarter("disbursed_date"), TIME.lastQuarter("disbursed_date")])),
];

/** Month-by-month trends; state metrics by month group loans by disbursement month (DOMAIN dating rule). */
export const TREND_CASES: AuthoredCase[] = [
  answer("trend", "zh", "近6个月每月放款金额", select({ select: [byMonth("l.disbursed_date"), "SUM(l.principal) AS disbursement"], from: "loans l", where: [TIME.lastMonths("l.disbursed_date", 6)], groupBy: ["month"] })),
  answer("trend", "en", "monthly disbursement for the last 12 months", select({ select: [byMonth("l.disbursed_date"), "SUM(l.principal) AS disbursement"], from: "loans l", where: [TIME.lastMonths("l.disbursed_date", 12)], groupBy: ["month"] })),
  answer("trend", "zh", "最近6个月逾期率按月看", loanState(METRIC.overdueRate, { by: [byMonth("l.disbursed_date")], where: [TIME.lastMonths("l.disbursed_date", 6)] })),
  answer("trend", "en", "NPL ratio by month over the last 6 months", loanState(METRIC.nplRatio, { by: [byMonth("l.disbursed_date")], where: [TIME.lastMonths("l.disbursed_date", 6)] })),
  answer("trend", "zh", "近12个月每月新增客户数", select({ select: [byMonth("onboard_date"), "COUNT(*) AS customers"], from: "customers", where: [TIME.lastMonths("onboard_date", 12)], groupBy: ["month"] })),
  answer("trend", "en", "monthly approval rate over the last 6 months", select({ select: [byMonth("a.applied_at"), `${METRIC.approvalRate} AS approval_rate`], from: "applications a", where: [TIME.lastMonths("a.applied_at", 6)], groupBy: ["month"] })),
  answer("trend", "zh", "平均PD近6个月走势", select({ select: ["k.month", `${METRIC.averagePd} AS average_pd`], from: "risk_scores k", where: [TIME.lastMonths("k.month", 6)], groupBy: ["k.month"] })),
  answer("trend", "en", "alerts per month this year", select({ select: [byMonth("created_date"), "COUNT(*) AS alerts"], from: "risk_alerts", where: [TIME.thisYear("created_date")], groupBy: ["month"] })),
  answer("trend", "zh", "今年每月按时还款率", select({ select: [byMonth("r.due_date"), `${METRIC.onTimeRate} AS on_time_rate`], from: "repayments r", where: [TIME.thisYear("r.due_date")], groupBy: ["month"] })),
  answer("trend", "en", "conversion rate by month, last 3 months", select({ select: [byMonth("t.touched_date"), `${METRIC.conversionRate} AS conversion_rate`], from: "campaign_touches t", where: [TIME.lastMonths("t.touched_date", 3)], groupBy: ["month"] })),
  answer("trend", "zh", "近6个月平均审批时长趋势", select({ select: [byMonth("a.applied_at"), `${METRIC.approvalHours} AS hours`], from: "applications a", where: [DECIDED, TIME.lastMonths("a.applied_at", 6)], groupBy: ["month"] })),
  answer("trend", "en", "outstanding loan balance by disbursement month, last 6 months", loanState(METRIC.balance, { by: [byMonth("l.disbursed_date")], where: [TIME.lastMonths("l.disbursed_date", 6)] })),
  answer("trend", "zh", "近6个月每月NPS", select({ select: [byMonth("s.survey_date"), `${METRIC.nps} AS nps`], from: "satisfaction_surveys s", where: [TIME.lastMonths("s.survey_date", 6)], groupBy: ["month"] })),
  answer("trend", "en", "loans booked per month this year", select({ select: [byMonth("l.disbursed_date"), "COUNT(*) AS loans"], from: "loans l", where: [TIME.thisYear("l.disbursed_date")], groupBy: ["month"] })),
  answer("trend", "zh", "最近3个月每月流失客户数", select({ select: [byMonth("churn_date"), "COUNT(*) AS customers"], from: "customers", where: [TIME.lastMonths("churn_date", 3)], groupBy: ["month"] })),
  answer("trend", "en", "M1+ rate by disbursement month over the last 12 months", loanState(METRIC.m1Rate, { by: [byMonth("l.disbursed_date")], where: [TIME.lastMonths("l.disbursed_date", 12)] })),
  answer("trend", "zh", "近半年各月申请量", select({ select: [byMonth("a.applied_at"), "COUNT(*) AS applications"], from: "applications a", where: [TIME.lastMonths("a.applied_at", 6)], groupBy: ["month"] })),
  answer("trend", "en", "how has the average PD of high-value customers moved over the last 6 months", select({ select: ["k.month", `${METRIC.averagePd} AS average_pd`], from: "risk_scores k", joins: ["JOIN customers c ON c.customer_id = k.customer_id"], where: ["c.value_tier = 'high'", TIME.lastMonths("k.month", 6)], groupBy: ["k.month"] })),
  answer("trend", "zh", "上海近6个月每月放款金额", select({ select: [byMonth("l.disbursed_date"), "SUM(l.principal) AS disbursement"], from: "loans l", joins: [JOIN.branch], where: ["b.city = 'Shanghai'", TIME.lastMonths("l.disbursed_date", 6)], groupBy: ["month"] })),
  answer("trend", "en", "monthly new alerts (high severity), last 6 months", select({ select: [byMonth("created_date"), "COUNT(*) AS alerts"], from: "risk_alerts", where: ["severity = 'high'", TIME.lastMonths("created_date", 6)], groupBy: ["month"] })),
  answer("trend", "zh", "近6个月放款金额按月及环比", select({ select: [byMonth("l.disbursed_date"), "SUM(l.principal) AS disbursement"], from: "loans l", where: [TIME.lastMonths("l.disbursed_date", 6)], groupBy: ["month"] })),
  answer("trend", "en", "Disbursement month over month, last 6 months — show the change each month", `WITH monthly AS (SELECT substr(disbursed_date, 1, 7) AS month, SUM(principal) AS amount FROM loans WHERE ${TIME.lastMonths("disbursed_date", 7)} GROUP BY month) SELECT cur.month, cur.amount, cur.amount - prev.amount AS change FROM monthly cur JOIN monthly prev ON prev.month = strftime('%Y-%m', cur.month || '-01', '-1 month') WHERE ${TIME.lastMonths("cur.month", 6)}`),
];
