/** Loads the history the churn model learns from: customers, monthly activity, loan dates, surveys, touches, arrears. */
import type { Engine } from "../engines/engine.ts";
import { shiftMonth } from "./scoring-calendar.ts";
import { nullableNumber, numberOf, toDialectPlaceholders } from "./scoring-query.ts";

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

const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/**
 * Reads the history of every customer for the `months` months ending with `lastMonth`. Rows are read as arrays
 * (not records): at scale 1 this is about 600,000 rows.
 */
export async function loadCustomerHistories(engine: Engine, lastMonth: string, months: number): Promise<Map<string, CustomerHistory>> {
  const select = async (sql: string, params: unknown[] = []) => (await engine.query(toDialectPlaceholders(sql, engine.dialect), params)).rows;
  const [customers, activity, loans, surveys, touches, lates] = await Promise.all([
    select("SELECT customer_id, value_tier, home_branch_id, onboard_date, status, churn_date FROM customers"),
    select("SELECT customer_id, month, aum, txn_count, app_logins FROM customer_monthly WHERE month >= ? AND month <= ?", [shiftMonth(lastMonth, 1 - months), lastMonth]),
    select("SELECT customer_id, disbursed_date, closed_date FROM loans"),
    select("SELECT customer_id, survey_date, nps_score FROM satisfaction_surveys ORDER BY customer_id, survey_date, survey_id"),
    select("SELECT customer_id, touched_date FROM campaign_touches ORDER BY customer_id, touched_date"),
    select(
      `SELECT l.customer_id, r.due_date FROM repayments r JOIN loans l ON l.loan_id = r.loan_id
       WHERE r.status IN ('paid_late', 'partial', 'missed') ORDER BY l.customer_id, r.due_date`,
    ),
  ]);
  const histories = new Map<string, CustomerHistory>();
  for (const [customerId, valueTier, homeBranchId, onboardDate, status, churnDate] of customers) {
    histories.set(String(customerId), {
      customerId: String(customerId),
      valueTier: String(valueTier),
      homeBranchId: String(homeBranchId),
      onboardDate: String(onboardDate),
      status: String(status),
      churnDate: textOrNull(churnDate),
      activity: new Map(),
      loans: [],
      surveys: [],
      touchDates: [],
      lateDueDates: [],
    });
  }
  for (const [customerId, month, aum, txnCount, appLogins] of activity) {
    histories.get(String(customerId))?.activity.set(String(month), { aum: numberOf(aum), txnCount: numberOf(txnCount), appLogins: numberOf(appLogins) });
  }
  for (const [customerId, disbursedDate, closedDate] of loans) {
    histories.get(String(customerId))?.loans.push({ disbursedDate: String(disbursedDate), closedDate: textOrNull(closedDate) });
  }
  for (const [customerId, surveyDate, npsScore] of surveys) {
    const nps = nullableNumber(npsScore);
    if (nps !== null) histories.get(String(customerId))?.surveys.push({ date: String(surveyDate), nps });
  }
  for (const [customerId, touchedDate] of touches) histories.get(String(customerId))?.touchDates.push(String(touchedDate));
  for (const [customerId, dueDate] of lates) histories.get(String(customerId))?.lateDueDates.push(String(dueDate));
  return histories;
}
