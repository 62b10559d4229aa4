// Tests that a generated dataset looks like a real lending book: DOMAIN.md's shares, correlations and planted stories.
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureDataset } from "./dataset-measures.ts";
import type { DatasetMeasures } from "./dataset-measures.ts";
import { resolveDatasetOptions } from "./dataset-options.ts";
import { planDataset } from "./dataset-plan.ts";
import { generateDataset } from "./generate-dataset.ts";

// Scale 0.25 (5,000 customers) is large enough for shares to settle and small enough to build in a few seconds.
const OPTIONS = { seed: 42, scale: 0.25, asOf: "2026-06-30" };

function scalar(database: Database, sql: string): number {
  return Number(database.exec(sql)[0].values[0][0]);
}

describe("a generated dataset", () => {
  let database: Database;
  let measures: DatasetMeasures;
  const plan = planDataset(resolveDatasetOptions(OPTIONS));

  beforeAll(async () => {
    database = await generateDataset(OPTIONS);
    measures = measureDataset(database);
  });
  afterAll(() => database.close());

  it("has DOMAIN.md's headline shares", () => {
    expect(scalar(database, "SELECT COUNT(*) FROM customers")).toBe(5000);
    expect(measures.overdueRate).toBeGreaterThan(0.015);
    expect(measures.overdueRate).toBeLessThan(0.08);
    expect(measures.nplRatio).toBeGreaterThanOrEqual(0.01);
    expect(measures.nplRatio).toBeLessThanOrEqual(0.03);
    expect(measures.risingRiskShare).toBeGreaterThan(0.01);
    expect(measures.risingRiskShare).toBeLessThan(0.1);
    expect(measures.approvalRate).toBeGreaterThan(0.5);
    expect(measures.approvalRate).toBeLessThan(0.85);
    expect(measures.nps).toBeGreaterThan(-10);
    expect(measures.nps).toBeLessThan(40);
  });

  it("has value tiers in plausible proportions", () => {
    expect(measures.valueTierShares.high).toBeGreaterThan(0.02);
    expect(measures.valueTierShares.high).toBeLessThan(0.15);
    expect(measures.valueTierShares.medium).toBeGreaterThan(0.2);
    expect(measures.valueTierShares.low).toBeGreaterThan(0.4);
  });

  it("converts from under 1% to over 10% by channel, the seed's star channel far above the rest", () => {
    const ranked = Object.entries(measures.conversionByChannel).sort((left, right) => right[1] - left[1]);
    expect(ranked).toHaveLength(6);
    expect(ranked[0][0]).toBe(plan.starChannel);
    expect(ranked[0][1]).toBeGreaterThan(0.1);
    expect(ranked[0][1]).toBeGreaterThan(2 * ranked[1][1]);
    expect(ranked[5][1]).toBeLessThan(0.01);
  });

  it("plants a branch whose recent loans go bad month after month", () => {
    expect(measures.worstBranchId).toBe(plan.worseningBranchId);
    const others = Object.entries(measures.overdueRateByBranch).filter(([branch]) => branch !== plan.worseningBranchId).map(([, rate]) => rate);
    expect(measures.overdueRateByBranch[plan.worseningBranchId]).toBeGreaterThan(1.5 * Math.max(...others));
    const vintages = measures.worstBranchVintageOverdueShares;
    expect(vintages).toHaveLength(6);
    const average = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(average(vintages.slice(3))).toBeGreaterThan(average(vintages.slice(0, 3)) + 0.1);
    expect(vintages[5]).toBeGreaterThan(vintages[0] + 0.2);
  });

  it("plants high-value customers whose risk is rising, and customers due soon while overdue elsewhere", () => {
    expect(measures.highValueRisingCustomers).toBeGreaterThanOrEqual(20);
    expect(measures.dueSoonWhileOverdueCustomers).toBeGreaterThanOrEqual(15);
    expect(measures.activeCampaigns).toBeGreaterThanOrEqual(6);
  });

  it.each([
    ["income with loan size: the top income quartile borrows far more", `WITH ranked AS (SELECT c.annual_income, l.principal, NTILE(4) OVER (ORDER BY c.annual_income) AS quartile
      FROM loans l JOIN customers c USING (customer_id) WHERE l.product_id IN (SELECT product_id FROM products WHERE category = 'consumer'))
      SELECT (SELECT AVG(principal) FROM ranked WHERE quartile = 4) / (SELECT AVG(principal) FROM ranked WHERE quartile = 1)`, 2],
    ["application score with arrears: current loans scored higher than overdue ones", `SELECT
      (SELECT AVG(a.application_score) FROM loans l JOIN applications a USING (application_id) WHERE l.current_dpd = 0)
      - (SELECT AVG(a.application_score) FROM loans l JOIN applications a USING (application_id) WHERE l.current_dpd > 0)`, 20],
    ["pd with missed payments: borrowers with a missed installment have several times the pd", `WITH asof AS (SELECT substr(value, 1, 7) AS month FROM meta WHERE key = 'as_of_date'),
      late AS (SELECT DISTINCT l.customer_id FROM loans l JOIN repayments r USING (loan_id) WHERE r.status = 'missed')
      SELECT (SELECT AVG(pd) FROM risk_scores, asof WHERE risk_scores.month = asof.month AND customer_id IN (SELECT customer_id FROM late))
           / (SELECT AVG(pd) FROM risk_scores, asof WHERE risk_scores.month = asof.month AND customer_id NOT IN (SELECT customer_id FROM late))`, 3],
    ["pd with inquiries: many inquiries by other lenders go with a higher pd", `SELECT
      (SELECT AVG(s.pd) FROM risk_scores s JOIN customer_monthly m USING (customer_id, month) WHERE m.external_inquiries >= 3)
      / (SELECT AVG(s.pd) FROM risk_scores s JOIN customer_monthly m USING (customer_id, month) WHERE m.external_inquiries = 0)`, 1.5],
    ["score falls as pd rises", "SELECT (SELECT AVG(score) FROM risk_scores WHERE risk_grade = 'A') - (SELECT AVG(score) FROM risk_scores WHERE risk_grade = 'E')", 200],
    ["alerts follow arrears: most loans in arrears have a missed-payment alert", `SELECT AVG(EXISTS (SELECT 1 FROM risk_alerts a WHERE a.loan_id = l.loan_id AND a.alert_type = 'missed_payment'))
      FROM loans l WHERE l.status = 'active' AND l.current_dpd > 30`, 0.9],
    ["collections follow arrears: loans 30+ days past due are being chased", `SELECT AVG(EXISTS (SELECT 1 FROM collection_actions a WHERE a.loan_id = l.loan_id))
      FROM loans l WHERE l.status = 'active' AND l.current_dpd > 30`, 0.9],
  ])("correlates %s", (_name, sql, least) => {
    expect(scalar(database, sql)).toBeGreaterThan(least);
  });
});
