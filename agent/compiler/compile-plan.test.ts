/**
 * The compiler's SQL pinned per dialect for representative plans (typed so no dialect is forgotten), its typed
 * refusals, and the rule that values are bound, never spliced into SQL text.
 */
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DialectName } from "../../schema/ddl.ts";
import { UnknownMemberError } from "../../schema/semantic-layer/semantic-layer.ts";
import type { QueryPlanInput } from "../plan/query-plan.ts";
import { CompileError } from "./compile-error.ts";
import { compilePlan } from "./compile-plan.ts";
import { compilerFixtureDatabase, FIXTURE_AS_OF_DATE } from "./__fixtures__/compiler-dataset.ts";
import { PINNED_PLANS } from "./__fixtures__/pinned-plans.ts";
import type { PinnedPlanName } from "./__fixtures__/pinned-plans.ts";
import { runSqlite } from "./__fixtures__/result-comparison.ts";

const AS_OF = "2026-06-30";
const DIALECT_NAMES: DialectName[] = ["sqlite", "postgres"];

const PINNED: Record<PinnedPlanName, Record<DialectName, { sql: string; params: unknown[] }>> = {
  ratioByBranch: {
    sqlite: {
      sql: "SELECT branches.branch_id AS branch, branches.branch_name AS branch_name, CAST(SUM(CASE WHEN loans.current_dpd > 0 THEN loans.outstanding_balance ELSE 0 END) AS REAL) / NULLIF(SUM(loans.outstanding_balance), 0) AS overdue_rate FROM loans LEFT JOIN branches ON loans.branch_id = branches.branch_id WHERE loans.status = 'active' GROUP BY 1, 2 ORDER BY branch ASC",
      params: [],
    },
    postgres: {
      sql: "SELECT branches.branch_id COLLATE \"C\" AS branch, branches.branch_name AS branch_name, CAST(SUM(CASE WHEN loans.current_dpd > 0 THEN loans.outstanding_balance ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(SUM(loans.outstanding_balance), 0) AS overdue_rate FROM loans LEFT JOIN branches ON loans.branch_id = branches.branch_id WHERE loans.status = 'active' GROUP BY 1, 2 ORDER BY branch ASC NULLS FIRST",
      params: [],
    },
  },
  twoFiltersByCityTopFive: {
    sqlite: {
      sql: "WITH part_1 AS (SELECT branches.city AS city, COUNT(*) AS loan_count FROM loans LEFT JOIN customers ON loans.customer_id = customers.customer_id LEFT JOIN branches ON loans.branch_id = branches.branch_id WHERE customers.value_tier = 'high' GROUP BY 1), part_2 AS (SELECT branches.city AS city, SUM(loans.outstanding_balance) AS outstanding_balance FROM loans LEFT JOIN customers ON loans.customer_id = customers.customer_id LEFT JOIN branches ON loans.branch_id = branches.branch_id WHERE loans.status = 'active' AND customers.value_tier = 'high' GROUP BY 1), stacked_parts AS (SELECT part_1.city AS city, part_1.loan_count AS loan_count, NULL AS outstanding_balance FROM part_1 UNION ALL SELECT part_2.city AS city, NULL AS loan_count, part_2.outstanding_balance AS outstanding_balance FROM part_2) SELECT stacked_parts.city AS city, MAX(stacked_parts.loan_count) AS loan_count, MAX(stacked_parts.outstanding_balance) AS outstanding_balance FROM stacked_parts GROUP BY 1 ORDER BY outstanding_balance DESC, city ASC LIMIT ?",
      params: [5],
    },
    postgres: {
      sql: "WITH part_1 AS (SELECT branches.city COLLATE \"C\" AS city, COUNT(*) AS loan_count FROM loans LEFT JOIN customers ON loans.customer_id = customers.customer_id LEFT JOIN branches ON loans.branch_id = branches.branch_id WHERE customers.value_tier = 'high' GROUP BY 1), part_2 AS (SELECT branches.city COLLATE \"C\" AS city, SUM(loans.outstanding_balance) AS outstanding_balance FROM loans LEFT JOIN customers ON loans.customer_id = customers.customer_id LEFT JOIN branches ON loans.branch_id = branches.branch_id WHERE loans.status = 'active' AND customers.value_tier = 'high' GROUP BY 1), stacked_parts AS (SELECT part_1.city AS city, part_1.loan_count AS loan_count, CAST(NULL AS DOUBLE PRECISION) AS outstanding_balance FROM part_1 UNION ALL SELECT part_2.city AS city, CAST(NULL AS DOUBLE PRECISION) AS loan_count, part_2.outstanding_balance AS outstanding_balance FROM part_2) SELECT stacked_parts.city AS city, MAX(stacked_parts.loan_count) AS loan_count, MAX(stacked_parts.outstanding_balance) AS outstanding_balance FROM stacked_parts GROUP BY 1 ORDER BY outstanding_balance DESC NULLS LAST, city ASC NULLS FIRST LIMIT $1",
      params: [5],
    },
  },
  asOfMonthDefault: {
    sqlite: {
      sql: "SELECT AVG(risk_scores.pd) AS average_pd FROM risk_scores WHERE risk_scores.month >= ? AND risk_scores.month <= ?",
      params: ["2026-06","2026-06"],
    },
    postgres: {
      sql: "SELECT AVG(risk_scores.pd) AS average_pd FROM risk_scores WHERE risk_scores.month >= $1 AND risk_scores.month <= $2",
      params: ["2026-06","2026-06"],
    },
  },
  monthTrend: {
    sqlite: {
      sql: "SELECT substr(loans.disbursed_date, 1, 7) AS time_month, SUM(loans.principal) AS disbursement_amount FROM loans WHERE loans.disbursed_date >= ? AND loans.disbursed_date <= ? GROUP BY 1 ORDER BY time_month ASC",
      params: ["2026-01-01","2026-06-30"],
    },
    postgres: {
      sql: "SELECT (to_char(loans.disbursed_date, 'YYYY-MM')) COLLATE \"C\" AS time_month, SUM(loans.principal) AS disbursement_amount FROM loans WHERE loans.disbursed_date >= $1 AND loans.disbursed_date <= $2 GROUP BY 1 ORDER BY time_month ASC NULLS FIRST",
      params: ["2026-01-01","2026-06-30"],
    },
  },
  compareWithLastMonth: {
    sqlite: {
      sql: "WITH current_values AS (SELECT applications.channel AS channel, CAST(SUM(CASE WHEN applications.decision = 'approved' THEN 1 ELSE 0 END) AS REAL) / NULLIF(SUM(CASE WHEN applications.decision IN ('approved', 'rejected') THEN 1 ELSE 0 END), 0) AS approval_rate FROM applications WHERE applications.applied_at >= ? AND applications.applied_at < ? GROUP BY 1), previous_values AS (SELECT applications.channel AS channel, CAST(SUM(CASE WHEN applications.decision = 'approved' THEN 1 ELSE 0 END) AS REAL) / NULLIF(SUM(CASE WHEN applications.decision IN ('approved', 'rejected') THEN 1 ELSE 0 END), 0) AS approval_rate FROM applications WHERE applications.applied_at >= ? AND applications.applied_at < ? GROUP BY 1), compared_values AS (SELECT current_values.channel AS channel, current_values.approval_rate AS approval_rate_current, NULL AS approval_rate_earlier FROM current_values UNION ALL SELECT previous_values.channel AS channel, NULL AS approval_rate_current, previous_values.approval_rate AS approval_rate_earlier FROM previous_values) SELECT compared_values.channel AS channel, MAX(compared_values.approval_rate_current) AS approval_rate, MAX(compared_values.approval_rate_earlier) AS approval_rate_previous, MAX(compared_values.approval_rate_current) - MAX(compared_values.approval_rate_earlier) AS approval_rate_change, CAST(MAX(compared_values.approval_rate_current) - MAX(compared_values.approval_rate_earlier) AS REAL) / NULLIF(MAX(compared_values.approval_rate_earlier), 0) AS approval_rate_change_ratio FROM compared_values GROUP BY 1 ORDER BY channel ASC",
      params: ["2026-06-01","2026-07-01","2026-05-01","2026-06-01"],
    },
    postgres: {
      sql: "WITH current_values AS (SELECT applications.channel COLLATE \"C\" AS channel, CAST(SUM(CASE WHEN applications.decision = 'approved' THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN applications.decision IN ('approved', 'rejected') THEN 1 ELSE 0 END), 0) AS approval_rate FROM applications WHERE applications.applied_at >= $1 AND applications.applied_at < $2 GROUP BY 1), previous_values AS (SELECT applications.channel COLLATE \"C\" AS channel, CAST(SUM(CASE WHEN applications.decision = 'approved' THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN applications.decision IN ('approved', 'rejected') THEN 1 ELSE 0 END), 0) AS approval_rate FROM applications WHERE applications.applied_at >= $3 AND applications.applied_at < $4 GROUP BY 1), compared_values AS (SELECT current_values.channel AS channel, current_values.approval_rate AS approval_rate_current, NULL AS approval_rate_earlier FROM current_values UNION ALL SELECT previous_values.channel AS channel, NULL AS approval_rate_current, previous_values.approval_rate AS approval_rate_earlier FROM previous_values) SELECT compared_values.channel AS channel, MAX(compared_values.approval_rate_current) AS approval_rate, MAX(compared_values.approval_rate_earlier) AS approval_rate_previous, MAX(compared_values.approval_rate_current) - MAX(compared_values.approval_rate_earlier) AS approval_rate_change, CAST(MAX(compared_values.approval_rate_current) - MAX(compared_values.approval_rate_earlier) AS DOUBLE PRECISION) / NULLIF(MAX(compared_values.approval_rate_earlier), 0) AS approval_rate_change_ratio FROM compared_values GROUP BY 1 ORDER BY channel ASC NULLS FIRST",
      params: ["2026-06-01","2026-07-01","2026-05-01","2026-06-01"],
    },
  },
  thisYearVsLastYearInRows: {
    sqlite: {
      sql: "WITH current_values AS (SELECT COUNT(*) AS loan_count FROM loans WHERE loans.disbursed_date >= ? AND loans.disbursed_date <= ?), previous_values AS (SELECT COUNT(*) AS loan_count FROM loans WHERE loans.disbursed_date >= ? AND loans.disbursed_date <= ?) SELECT ? AS period_label, current_values.loan_count AS loan_count FROM current_values UNION ALL SELECT ? AS period_label, previous_values.loan_count AS loan_count FROM previous_values ORDER BY period_label ASC",
      params: ["2026-01-01","2026-06-30","2025-01-01","2025-06-30","2026","2025"],
    },
    postgres: {
      sql: "WITH current_values AS (SELECT COUNT(*) AS loan_count FROM loans WHERE loans.disbursed_date >= $1 AND loans.disbursed_date <= $2), previous_values AS (SELECT COUNT(*) AS loan_count FROM loans WHERE loans.disbursed_date >= $3 AND loans.disbursed_date <= $4) SELECT (CAST($5 AS TEXT)) COLLATE \"C\" AS period_label, current_values.loan_count AS loan_count FROM current_values UNION ALL SELECT (CAST($6 AS TEXT)) COLLATE \"C\" AS period_label, previous_values.loan_count AS loan_count FROM previous_values ORDER BY period_label ASC NULLS FIRST",
      params: ["2026-01-01","2026-06-30","2025-01-01","2025-06-30","2026","2025"],
    },
  },
  monthOverMonthTrend: {
    sqlite: {
      sql: "WITH bucket_values AS (SELECT substr(loans.disbursed_date, 1, 7) AS time_month, SUM(loans.principal) AS disbursement_amount FROM loans WHERE loans.disbursed_date >= ? AND loans.disbursed_date <= ? GROUP BY 1), bucket_changes AS (SELECT bucket_values.time_month AS time_month, bucket_values.disbursement_amount AS disbursement_amount, CASE WHEN LAG(CAST(substr(bucket_values.time_month, 1, 4) AS INTEGER) * 12 + CAST(substr(bucket_values.time_month, 6, 2) AS INTEGER)) OVER (ORDER BY bucket_values.time_month) = CAST(substr(bucket_values.time_month, 1, 4) AS INTEGER) * 12 + CAST(substr(bucket_values.time_month, 6, 2) AS INTEGER) - 1 THEN LAG(bucket_values.disbursement_amount) OVER (ORDER BY bucket_values.time_month) END AS disbursement_amount_previous FROM bucket_values) SELECT bucket_changes.time_month AS time_month, bucket_changes.disbursement_amount AS disbursement_amount, bucket_changes.disbursement_amount_previous AS disbursement_amount_previous, bucket_changes.disbursement_amount - bucket_changes.disbursement_amount_previous AS disbursement_amount_change, CAST(bucket_changes.disbursement_amount - bucket_changes.disbursement_amount_previous AS REAL) / NULLIF(bucket_changes.disbursement_amount_previous, 0) AS disbursement_amount_change_ratio FROM bucket_changes WHERE bucket_changes.time_month >= ? ORDER BY time_month ASC",
      params: ["2025-12-01","2026-06-30","2026-01"],
    },
    postgres: {
      sql: "WITH bucket_values AS (SELECT (to_char(loans.disbursed_date, 'YYYY-MM')) COLLATE \"C\" AS time_month, SUM(loans.principal) AS disbursement_amount FROM loans WHERE loans.disbursed_date >= $1 AND loans.disbursed_date <= $2 GROUP BY 1), bucket_changes AS (SELECT bucket_values.time_month AS time_month, bucket_values.disbursement_amount AS disbursement_amount, CASE WHEN LAG(CAST(substr(bucket_values.time_month, 1, 4) AS INTEGER) * 12 + CAST(substr(bucket_values.time_month, 6, 2) AS INTEGER)) OVER (ORDER BY bucket_values.time_month) = CAST(substr(bucket_values.time_month, 1, 4) AS INTEGER) * 12 + CAST(substr(bucket_values.time_month, 6, 2) AS INTEGER) - 1 THEN LAG(bucket_values.disbursement_amount) OVER (ORDER BY bucket_values.time_month) END AS disbursement_amount_previous FROM bucket_values) SELECT bucket_changes.time_month AS time_month, bucket_changes.disbursement_amount AS disbursement_amount, bucket_changes.disbursement_amount_previous AS disbursement_amount_previous, bucket_changes.disbursement_amount - bucket_changes.disbursement_amount_previous AS disbursement_amount_change, CAST(bucket_changes.disbursement_amount - bucket_changes.disbursement_amount_previous AS DOUBLE PRECISION) / NULLIF(bucket_changes.disbursement_amount_previous, 0) AS disbursement_amount_change_ratio FROM bucket_changes WHERE bucket_changes.time_month >= CAST($3 AS TEXT) ORDER BY time_month ASC NULLS FIRST",
      params: ["2025-12-01","2026-06-30","2026-01"],
    },
  },
  churnQuarterOverQuarter: {
    sqlite: {
      sql: "WITH bucket_part_1 AS (SELECT ? AS time_quarter, CAST(SUM(CASE WHEN customers.churn_date >= ? AND customers.churn_date <= ? THEN 1 ELSE 0 END) AS REAL) / NULLIF(SUM(CASE WHEN customers.onboard_date < ? AND (customers.churn_date IS NULL OR customers.churn_date >= ?) THEN 1 ELSE 0 END), 0) AS churn_rate FROM customers GROUP BY 1 UNION ALL SELECT ? AS time_quarter, CAST(SUM(CASE WHEN customers.churn_date >= ? AND customers.churn_date <= ? THEN 1 ELSE 0 END) AS REAL) / NULLIF(SUM(CASE WHEN customers.onboard_date < ? AND (customers.churn_date IS NULL OR customers.churn_date >= ?) THEN 1 ELSE 0 END), 0) AS churn_rate FROM customers GROUP BY 1 UNION ALL SELECT ? AS time_quarter, CAST(SUM(CASE WHEN customers.churn_date >= ? AND customers.churn_date <= ? THEN 1 ELSE 0 END) AS REAL) / NULLIF(SUM(CASE WHEN customers.onboard_date < ? AND (customers.churn_date IS NULL OR customers.churn_date >= ?) THEN 1 ELSE 0 END), 0) AS churn_rate FROM customers GROUP BY 1), bucket_stacked_parts AS (SELECT bucket_part_1.time_quarter AS time_quarter, bucket_part_1.churn_rate AS churn_rate FROM bucket_part_1), bucket_values AS (SELECT bucket_stacked_parts.time_quarter AS time_quarter, MAX(bucket_stacked_parts.churn_rate) AS churn_rate FROM bucket_stacked_parts GROUP BY 1), bucket_changes AS (SELECT bucket_values.time_quarter AS time_quarter, bucket_values.churn_rate AS churn_rate, CASE WHEN LAG(CAST(substr(bucket_values.time_quarter, 1, 4) AS INTEGER) * 4 + CAST(substr(bucket_values.time_quarter, 7, 1) AS INTEGER)) OVER (ORDER BY bucket_values.time_quarter) = CAST(substr(bucket_values.time_quarter, 1, 4) AS INTEGER) * 4 + CAST(substr(bucket_values.time_quarter, 7, 1) AS INTEGER) - 1 THEN LAG(bucket_values.churn_rate) OVER (ORDER BY bucket_values.time_quarter) END AS churn_rate_previous FROM bucket_values) SELECT bucket_changes.time_quarter AS time_quarter, bucket_changes.churn_rate AS churn_rate, bucket_changes.churn_rate_previous AS churn_rate_previous, bucket_changes.churn_rate - bucket_changes.churn_rate_previous AS churn_rate_change, CAST(bucket_changes.churn_rate - bucket_changes.churn_rate_previous AS REAL) / NULLIF(bucket_changes.churn_rate_previous, 0) AS churn_rate_change_ratio FROM bucket_changes WHERE bucket_changes.time_quarter >= ? ORDER BY time_quarter ASC",
      params: ["2025-Q4","2025-10-01","2025-12-31","2025-10-01","2025-10-01","2026-Q1","2026-01-01","2026-03-31","2026-01-01","2026-01-01","2026-Q2","2026-04-01","2026-06-30","2026-04-01","2026-04-01","2026-Q1"],
    },
    postgres: {
      sql: "WITH bucket_part_1 AS (SELECT (CAST($1 AS TEXT)) COLLATE \"C\" AS time_quarter, CAST(SUM(CASE WHEN customers.churn_date >= $2 AND customers.churn_date <= $3 THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN customers.onboard_date < $4 AND (customers.churn_date IS NULL OR customers.churn_date >= $5) THEN 1 ELSE 0 END), 0) AS churn_rate FROM customers GROUP BY 1 UNION ALL SELECT (CAST($6 AS TEXT)) COLLATE \"C\" AS time_quarter, CAST(SUM(CASE WHEN customers.churn_date >= $7 AND customers.churn_date <= $8 THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN customers.onboard_date < $9 AND (customers.churn_date IS NULL OR customers.churn_date >= $10) THEN 1 ELSE 0 END), 0) AS churn_rate FROM customers GROUP BY 1 UNION ALL SELECT (CAST($11 AS TEXT)) COLLATE \"C\" AS time_quarter, CAST(SUM(CASE WHEN customers.churn_date >= $12 AND customers.churn_date <= $13 THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN customers.onboard_date < $14 AND (customers.churn_date IS NULL OR customers.churn_date >= $15) THEN 1 ELSE 0 END), 0) AS churn_rate FROM customers GROUP BY 1), bucket_stacked_parts AS (SELECT bucket_part_1.time_quarter AS time_quarter, bucket_part_1.churn_rate AS churn_rate FROM bucket_part_1), bucket_values AS (SELECT bucket_stacked_parts.time_quarter AS time_quarter, MAX(bucket_stacked_parts.churn_rate) AS churn_rate FROM bucket_stacked_parts GROUP BY 1), bucket_changes AS (SELECT bucket_values.time_quarter AS time_quarter, bucket_values.churn_rate AS churn_rate, CASE WHEN LAG(CAST(substr(bucket_values.time_quarter, 1, 4) AS INTEGER) * 4 + CAST(substr(bucket_values.time_quarter, 7, 1) AS INTEGER)) OVER (ORDER BY bucket_values.time_quarter) = CAST(substr(bucket_values.time_quarter, 1, 4) AS INTEGER) * 4 + CAST(substr(bucket_values.time_quarter, 7, 1) AS INTEGER) - 1 THEN LAG(bucket_values.churn_rate) OVER (ORDER BY bucket_values.time_quarter) END AS churn_rate_previous FROM bucket_values) SELECT bucket_changes.time_quarter AS time_quarter, bucket_changes.churn_rate AS churn_rate, bucket_changes.churn_rate_previous AS churn_rate_previous, bucket_changes.churn_rate - bucket_changes.churn_rate_previous AS churn_rate_change, CAST(bucket_changes.churn_rate - bucket_changes.churn_rate_previous AS DOUBLE PRECISION) / NULLIF(bucket_changes.churn_rate_previous, 0) AS churn_rate_change_ratio FROM bucket_changes WHERE bucket_changes.time_quarter >= CAST($16 AS TEXT) ORDER BY time_quarter ASC NULLS FIRST",
      params: ["2025-Q4","2025-10-01","2025-12-31","2025-10-01","2025-10-01","2026-Q1","2026-01-01","2026-03-31","2026-01-01","2026-01-01","2026-Q2","2026-04-01","2026-06-30","2026-04-01","2026-04-01","2026-Q1"],
    },
  },
  shareByProductCategory: {
    sqlite: {
      sql: "WITH grouped_values AS (SELECT products.category AS product_category, SUM(loans.principal) AS disbursement_amount FROM loans LEFT JOIN products ON loans.product_id = products.product_id WHERE loans.disbursed_date >= ? AND loans.disbursed_date <= ? GROUP BY 1), shared_values AS (SELECT grouped_values.product_category AS product_category, grouped_values.disbursement_amount AS disbursement_amount, CAST(grouped_values.disbursement_amount AS REAL) / NULLIF(SUM(grouped_values.disbursement_amount) OVER (), 0) AS disbursement_amount_share FROM grouped_values) SELECT shared_values.product_category AS product_category, shared_values.disbursement_amount AS disbursement_amount, shared_values.disbursement_amount_share AS disbursement_amount_share FROM shared_values ORDER BY product_category ASC",
      params: ["2026-01-01","2026-06-30"],
    },
    postgres: {
      sql: "WITH grouped_values AS (SELECT products.category COLLATE \"C\" AS product_category, SUM(loans.principal) AS disbursement_amount FROM loans LEFT JOIN products ON loans.product_id = products.product_id WHERE loans.disbursed_date >= $1 AND loans.disbursed_date <= $2 GROUP BY 1), shared_values AS (SELECT grouped_values.product_category AS product_category, grouped_values.disbursement_amount AS disbursement_amount, CAST(grouped_values.disbursement_amount AS DOUBLE PRECISION) / NULLIF(SUM(grouped_values.disbursement_amount) OVER (), 0) AS disbursement_amount_share FROM grouped_values) SELECT shared_values.product_category AS product_category, shared_values.disbursement_amount AS disbursement_amount, shared_values.disbursement_amount_share AS disbursement_amount_share FROM shared_values ORDER BY product_category ASC NULLS FIRST",
      params: ["2026-01-01","2026-06-30"],
    },
  },
  churnByQuarter: {
    sqlite: {
      sql: "WITH part_1 AS (SELECT ? AS time_quarter, CAST(SUM(CASE WHEN customers.churn_date >= ? AND customers.churn_date <= ? THEN 1 ELSE 0 END) AS REAL) / NULLIF(SUM(CASE WHEN customers.onboard_date < ? AND (customers.churn_date IS NULL OR customers.churn_date >= ?) THEN 1 ELSE 0 END), 0) AS churn_rate FROM customers GROUP BY 1 UNION ALL SELECT ? AS time_quarter, CAST(SUM(CASE WHEN customers.churn_date >= ? AND customers.churn_date <= ? THEN 1 ELSE 0 END) AS REAL) / NULLIF(SUM(CASE WHEN customers.onboard_date < ? AND (customers.churn_date IS NULL OR customers.churn_date >= ?) THEN 1 ELSE 0 END), 0) AS churn_rate FROM customers GROUP BY 1), stacked_parts AS (SELECT part_1.time_quarter AS time_quarter, part_1.churn_rate AS churn_rate FROM part_1) SELECT stacked_parts.time_quarter AS time_quarter, MAX(stacked_parts.churn_rate) AS churn_rate FROM stacked_parts GROUP BY 1 ORDER BY time_quarter ASC",
      params: ["2026-Q1","2026-01-01","2026-03-31","2026-01-01","2026-01-01","2026-Q2","2026-04-01","2026-06-30","2026-04-01","2026-04-01"],
    },
    postgres: {
      sql: "WITH part_1 AS (SELECT (CAST($1 AS TEXT)) COLLATE \"C\" AS time_quarter, CAST(SUM(CASE WHEN customers.churn_date >= $2 AND customers.churn_date <= $3 THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN customers.onboard_date < $4 AND (customers.churn_date IS NULL OR customers.churn_date >= $5) THEN 1 ELSE 0 END), 0) AS churn_rate FROM customers GROUP BY 1 UNION ALL SELECT (CAST($6 AS TEXT)) COLLATE \"C\" AS time_quarter, CAST(SUM(CASE WHEN customers.churn_date >= $7 AND customers.churn_date <= $8 THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN customers.onboard_date < $9 AND (customers.churn_date IS NULL OR customers.churn_date >= $10) THEN 1 ELSE 0 END), 0) AS churn_rate FROM customers GROUP BY 1), stacked_parts AS (SELECT part_1.time_quarter AS time_quarter, part_1.churn_rate AS churn_rate FROM part_1) SELECT stacked_parts.time_quarter AS time_quarter, MAX(stacked_parts.churn_rate) AS churn_rate FROM stacked_parts GROUP BY 1 ORDER BY time_quarter ASC NULLS FIRST",
      params: ["2026-Q1","2026-01-01","2026-03-31","2026-01-01","2026-01-01","2026-Q2","2026-04-01","2026-06-30","2026-04-01","2026-04-01"],
    },
  },
  havingAboveThreePercent: {
    sqlite: {
      sql: "SELECT branches.region AS region, CAST(SUM(CASE WHEN loans.current_dpd > 0 THEN loans.outstanding_balance ELSE 0 END) AS REAL) / NULLIF(SUM(loans.outstanding_balance), 0) AS overdue_rate FROM loans LEFT JOIN branches ON loans.branch_id = branches.branch_id WHERE loans.status = 'active' GROUP BY 1 HAVING CAST(SUM(CASE WHEN loans.current_dpd > 0 THEN loans.outstanding_balance ELSE 0 END) AS REAL) / NULLIF(SUM(loans.outstanding_balance), 0) > ? ORDER BY region ASC",
      params: [0.03],
    },
    postgres: {
      sql: "SELECT branches.region COLLATE \"C\" AS region, CAST(SUM(CASE WHEN loans.current_dpd > 0 THEN loans.outstanding_balance ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(SUM(loans.outstanding_balance), 0) AS overdue_rate FROM loans LEFT JOIN branches ON loans.branch_id = branches.branch_id WHERE loans.status = 'active' GROUP BY 1 HAVING CAST(SUM(CASE WHEN loans.current_dpd > 0 THEN loans.outstanding_balance ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(SUM(loans.outstanding_balance), 0) > CAST($1 AS DOUBLE PRECISION) ORDER BY region ASC NULLS FIRST",
      params: [0.03],
    },
  },
  ageBands: {
    sqlite: {
      sql: "SELECT CASE WHEN customers.birth_date > ? THEN '<30' WHEN customers.birth_date > ? THEN '30-39' WHEN customers.birth_date > ? THEN '40-49' WHEN customers.birth_date > ? THEN '50-59' ELSE '60+' END AS age_band, COUNT(*) AS customer_count FROM customers GROUP BY 1 ORDER BY age_band ASC",
      params: ["1996-06-30","1986-06-30","1976-06-30","1966-06-30"],
    },
    postgres: {
      sql: "SELECT (CASE WHEN customers.birth_date > CAST($1 AS DATE) THEN '<30' WHEN customers.birth_date > CAST($2 AS DATE) THEN '30-39' WHEN customers.birth_date > CAST($3 AS DATE) THEN '40-49' WHEN customers.birth_date > CAST($4 AS DATE) THEN '50-59' ELSE '60+' END) COLLATE \"C\" AS age_band, COUNT(*) AS customer_count FROM customers GROUP BY 1 ORDER BY age_band ASC NULLS FIRST",
      params: ["1996-06-30","1986-06-30","1976-06-30","1966-06-30"],
    },
  },
  valueFilters: {
    sqlite: {
      sql: "SELECT COUNT(*) AS customer_count FROM customers WHERE customers.city IN (?, ?) AND (customers.annual_income >= ? OR ((CAST(strftime('%Y', ?) AS INTEGER) - CAST(strftime('%Y', customers.birth_date) AS INTEGER) - (strftime('%m-%d', ?) < strftime('%m-%d', customers.birth_date))) BETWEEN ? AND ?)) AND NOT (customers.status = 'churned')",
      params: ["Shanghai","Beijing",500000,"2026-06-30","2026-06-30",25,35],
    },
    postgres: {
      sql: "SELECT COUNT(*) AS customer_count FROM customers WHERE customers.city IN ($1, $2) AND (customers.annual_income >= CAST($3 AS DOUBLE PRECISION) OR (CAST(date_part('year', age(CAST($4 AS DATE), customers.birth_date)) AS INTEGER) BETWEEN CAST($5 AS DOUBLE PRECISION) AND CAST($6 AS DOUBLE PRECISION))) AND NOT (customers.status = 'churned')",
      params: ["Shanghai","Beijing",500000,"2026-06-30",25,35],
    },
  },
  risingRiskList: {
    sqlite: {
      sql: "SELECT customers.customer_id AS customer_id, customers.full_name AS full_name, customers.city AS city_of_customer, customers.value_tier AS value_tier_of_customer, COALESCE((SELECT SUM(customer_loans.outstanding_balance) FROM loans customer_loans WHERE customer_loans.customer_id = customers.customer_id AND customer_loans.status = 'active'), 0) AS customer_outstanding_balance, (SELECT month_scores.pd FROM risk_scores month_scores WHERE month_scores.customer_id = customers.customer_id AND month_scores.month = ?) AS pd_previous, (SELECT month_scores.pd FROM risk_scores month_scores WHERE month_scores.customer_id = customers.customer_id AND month_scores.month = ?) AS pd_current, ((SELECT month_scores.pd FROM risk_scores month_scores WHERE month_scores.customer_id = customers.customer_id AND month_scores.month = ?) - (SELECT month_scores.pd FROM risk_scores month_scores WHERE month_scores.customer_id = customers.customer_id AND month_scores.month = ?)) AS pd_change FROM customers WHERE customers.value_tier = 'high' AND (customers.customer_id IN (SELECT current_scores.customer_id FROM risk_scores current_scores JOIN risk_scores previous_scores ON previous_scores.customer_id = current_scores.customer_id AND previous_scores.month = ? WHERE current_scores.month = ? AND current_scores.pd - previous_scores.pd >= ?)) ORDER BY pd_change DESC, customers.customer_id ASC LIMIT ?",
      params: ["2026-05","2026-06","2026-06","2026-05","2026-05","2026-06",0.02,20],
    },
    postgres: {
      sql: "SELECT customers.customer_id AS customer_id, customers.full_name AS full_name, customers.city AS city_of_customer, customers.value_tier AS value_tier_of_customer, COALESCE((SELECT SUM(customer_loans.outstanding_balance) FROM loans customer_loans WHERE customer_loans.customer_id = customers.customer_id AND customer_loans.status = 'active'), 0) AS customer_outstanding_balance, (SELECT month_scores.pd FROM risk_scores month_scores WHERE month_scores.customer_id = customers.customer_id AND month_scores.month = $1) AS pd_previous, (SELECT month_scores.pd FROM risk_scores month_scores WHERE month_scores.customer_id = customers.customer_id AND month_scores.month = $2) AS pd_current, ((SELECT month_scores.pd FROM risk_scores month_scores WHERE month_scores.customer_id = customers.customer_id AND month_scores.month = $3) - (SELECT month_scores.pd FROM risk_scores month_scores WHERE month_scores.customer_id = customers.customer_id AND month_scores.month = $4)) AS pd_change FROM customers WHERE customers.value_tier = 'high' AND (customers.customer_id IN (SELECT current_scores.customer_id FROM risk_scores current_scores JOIN risk_scores previous_scores ON previous_scores.customer_id = current_scores.customer_id AND previous_scores.month = $5 WHERE current_scores.month = $6 AND current_scores.pd - previous_scores.pd >= $7)) ORDER BY pd_change DESC NULLS LAST, customers.customer_id COLLATE \"C\" ASC NULLS FIRST LIMIT $8",
      params: ["2026-05","2026-06","2026-06","2026-05","2026-05","2026-06",0.02,20],
    },
  },
  dueSoonList: {
    sqlite: {
      sql: "SELECT repayments.loan_id AS repayment_loan_id, repayments.due_date AS due_date, repayments.due_amount AS due_amount_of_installment FROM repayments WHERE (repayments.status = 'scheduled' AND repayments.due_date > ? AND repayments.due_date <= ?) ORDER BY repayments.repayment_id ASC",
      params: ["2026-06-30","2026-07-07"],
    },
    postgres: {
      sql: "SELECT repayments.loan_id AS repayment_loan_id, repayments.due_date AS due_date, repayments.due_amount AS due_amount_of_installment FROM repayments WHERE (repayments.status = 'scheduled' AND repayments.due_date > $1 AND repayments.due_date <= $2) ORDER BY repayments.repayment_id ASC NULLS FIRST",
      params: ["2026-06-30","2026-07-07"],
    },
  },
};

