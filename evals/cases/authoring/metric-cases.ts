/** Single-number questions: every DOMAIN.md metric, and every relative time word. */
import { answer } from "./authored-case.ts";
import type { AuthoredCase } from "./authored-case.ts";
import { ACTIVE, DECIDED, METRIC, PERIOD, TIME, churnRate, loanState, select, AS_OF_MONTH, PREVIOUS_MONTH } from "./sql-fragments.ts";

const balance = loanState(METRIC.balance);
const overdue = loanState(METRIC.overdueRate);
const npl = loanState(METRIC.nplRatio);
const m1 = loanState(METRIC.m1Rate);
const m3 = loanState(METRIC.m3Rate);
const disbursed = (when: string) => select({ select: [`${METRIC.disbursement} AS disbursement`], from: "loans l", where: [when] });
const loanCount = (when: string) => select({ select: ["COUNT(*) AS loans"], from: "loans l", where: [when] });
const approval = (when: string, extra: string[] = []) => select({ select: [`${METRIC.approvalRate} AS approval_rate`], from: "applications a", where: [when, ...extra] });
const approvalHours = (when?: string) => select({ select: [`${METRIC.approvalHours} AS hours`], from: "applications a", where: [DECIDED, ...(when ? [when] : [])] });
const touches = (metric: string, where: string[] = []) => select({ select: [`${metric} AS value`], from: "campaign_touches t", where });
const nps = (when?: string) => select({ select: [`${METRIC.nps} AS nps`], from: "satisfaction_surveys s", where: when ? [when] : [] });
const averagePd = (month: string) => select({ select: [`${METRIC.averagePd} AS average_pd`], from: "risk_scores k", where: [`k.month = ${month}`] });
const onTime = (when: string) => select({ select: [`${METRIC.onTimeRate} AS on_time_rate`], from: "repayments r", where: [when] });
const alerts = (when: string, extra: string[] = []) => select({ select: ["COUNT(*) AS alerts"], from: "risk_alerts", where: [when, ...extra] });
const applications = (when: string, extra: string[] = []) => select({ select: ["COUNT(*) AS applications"], from: "applications a", where: [when, ...extra] });

