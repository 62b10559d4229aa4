/** The churn model's features: one customer's state at the end of a snapshot month, from its history only. */
import type { CustomerHistory } from "./churn-history.ts";
import { daysBetween, firstDayOf, lastDayOf, shiftMonth } from "./scoring-calendar.ts";
import { mean } from "./scoring-math.ts";

/** Feature names, in model order, with bilingual labels. */
export const CHURN_FEATURES = [
  { name: "logins_recent", zh: "近3个月月均登录(对数)", en: "Monthly app logins, last 3 months (log)" },
  { name: "logins_trend", zh: "登录趋势(近3月对前3月)", en: "Login trend (last 3 vs prior 3 months)" },
  { name: "aum_level", zh: "AUM(对数)", en: "AUM (log)" },
  { name: "aum_trend", zh: "AUM趋势(本月对前3-5月均值)", en: "AUM trend (month vs mean of 3-5 months before)" },
  { name: "aum_change_1m", zh: "AUM本月环比(对数)", en: "AUM change this month (log)" },
  { name: "aum_change_prior_1m", zh: "AUM上月环比(对数)", en: "AUM change the month before (log)" },
  { name: "aum_sharp_drop", zh: "AUM两个月内骤降40%以上", en: "AUM fell 40%+ within 2 months" },
  { name: "txn_trend", zh: "交易笔数趋势", en: "Transaction trend" },
  { name: "loans_closed_6m", zh: "近6个月结清贷款数", en: "Loans closed in the last 6 months" },
  { name: "active_loans", zh: "在贷笔数", en: "Active loans" },
  { name: "ever_borrowed", zh: "曾有贷款", en: "Has borrowed" },
  { name: "late_payments", zh: "历史逾期/未还期数", en: "Installments ever paid late or missed" },
  { name: "nps_mean", zh: "NPS平均分", en: "Mean NPS score" },
  { name: "no_survey", zh: "从未参与满意度调查", en: "Never surveyed" },
  { name: "tenure_years", zh: "客户年限", en: "Tenure (years)" },
  { name: "newness", zh: "新客程度 1/(年限+0.3)", en: "Newness 1/(tenure + 0.3)" },
  { name: "days_since_touch", zh: "距上次营销触达天数(对数)", en: "Days since the last marketing touch (log)" },
  { name: "touches_3m", zh: "近3个月营销触达次数", en: "Marketing touches, last 3 months" },
  { name: "nps_shrunk", zh: "NPS均值(向7.5收缩)", en: "Mean NPS shrunk toward 7.5" },
  { name: "clean_borrowing_years", zh: "无逾期借款年限", en: "Years of borrowing without a late payment" },
] as const;
export type ChurnFeatureName = (typeof CHURN_FEATURES)[number]["name"];

/** NPS assumed for customers never surveyed (a passive score; no_survey carries the difference). */
const NEUTRAL_NPS = 7;
/** Days since the last touch assumed for customers never touched. */
const NEVER_TOUCHED_DAYS = 730;
/** NPS the shrunk mean starts from, and how many surveys' worth of weight it has: one survey says little. */
const NPS_PRIOR = 7.5;
const NPS_PRIOR_WEIGHT = 2;
/** Borrowing years counted at most for a clean repayment record (the history is two years long). */
const MAX_CLEAN_YEARS = 2;

/** True when the customer was a customer at the end of the month (onboarded, not yet churned). */
export function wasActiveAt(history: CustomerHistory, month: string): boolean {
  const end = lastDayOf(month);
  return history.onboardDate <= end && (history.churnDate === null || history.churnDate > end);
}

/** True when the customer churned within the `horizon` months after `month`. */
export function churnedWithin(history: CustomerHistory, month: string, horizon: number): boolean {
  return history.churnDate !== null && history.churnDate > lastDayOf(month) && history.churnDate <= lastDayOf(shiftMonth(month, horizon));
}

/** log((a + 1000) / (b + 1000)): a change that small balances cannot blow up. */
const logRatio = (after: number, before: number) => Math.log((Math.max(0, after) + 1000) / (Math.max(0, before) + 1000));