describe.each(Object.keys(PINNED_PLANS) as PinnedPlanName[])("pinned SQL: %s", (name) => {
  it.each(DIALECT_NAMES)("%s", (dialect) => {
    const compiled = compilePlan(PINNED_PLANS[name] as QueryPlanInput, { dialect, asOfDate: AS_OF });
    expect({ sql: compiled.sql, params: compiled.params }).toEqual(PINNED[name][dialect]);
  });
});

describe("pinned plans run on sql.js", () => {
  let database: Database;
  beforeAll(async () => {
    database = await compilerFixtureDatabase(3, 150);
  });
  afterAll(() => database.close());

  it.each(Object.keys(PINNED_PLANS) as PinnedPlanName[])("%s executes and returns its declared columns", (name) => {
    const compiled = compilePlan(PINNED_PLANS[name] as QueryPlanInput, { dialect: "sqlite", asOfDate: FIXTURE_AS_OF_DATE });
    const [result] = database.exec(compiled.sql, compiled.params as never[]);
    if (result) expect(result.columns).toEqual(compiled.columns.map((column) => column.name));
    expect(compiled.sql.split("?").length - 1).toBe(compiled.params.length);
  });

  it("a NULL group (applications without a reject reason) joins across parts", () => {
    const compiled = compilePlan(
      { query: { kind: "aggregate", metrics: ["application_count", "average_approval_hours"], dimensions: [{ id: "reject_reason" }] } },
      { dialect: "sqlite", asOfDate: FIXTURE_AS_OF_DATE },
    );
    const rows = runSqlite(database, compiled.sql, compiled.params);
    const nullGroup = rows.find((row) => row[0] === null);
    expect(nullGroup?.[1]).toBe(runSqlite(database, "SELECT COUNT(*) FROM applications WHERE reject_reason IS NULL")[0][0]);
    expect(nullGroup?.[2]).toBeTypeOf("number");
  });

  it("the branch scope keeps only that branch's rows, also through loans and customers", () => {
    const scoped = (plan: QueryPlanInput) => {
      const compiled = compilePlan(plan, { dialect: "sqlite", asOfDate: FIXTURE_AS_OF_DATE, scope: { branchId: "BR01" } });
      return runSqlite(database, compiled.sql, compiled.params);
    };
    expect(scoped({ query: { kind: "aggregate", metrics: ["loan_count"] } })).toEqual(runSqlite(database, "SELECT COUNT(*) FROM loans WHERE branch_id = 'BR01'"));
    expect(scoped({ query: { kind: "aggregate", metrics: ["customer_count"] } })).toEqual(runSqlite(database, "SELECT COUNT(*) FROM customers WHERE home_branch_id = 'BR01'"));
    expect(scoped({ query: { kind: "aggregate", metrics: ["installment_count"] } })).toEqual(
      runSqlite(database, "SELECT COUNT(*) FROM repayments JOIN loans ON loans.loan_id = repayments.loan_id WHERE loans.branch_id = 'BR01'"),
    );
    expect(scoped({ query: { kind: "aggregate", metrics: ["survey_count"] } })).toEqual(
      runSqlite(database, "SELECT COUNT(*) FROM satisfaction_surveys JOIN customers ON customers.customer_id = satisfaction_surveys.customer_id WHERE customers.home_branch_id = 'BR01'"),
    );
    const listed = scoped({ query: { kind: "list", entity: "loans", attributes: ["loan_id", "loan_branch"] } });
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed.map((row) => row[1]))).toEqual(new Set(runSqlite(database, "SELECT branch_name FROM branches WHERE branch_id = 'BR01'").map((row) => row[0])));
  });
});

