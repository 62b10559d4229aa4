/**
 * Hand-written SQLite reference SQL for every metric, written from DOMAIN.md's formulas (not from the semantic
 * layer), with one dimension and one term each, so compiled plans can be checked against them.
 */

/** How to compute one metric by hand. */
export interface MetricReference {
  metric: string;
  /** FROM clause (the metric's table). */
  from: string;
  /** Rows that count at all (active loans, decided applications). */
  where?: string;
  /** The aggregate, exactly as DOMAIN.md states it. */
  value: string;
  date: { column: string; type: "date" | "timestamp" | "month" };
  /** Metrics of the as-of month unless the question names a period. */
  asOfMonthDefault?: boolean;
  dimension: { id: string; expression: string; join?: string };
  term: { id: string; condition: string; join?: string };
}

const active = "loans.status = 'active'";
const rate = (numerator: string, denominator: string) => `(${numerator}) * 1.0 / NULLIF(${denominator}, 0)`;
const loanCustomer = "JOIN customers ON customers.customer_id = loans.customer_id";
const highValue = "customers.value_tier = 'high'";

const loans = (metric: string, value: string, dimension: MetricReference["dimension"], where?: string): MetricReference => ({
  metric,
  from: "loans",
  where,
  value,
  date: { column: "loans.disbursed_date", type: "date" },
  dimension,
  term: { id: "high_value", join: loanCustomer, condition: highValue },
});
const balanceWhere = (condition: string) => `SUM(CASE WHEN ${condition} THEN loans.outstanding_balance ELSE 0 END)`;
const NPL = "loans.risk_class IN ('substandard', 'doubtful', 'loss')";