/** Feature values (in CHURN_FEATURES order) of the customer at the end of `month`; only data up to then is read. */
export function churnFeaturesAt(history: CustomerHistory, month: string): number[] {
  const activityOver = (from: number, to: number) => {
    const months = [];
    for (let offset = from; offset <= to; offset++) {
      const activity = history.activity.get(shiftMonth(month, -offset));
      if (activity) months.push(activity);
    }
    return months;
  };
  const recent = activityOver(0, 2);
  const prior = activityOver(3, 5);
  const average = (months: typeof recent, pick: (activity: (typeof recent)[number]) => number) => mean(months.map(pick)) ?? 0;
  const loginsRecent = average(recent, (activity) => activity.appLogins);
  const loginsPrior = prior.length === 0 ? loginsRecent : average(prior, (activity) => activity.appLogins);
  const aumNow = history.activity.get(month)?.aum ?? average(recent, (activity) => activity.aum);
  const aumOneBack = history.activity.get(shiftMonth(month, -1))?.aum ?? aumNow;
  const aumTwoBack = history.activity.get(shiftMonth(month, -2))?.aum ?? aumOneBack;
  const aumPrior = prior.length === 0 ? aumNow : average(prior, (activity) => activity.aum);
  const txnRecent = average(recent, (activity) => activity.txnCount);
  const txnPrior = prior.length === 0 ? txnRecent : average(prior, (activity) => activity.txnCount);

  const end = lastDayOf(month);
  const windowStart = firstDayOf(shiftMonth(month, -5));
  const loansClosed = history.loans.filter((loan) => loan.closedDate !== null && loan.closedDate >= windowStart && loan.closedDate <= end).length;
  const activeLoans = history.loans.filter((loan) => loan.disbursedDate <= end && (loan.closedDate === null || loan.closedDate > end)).length;
  const everBorrowed = history.loans.some((loan) => loan.disbursedDate <= end);
  const latePayments = history.lateDueDates.filter((date) => date <= end).length;
  const surveys = history.surveys.filter((survey) => survey.date <= end);
  const npsMean = mean(surveys.map((survey) => survey.nps)) ?? NEUTRAL_NPS;
  const tenureYears = Math.max(0, daysBetween(history.onboardDate, end)) / 365.25;
  const touches = history.touchDates.filter((date) => date <= end);
  const lastTouch = touches.length === 0 ? null : touches.reduce((latest, date) => (date > latest ? date : latest));
  const threeMonthsStart = firstDayOf(shiftMonth(month, -2));
  const npsShrunk = (surveys.reduce((sum, survey) => sum + survey.nps, 0) + NPS_PRIOR * NPS_PRIOR_WEIGHT) / (surveys.length + NPS_PRIOR_WEIGHT);
  const firstLoanDate = history.loans.reduce<string | null>((first, loan) => (loan.disbursedDate <= end && (first === null || loan.disbursedDate < first) ? loan.disbursedDate : first), null);
  // Years since the first loan while no installment was ever late: a borrower with a long clean record.
  const cleanBorrowingYears = firstLoanDate === null || latePayments > 0 ? 0 : Math.min(MAX_CLEAN_YEARS, daysBetween(firstLoanDate, end) / 365.25);

  return [
    Math.log1p(loginsRecent),
    Math.log((loginsRecent + 1) / (loginsPrior + 1)),
    Math.log1p(Math.max(0, aumNow)),
    logRatio(aumNow, aumPrior),
    logRatio(aumNow, aumOneBack),
    logRatio(aumOneBack, aumTwoBack),
    logRatio(aumNow, aumTwoBack) < Math.log(0.6) ? 1 : 0,
    Math.log((txnRecent + 1) / (txnPrior + 1)),
    loansClosed,
    activeLoans,
    everBorrowed ? 1 : 0,
    latePayments,
    npsMean,
    surveys.length === 0 ? 1 : 0,
    tenureYears,
    1 / (tenureYears + 0.3),
    Math.log1p(lastTouch === null ? NEVER_TOUCHED_DAYS : daysBetween(lastTouch, end)),
    touches.filter((date) => date >= threeMonthsStart).length,
    npsShrunk,
    cleanBorrowingYears,
  ];
}
