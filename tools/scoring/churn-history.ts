/** Loads the history the churn model learns from: customers, monthly activity, loan dates and survey scores. */
import type { Engine } from "../engines/engine.ts";
import { shiftMonth } from "./scoring-calendar.ts";
import { nullableNumber, numberOf, queryRows } from "./scoring-query.ts";

/** One month of a customer's activity. */
export interface ActivityMonth {
  aum: number;
  txnCount: number;
  appLogins: number;
}

/** Everything the churn features read about one customer. */
export interface CustomerHistory {
  customerId: string;
  valueTier: string;
  homeBranchId: string;
  onboardDate: string;
  status: string;
  churnDate: string | null;
  activity: Map<string, ActivityMonth>;
  loans: { disbursedDate: string; closedDate: string | null }[];
  /** Surveys oldest first. */
  surveys: { date: string; nps: number }[];
  /** Dates of marketing touches, oldest first. */
  touchDates: string[];
  /** Due dates of installments paid late, partially or missed, oldest first. */
  lateDueDates: string[];
}

/** Reads the history of every customer for the `months` months ending with `lastMonth`. */
export async function loadCustomerHistories(engine: Engine, lastMonth: string, months: number): Promise<Map<string, CustomerHistory>> {
  const [customers, activity, loans, surveys, touches, lates] = await Promise.all([
    queryRows(engine, "SELECT customer_id, value_tier, home_branch_id, onboard_date, status, churn_date FROM customers"),
    queryRows(engine, "SELECT customer_id, month, aum, txn_count, app_logins FROM customer_monthly WHERE month >= ? AND month <= ?", [
      shiftMonth(lastMonth, 1 - months),
      lastMonth,
    ]),
    queryRows(engine, "SELECT customer_id, disbursed_date, closed_date FROM loans"),
    queryRows(engine, "SELECT customer_id, survey_date, nps_score FROM satisfaction_surveys ORDER BY customer_id, survey_date, survey_id"),
    queryRows(engine, "SELECT customer_id, touched_date FROM campaign_touches ORDER BY customer_id, touched_date"),
    queryRows(
      engine,
      `SELECT l.customer_id, r.due_date FROM repayments r JOIN loans l ON l.loan_id = r.loan_id
       WHERE r.status IN ('paid_late', 'partial', 'missed') ORDER BY l.customer_id, r.due_date`,
    ),
  ]);
  const histories = new Map<string, CustomerHistory>();
  for (const row of customers) {
    const customerId = String(row.customer_id);
    histories.set(customerId, {
      customerId,
      valueTier: String(row.value_tier),
      homeBranchId: String(row.home_branch_id),
      onboardDate: String(row.onboard_date),
      status: String(row.status),
      churnDate: row.churn_date === null || row.churn_date === undefined ? null : String(row.churn_date),
      activity: new Map(),
      loans: [],
      surveys: [],
      touchDates: [],
      lateDueDates: [],
    });
  }
  for (const row of activity) {
    histories.get(String(row.customer_id))?.activity.set(String(row.month), {
      aum: numberOf(row.aum),
      txnCount: numberOf(row.txn_count),
      appLogins: numberOf(row.app_logins),
    });
  }
  for (const row of loans) {
    histories.get(String(row.customer_id))?.loans.push({
      disbursedDate: String(row.disbursed_date),
      closedDate: row.closed_date === null || row.closed_date === undefined ? null : String(row.closed_date),
    });
  }
  for (const row of surveys) {
    const nps = nullableNumber(row.nps_score);
    if (nps !== null) histories.get(String(row.customer_id))?.surveys.push({ date: String(row.survey_date), nps });
  }
  for (const row of touches) histories.get(String(row.customer_id))?.touchDates.push(String(row.touched_date));
  for (const row of lates) histories.get(String(row.customer_id))?.lateDueDates.push(String(row.due_date));
  return histories;
}