describe("columns, definitions and period", () => {
  it("describe keys, labels and metrics, and cite metric and term formulas", () => {
    const compiled = compilePlan(
      { query: { kind: "aggregate", metrics: ["overdue_rate"], dimensions: [{ id: "branch" }], filters: [{ kind: "term", term: "high_value" }] } },
      { dialect: "sqlite", asOfDate: AS_OF, language: "en" },
    );
    expect(compiled.sql).toContain("branches.branch_name_en AS branch_name");
    expect(compiled.columns.map(({ name, role, memberId }) => [name, role, memberId])).toEqual([
      ["branch", "dimension", "branch"],
      ["branch_name", "dimension", "branch"],
      ["overdue_rate", "metric", "overdue_rate"],
    ]);
    expect(compiled.columns[2]).toMatchObject({ format: "rate", label: { zh: "逾期率", en: "overdue rate" } });
    expect(compiled.definitions.map(({ kind, id }) => [kind, id])).toEqual([
      ["metric", "overdue_rate"],
      ["term", "high_value"],
    ]);
    expect(compiled.definitions[0].formula).toMatch(/current_dpd > 0/);
    expect(compiled.period).toBeUndefined();
  });

  it("compareTo adds previous, change and change ratio columns per metric", () => {
    const compiled = compilePlan(PINNED_PLANS.compareWithLastMonth, { dialect: "sqlite", asOfDate: AS_OF });
    expect(compiled.columns.map(({ name, role }) => `${name}:${role}`)).toEqual([
      "channel:dimension",
      "approval_rate:metric",
      "approval_rate_previous:previous",
      "approval_rate_change:change",
      "approval_rate_change_ratio:change",
    ]);
    expect(compiled.columns[4]).toMatchObject({ format: "rate", transform: "change_ratio", label: { zh: "审批通过率环比变化率", en: "approval rate change %" } });
    expect(compiled.period).toEqual({ start: "2026-06-01", end: "2026-06-30" });
  });

  it.each([
    ["a metric of the as-of month", { kind: "aggregate", metrics: ["total_aum"] }, { start: "2026-06-01", end: "2026-06-30" }],
    ["a term that needs a period", { kind: "aggregate", metrics: ["customer_count"], filters: [{ kind: "term", term: "new_customer" }] }, { start: "2026-06-01", end: "2026-06-30" }],
    ["a period metric by month without a range", { kind: "aggregate", metrics: ["churn_rate"], dimensions: [{ id: "time", grain: "month" }] }, { start: "2025-07-01", end: "2026-06-30" }],
    ["a metric over all time", { kind: "aggregate", metrics: ["loan_count"] }, undefined],
  ] as const)("reports the period used: %s", (_, query, period) => {
    expect(compilePlan({ query } as unknown as QueryPlanInput, { dialect: "sqlite", asOfDate: AS_OF }).period).toEqual(period);
  });

  it("timestamps end inclusively (before the next day), months compare as YYYY-MM", () => {
    const applications = compilePlan({ query: { kind: "aggregate", metrics: ["application_count"], time: { start: "2026-06-01", end: "2026-06-30" } } }, { dialect: "sqlite", asOfDate: AS_OF });
    expect(applications.sql).toContain("applications.applied_at >= ? AND applications.applied_at < ?");
    expect(applications.params).toEqual(["2026-06-01", "2026-07-01"]);
    const scores = compilePlan({ query: { kind: "aggregate", metrics: ["average_pd"], time: { start: "2026-04-15", end: "2026-06-30" } } }, { dialect: "postgres", asOfDate: AS_OF });
    expect(scores.params).toEqual(["2026-04", "2026-06"]);
  });

  it("dateAttribute filters on another date column (churned customers by churn date)", () => {
    const compiled = compilePlan(
      { query: { kind: "aggregate", metrics: ["customer_count"], filters: [{ kind: "term", term: "churned" }], time: { start: "2026-06-01", end: "2026-06-30", dateAttribute: "churn_date" } } },
      { dialect: "sqlite", asOfDate: AS_OF },
    );
    expect(compiled.sql).toContain("customers.churn_date >= ? AND customers.churn_date <= ?");
  });

  it.each([
    ["day", "to_char(loans.disbursed_date, 'YYYY-MM-DD')", "loans.disbursed_date"],
    ["quarter", "to_char(loans.disbursed_date, 'YYYY-\"Q\"Q')", "substr(loans.disbursed_date, 1, 4) || '-Q' || ((CAST(substr(loans.disbursed_date, 6, 2) AS INTEGER) + 2) / 3)"],
    ["year", "to_char(loans.disbursed_date, 'YYYY')", "substr(loans.disbursed_date, 1, 4)"],
  ] as const)("time grain %s per dialect", (grain, postgres, sqlite) => {
    const plan: QueryPlanInput = { query: { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "time", grain }], time: { start: "2025-01-01", end: "2026-06-30" } } };
    expect(compilePlan(plan, { dialect: "postgres", asOfDate: AS_OF }).sql).toContain(`(${postgres}) COLLATE "C" AS time_${grain}`);
    expect(compilePlan(plan, { dialect: "sqlite", asOfDate: AS_OF }).sql).toContain(`${sqlite} AS time_${grain}`);
  });
});