/** Single-number metric questions, both languages, worded as staff ask them. */
export const METRIC_CASES: AuthoredCase[] = [
  answer("metric", "zh", "目前贷款余额一共多少?", balance),
  answer("metric", "en", "What's our total outstanding loan balance right now?", balance),
  answer("metric", "zh", "现在整体逾期率多少", overdue),
  answer("metric", "en", "overall overdue rate?", overdue),
  answer("metric", "zh", "不良率现在是多少?", npl),
  answer("metric", "en", "What is the NPL ratio this month?", npl),
  answer("metric", "zh", "本月不良贷款率", npl),
  answer("metric", "en", "current non-performing loan ratio pls", npl),
  answer("metric", "zh", "当前M1+逾期率是多少", m1),
  answer("metric", "en", "What's the 30+ delinquency rate currently?", m1),
  answer("metric", "zh", "90天以上逾期率多少?", m3),
  answer("metric", "en", "90+ rate?", m3),
  answer("metric", "zh", "本月放款金额多少?", disbursed(TIME.thisMonth("l.disbursed_date"))),
  answer("metric", "en", "How much did we disburse last month?", disbursed(TIME.lastMonth("l.disbursed_date"))),
  answer("metric", "zh", "上个月放了多少笔贷款", loanCount(TIME.lastMonth("l.disbursed_date"))),
  answer("metric", "en", "number of loans disbursed this year", loanCount(TIME.thisYear("l.disbursed_date"))),
  answer("metric", "zh", "本月审批通过率", approval(TIME.thisMonth("a.applied_at"))),
  answer("metric", "en", "approval rate last month?", approval(TIME.lastMonth("a.applied_at"))),
  answer("metric", "zh", "本月的平均审批时长是多少小时?", approvalHours(TIME.thisMonth("a.applied_at"))),
  answer("metric", "en", "avg approval time (hours) this quarter", approvalHours(TIME.thisQuarter("a.applied_at"))),
  answer("metric", "zh", "平均审批时长多久", approvalHours()),
  answer("metric", "zh", "营销转化率整体多少", touches(METRIC.conversionRate)),
  answer("metric", "en", "what's the overall campaign conversion rate", touches(METRIC.conversionRate)),
  answer("metric", "zh", "本季度短信渠道的打开率", touches(METRIC.openRate, ["t.channel = 'sms'", TIME.thisQuarter("t.touched_date")])),
  answer("metric", "en", "click rate for wechat touches this year", touches(METRIC.clickRate, ["t.channel = 'wechat'", TIME.thisYear("t.touched_date")])),
  answer("metric", "en", "open rate of email campaigns", touches(METRIC.openRate, ["t.channel = 'email'"])),
  answer("metric", "zh", "今年的NPS多少?", nps(TIME.thisYear("s.survey_date"))),
  answer("metric", "en", "Net promoter score last quarter", nps(TIME.lastQuarter("s.survey_date"))),
  answer("metric", "zh", "净推荐值整体是多少", nps()),
  answer("metric", "zh", "本月平均违约概率", averagePd(AS_OF_MONTH)),
  answer("metric", "en", "average PD", averagePd(AS_OF_MONTH)),
  answer("metric", "zh", "上个月平均PD是多少", averagePd(PREVIOUS_MONTH)),
  answer("metric", "zh", "本月按时还款率", onTime(TIME.thisMonth("r.due_date"))),
  answer("metric", "en", "on-time repayment rate last month", onTime(TIME.lastMonth("r.due_date"))),
  answer("metric", "zh", "本月新增多少预警", alerts(TIME.thisMonth("created_date"))),
  answer("metric", "en", "how many risk alerts were raised last month", alerts(TIME.lastMonth("created_date"))),
  answer("metric", "zh", "本月流失率", churnRate(PERIOD.thisMonth)),
  answer("metric", "en", "churn rate last quarter", churnRate(PERIOD.lastQuarter)),
  answer("metric", "zh", "现在有多少笔在贷的贷款", select({ select: ["COUNT(*) AS loans"], from: "loans l", where: [ACTIVE] })),
  answer("metric", "en", "How many active loans do we have?", select({ select: ["COUNT(*) AS loans"], from: "loans l", where: [ACTIVE] })),
  answer("metric", "en", "total disbursement in the last 3 months", disbursed(TIME.lastMonths("l.disbursed_date", 3))),
  answer("metric", "zh", "本季度一共进件多少笔申请", applications(TIME.thisQuarter("a.applied_at"))),
  answer("metric", "en", "How many applications were rejected this month?", applications(TIME.thisMonth("a.applied_at"), ["a.decision = 'rejected'"])),
  answer("metric", "zh", "今年累计放款多少钱", disbursed(TIME.thisYear("l.disbursed_date"))),
  answer("metric", "en", "YTD disbursement amount", disbursed(TIME.thisYear("l.disbursed_date"))),
  answer("metric", "zh", "房贷余额还有多少", loanState(METRIC.balance, { joins: ["JOIN products p ON p.product_id = l.product_id"], where: ["p.category = 'mortgage'"] })),
  answer("metric", "en", "outstanding balance of car loans", loanState(METRIC.balance, { joins: ["JOIN products p ON p.product_id = l.product_id"], where: ["p.category = 'auto'"] })),
  answer("metric", "zh", "消费贷的不良率多少", loanState(METRIC.nplRatio, { joins: ["JOIN products p ON p.product_id = l.product_id"], where: ["p.category = 'consumer'"] })),
  answer("metric", "en", "overdue rate in Shanghai", loanState(METRIC.overdueRate, { joins: ["JOIN branches b ON b.branch_id = l.branch_id"], where: ["b.city = 'Shanghai'"] })),
  answer("metric", "zh", "北京地区贷款余额", loanState(METRIC.balance, { joins: ["JOIN branches b ON b.branch_id = l.branch_id"], where: ["b.city = 'Beijing'"] })),
  answer("metric", "en", "approval rate for the mobile app channel this year", approval(TIME.thisYear("a.applied_at"), ["a.channel = 'mobile_app'"])),
  answer("metric", "zh", "微信渠道今年的审批通过率", approval(TIME.thisYear("a.applied_at"), ["a.channel = 'wechat'"])),
  answer("metric", "en", "How much was disbursed through partners this quarter?", disbursed(`${TIME.thisQuarter("l.disbursed_date")} AND l.channel = 'partner'`)),
  answer("metric", "zh", "经营贷M1+逾期率", loanState(METRIC.m1Rate, { joins: ["JOIN products p ON p.product_id = l.product_id"], where: ["p.category = 'micro_business'"] })),
  answer("metric", "en", "avg PD of high value customers this month", select({ select: [`${METRIC.averagePd} AS average_pd`], from: "risk_scores k", joins: ["JOIN customers c ON c.customer_id = k.customer_id"], where: [`k.month = ${AS_OF_MONTH}`, "c.value_tier = 'high'"] })),
];

