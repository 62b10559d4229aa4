/** Headline shares of a generated dataset, computed in SQL with DOMAIN.md's formulas (for tests and run reports). */
import type { Database } from "sql.js";
import { SETTINGS } from "../semantic-layer/settings.ts";

/** What a dataset looks like in numbers. Rates are fractions in 0..1. */
export interface DatasetMeasures {
  overdueRate: number;
  nplRatio: number;
  /** Conversion rate (applied / touches) by campaign channel. */
  conversionByChannel: Record<string, number>;
  /** Share of the as-of month's borrowers (scored in both months) whose pd rose by the rising-risk threshold or more. */
  risingRiskShare: number;
  risingRiskCustomers: number;
  highValueRisingCustomers: number;
  /** Share of customers per value tier. */
  valueTierShares: Record<string, number>;
  approvalRate: number;
  nps: number;
  /** Overdue rate per branch, and the branch with the highest. */
  overdueRateByBranch: Record<string, number>;
  worstBranchId: string;
  /** At the worst branch: share of active loans overdue, by disbursement month, for the 6 months before the as-of month. */
  worstBranchVintageOverdueShares: number[];
  /** Customers with a scheduled installment in the next 7 days while another of their loans is overdue. */
  dueSoonWhileOverdueCustomers: number;
  activeCampaigns: number;
}

function rows(database: Database, sql: string): unknown[][] {
  return database.exec(sql)[0]?.values ?? [];
}

function scalar(database: Database, sql: string): number {
  return Number(rows(database, sql)[0]?.[0] ?? 0);
}

const AS_OF = "(SELECT value FROM meta WHERE key = 'as_of_date')";
const RISING = `WITH months AS (SELECT substr(${AS_OF}, 1, 7) AS current_month, strftime('%Y-%m', date(${AS_OF}, 'start of month', '-1 month')) AS previous_month),
  changes AS (SELECT now.customer_id, now.pd - before.pd AS rise FROM risk_scores now JOIN risk_scores before ON before.customer_id = now.customer_id, months
              WHERE now.month = months.current_month AND before.month = months.previous_month)`;

/** Measures a dataset. */
export function measureDataset(database: Database): DatasetMeasures {
  const overdueRateByBranch = Object.fromEntries(
    rows(database, `SELECT branch_id, SUM(CASE WHEN current_dpd > 0 THEN outstanding_balance ELSE 0 END) / SUM(outstanding_balance) FROM loans WHERE status = 'active' GROUP BY branch_id`)
      .map(([branch, rate]) => [String(branch), Number(rate)]),
  );
  const worstBranchId = Object.entries(overdueRateByBranch).sort((left, right) => right[1] - left[1])[0]?.[0] ?? "";
  const vintages = rows(
    database,
    `SELECT substr(disbursed_date, 1, 7) AS month, AVG(current_dpd > 0) FROM loans
     WHERE status = 'active' AND branch_id = '${worstBranchId}'
       AND disbursed_date >= date(${AS_OF}, 'start of month', '-6 month') AND disbursed_date < date(${AS_OF}, 'start of month')
     GROUP BY month ORDER BY month`,
  ).map((row) => Number(row[1]));
  const tiers = rows(database, "SELECT value_tier, COUNT(*) * 1.0 / (SELECT COUNT(*) FROM customers) FROM customers GROUP BY value_tier");
  return {
    overdueRate: scalar(database, "SELECT SUM(CASE WHEN current_dpd > 0 THEN outstanding_balance ELSE 0 END) / SUM(outstanding_balance) FROM loans WHERE status = 'active'"),
    nplRatio: scalar(
      database,
      "SELECT SUM(CASE WHEN risk_class IN ('substandard', 'doubtful', 'loss') THEN outstanding_balance ELSE 0 END) / SUM(outstanding_balance) FROM loans WHERE status = 'active'",
    ),
    conversionByChannel: Object.fromEntries(rows(database, "SELECT channel, AVG(applied) FROM campaign_touches GROUP BY channel").map(([channel, rate]) => [String(channel), Number(rate)])),
    risingRiskShare: scalar(database, `${RISING} SELECT AVG(rise >= ${SETTINGS.rising_risk_threshold}) FROM changes`),
    risingRiskCustomers: scalar(database, `${RISING} SELECT COUNT(*) FROM changes WHERE rise >= ${SETTINGS.rising_risk_threshold}`),
    highValueRisingCustomers: scalar(database, `${RISING} SELECT COUNT(*) FROM changes JOIN customers USING (customer_id) WHERE rise >= ${SETTINGS.rising_risk_threshold} AND value_tier = 'high'`),
    valueTierShares: Object.fromEntries(tiers.map(([tier, share]) => [String(tier), Number(share)])),
    approvalRate: scalar(database, "SELECT SUM(decision = 'approved') * 1.0 / SUM(decision IN ('approved', 'rejected')) FROM applications"),
    nps: scalar(database, "SELECT 100 * (AVG(nps_score >= 9) - AVG(nps_score <= 6)) FROM satisfaction_surveys"),
    overdueRateByBranch,
    worstBranchId,
    worstBranchVintageOverdueShares: vintages,
    dueSoonWhileOverdueCustomers: scalar(
      database,
      `SELECT COUNT(DISTINCT soon.customer_id) FROM loans soon JOIN repayments due ON due.loan_id = soon.loan_id
       WHERE due.status = 'scheduled' AND due.due_date <= date(${AS_OF}, '+7 day')
         AND EXISTS (SELECT 1 FROM loans late WHERE late.customer_id = soon.customer_id AND late.loan_id <> soon.loan_id AND late.status = 'active' AND late.current_dpd > 0)`,
    ),
    activeCampaigns: scalar(database, `SELECT COUNT(*) FROM campaigns WHERE start_date <= ${AS_OF} AND end_date >= ${AS_OF}`),
  };
}
