/** Representative plans whose SQL is pinned per dialect in compile-plan.test.ts. */
import type { QueryPlanInput } from "../../plan/query-plan.ts";

export const PINNED_PLANS = {
  ratioByBranch: { query: { kind: "aggregate", metrics: ["overdue_rate"], dimensions: [{ id: "branch" }] } },
  twoFiltersByCityTopFive: {
    query: {
      kind: "aggregate",
      metrics: ["loan_count", "outstanding_balance"],
      dimensions: [{ id: "city" }],
      filters: [{ kind: "term", term: "high_value" }],
      order: [{ by: "outstanding_balance", direction: "desc" }],
      limit: 5,
    },
  },
  asOfMonthDefault: { query: { kind: "aggregate", metrics: ["average_pd"] } },
  monthTrend: { query: { kind: "aggregate", metrics: ["disbursement_amount"], dimensions: [{ id: "time", grain: "month" }], time: { start: "2026-01-01", end: "2026-06-30" } } },
  compareWithLastMonth: {
    query: {
      kind: "aggregate",
      metrics: ["approval_rate"],
      dimensions: [{ id: "channel" }],
      time: { start: "2026-06-01", end: "2026-06-30" },
      compareTo: { start: "2026-05-01", end: "2026-05-31" },
    },
  },
  thisYearVsLastYearInRows: {
    query: {
      kind: "aggregate",
      metrics: ["loan_count"],
      time: { start: "2026-01-01", end: "2026-06-30" },
      compareTo: { start: "2025-01-01", end: "2025-06-30" },
      compareLayout: "rows",
    },
  },
  monthOverMonthTrend: {
    query: { kind: "aggregate", metrics: ["disbursement_amount"], dimensions: [{ id: "time", grain: "month" }], time: { start: "2026-01-01", end: "2026-06-30" }, bucketChange: true },
  },
  churnQuarterOverQuarter: {
    query: { kind: "aggregate", metrics: ["churn_rate"], dimensions: [{ id: "time", grain: "quarter" }], time: { start: "2026-01-01", end: "2026-06-30" }, bucketChange: true },
  },
  shareByProductCategory: {
    query: { kind: "aggregate", metrics: ["disbursement_amount"], dimensions: [{ id: "product_category" }], time: { start: "2026-01-01", end: "2026-06-30" }, share: true },
  },
  churnByQuarter: { query: { kind: "aggregate", metrics: ["churn_rate"], dimensions: [{ id: "time", grain: "quarter" }], time: { start: "2026-01-01", end: "2026-06-30" } } },
  havingAboveThreePercent: {
    query: { kind: "aggregate", metrics: ["overdue_rate"], dimensions: [{ id: "region" }], having: [{ metric: "overdue_rate", op: "gt", value: 0.03 }] },
  },
  ageBands: { query: { kind: "aggregate", metrics: ["customer_count"], dimensions: [{ id: "age_band" }] } },
  valueFilters: {
    query: {
      kind: "aggregate",
      metrics: ["customer_count"],
      filters: [
        { kind: "in", dimension: "city", values: ["Shanghai", "Beijing"] },
        { kind: "or", filters: [{ kind: "compare", attribute: "annual_income", op: "gte", value: 500000 }, { kind: "between", attribute: "age", low: 25, high: 35 }] },
        { kind: "not", filter: { kind: "term", term: "churned" } },
      ],
    },
  },
  risingRiskList: {
    query: { kind: "list", entity: "customers", filters: [{ kind: "term", term: "high_value" }, { kind: "term", term: "rising_repayment_risk" }], limit: 20 },
  },
  dueSoonList: { query: { kind: "list", entity: "repayments", attributes: ["repayment_loan_id", "due_date", "due_amount_of_installment"], filters: [{ kind: "term", term: "due_soon" }] } },
} satisfies Record<string, QueryPlanInput>;

export type PinnedPlanName = keyof typeof PINNED_PLANS;