describe("unknown members", () => {
  it.each([
    ["metric", { kind: "aggregate", metrics: ["overdue_rat"] }, "overdue_rate"],
    ["dimension", { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "brnch" }] }, "branch"],
    ["term", { kind: "aggregate", metrics: ["loan_count"], filters: [{ kind: "term", term: "high_valu" }] }, "high_value"],
    ["attribute", { kind: "list", entity: "customers", attributes: ["full_nam"] }, "full_name"],
    ["attribute", { kind: "aggregate", metrics: ["customer_count"], filters: [{ kind: "compare", attribute: "annual_incom", op: "gt", value: 1 }] }, "annual_income"],
    ["entity", { kind: "list", entity: "loan" }, "loans"],
    ["metric", { kind: "aggregate", metrics: ["loan_count"], having: [{ metric: "npl_rate", op: "gt", value: 0.01 }] }, "npl_ratio"],
    ["term", { kind: "aggregate", metrics: ["loan_count"], compareTo: { start: "2026-05-01", end: "2026-05-31" }, filters: [{ kind: "not", filter: { kind: "term", term: "overdu" } }] }, "overdue"],
    ["attribute", { kind: "aggregate", metrics: ["loan_count"], time: { start: "2026-05-01", end: "2026-05-31", dateAttribute: "disbursed" } }, "disbursed_date"],
    ["dimension", { kind: "list", entity: "loans", filters: [{ kind: "or", filters: [{ kind: "in", dimension: "citi", values: ["Wuhan"] }] }] }, "city"],
  ] as const)("an unknown %s names the closest ids", (kind, query, suggestion) => {
    let error: unknown;
    try {
      compilePlan({ query } as unknown as QueryPlanInput, { dialect: "sqlite", asOfDate: AS_OF });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownMemberError);
    expect((error as UnknownMemberError).kind).toBe(kind);
    expect((error as UnknownMemberError).suggestions).toContain(suggestion);
  });
});