export const METRIC_REFERENCES: MetricReference[] = [
  loans("loan_count", "COUNT(*)", { id: "branch", expression: "loans.branch_id" }),
  loans("disbursement_amount", "SUM(loans.principal)", { id: "product_category", expression: "products.category", join: "JOIN products ON products.product_id = loans.product_id" }),
  loans("average_loan_amount", "AVG(loans.principal)", { id: "channel", expression: "loans.channel" }),
  loans("outstanding_balance", "SUM(loans.outstanding_balance)", { id: "city", expression: "branches.city", join: "JOIN branches ON branches.branch_id = loans.branch_id" }, active),
  loans("overdue_rate", rate(balanceWhere("loans.current_dpd > 0"), "SUM(loans.outstanding_balance)"), { id: "region", expression: "branches.region", join: "JOIN branches ON branches.branch_id = loans.branch_id" }, active),
  loans("overdue_30_rate", rate(balanceWhere("loans.current_dpd > 30"), "SUM(loans.outstanding_balance)"), { id: "product", expression: "loans.product_id" }, active),
  loans("overdue_90_rate", rate(balanceWhere("loans.current_dpd > 90"), "SUM(loans.outstanding_balance)"), { id: "secured", expression: "products.secured", join: "JOIN products ON products.product_id = loans.product_id" }, active),
  loans("npl_ratio", rate(balanceWhere(NPL), "SUM(loans.outstanding_balance)"), { id: "risk_class", expression: "loans.risk_class" }, active),
  loans("npl_balance", balanceWhere(NPL), { id: "value_tier", expression: "customers.value_tier", join: loanCustomer }, active),
  loans(
    "overdue_balance",
    balanceWhere("loans.current_dpd > 0"),
    {
      id: "dpd_bucket",
      expression:
        "CASE WHEN loans.current_dpd = 0 THEN 'current' WHEN loans.current_dpd <= 30 THEN '1-30' WHEN loans.current_dpd <= 60 THEN '31-60' WHEN loans.current_dpd <= 90 THEN '61-90' ELSE '90+' END",
    },
    active,
  ),
  ...[
    ["application_count", "COUNT(*)", undefined],
    ["approval_rate", rate("SUM(applications.decision = 'approved')", "SUM(applications.decision IN ('approved', 'rejected'))"), undefined],
    ["average_approval_hours", "AVG((julianday(applications.decided_at) - julianday(applications.applied_at)) * 24)", "applications.decided_at IS NOT NULL"],
    ["requested_amount_total", "SUM(applications.requested_amount)", undefined],
    ["approved_amount_total", "SUM(applications.approved_amount)", "applications.decision = 'approved'"],
  ].map(([metric, value, where], index): MetricReference => ({
    metric: metric as string,
    from: "applications",
    where,
    value: value as string,
    date: { column: "applications.applied_at", type: "timestamp" },
    dimension: index === 0 ? { id: "decision", expression: "applications.decision" } : { id: "channel", expression: "applications.channel" },
    term: { id: "young", join: "JOIN customers ON customers.customer_id = applications.customer_id", condition: "customers.birth_date > '1996-06-30'" },
  })),
  ...[
    ["touch_count", "COUNT(*)"],
    ["conversion_rate", rate("SUM(campaign_touches.applied)", "COUNT(*)")],
    ["open_rate", rate("SUM(campaign_touches.opened)", "COUNT(*)")],
    ["click_rate", rate("SUM(campaign_touches.clicked)", "COUNT(*)")],
  ].map(([metric, value]): MetricReference => ({
    metric,
    from: "campaign_touches",
    value,
    date: { column: "campaign_touches.touched_date", type: "date" },
    dimension: { id: "campaign", expression: "campaign_touches.campaign_id" },
    term: { id: "high_value", join: "JOIN customers ON customers.customer_id = campaign_touches.customer_id", condition: highValue },
  })),
  ...[
    [
      "cost_per_application",
      rate("SUM(campaigns.budget)", "SUM((SELECT COUNT(*) FROM campaign_touches touches WHERE touches.campaign_id = campaigns.campaign_id AND touches.applied = 1))"),
    ],
    ["campaign_budget", "SUM(campaigns.budget)"],
    ["campaign_count", "COUNT(*)"],
  ].map(([metric, value]): MetricReference => ({
    metric,
    from: "campaigns",
    value,
    date: { column: "campaigns.start_date", type: "date" },
    dimension: { id: "campaign", expression: "campaigns.campaign_id" },
    term: { id: "active_campaign", condition: "campaigns.start_date <= '2026-06-30' AND campaigns.end_date >= '2026-06-30'" },
  })),
  {
    metric: "customer_count",
    from: "customers",
    value: "COUNT(*)",
    date: { column: "customers.onboard_date", type: "date" },
    dimension: { id: "occupation", expression: "customers.occupation" },
    term: { id: "borrower", condition: "EXISTS (SELECT 1 FROM loans WHERE loans.customer_id = customers.customer_id AND loans.status = 'active')" },
  },
  ...[
    ["nps", "100.0 * (SUM(satisfaction_surveys.nps_score >= 9) - SUM(satisfaction_surveys.nps_score <= 6)) / NULLIF(COUNT(*), 0)"],
    ["average_satisfaction_score", "AVG(satisfaction_surveys.nps_score)"],
    ["survey_count", "COUNT(*)"],
  ].map(([metric, value]): MetricReference => ({
    metric,
    from: "satisfaction_surveys",
    value,
    date: { column: "satisfaction_surveys.survey_date", type: "date" },
    dimension: { id: "channel", expression: "satisfaction_surveys.channel" },
    term: { id: "high_value", join: "JOIN customers ON customers.customer_id = satisfaction_surveys.customer_id", condition: highValue },
  })),
  ...[
    ["average_pd", "AVG(risk_scores.pd)"],
    ["average_risk_score", "AVG(risk_scores.score)"],
  ].map(([metric, value]): MetricReference => ({
    metric,
    from: "risk_scores",
    value,
    date: { column: "risk_scores.month", type: "month" },
    asOfMonthDefault: true,
    dimension: { id: "risk_grade", expression: "risk_scores.risk_grade" },
    term: { id: "high_value", join: "JOIN customers ON customers.customer_id = risk_scores.customer_id", condition: highValue },
  })),
  ...[
    ["on_time_repayment_rate", rate("SUM(repayments.status = 'paid_on_time')", "SUM(repayments.status IN ('paid_on_time', 'paid_late', 'partial', 'missed'))")],
    ["due_amount", "SUM(repayments.due_amount)"],
    ["installment_count", "COUNT(*)"],
  ].map(([metric, value]): MetricReference => ({
    metric,
    from: "repayments",
    value,
    date: { column: "repayments.due_date", type: "date" },
    dimension: { id: "repayment_status", expression: "repayments.status" },
    term: { id: "overdue", join: "JOIN loans ON loans.loan_id = repayments.loan_id", condition: "loans.status = 'active' AND loans.current_dpd > 0" },
  })),
  {
    metric: "alert_count",
    from: "risk_alerts",
    value: "COUNT(*)",
    date: { column: "risk_alerts.created_date", type: "date" },
    dimension: { id: "severity", expression: "risk_alerts.severity" },
    term: { id: "unresolved_alert", condition: "risk_alerts.status IN ('open', 'in_progress')" },
  },
  {
    metric: "collection_action_count",
    from: "collection_actions",
    value: "COUNT(*)",
    date: { column: "collection_actions.action_date", type: "date" },
    dimension: { id: "action_type", expression: "collection_actions.action_type" },
    term: { id: "npl", join: "JOIN loans ON loans.loan_id = collection_actions.loan_id", condition: `loans.status = 'active' AND ${NPL}` },
  },
  ...[
    ["total_aum", "SUM(customer_monthly.aum)"],
    ["average_aum", "AVG(customer_monthly.aum)"],
    ["average_credit_utilization", "AVG(customer_monthly.credit_utilization)"],
  ].map(([metric, value]): MetricReference => ({
    metric,
    from: "customer_monthly",
    value,
    date: { column: "customer_monthly.month", type: "month" },
    asOfMonthDefault: true,
    dimension: { id: "city", expression: "customers.city", join: "JOIN customers ON customers.customer_id = customer_monthly.customer_id" },
    term: { id: "high_value", join: "JOIN customers ON customers.customer_id = customer_monthly.customer_id", condition: highValue },
  })),
];

/** Churn rate over [start, end], exactly as DOMAIN.md writes it: customers with churn_date in P over those at risk at P's start. */
export function churnRateReference(start: string, end: string, extraCondition = "1 = 1"): string {
  return `SELECT (SUM(customers.churn_date >= '${start}' AND customers.churn_date <= '${end}')) * 1.0 / NULLIF(SUM(customers.onboard_date < '${start}' AND (customers.churn_date IS NULL OR customers.churn_date >= '${start}')), 0) FROM customers WHERE ${extraCondition}`;
}
