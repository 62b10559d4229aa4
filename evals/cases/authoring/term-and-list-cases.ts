/** Glossary terms of DOMAIN.md used as filters, and questions that ask for lists of customers, loans or campaigns. */
import { answer } from "./authored-case.ts";
import type { AuthoredCase } from "./authored-case.ts";
import { ACTIVE, AS_OF_MONTH, JOIN, METRIC, NPL_CLASSES, PERIOD, RISING_RISK_CUSTOMERS, TIME, age, loanState, select } from "./sql-fragments.ts";

const BORROWERS = "SELECT customer_id FROM loans WHERE status = 'active'";
const risingRisk = (extraWhere: string[] = [], columns = "r.customer_id") =>
  `SELECT ${columns} FROM (${RISING_RISK_CUSTOMERS}) r JOIN customers c ON c.customer_id = r.customer_id${extraWhere.length ? ` WHERE ${extraWhere.join(" AND ")}` : ""}`;
const dueSoon = TIME.nextDays("r.due_date", 7);
const activeCampaign = "g.start_date <= :as_of AND g.end_date >= :as_of";

/** Questions built on the glossary's terms. */
export const TERM_CASES: AuthoredCase[] = [
  answer("term", "zh", "哪些高价值客户本月还款风险上升?", risingRisk(["c.value_tier = 'high'"])),
  answer("term", "en", "Which high-value customers have rising repayment risk this month?", risingRisk(["c.value_tier = 'high'"])),
  answer("term", "zh", "本月还款风险上升的客户有多少", risingRisk([], "COUNT(*) AS customers")),
  answer("term", "en", "customers in Shanghai with rising repayment risk", risingRisk(["c.city = 'Shanghai'"])),
  answer("term", "zh", "中等价值客户里谁的还款风险在上升", risingRisk(["c.value_tier = 'medium'"])),
  answer("term", "zh", "高价值客户有多少", select({ select: ["COUNT(*) AS customers"], from: "customers", where: ["value_tier = 'high'"] })),
  answer("term", "en", "how many medium-value customers do we have", select({ select: ["COUNT(*) AS customers"], from: "customers", where: ["value_tier = 'medium'"] })),
  answer("term", "zh", "低价值客户占比多少", select({ select: ["1.0 * SUM(CASE WHEN value_tier = 'low' THEN 1 ELSE 0 END) / COUNT(*) AS share"], from: "customers" })),
  answer("term", "zh", "借款客户有多少人", select({ select: ["COUNT(DISTINCT l.customer_id) AS borrowers"], from: "loans l", where: [ACTIVE] })),
  answer("term", "en", "number of borrowers in Beijing", select({ select: ["COUNT(*) AS borrowers"], from: "customers c", where: ["c.city = 'Beijing'", `c.customer_id IN (${BORROWERS})`] })),
  answer("term", "zh", "逾期贷款有几笔", select({ select: ["COUNT(*) AS loans"], from: "loans l", where: [ACTIVE, "l.current_dpd > 0"] })),
  answer("term", "en", "How many overdue loans are there and what's their balance?", select({ select: ["COUNT(*) AS loans", "SUM(l.outstanding_balance) AS balance"], from: "loans l", where: [ACTIVE, "l.current_dpd > 0"] })),
  answer("term", "zh", "M1+贷款余额", select({ select: ["SUM(l.outstanding_balance) AS balance"], from: "loans l", where: [ACTIVE, "l.current_dpd > 30"] })),
  answer("term", "en", "how many 90+ loans", select({ select: ["COUNT(*) AS loans"], from: "loans l", where: [ACTIVE, "l.current_dpd > 90"] })),
  answer("term", "zh", "不良贷款余额多少", select({ select: ["SUM(l.outstanding_balance) AS balance"], from: "loans l", where: [ACTIVE, NPL_CLASSES] })),
  answer("term", "en", "number of NPLs by product category", select({ select: ["p.category", "COUNT(*) AS loans"], from: "loans l", joins: [JOIN.product], where: [ACTIVE, NPL_CLASSES], groupBy: ["p.category"] })),
  answer("term", "zh", "本月新客户数", select({ select: ["COUNT(*) AS customers"], from: "customers", where: [TIME.thisMonth("onboard_date")] })),
  answer("term", "en", "new customers last quarter", select({ select: ["COUNT(*) AS customers"], from: "customers", where: [TIME.lastQuarter("onboard_date")] })),
  answer("term", "zh", "今年新客户有多少是通过微信来的", select({ select: ["COUNT(*) AS customers"], from: "customers", where: [TIME.thisYear("onboard_date"), "acquisition_channel = 'wechat'"] })),
  answer("term", "zh", "流失客户有多少", select({ select: ["COUNT(*) AS customers"], from: "customers", where: ["status = 'churned'"] })),
  answer("term", "en", "how many customers churned this year", select({ select: ["COUNT(*) AS customers"], from: "customers", where: [TIME.thisYear("churn_date")] })),
  answer("term", "zh", "年轻客户有多少", select({ select: ["COUNT(*) AS customers"], from: "customers c", where: [`${age()} < 30`] })),
  answer("term", "en", "how many young borrowers", select({ select: ["COUNT(*) AS customers"], from: "customers c", where: [`${age()} < 30`, `c.customer_id IN (${BORROWERS})`] })),
  answer("term", "zh", "年轻客户的逾期率", loanState(METRIC.overdueRate, { joins: [JOIN.customer], where: [`${age()} < 30`] })),
  answer("term", "en", "overdue rate of young customers", loanState(METRIC.overdueRate, { joins: [JOIN.customer], where: [`${age()} < 30`] })),
  answer("term", "zh", "进行中的营销活动有几个", select({ select: ["COUNT(*) AS campaigns"], from: "campaigns g", where: [activeCampaign] })),
  answer("term", "en", "how much is due soon", select({ select: ["SUM(r.due_amount) AS due"], from: "repayments r", where: ["r.status = 'scheduled'", dueSoon] })),
  answer("term", "zh", "即将到期还款的客户有多少个", select({ select: ["COUNT(DISTINCT l.customer_id) AS customers"], from: "repayments r", joins: [JOIN.repaymentLoan], where: ["r.status = 'scheduled'", dueSoon] })),
  answer("term", "zh", "高价值客户的贷款余额", loanState(METRIC.balance, { joins: [JOIN.customer], where: ["c.value_tier = 'high'"] })),
  answer("term", "en", "overdue rate of high-value customers", loanState(METRIC.overdueRate, { joins: [JOIN.customer], where: ["c.value_tier = 'high'"] })),
  answer("term", "zh", "中等价值客户本月平均PD", select({ select: [`${METRIC.averagePd} AS average_pd`], from: "risk_scores k", joins: ["JOIN customers c ON c.customer_id = k.customer_id"], where: [`k.month = ${AS_OF_MONTH}`, "c.value_tier = 'medium'"] })),
  answer("term", "en", "NPL ratio for low-value customers", loanState(METRIC.nplRatio, { joins: [JOIN.customer], where: ["c.value_tier = 'low'"] })),
  answer("term", "en", "churn rate of high value customers this year", `SELECT 1.0 * SUM(CASE WHEN churn_date BETWEEN ${PERIOD.thisYear[0]} AND ${PERIOD.thisYear[1]} THEN 1 ELSE 0 END) / SUM(CASE WHEN onboard_date < ${PERIOD.thisYear[0]} AND (churn_date IS NULL OR churn_date >= ${PERIOD.thisYear[0]}) THEN 1 ELSE 0 END) AS churn_rate FROM customers WHERE value_tier = 'high'`),
  answer("term", "zh", "高价值借款客户有多少", select({ select: ["COUNT(*) AS customers"], from: "customers c", where: ["c.value_tier = 'high'", `c.customer_id IN (${BORROWERS})`] })),
  answer("term", "en", "What share of borrowers are high value?", select({ select: ["1.0 * SUM(CASE WHEN c.value_tier = 'high' THEN 1 ELSE 0 END) / COUNT(*) AS share"], from: "customers c", where: [`c.customer_id IN (${BORROWERS})`] })),
];

