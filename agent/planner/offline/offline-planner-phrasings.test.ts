// More phrasings: mixed Chinese and English, colloquial wording, shares, counted nouns, other as-of dates.
import { describe, it } from "vitest";
import { expectPlan, plan, term, values } from "./__fixtures__/planner-fixture.ts";
import type { ExpectedPlan } from "./__fixtures__/planner-fixture.ts";

const CASES: [string, string, ExpectedPlan][] = [
  // Mixed languages.
  ["NPL 率 by 城市", "2026-06-30", { metrics: ["npl_ratio"], dimensions: ["city"] }],
  ["show me 上海 overdue rate", "2026-06-30", { metrics: ["overdue_rate"], filters: [values("city", "Shanghai")] }],
  ["本月各分行的 disbursement", "2026-06-30", { metrics: ["disbursement_amount"], dimensions: ["branch"], time: ["2026-06-01", "2026-06-30"] }],
  ["上海的 NPS", "2026-06-30", { metrics: ["nps"], filters: [values("city", "Shanghai")] }],
  ["high value 客户有多少", "2026-06-30", { metrics: ["customer_count"], filters: [term("high_value")] }],
  ["ＮＰＬ　ｒａｔｉｏ　ｂｙ　ｃｉｔｙ", "2026-06-30", { metrics: ["npl_ratio"], dimensions: ["city"] }],

  // Colloquial wording.
  ["这个月放了多少款", "2026-06-30", { metrics: ["disbursement_amount"], time: ["2026-06-01", "2026-06-30"] }],
  ["How much did we disburse in Q1?", "2026-06-30", { metrics: ["disbursement_amount"], time: ["2026-01-01", "2026-03-31"] }],
  ["which branch lent the most last quarter", "2026-06-30", { metrics: ["disbursement_amount"], dimensions: ["branch"], order: [["disbursement_amount", "desc"]], limit: 1, time: ["2026-01-01", "2026-03-31"] }],
  ["How many applications were approved last month?", "2026-06-30", { metrics: ["application_count"], filters: [values("decision", "approved")], time: ["2026-05-01", "2026-05-31"] }],
  ["Which products have the most overdue loans?", "2026-06-30", { metrics: ["loan_count"], dimensions: ["product"], filters: [term("overdue")], order: [["loan_count", "desc"]] }],
  ["哪个渠道的客户最多", "2026-06-30", { metrics: ["customer_count"], dimensions: ["channel"], order: [["customer_count", "desc"]], limit: 1 }],
  ["Pudong branch overdue loans list", "2026-06-30", { kind: "list", entity: "loans", filters: [values("branch", "BR01"), term("overdue")] }],
  ["which customers' repayment risk went up last month", "2026-06-30", { kind: "list", entity: "customers", filters: [term("rising_repayment_risk")], referenceMonth: "2026-05" }],
  ["客户还款风险是否上升", "2026-06-30", { kind: "list", entity: "customers", filters: [term("rising_repayment_risk")] }],
  ["列出未解决的预警", "2026-06-30", { kind: "list", entity: "risk_alerts", filters: [term("unresolved_alert")] }],
  ["open alerts by type", "2026-06-30", { metrics: ["alert_count"], dimensions: ["alert_type"], filters: [term("unresolved_alert")] }],
  ["按类型统计预警数量", "2026-06-30", { metrics: ["alert_count"], dimensions: ["alert_type"] }],
  ["rejection reasons breakdown", "2026-06-30", { metrics: ["application_count"], dimensions: ["reject_reason"] }],
  ["overdue customers by city", "2026-06-30", { metrics: ["customer_count"], dimensions: ["city"], filters: [term("overdue")] }],
  ["逾期客户按城市分布", "2026-06-30", { metrics: ["customer_count"], dimensions: ["city"], filters: [term("overdue")] }],
  ["各城市的贷款余额和逾期率", "2026-06-30", { metrics: ["outstanding_balance", "overdue_rate"], dimensions: ["city"] }],
  ["loan count and disbursement by product this month", "2026-06-30", { metrics: ["loan_count", "disbursement_amount"], dimensions: ["product"] }],
  ["how many loans are 90+ days past due", "2026-06-30", { metrics: ["loan_count"], filters: [term("delinquent_90")] }],
  ["customers with more than 2 active loans", "2026-06-30", { kind: "list", entity: "customers", filters: [{ kind: "compare", attribute: "customer_active_loan_count", op: "gt", value: 2 }] }],

  // Ambiguous words decided by the values next to them.
  ["房贷余额", "2026-06-30", { metrics: ["outstanding_balance"], filters: [values("product_category", "mortgage")] }],
  ["balance of car loans", "2026-06-30", { metrics: ["outstanding_balance"], filters: [values("product_category", "auto")] }],

  // Amounts in Chinese numerals.
  ["年收入超过五十万的客户", "2026-06-30", { kind: "list", entity: "customers", filters: [{ kind: "compare", attribute: "annual_income", op: "gt", value: 500000 }] }],
  ["不良率超过百分之二的城市", "2026-06-30", { dimensions: ["city"], having: [{ metric: "npl_ratio", op: "gt", value: 0.02 }] }],
  ["贷款金额在一百万到两百万之间的贷款", "2026-06-30", { kind: "list", filters: [{ kind: "between", attribute: "principal", low: 1000000, high: 2000000 }] }],
  ["未来十天到期的还款", "2026-06-30", { metrics: ["installment_count"], time: ["2026-07-01", "2026-07-10"] }],
  ["看一下哪一个分行逾期率最高", "2026-06-30", { dimensions: ["branch"], order: [["overdue_rate", "desc"]], limit: 1 }],

  // Negations and alternatives.
  ["非高价值客户的逾期率", "2026-06-30", { metrics: ["overdue_rate"], filters: [{ kind: "not", filter: term("high_value") }] }],
  ["overdue rate of customers who are not high-value", "2026-06-30", { metrics: ["overdue_rate"], filters: [{ kind: "not", filter: term("high_value") }] }],
  ["除了上海以外的不良率", "2026-06-30", { metrics: ["npl_ratio"], filters: [{ kind: "not", filter: values("city", "Shanghai") }] }],
  ["NPL ratio excluding Shanghai", "2026-06-30", { metrics: ["npl_ratio"], filters: [{ kind: "not", filter: values("city", "Shanghai") }] }],
  ["没有逾期的借款客户", "2026-06-30", { kind: "list", entity: "customers", filters: [term("borrower"), { kind: "not", filter: term("overdue") }] }],
  ["borrowers without overdue loans", "2026-06-30", { kind: "list", entity: "customers", filters: [term("borrower"), { kind: "not", filter: term("overdue") }] }],
  ["有没有逾期的高价值客户", "2026-06-30", { kind: "list", entity: "customers", filters: [term("overdue"), term("high_value")] }],
  ["逾期或不良的贷款有多少", "2026-06-30", { metrics: ["loan_count"], filters: [{ kind: "or", filters: [term("overdue"), term("npl")] }] }],
  ["loans that are overdue or non-performing", "2026-06-30", { kind: "list", entity: "loans", filters: [{ kind: "or", filters: [term("overdue"), term("npl")] }] }],
  ["上海或北京的逾期率", "2026-06-30", { metrics: ["overdue_rate"], filters: [values("city", "Shanghai", "Beijing")] }],

  // Shares and counted nouns per group.
  ["What percentage of applications by decision?", "2026-06-30", { metrics: ["application_count"], dimensions: ["decision"], filters: [], share: true }],
  ["各产品类别的贷款余额占比", "2026-06-30", { metrics: ["outstanding_balance"], dimensions: ["product_category"], filters: [], share: true }],
  ["cities with more than 1000 customers", "2026-06-30", { metrics: ["customer_count"], dimensions: ["city"], having: [{ metric: "customer_count", op: "gt", value: 1000 }] }],
  ["客户数超过1000的城市", "2026-06-30", { metrics: ["customer_count"], dimensions: ["city"], having: [{ metric: "customer_count", op: "gt", value: 1000 }] }],
  ["贷款超过500笔的分行", "2026-06-30", { metrics: ["loan_count"], dimensions: ["branch"], having: [{ metric: "loan_count", op: "gt", value: 500 }] }],

  // Trends and comparisons.
  ["每月放款金额趋势", "2026-06-30", { dimensions: ["time:month"], time: ["2025-07-01", "2026-06-30"] }],
  ["monthly disbursement trend", "2025-12-31", { dimensions: ["time:month"], time: ["2025-01-01", "2025-12-31"] }],
  ["近6个月逾期率走势", "2026-06-30", { metrics: ["overdue_rate"], dimensions: ["time:month"], time: ["2026-01-01", "2026-06-30"] }],
  ["NPS trend over the last 12 months", "2026-03-15", { metrics: ["nps"], dimensions: ["time:month"], time: ["2025-04-01", "2026-03-31"] }],
  ["按季度统计放款笔数", "2026-06-30", { metrics: ["loan_count"], dimensions: ["time:quarter"] }],
  ["monthly new customers this year", "2026-06-30", { metrics: ["customer_count"], dimensions: ["time:month"], filters: [term("new_customer")], time: ["2026-01-01", "2026-06-30"] }],
  ["本月放款金额和上月对比", "2026-06-30", { time: ["2026-06-01", "2026-06-30"], compareTo: ["2026-05-01", "2026-05-31"] }],
  ["disbursement this month compared with last month", "2026-03-15", { time: ["2026-03-01", "2026-03-31"], compareTo: ["2026-02-01", "2026-02-28"] }],
  ["disbursement compared with last month", "2025-12-31", { time: ["2025-12-01", "2025-12-31"], compareTo: ["2025-11-01", "2025-11-30"] }],
  ["审批通过率环比", "2026-06-30", { metrics: ["approval_rate"], time: ["2026-06-01", "2026-06-30"], compareTo: ["2026-05-01", "2026-05-31"] }],
  ["放款金额同比", "2026-03-15", { time: ["2026-03-01", "2026-03-31"], compareTo: ["2025-03-01", "2025-03-31"] }],
  ["approval rate year over year this quarter", "2026-06-30", { time: ["2026-04-01", "2026-06-30"], compareTo: ["2025-04-01", "2025-06-30"] }],
  ["哪些分行的逾期率上升了", "2026-06-30", { metrics: ["overdue_rate"], dimensions: ["branch"], compareTo: ["2026-05-01", "2026-05-31"] }],
  ["has the approval rate improved since last month?", "2026-06-30", { metrics: ["approval_rate"], time: ["2026-06-01", "2026-06-30"], compareTo: ["2026-05-01", "2026-05-31"] }],
  ["conversion rate dropped in which channels this quarter", "2026-03-15", { metrics: ["conversion_rate"], dimensions: ["channel"], time: ["2026-01-01", "2026-03-31"], compareTo: ["2025-10-01", "2025-12-31"] }],

  ["哪个月的申请量最多", "2026-06-30", { metrics: ["application_count"], dimensions: ["time:month"], order: [["application_count", "desc"]], limit: 1 }],
  ["which month had the most applications", "2026-06-30", { metrics: ["application_count"], dimensions: ["time:month"], order: [["application_count", "desc"]], limit: 1 }],
  ["今年每个季度的放款金额", "2026-06-30", { dimensions: ["time:quarter"], time: ["2026-01-01", "2026-06-30"] }],
  ["高价值客户和低价值客户的逾期率对比", "2026-06-30", { metrics: ["overdue_rate"], dimensions: ["value_tier"], filters: [values("value_tier", "high", "low")] }],
  ["compare overdue rate of high-value and low-value customers", "2026-06-30", { dimensions: ["value_tier"], filters: [values("value_tier", "high", "low")] }],

  // From the eval dev split: shares of terms, counts beside measures, Chinese phrases with particles, follow-ups.
  ["How many overdue loans are there and what's their balance?", "2026-06-30", { metrics: ["loan_count", "outstanding_balance"], filters: [term("overdue")] }],
  ["中等价值客户里谁的还款风险在上升", "2026-06-30", { kind: "list", entity: "customers", filters: [term("medium_value"), term("rising_repayment_risk")] }],
  ["哪些客户的还款风险有所上升", "2026-06-30", { kind: "list", entity: "customers", filters: [term("rising_repayment_risk")] }],
  ["今年到现在一共批了多少笔申请", "2026-06-30", { metrics: ["application_count"], filters: [values("decision", "approved")], time: ["2026-01-01", "2026-06-30"] }],
  ["conv rate by channel last qtr", "2026-06-30", { metrics: ["conversion_rate"], dimensions: ["channel"], time: ["2026-01-01", "2026-03-31"] }],
  ["on time repay rate this yr", "2026-06-30", { metrics: ["on_time_repayment_rate"], time: ["2026-01-01", "2026-06-30"] }],
  ["how has the average PD of high-value customers moved over the last 6 months", "2026-06-30", { metrics: ["average_pd"], dimensions: ["time:month"], filters: [term("high_value")] }],

  ["branch vs mobile app approval rate this year", "2026-06-30", { metrics: ["approval_rate"], dimensions: ["channel"], filters: [values("channel", "branch", "mobile_app")], compareTo: null }],
  ["上海和北京本月的放款金额对比", "2026-06-30", { dimensions: ["city"], filters: [values("city", "Shanghai", "Beijing")], time: ["2026-06-01", "2026-06-30"], compareTo: null }],

  ["本月风险等级为E的客户", "2026-06-30", { kind: "list", entity: "customers", filters: [values("risk_grade", "E")] }],
  ["customers with risk grade E", "2026-06-30", { kind: "list", entity: "customers", filters: [values("risk_grade", "E")] }],
  ["本月被拒绝的申请", "2026-06-30", { kind: "list", entity: "applications", filters: [values("decision", "rejected")], time: ["2026-06-01", "2026-06-30"] }],
  ["未处理的预警按类型统计", "2026-06-30", { metrics: ["alert_count"], dimensions: ["alert_type"], filters: [values("alert_status", "open")] }],

  ["上个月放了多少", "2026-06-30", { metrics: ["disbursement_amount"], time: ["2026-05-01", "2026-05-31"] }],
  ["total o/s loan balance atm", "2026-06-30", { metrics: ["outstanding_balance"], time: null }],
  ["on time repayment % last quarter", "2026-06-30", { metrics: ["on_time_repayment_rate"], time: ["2026-01-01", "2026-03-31"] }],
  ["NPL% by product", "2026-06-30", { metrics: ["npl_ratio"], dimensions: ["product"] }],
  ["上上个月的审批通过率", "2026-06-30", { metrics: ["approval_rate"], time: ["2026-04-01", "2026-04-30"] }],
  ["去年下半年的放款金额", "2026-06-30", { metrics: ["disbursement_amount"], time: ["2025-07-01", "2025-12-31"] }],
  ["2026年3月放款金额", "2025-12-31", { metrics: ["disbursement_amount"], time: ["2026-03-01", "2026-03-31"] }],
  ["各个营销活动的获客成本", "2026-06-30", { metrics: ["cost_per_application"], dimensions: ["campaign"] }],
  ["逾期贷款有多少笔,余额多少", "2026-06-30", { metrics: ["loan_count", "outstanding_balance"], filters: [term("overdue")] }],
  ["how many borrowers live in Shenzhen", "2026-06-30", { metrics: ["customer_count"], filters: [term("borrower"), values("city", "Shenzhen")] }],

  ["open vs in progress vs resolved alerts this quarter", "2026-06-30", { metrics: ["alert_count"], dimensions: ["alert_status"], filters: [values("alert_status", "open", "in_progress", "resolved")] }],

  // Other as-of dates.
  ["上季度放款金额", "2026-03-15", { metrics: ["disbursement_amount"], time: ["2025-10-01", "2025-12-31"] }],
  ["last quarter's approval rate", "2025-12-31", { metrics: ["approval_rate"], time: ["2025-07-01", "2025-09-30"] }],
  ["今年以来的申请量", "2026-03-15", { metrics: ["application_count"], time: ["2026-01-01", "2026-03-15"] }],
  ["number of applications YTD", "2025-12-31", { metrics: ["application_count"], time: ["2025-01-01", "2025-12-31"] }],
  ["去年的流失率", "2026-03-15", { metrics: ["churn_rate"], time: ["2025-01-01", "2025-12-31"] }],
  ["哪些高价值客户本月还款风险上升?", "2025-12-31", { kind: "list", referenceMonth: "2025-12", filters: [term("high_value"), term("rising_repayment_risk")] }],
  ["Which high-value customers have rising repayment risk this month?", "2026-03-15", { kind: "list", referenceMonth: "2026-03" }],
  ["未来7天到期的还款", "2025-12-31", { metrics: ["installment_count"], time: ["2026-01-01", "2026-01-07"] }],
  ["list installments due in the next 14 days", "2026-03-15", { kind: "list", entity: "repayments", time: ["2026-03-16", "2026-03-29"] }],
  ["alerts in the last 3 months", "2026-06-30", { metrics: ["alert_count"], time: ["2026-04-01", "2026-06-30"] }],
  ["loans disbursed this month", "2026-06-30", { metrics: ["loan_count"], time: ["2026-06-01", "2026-06-30"] }],
  ["上海分行的NPL ratio多少", "2026-06-30", { metrics: ["npl_ratio"], dimensions: [], filters: [values("city", "Shanghai")] }],
  ["what's the overall campaign conversion rate", "2026-06-30", { metrics: ["conversion_rate"], dimensions: [] }],
  ["open rate of email campaigns", "2026-06-30", { metrics: ["open_rate"], dimensions: [], filters: [values("channel", "email")] }],
  ["Top 10 overdue loans by balance in Shanghai", "2026-06-30", { kind: "list", entity: "loans", order: [["outstanding_balance", "desc"]], limit: 10 }],
  ["高价值客户AUM top5 本月", "2026-06-30", { kind: "list", entity: "customers", order: [["customer_aum", "desc"]], limit: 5 }],
  ["近6个月放款金额按月及环比", "2026-06-30", { dimensions: ["time:month"], compareTo: null }],
  ["近3个月新客户数", "2026-03-15", { metrics: ["customer_count"], filters: [term("new_customer")], time: ["2026-01-01", "2026-03-31"] }],
  ["new customers in the last 3 months", "2025-12-31", { filters: [term("new_customer")], time: ["2025-10-01", "2025-12-31"] }],
];

describe("offline planner: more phrasings and as-of dates", () => {
  it.each(CASES)("%s (as of %s)", (question, asOfDate, expected) => {
    expectPlan(plan(question, asOfDate), expected, question);
  });
});