describe("plans the compiler refuses", () => {
  it.each([
    ["a dimension that does not reach the metric's entity", { kind: "aggregate", metrics: ["cost_per_application"], dimensions: [{ id: "city" }] }, "not_applicable", /city/],
    ["a term that does not reach the metric's entity", { kind: "aggregate", metrics: ["campaign_budget"], filters: [{ kind: "term", term: "overdue" }] }, "not_applicable", /overdue/],
    ["an attribute of another entity in a list", { kind: "list", entity: "campaigns", attributes: ["annual_income"] }, "not_applicable", /annual_income/],
    ["a comparison on a text attribute", { kind: "aggregate", metrics: ["customer_count"], filters: [{ kind: "compare", attribute: "full_name", op: "gt", value: 1 }] }, "invalid_plan", /full_name/],
    ["compareTo without a current range", { kind: "aggregate", metrics: ["loan_count"], compareTo: { start: "2026-05-01", end: "2026-05-31" } }, "invalid_plan", /compareTo/],
    [
      "compareTo grouped by time",
      { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "time" }], time: { start: "2026-06-01", end: "2026-06-30" }, compareTo: { start: "2026-05-01", end: "2026-05-31" } },
      "unsupported",
      /grouped by time/,
    ],
    ["a period metric by day", { kind: "aggregate", metrics: ["churn_rate"], dimensions: [{ id: "time", grain: "day" }] }, "unsupported", /per day/],
    ["a period metric over more than 36 buckets", { kind: "aggregate", metrics: ["churn_rate"], dimensions: [{ id: "time", grain: "month" }], time: { start: "2020-01-01", end: "2026-06-30" } }, "unsupported", /36/],
    ["monthly data by day", { kind: "aggregate", metrics: ["total_aum"], dimensions: [{ id: "time", grain: "day" }] }, "unsupported", /per month/],
    ["a time range on an entity without dates", { kind: "list", entity: "branches", time: { start: "2026-01-01", end: "2026-06-30" } }, "time_not_available", /date column/],
    ["a grain on a category dimension", { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "branch", grain: "month" }] }, "invalid_plan", /grain/],
    ["ordering by a dimension not grouped", { kind: "aggregate", metrics: ["loan_count"], order: [{ by: "branch", direction: "asc" }] }, "invalid_plan", /branch/],
    ["a range that ends before it starts", { kind: "aggregate", metrics: ["loan_count"], time: { start: "2026-06-30", end: "2026-06-01" } }, "invalid_plan", /after it ends/],
    ["a tool step", { kind: "tool", tool: "early_warning" }, "tool_step", /tool runner/],
    ["raw SQL", { kind: "sql", sql: "SELECT 1", purpose: "test" }, "raw_sql", /guard/],
  ] as const)("%s", (_, query, reason, message) => {
    let error: unknown;
    try {
      compilePlan({ query } as unknown as QueryPlanInput, { dialect: "postgres", asOfDate: AS_OF });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CompileError);
    expect((error as CompileError).reason).toBe(reason);
    expect((error as CompileError).audience).toBe("user");
    expect((error as CompileError).messages.en).toMatch(message);
    expect((error as CompileError).messages.zh.length).toBeGreaterThan(0);
  });

  it("a malformed plan is a CompileError, not a crash", () => {
    expect(() => compilePlan({ query: { kind: "aggregate", metrics: [] } } as QueryPlanInput, { dialect: "sqlite", asOfDate: AS_OF })).toThrow(CompileError);
  });
});