/** Questions that test each relative time word of DOMAIN.md against the as-of date. */
export const TIME_CASES: AuthoredCase[] = [
  answer("time", "zh", "本季度放款金额", disbursed(TIME.thisQuarter("l.disbursed_date"))),
  answer("time", "en", "disbursement last quarter", disbursed(TIME.lastQuarter("l.disbursed_date"))),
  answer("time", "zh", "上季度放了多少钱", disbursed(TIME.lastQuarter("l.disbursed_date"))),
  answer("time", "zh", "去年放款多少笔", loanCount(TIME.lastYear("l.disbursed_date"))),
  answer("time", "en", "how much did we lend last year", disbursed(TIME.lastYear("l.disbursed_date"))),
  answer("time", "zh", "今年的审批通过率", approval(TIME.thisYear("a.applied_at"))),
  answer("time", "en", "approval rate this quarter", approval(TIME.thisQuarter("a.applied_at"))),
  answer("time", "zh", "上季度审批通过率是多少", approval(TIME.lastQuarter("a.applied_at"))),
  answer("time", "en", "what was the approval rate last year", approval(TIME.lastYear("a.applied_at"))),
  answer("time", "zh", "近3个月的新增预警数", alerts(TIME.lastMonths("created_date", 3))),
  answer("time", "en", "alerts in the last 3 months", alerts(TIME.lastMonths("created_date", 3))),
  answer("time", "zh", "最近12个月的NPS", nps(TIME.lastMonths("s.survey_date", 12))),
  answer("time", "en", "on-time repayment rate over the last 6 months", onTime(TIME.lastMonths("r.due_date", 6))),
  answer("time", "zh", "未来30天应还金额合计", select({ select: ["SUM(r.due_amount) AS due"], from: "repayments r", where: [TIME.nextDays("r.due_date", 30)] })),
  answer("time", "en", "how many installments fall due in the next 14 days", select({ select: ["COUNT(*) AS installments"], from: "repayments r", where: [TIME.nextDays("r.due_date", 14)] })),
  answer("time", "zh", "当月新发放贷款笔数", loanCount(TIME.thisMonth("l.disbursed_date"))),
  answer("time", "en", "last month's churn rate", churnRate(PERIOD.lastMonth)),
  answer("time", "zh", "上季度流失率", churnRate(PERIOD.lastQuarter)),
  answer("time", "en", "churn rate so far this year", churnRate(PERIOD.thisYear)),
  answer("time", "zh", "去年客户流失率", churnRate(PERIOD.lastYear)),
  answer("time", "zh", "去年的净推荐值", nps(TIME.lastYear("s.survey_date"))),
  answer("time", "en", "NPS this quarter", nps(TIME.thisQuarter("s.survey_date"))),
  answer("time", "zh", "今年以来平均审批时长", approvalHours(TIME.thisYear("a.applied_at"))),
  answer("time", "en", "average approval hours last month", approvalHours(TIME.lastMonth("a.applied_at"))),
  answer("time", "zh", "上个月的按时还款率", onTime(TIME.lastMonth("r.due_date"))),
  answer("time", "en", "on-time rate this quarter", onTime(TIME.thisQuarter("r.due_date"))),
  answer("time", "zh", "近6个月放款总额", disbursed(TIME.lastMonths("l.disbursed_date", 6))),
  answer("time", "en", "How many loans did we book in the last 12 months?", loanCount(TIME.lastMonths("l.disbursed_date", 12))),
  answer("time", "zh", "上上个月放款金额", disbursed(TIME.monthsAgo("l.disbursed_date", 2))),
  answer("time", "en", "total due over the next 7 days", select({ select: ["SUM(r.due_amount) AS due"], from: "repayments r", where: [TIME.nextDays("r.due_date", 7)] })),
  answer("time", "zh", "上个月营销转化率", touches(METRIC.conversionRate, [TIME.lastMonth("t.touched_date")])),
  answer("time", "en", "conversion rate of touches this year", touches(METRIC.conversionRate, [TIME.thisYear("t.touched_date")])),
  answer("time", "zh", "今年新增了多少预警", alerts(TIME.thisYear("created_date"))),
  answer("time", "en", "alerts raised last year", alerts(TIME.lastYear("created_date"))),
  answer("time", "zh", "最近3个月审批通过率", approval(TIME.lastMonths("a.applied_at", 3))),
  answer("time", "en", "what was the average PD last month", averagePd(PREVIOUS_MONTH)),
];
