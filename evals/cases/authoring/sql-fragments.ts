/** SQL pieces for gold queries, written once from shared/DOMAIN.md: time words, metric formulas, terms, joins. */

/** First day of the as-of quarter. */
const QUARTER_START = "date(:as_of, 'start of month', '-' || ((CAST(strftime('%m', :as_of) AS INTEGER) - 1) % 3) || ' months')";

/** Relative time words of DOMAIN.md as predicates on a date, timestamp or month column, resolved against :as_of. */
export const TIME = {
  thisMonth: (column: string) => `substr(${column}, 1, 7) = substr(:as_of, 1, 7)`,
  lastMonth: (column: string) => `substr(${column}, 1, 7) = strftime('%Y-%m', :as_of, 'start of month', '-1 month')`,
  monthsAgo: (column: string, months: number) => `substr(${column}, 1, 7) = strftime('%Y-%m', :as_of, 'start of month', '-${months} months')`,
  lastMonths: (column: string, months: number) =>
    `substr(${column}, 1, 7) BETWEEN strftime('%Y-%m', :as_of, 'start of month', '-${months - 1} months') AND substr(:as_of, 1, 7)`,
  thisQuarter: (column: string) => `substr(${column}, 1, 7) BETWEEN strftime('%Y-%m', ${QUARTER_START}) AND strftime('%Y-%m', ${QUARTER_START}, '+2 months')`,
  lastQuarter: (column: string) => `substr(${column}, 1, 7) BETWEEN strftime('%Y-%m', ${QUARTER_START}, '-3 months') AND strftime('%Y-%m', ${QUARTER_START}, '-1 month')`,
  thisYear: (column: string) => `substr(${column}, 1, 10) BETWEEN strftime('%Y', :as_of) || '-01-01' AND :as_of`,
  lastYear: (column: string) => `substr(${column}, 1, 4) = strftime('%Y', :as_of, 'start of year', '-1 year')`,
  nextDays: (column: string, days: number) => `${column} > :as_of AND ${column} <= date(:as_of, '+${days} days')`,
  lastDays: (column: string, days: number) => `${column} > date(:as_of, '-${days} days') AND ${column} <= :as_of`,
};

/** Period bounds (start, end as 'YYYY-MM-DD' expressions) for metrics defined over a period such as churn rate. */
export const PERIOD = {
  thisMonth: ["date(:as_of, 'start of month')", "date(:as_of, 'start of month', '+1 month', '-1 day')"],
  lastMonth: ["date(:as_of, 'start of month', '-1 month')", "date(:as_of, 'start of month', '-1 day')"],
  thisQuarter: [QUARTER_START, `date(${QUARTER_START}, '+3 months', '-1 day')`],
  lastQuarter: [`date(${QUARTER_START}, '-3 months')`, `date(${QUARTER_START}, '-1 day')`],
  thisYear: ["strftime('%Y', :as_of) || '-01-01'", ":as_of"],
  lastYear: ["date(:as_of, 'start of year', '-1 year')", "date(:as_of, 'start of year', '-1 day')"],
} as const;

/** The as-of month and the month before it, as 'YYYY-MM'. */
export const AS_OF_MONTH = "substr(:as_of, 1, 7)";
export const PREVIOUS_MONTH = "strftime('%Y-%m', :as_of, 'start of month', '-1 month')";

/** Metric formulas (DOMAIN.md), over the aliases l (loans), a (applications), t (campaign_touches), r (repayments), s (surveys), k (risk_scores). */
export const METRIC = {
  loanCount: "COUNT(*)",
  disbursement: "SUM(l.principal)",
  balance: "SUM(l.outstanding_balance)",
  overdueRate: "SUM(CASE WHEN l.current_dpd > 0 THEN l.outstanding_balance ELSE 0 END) / SUM(l.outstanding_balance)",
  m1Rate: "SUM(CASE WHEN l.current_dpd > 30 THEN l.outstanding_balance ELSE 0 END) / SUM(l.outstanding_balance)",
  m3Rate: "SUM(CASE WHEN l.current_dpd > 90 THEN l.outstanding_balance ELSE 0 END) / SUM(l.outstanding_balance)",
  nplRatio: "SUM(CASE WHEN l.risk_class IN ('substandard', 'doubtful', 'loss') THEN l.outstanding_balance ELSE 0 END) / SUM(l.outstanding_balance)",
  approvalRate: "1.0 * SUM(CASE WHEN a.decision = 'approved' THEN 1 ELSE 0 END) / SUM(CASE WHEN a.decision IN ('approved', 'rejected') THEN 1 ELSE 0 END)",
  approvalHours: "AVG((julianday(a.decided_at) - julianday(a.applied_at)) * 24)",
  conversionRate: "1.0 * SUM(t.applied) / COUNT(*)",
  openRate: "1.0 * SUM(t.opened) / COUNT(*)",
  clickRate: "1.0 * SUM(t.clicked) / COUNT(*)",
  nps: "100.0 * (SUM(CASE WHEN s.nps_score >= 9 THEN 1 ELSE 0 END) - SUM(CASE WHEN s.nps_score <= 6 THEN 1 ELSE 0 END)) / COUNT(*)",
  averagePd: "AVG(k.pd)",
  onTimeRate:
    "1.0 * SUM(CASE WHEN r.status = 'paid_on_time' THEN 1 ELSE 0 END) / SUM(CASE WHEN r.status IN ('paid_on_time', 'paid_late', 'partial', 'missed') THEN 1 ELSE 0 END)",
  alertCount: "COUNT(*)",
};