describe("values are bound, never spliced", () => {
  const hostile = "Shanghai'); DROP TABLE loans; --";
  const plans: QueryPlanInput[] = [
    { query: { kind: "aggregate", metrics: ["loan_count"], filters: [{ kind: "in", dimension: "city", values: [hostile, "Beijing"] }], limit: 7 } },
    { query: { kind: "aggregate", metrics: ["customer_count"], filters: [{ kind: "between", attribute: "annual_income", low: 123456.78, high: 987654.32 }] } },
    { query: { kind: "aggregate", metrics: ["overdue_rate"], dimensions: [{ id: "branch" }], having: [{ metric: "overdue_rate", op: "gte", value: 0.0427 }] } },
    { query: { kind: "list", entity: "customers", filters: [{ kind: "compare", attribute: "customer_outstanding_balance", op: "gt", value: 7654321 }], limit: 13 } },
    { query: { kind: "list", entity: "loans", filters: [{ kind: "in", dimension: "branch", values: ["BR07"] }], time: { start: "2025-03-17", end: "2025-11-23" } } },
  ];

  it.each(DIALECT_NAMES)("%s: values only in params, every placeholder has a parameter", (dialect) => {
    for (const plan of plans) {
      const compiled = compilePlan(plan, { dialect, asOfDate: AS_OF, scope: { branchId: "BR03" } });
      for (const value of [hostile, "Beijing", "123456.78", "987654.32", "0.0427", "7654321", "BR07", "BR03", "2025-03-17", "2025-11-23", "2026-06", "LIMIT 7", "LIMIT 13"])
        expect(compiled.sql).not.toContain(value);
      for (const parameter of compiled.params) {
        expect(["string", "number"]).toContain(typeof parameter);
        if (typeof parameter === "string" && parameter !== hostile) expect(parameter).not.toMatch(/\b(SELECT|FROM|WHERE|AND|OR)\b/i);
      }
      const placeholders = dialect === "sqlite" ? compiled.sql.split("?").length - 1 : Math.max(0, ...[...compiled.sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])));
      expect(placeholders).toBe(compiled.params.length);
    }
  });

  it("the hostile value is bound as one parameter and matches nothing", async () => {
    const database = await compilerFixtureDatabase(5, 60);
    const compiled = compilePlan(plans[0], { dialect: "sqlite", asOfDate: FIXTURE_AS_OF_DATE });
    expect(compiled.params).toContain(hostile);
    expect(runSqlite(database, compiled.sql, compiled.params)).toEqual(runSqlite(database, "SELECT COUNT(*) FROM loans JOIN branches ON branches.branch_id = loans.branch_id WHERE branches.city = 'Beijing'"));
    expect(runSqlite(database, "SELECT COUNT(*) FROM loans")[0][0]).toBeGreaterThan(0);
    database.close();
  });
});
