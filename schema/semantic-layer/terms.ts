/** The glossary (术语): each term is a filter with exactly one meaning, as DOMAIN.md defines it. */
import type { Term } from "./types.ts";

type TermInput = Omit<Term, "needsPeriod"> & { needsPeriod?: boolean };

const customerHasLoan = (condition: string) =>
  `EXISTS (SELECT 1 FROM loans term_loans WHERE term_loans.customer_id = customers.customer_id AND ${condition})`;

const RISING_RISK_CUSTOMERS =
  "SELECT current_scores.customer_id FROM risk_scores current_scores JOIN risk_scores previous_scores ON previous_scores.customer_id = current_scores.customer_id AND previous_scores.month = {{previous_month}} WHERE current_scores.month = {{month}} AND current_scores.pd - previous_scores.pd >= {{setting.rising_risk_threshold}}";

export const TERMS: TermInput[] = [
  {
    id: "high_value",
    names: { zh: ["高价值客户", "高价值", "高净值客户", "优质客户", "大客户"], en: ["high-value customers", "high value", "high-value", "high value customers", "hvc", "premium customers"] },
    description: { zh: "高价值客户:value_tier = 'high'(AUM ≥ 50万 或 在贷余额 ≥ 100万)", en: "High-value customer: value_tier = 'high' (AUM >= 500k or outstanding >= 1m)" },
    formula: "customers.value_tier = 'high'",
    entity: "customers",
    sql: "customers.value_tier = 'high'",
  },
  {
    id: "medium_value",
    names: { zh: ["中等价值客户", "中等价值", "中价值客户"], en: ["medium-value customers", "medium value", "mid-value customers", "medium-value"] },
    description: { zh: "中等价值客户:value_tier = 'medium'", en: "Medium-value customer: value_tier = 'medium'" },
    formula: "customers.value_tier = 'medium'",
    entity: "customers",
    sql: "customers.value_tier = 'medium'",
  },
  {
    id: "low_value",
    names: { zh: ["低价值客户", "低价值"], en: ["low-value customers", "low value", "low-value"] },
    description: { zh: "低价值客户:value_tier = 'low'", en: "Low-value customer: value_tier = 'low'" },
    formula: "customers.value_tier = 'low'",
    entity: "customers",
    sql: "customers.value_tier = 'low'",
  },
  {
    id: "borrower",
    names: { zh: ["借款客户", "借款人", "在贷客户", "有贷户", "贷款客户"], en: ["borrowers", "borrower", "customers with loans", "customers with an active loan"] },
    description: { zh: "借款客户:至少有一笔在贷(status = active)贷款的客户", en: "Borrower: a customer with at least one active loan" },
    formula: "EXISTS loan with status = 'active'",
    entity: "customers",
    sql: customerHasLoan("term_loans.status = 'active'"),
  },
  {
    id: "overdue",
    names: { zh: ["逾期贷款", "逾期", "逾期客户", "拖欠", "逾期的"], en: ["overdue loans", "overdue", "past due", "delinquent", "in arrears", "overdue customers"] },
    description: { zh: "逾期贷款:status = active 且 current_dpd > 0", en: "Overdue loan: status = 'active' and current_dpd > 0" },
    formula: "status = 'active' AND current_dpd > 0",
    entity: "loans",
    sql: "loans.status = 'active' AND loans.current_dpd > 0",
    byEntity: { customers: customerHasLoan("term_loans.status = 'active' AND term_loans.current_dpd > 0") },
  },
  {
    id: "delinquent_30",
    names: { zh: ["M1+逾期", "逾期30天以上", "30天以上逾期", "M1+", "30+"], en: ["30+", "30+ delinquent", "delinquent 30+", "30+ dpd", "more than 30 days past due", "m1+", "30+ days past due", "over 30 days past due"] },
    description: { zh: "M1+逾期:status = active 且 current_dpd > 30", en: "Delinquent 30+: status = 'active' and current_dpd > 30" },
    formula: "status = 'active' AND current_dpd > 30",
    entity: "loans",
    sql: "loans.status = 'active' AND loans.current_dpd > 30",
    byEntity: { customers: customerHasLoan("term_loans.status = 'active' AND term_loans.current_dpd > 30") },
  },
  {
    id: "delinquent_90",
    names: { zh: ["逾期90天以上", "90天以上逾期", "90+逾期", "M3+", "90+"], en: ["90+", "90+ delinquent", "delinquent 90+", "90+ dpd", "more than 90 days past due", "90+ days past due", "over 90 days past due"] },
    description: { zh: "90+逾期:status = active 且 current_dpd > 90", en: "Delinquent 90+: status = 'active' and current_dpd > 90" },
    formula: "status = 'active' AND current_dpd > 90",
    entity: "loans",
    sql: "loans.status = 'active' AND loans.current_dpd > 90",
    byEntity: { customers: customerHasLoan("term_loans.status = 'active' AND term_loans.current_dpd > 90") },
  },
  {
    id: "npl",
    names: { zh: ["不良贷款", "不良", "不良资产"], en: ["non-performing loans", "npl", "npls", "non performing loans", "bad loans", "non performing", "nonperforming", "nonperforming loans"] },
    description: { zh: "不良贷款:status = active 且五级分类为次级、可疑、损失", en: "NPL: status = 'active' and risk_class in (substandard, doubtful, loss)" },
    formula: "status = 'active' AND risk_class IN ('substandard','doubtful','loss')",
    entity: "loans",
    sql: "loans.status = 'active' AND loans.risk_class IN ('substandard', 'doubtful', 'loss')",
    byEntity: { customers: customerHasLoan("term_loans.status = 'active' AND term_loans.risk_class IN ('substandard', 'doubtful', 'loss')") },
  },
  {
    id: "active_loan",
    names: { zh: ["在贷", "存续贷款", "未结清贷款", "在贷贷款"], en: ["active loans", "active", "open loans", "live loans"] },
    description: { zh: "在贷贷款:status = active", en: "Active loan: status = 'active'" },
    formula: "loans.status = 'active'",
    entity: "loans",
    sql: "loans.status = 'active'",
  },
  {
    id: "rising_repayment_risk",
    names: {
      zh: ["还款风险上升", "风险上升", "违约风险上升", "PD上升", "风险升高", "还款风险升高", "风险变高", "风险加大", "风险提高", "风险增加", "PD升高", "违约概率上升", "PD上涨", "PD涨", "PD走高", "PD变高", "违约概率上涨", "违约概率升高", "违约概率涨"],
      en: [
        "rising repayment risk",
        "repayment risk rising",
        "rising risk",
        "risk rising",
        "increasing risk",
        "pd rising",
        "rising pd",
        "risk going up",
        "risk increased",
        "risk went up",
        "risk rose",
        "pd went up",
        "pd increased",
        "pd rose",
        "pd going up",
        "pd gone up",
        "pd go up",
        "pd goes up",
        "rising probability of default",
      ],
    },
    description: {
      zh: "还款风险上升:客户当月 PD 较上月上升 ≥ 0.02(阈值为语义层设置)",
      en: "Rising repayment risk: the customer's PD this month minus last month is >= 0.02 (a semantic-layer setting)",
    },
    formula: "pd(M) - pd(M-1) >= 0.02",
    entity: "customers",
    sql: `customers.customer_id IN (${RISING_RISK_CUSTOMERS})`,
    showAttributes: ["pd_previous", "pd_current", "pd_change"],
    order: { attribute: "pd_change", direction: "desc" },
  },
  {
    id: "new_customer",
    names: { zh: ["新客户", "新增客户", "新开户客户", "新客", "新开户"], en: ["new customers", "new customer", "newly onboarded", "new clients"] },
    description: { zh: "新客户:开户日期在所问期间内", en: "New customer: onboard_date within the period" },
    formula: "onboard_date within the period",
    entity: "customers",
    sql: "customers.onboard_date >= {{period_start}} AND customers.onboard_date <= {{period_end}}",
    needsPeriod: true,
  },
  {
    id: "churned",
    names: { zh: ["流失客户", "已流失", "流失", "流失的客户"], en: ["churned customers", "churned", "lost customers", "attrited customers"] },
    description: { zh: "流失客户:status = 'churned';问到期间时为 churn_date 在期间内", en: "Churned customer: status = 'churned'; in a period, churn_date within it" },
    formula: "customers.status = 'churned'",
    entity: "customers",
    sql: "customers.status = 'churned'",
  },
  {
    id: "young",
    names: { zh: ["年轻客户", "年轻人", "年轻", "30岁以下"], en: ["young customers", "young", "under 30", "younger customers", "under-30", "under-30 customers"] },
    description: { zh: "年轻客户:年龄(出生日期到数据日期的整岁)< 30", en: "Young customer: age (whole years from birth_date to the as-of date) < 30" },
    formula: "age < 30",
    entity: "customers",
    sql: "customers.birth_date > {{young_birth_cutoff}}",
  },
  {
    id: "active_campaign",
    names: {
      zh: ["进行中的活动", "在线活动", "正在进行的活动", "进行中", "当前活动", "正在进行的营销活动", "在进行的活动", "正在做的活动", "还在进行的活动", "在跑的活动", "在跑的营销活动", "正在跑的活动", "还在跑的活动", "在跑", "正在跑", "还在跑", "在投放的活动", "正在投放", "在进行", "正在进行", "还在进行", "在进行中", "正在进行中", "仍在进行"],
      en: ["active campaigns", "running campaigns", "live campaigns", "ongoing campaigns", "current campaigns", "campaigns are running", "campaigns running", "campaigns currently running", "campaigns are currently running", "currently running campaigns", "campaigns still running", "campaigns running now", "campaigns are live", "campaigns in progress", "campaigns underway", "currently running", "still running", "running now", "that are running", "which are running", "campaigns are active", "campaigns are currently active", "campaigns are still active", "campaigns that are active", "campaigns currently active", "campaigns still active", "campaigns active now", "campaigns are active now"],
    },
    description: { zh: "进行中的活动:start_date ≤ 数据日期 ≤ end_date", en: "Active campaign: start_date <= as_of_date <= end_date" },
    formula: "start_date <= as_of_date <= end_date",
    entity: "campaigns",
    sql: "campaigns.start_date <= {{as_of_date}} AND campaigns.end_date >= {{as_of_date}}",
  },
  {
    id: "due_soon",
    names: { zh: ["即将到期还款", "即将到期", "近期到期", "下周到期", "7天内到期", "快到期"], en: ["due soon", "coming due", "due next week", "upcoming installments", "due in the next 7 days"] },
    description: { zh: "即将到期还款:status = 'scheduled' 且应还日期在未来 7 天内", en: "Due soon: repayments with status = 'scheduled' and due_date in the next 7 days" },
    formula: "status = 'scheduled' AND due_date in (as_of_date, as_of_date + 7]",
    entity: "repayments",
    sql: "repayments.status = 'scheduled' AND repayments.due_date > {{as_of_date}} AND repayments.due_date <= {{due_soon_end}}",
    byEntity: {
      customers:
        "EXISTS (SELECT 1 FROM repayments term_repayments JOIN loans term_loans ON term_loans.loan_id = term_repayments.loan_id WHERE term_loans.customer_id = customers.customer_id AND term_repayments.status = 'scheduled' AND term_repayments.due_date > {{as_of_date}} AND term_repayments.due_date <= {{due_soon_end}})",
      loans:
        "EXISTS (SELECT 1 FROM repayments term_repayments WHERE term_repayments.loan_id = loans.loan_id AND term_repayments.status = 'scheduled' AND term_repayments.due_date > {{as_of_date}} AND term_repayments.due_date <= {{due_soon_end}})",
    },
  },
  {
    id: "converted_touch",
    names: { zh: ["已转化", "转化成功", "成功转化"], en: ["converted", "convert", "converted touch", "converted touches"] },
    description: { zh: "已转化触达:触达后客户提交了贷款申请(applied = 1)", en: "Converted touch: the customer applied after the touch (applied = 1)" },
    formula: "campaign_touches.applied = 1",
    entity: "campaign_touches",
    sql: "campaign_touches.applied = 1",
  },
  {
    id: "unresolved_alert",
    names: { zh: ["未解决预警", "未处理预警", "未结预警", "待处理预警", "预警没解决", "预警未解决", "没解决的预警", "没有解决的预警"], en: ["open alerts", "unresolved alerts", "pending alerts", "unhandled alerts"] },
    description: { zh: "未解决预警:status 为 open 或 in_progress", en: "Unresolved alert: status open or in_progress" },
    formula: "risk_alerts.status IN ('open','in_progress')",
    entity: "risk_alerts",
    sql: "risk_alerts.status IN ('open', 'in_progress')",
    byEntity: {
      customers: "EXISTS (SELECT 1 FROM risk_alerts term_alerts WHERE term_alerts.customer_id = customers.customer_id AND term_alerts.status IN ('open', 'in_progress'))",
    },
  },
];