/** Filters that belong with a metric (active loans for state metrics, decided applications for approval time). */
export const ACTIVE = "l.status = 'active'";
export const DECIDED = "a.decided_at IS NOT NULL";
export const NPL_CLASSES = "l.risk_class IN ('substandard', 'doubtful', 'loss')";

/** Joins from loans (l) to branches (b), products (p) and customers (c). */
export const JOIN = {
  branch: "JOIN branches b ON b.branch_id = l.branch_id",
  product: "JOIN products p ON p.product_id = l.product_id",
  customer: "JOIN customers c ON c.customer_id = l.customer_id",
  applicationProduct: "JOIN products p ON p.product_id = a.product_id",
  applicationCustomer: "JOIN customers c ON c.customer_id = a.customer_id",
  touchCampaign: "JOIN campaigns g ON g.campaign_id = t.campaign_id",
  touchCustomer: "JOIN customers c ON c.customer_id = t.customer_id",
  repaymentLoan: "JOIN loans l ON l.loan_id = r.loan_id",
};

/** Age in whole years at the as-of date, of a birth_date column. */
export function age(column = "c.birth_date"): string {
  return `(CAST(strftime('%Y', :as_of) AS INTEGER) - CAST(strftime('%Y', ${column}) AS INTEGER) - (strftime('%m-%d', :as_of) < strftime('%m-%d', ${column})))`;
}

/** Customers whose pd rose by at least 0.02 from the month before the as-of month (rising repayment risk). */
export const RISING_RISK_CUSTOMERS =
  `SELECT k.customer_id, k.pd, k0.pd AS previous_pd FROM risk_scores k JOIN risk_scores k0 ON k0.customer_id = k.customer_id AND k0.month = ${PREVIOUS_MONTH} WHERE k.month = ${AS_OF_MONTH} AND k.pd - k0.pd >= 0.02`;

/** Churn rate over a period with start and end expressions (DOMAIN.md formula, literally). */
export function churnRate(period: readonly [string, string], extraWhere = ""): string {
  const [start, end] = period;
  const filter = extraWhere ? ` WHERE ${extraWhere}` : "";
  return `SELECT 1.0 * SUM(CASE WHEN churn_date BETWEEN ${start} AND ${end} THEN 1 ELSE 0 END) / SUM(CASE WHEN onboard_date < ${start} AND (churn_date IS NULL OR churn_date >= ${start}) THEN 1 ELSE 0 END) AS churn_rate FROM customers${filter}`;
}

/** A SELECT statement from parts; empty parts are left out. */
export function select(parts: { select: string[]; from: string; joins?: string[]; where?: string[]; groupBy?: string[]; having?: string; orderBy?: string; limit?: number }): string {
  const pieces = [`SELECT ${parts.select.join(", ")}`, `FROM ${parts.from}`];
  if (parts.joins?.length) pieces.push(parts.joins.join(" "));
  if (parts.where?.length) pieces.push(`WHERE ${parts.where.join(" AND ")}`);
  if (parts.groupBy?.length) pieces.push(`GROUP BY ${parts.groupBy.join(", ")}`);
  if (parts.having) pieces.push(`HAVING ${parts.having}`);
  if (parts.orderBy) pieces.push(`ORDER BY ${parts.orderBy}`);
  if (parts.limit !== undefined) pieces.push(`LIMIT ${parts.limit}`);
  return pieces.join(" ");
}

/** A state metric over active loans (l), optionally grouped and filtered. */
export function loanState(metric: string, options: { by?: string[]; joins?: string[]; where?: string[]; orderBy?: string; limit?: number } = {}): string {
  return select({
    select: [...(options.by ?? []), `${metric} AS value`],
    from: "loans l",
    joins: options.joins,
    where: [ACTIVE, ...(options.where ?? [])],
    groupBy: options.by?.map((expression) => expression.replace(/ AS \w+$/, "")),
    orderBy: options.orderBy,
    limit: options.limit,
  });
}
