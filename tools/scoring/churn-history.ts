/** Loads the history the churn model learns from: customers, monthly activity, loan dates, surveys, touches, arrears. */
import type { Engine } from "../engines/engine.ts";
import { shiftMonth } from "./scoring-calendar.ts";
import { readAllRows } from "./paged-read.ts";
import { nullableNumber, numberOf } from "./scoring-query.ts";

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

/** Orders rows by their text columns at `indexes` (dates as 'YYYY-MM-DD' sort as text), stable otherwise. */
const byColumns = (...indexes: number[]) => (left: unknown[], right: unknown[]) => {
  for (const index of indexes) {
    const a = String(left[index]);
    const b = String(right[index]);
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
};

/**
 * Reads the history of every customer for the `months` months ending with `lastMonth`. Rows are read as arrays
 * (not records): at scale 1 this is about 600,000 rows, read in keyset pages so that a guarded engine's row cap
 * (the product runs tools through the SQL guard) cannot silently cut the history short.
 */
export async function loadCustomerHistories(engine: Engine, lastMonth: string, months: number): Promise<Map<string, CustomerHistory>> {
  const [customers, activity, loans, surveys, touches, lates] = await Promise.all([
    readAllRows(engine, { key: ["customer_id"], columns: ["value_tier", "home_branch_id", "onboard_date", "status", "churn_date"], from: "customers" }),
    readAllRows(engine, {
      key: ["customer_id", "month"],
      columns: ["aum", "txn_count", "app_logins"],
      from: "customer_monthly",
      where: ["month >= ?", "month <= ?"],
      params: [shiftMonth(lastMonth, 1 - months), lastMonth],
    }),
    readAllRows(engine, { key: ["loan_id"], columns: ["customer_id", "disbursed_date", "closed_date"], from: "loans" }),
    readAllRows(engine, { key: ["survey_id"], columns: ["customer_id", "survey_date", "nps_score"], from: "satisfaction_surveys" }),
    readAllRows(engine, { key: ["touch_id"], columns: ["customer_id", "touched_date"], from: "campaign_touches" }),
    readAllRows(engine, {
      key: ["r.repayment_id"],
      columns: ["l.customer_id", "r.due_date"],
      from: "repayments r JOIN loans l ON l.loan_id = r.loan_id",
      where: ["r.status IN ('paid_late', 'partial', 'missed')"],
    }),
  ]);
  // Oldest first within a customer, ties by id, as the features expect.
  surveys.sort(byColumns(1, 2, 0));
  touches.sort(byColumns(1, 2, 0));
  lates.sort(byColumns(1, 2, 0));
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
  for (const [, customerId, disbursedDate, closedDate] of loans) {
    histories.get(String(customerId))?.loans.push({ disbursedDate: String(disbursedDate), closedDate: textOrNull(closedDate) });
  }
  for (const [, customerId, surveyDate, npsScore] of surveys) {
    const nps = nullableNumber(npsScore);
    if (nps !== null) histories.get(String(customerId))?.surveys.push({ date: String(surveyDate), nps });
  }
  for (const [, customerId, touchedDate] of touches) histories.get(String(customerId))?.touchDates.push(String(touchedDate));
  for (const [, customerId, dueDate] of lates) histories.get(String(customerId))?.lateDueDates.push(String(dueDate));
  return histories;
}
