/** Plans of period comparisons, bucket-over-bucket trends and shares, checked by hand and on both engines. */
import type { QueryPlanInput } from "../../plan/query-plan.ts";

const LAST_WEEK = { start: "2026-06-24", end: "2026-06-30" };
const WEEK_BEFORE = { start: "2026-06-17", end: "2026-06-23" };
const HALF_YEAR = { start: "2026-01-01", end: "2026-06-30" };

export const COMPARISON_PLANS = {
  /** Some products lent only in the earlier week: they show with a NULL current value. */
  weekOverWeekByProduct: {
    query: { kind: "aggregate", metrics: ["loan_count", "disbursement_amount"], dimensions: [{ id: "product" }], time: LAST_WEEK, compareTo: WEEK_BEFORE },
  },
  /** Several parts (loans and customers) compared by city. */
  halfYearsByCityTwoParts: {
    query: {
      kind: "aggregate",
      metrics: ["loan_count", "customer_count"],
      dimensions: [{ id: "city" }],
      time: HALF_YEAR,
      compareTo: { start: "2025-07-01", end: "2025-12-31" },
      having: [{ metric: "loan_count", op: "gt", value: 5 }],
    },
  },
  /** 今年和去年同期的放款笔数对比, one row per year. */
  thisYearVsLastYearRows: {
    query: { kind: "aggregate", metrics: ["loan_count"], time: HALF_YEAR, compareTo: { start: "2025-01-01", end: "2025-06-30" }, compareLayout: "rows" },
  },
  /** This month vs last month by region, one row per region and month. */
  monthVsMonthByRegionRows: {
    query: {
      kind: "aggregate",
      metrics: ["loan_count", "disbursement_amount"],
      dimensions: [{ id: "region" }],
      time: { start: "2026-06-01", end: "2026-06-30" },
      compareTo: { start: "2026-05-01", end: "2026-05-31" },
      compareLayout: "rows",
    },
  },
  /** 近6个月放款金额按月及环比. */
  disbursementMonthOverMonth: {
    query: { kind: "aggregate", metrics: ["disbursement_amount"], dimensions: [{ id: "time", grain: "month" }], time: HALF_YEAR, bucketChange: true },
  },
  /** Per branch and month: months without loans leave gaps, whose next month has no previous value. */
  loansMonthOverMonthByBranch: {
    query: { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "time", grain: "month" }, { id: "branch" }], time: HALF_YEAR, bucketChange: true },
  },
  /** A range starting mid-month: the first month counts from the 15th, its previous month is whole. */
  midMonthStart: {
    query: { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "time", grain: "month" }], time: { start: "2026-01-15", end: "2026-06-30" }, bucketChange: true },
  },
  /** Days: the first day's previous value is the day before the range. */
  applicationsDayOverDay: {
    query: { kind: "aggregate", metrics: ["application_count"], dimensions: [{ id: "time", grain: "day" }], time: { start: "2026-06-01", end: "2026-06-30" }, bucketChange: true },
  },
  /** A period metric (one SELECT per bucket) with a loan metric, quarter over quarter. */
  churnAndLoansQuarterOverQuarter: {
    query: { kind: "aggregate", metrics: ["churn_rate", "loan_count"], dimensions: [{ id: "time", grain: "quarter" }], time: { start: "2025-07-01", end: "2026-06-30" }, bucketChange: true },
  },
  /** Year over year by year. */
  applicationsYearOverYear: {
    query: { kind: "aggregate", metrics: ["application_count", "approval_rate"], dimensions: [{ id: "time", grain: "year" }], time: { start: "2025-01-01", end: "2026-06-30" }, bucketChange: true },
  },
  /** 各产品类别放款金额占比. */
  disbursementShareByCategory: {
    query: { kind: "aggregate", metrics: ["disbursement_amount", "loan_count"], dimensions: [{ id: "product_category" }], time: HALF_YEAR, share: true },
  },
  /** Shares are of every group's total, also when HAVING and LIMIT keep fewer groups. */
  balanceShareTopBranches: {
    query: {
      kind: "aggregate",
      metrics: ["outstanding_balance"],
      dimensions: [{ id: "branch" }],
      having: [{ metric: "outstanding_balance", op: "gt", value: 1000000 }],
      order: [{ by: "outstanding_balance", direction: "desc" }],
      limit: 5,
      share: true,
    },
  },
  /** By month and region: each region's share within its month. */
  loanShareByRegionPerMonth: {
    query: { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "time", grain: "month" }, { id: "region" }], time: HALF_YEAR, share: true },
  },
} satisfies Record<string, QueryPlanInput>;

export type ComparisonPlanName = keyof typeof COMPARISON_PLANS;