/** Questions that ask for lists (order does not matter unless they ask for it). */
export const LIST_CASES: AuthoredCase[] = [
  answer("list", "zh", "列出本月新放款的贷款", select({ select: ["l.loan_id"], from: "loans l", where: [TIME.thisMonth("l.disbursed_date")] })),
  answer("list", "en", "list NPL loans in Shanghai", select({ select: ["l.loan_id"], from: "loans l", joins: [JOIN.branch], where: [ACTIVE, NPL_CLASSES, "b.city = 'Shanghai'"] })),
  answer("list", "zh", "当前逾期超过90天的贷款有哪些", select({ select: ["l.loan_id"], from: "loans l", where: [ACTIVE, "l.current_dpd > 90"] })),
  answer("list", "en", "which customers have M1+ loans", select({ select: ["DISTINCT l.customer_id"], from: "loans l", where: [ACTIVE, "l.current_dpd > 30"] })),
  answer("list", "zh", "进行中的营销活动有哪些", select({ select: ["g.campaign_id"], from: "campaigns g", where: [activeCampaign] })),
  answer("list", "en", "list active campaigns and their channels", select({ select: ["g.campaign_id", "g.channel"], from: "campaigns g", where: [activeCampaign] })),
  answer("list", "zh", "未来7天到期还款的贷款", select({ select: ["r.loan_id", "r.due_date"], from: "repayments r", where: ["r.status = 'scheduled'", dueSoon] })),
  answer("list", "en", "installments due soon", select({ select: ["r.loan_id", "r.due_date", "r.due_amount"], from: "repayments r", where: ["r.status = 'scheduled'", dueSoon] })),
  answer("list", "en", "list open high-severity alerts", select({ select: ["alert_id"], from: "risk_alerts", where: ["status = 'open'", "severity = 'high'"] })),
  answer("list", "zh", "本月被拒绝的申请", select({ select: ["a.application_id"], from: "applications a", where: ["a.decision = 'rejected'", TIME.thisMonth("a.applied_at")] })),
  answer("list", "en", "list customers who churned this quarter", select({ select: ["customer_id"], from: "customers", where: [TIME.thisQuarter("churn_date")] })),
  answer("list", "zh", "高价值客户里有逾期的是哪些", select({ select: ["DISTINCT l.customer_id"], from: "loans l", joins: [JOIN.customer], where: [ACTIVE, "l.current_dpd > 0", "c.value_tier = 'high'"] })),
  answer("list", "en", "what loan products do we offer", select({ select: ["product_id"], from: "products" })),
  answer("list", "zh", "列出所有支行", select({ select: ["branch_id"], from: "branches" })),
  answer("list", "en", "which branches are in the East region", select({ select: ["branch_id"], from: "branches", where: ["region = 'East'"] })),
  answer("list", "en", "list consumer loans that are past due", select({ select: ["l.loan_id"], from: "loans l", joins: [JOIN.product], where: [ACTIVE, "l.current_dpd > 0", "p.category = 'consumer'"] })),
  answer("list", "zh", "上海的高价值借款客户名单", select({ select: ["c.customer_id"], from: "customers c", where: ["c.city = 'Shanghai'", "c.value_tier = 'high'", `c.customer_id IN (${BORROWERS})`] })),
  answer("list", "zh", "本月有还款违约(missed)的客户", select({ select: ["DISTINCT l.customer_id"], from: "repayments r", joins: [JOIN.repaymentLoan], where: ["r.status = 'missed'", TIME.thisMonth("r.due_date")] })),
  answer("list", "en", "list the field visits done this month", select({ select: ["action_id"], from: "collection_actions", where: ["action_type = 'field_visit'", TIME.thisMonth("action_date")] })),
  answer("list", "zh", "年轻的借款客户有哪些", select({ select: ["c.customer_id"], from: "customers c", where: [`${age()} < 30`, `c.customer_id IN (${BORROWERS})`] })),
  answer("list", "en", "list applications still pending a decision", select({ select: ["application_id"], from: "applications", where: ["decision = 'pending'"] })),
  answer("list", "en", "campaigns targeting high-value customers", select({ select: ["campaign_id"], from: "campaigns", where: ["target_tier = 'high'"] })),
  answer("list", "zh", "今年流失的低价值客户", select({ select: ["customer_id"], from: "customers", where: [TIME.thisYear("churn_date"), "value_tier = 'low'"] })),
  // "在贷": charged-off loans keep risk_class 'loss', so the bare question left open whether they count.
  answer("list", "zh", "列一下在贷的损失类贷款", select({ select: ["l.loan_id"], from: "loans l", where: [ACTIVE, "l.risk_class = 'loss'"] })),
  answer("list", "en", "show me the charged-off loans", select({ select: ["l.loan_id"], from: "loans l", where: ["l.status = 'charged_off'"] })),
  answer("list", "zh", "本月风险等级为E的客户", select({ select: ["k.customer_id"], from: "risk_scores k", where: [`k.month = ${AS_OF_MONTH}`, "k.risk_grade = 'E'"] })),
  answer("list", "en", "which products are secured", select({ select: ["product_id"], from: "products", where: ["secured = 1"] })),
  answer("list", "zh", "列出所有处理中的高等级预警及其客户号", select({ select: ["alert_id", "customer_id"], from: "risk_alerts", where: ["status = 'in_progress'", "severity = 'high'"] })),
];
