/** The six scoring tools on a generated dataset (seed 42, scale 0.05): plausible outputs, risk rules, churn AUC >= 0.7. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "sql.js";
import { generateDataset } from "../../schema/generator/generate-dataset.ts";
import type { Engine } from "../engines/engine.ts";
import { createInMemoryEngine } from "../engines/in-memory-engine.ts";
import { TARGET_AUC } from "./churn-risk.ts";
import { SCORING_TOOLS, SCORING_TOOL_NAMES, runScoringTool } from "./registry.ts";
import { numberOf, queryRows } from "./scoring-query.ts";
import { DEFAULT_SCORING_SETTINGS } from "./scoring-settings.ts";
import type { ScoringContext } from "./scoring-tool.ts";

const AS_OF_DATE = "2026-06-30";
let database: Database;
let engine: Engine;
let context: ScoringContext;

beforeAll(async () => {
  database = await generateDataset({ seed: 42, scale: 0.05, asOf: AS_OF_DATE });
  engine = createInMemoryEngine(database, { closeDatabase: true });
  context = { engine, asOfDate: AS_OF_DATE };
});
afterAll(() => engine.close());

/** Customer ids returned by a SQL statement. */
const idsOf = async (sql: string, params: unknown[] = []) => new Set((await queryRows(engine, sql, params)).map((row) => String(row.customer_id)));
const isSortedDescending = (values: number[]) => values.every((value, index) => index === 0 || values[index - 1] >= value);

describe("scoring tools on generated data", () => {
  it("risk_trend: a few percent of borrowers have rising risk, flagged exactly by the threshold", async () => {
    const all = await SCORING_TOOLS.risk_trend.run({ limit: 10000 }, context);
    const share = all.rising_count / all.row_count;
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.15);
    for (const item of all.items) expect(item.rising).toBe(item.pd_change !== null && item.pd_change >= DEFAULT_SCORING_SETTINGS.rising_risk_threshold);
    const rising = await SCORING_TOOLS.risk_trend.run({ only_rising: true, value_tier: "high", limit: 10000 }, context);
    expect(rising.items.every((item) => item.rising && item.value_tier === "high")).toBe(true);
    // The same count as the DOMAIN.md definition written in SQL.
    const [row] = await queryRows(
      engine,
      `SELECT COUNT(*) AS n FROM risk_scores a JOIN risk_scores b ON b.customer_id = a.customer_id AND b.month = '2026-05'
       JOIN customers c ON c.customer_id = a.customer_id WHERE a.month = '2026-06' AND c.value_tier = 'high' AND a.pd - b.pd >= 0.02 - 1e-12`,
    );
    expect(rising.row_count).toBe(numberOf(row.n));
  });

  it("early_warning: borrowers only, scores are the sum of fired weights, higher scores mean higher PD", async () => {
    const result = await SCORING_TOOLS.early_warning.run({ limit: 10000 }, context);
    const borrowers = await idsOf("SELECT DISTINCT customer_id FROM loans WHERE status = 'active'");
    expect(result.row_count).toBe(borrowers.size);
    expect(isSortedDescending(result.items.map((item) => item.score))).toBe(true);
    for (const item of result.items) {
      expect(borrowers.has(item.customer_id)).toBe(true);
      expect(item.score).toBe(Math.min(100, item.signals.reduce((sum, signal) => sum + signal.weight, 0)));
      expect(item.signals.some((signal) => signal.signal === "current_dpd")).toBe(item.max_dpd > 0);
    }
    const meanPd = (items: typeof result.items) => items.reduce((sum, item) => sum + (item.pd ?? 0), 0) / items.length;
    const flagged = result.items.filter((item) => item.score >= 40);
    const calm = result.items.filter((item) => item.score === 0);
    expect(flagged.length).toBeGreaterThan(0);
    expect(meanPd(flagged)).toBeGreaterThan(2 * meanPd(calm));
  });

  it("pre_due_risk: installments due in the next 7 days, overdue loans ranked above current ones", async () => {
    const result = await SCORING_TOOLS.pre_due_risk.run({ limit: 10000 }, context);
    expect(result.row_count).toBeGreaterThan(0);
    const [row] = await queryRows(
      engine,
      "SELECT COUNT(*) AS n FROM repayments r JOIN loans l ON l.loan_id = r.loan_id WHERE r.status = 'scheduled' AND l.status = 'active' AND r.due_date BETWEEN '2026-07-01' AND '2026-07-07'",
    );
    expect(result.row_count).toBe(numberOf(row.n));
    expect(isSortedDescending(result.items.map((item) => item.miss_probability))).toBe(true);
    for (const item of result.items) expect(item.due_date >= "2026-07-01" && item.due_date <= "2026-07-07").toBe(true);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const overdue = result.items.filter((item) => item.this_loan_dpd > 0).map((item) => item.miss_probability);
    const current = result.items.filter((item) => item.this_loan_dpd === 0).map((item) => item.miss_probability);
    expect(overdue.length).toBeGreaterThan(0);
    expect(mean(overdue)).toBeGreaterThan(mean(current));
  });

  it("customer_value: parts add up and the median high-value customer is worth more than a medium or low one", async () => {
    const result = await SCORING_TOOLS.customer_value.run({ limit: 10000 }, context);
    for (const item of result.items) expect(item.expected_value).toBeCloseTo(item.interest_margin - item.expected_loss + item.fee_income, 1);
    // Medians: a few large defaulting mortgages make some high-tier values deeply negative.
    const medianOf = (tier: string) => {
      const values = result.items.filter((item) => item.value_tier === tier).map((item) => item.expected_value).sort((left, right) => left - right);
      return values[Math.floor(values.length / 2)];
    };
    expect(medianOf("high")).toBeGreaterThan(medianOf("medium"));
    expect(medianOf("medium")).toBeGreaterThan(medianOf("low"));
    expect(result.items.some((item) => item.expected_value < 0)).toBe(true);
  });

  it(`churn_risk: holdout AUC >= ${TARGET_AUC}, coefficients shown, active customers scored`, async () => {
    const result = await SCORING_TOOLS.churn_risk.run({ limit: 10000 }, context);
    expect(result.model.holdout_auc).toBeGreaterThanOrEqual(TARGET_AUC);
    expect(result.model.meets_target).toBe(true);
    expect(result.model.holdout_positives).toBeGreaterThan(30);
    expect(result.model.coefficients.length).toBeGreaterThan(5);
    const active = await idsOf("SELECT customer_id FROM customers WHERE status = 'active'");
    expect(result.row_count).toBe(active.size);
    for (const item of result.items) expect(active.has(item.customer_id)).toBe(true);
    expect(isSortedDescending(result.items.map((item) => item.churn_probability))).toBe(true);
    // A falling AUM (money moving out) raises the churn risk.
    const aumChange = result.model.coefficients.find((coefficient) => coefficient.feature === "aum_change_1m");
    expect(aumChange?.weight).toBeLessThan(0);
  });

  it("next_best_product: never a customer with a current overdue or grade D/E, never a held category", async () => {
    const result = await SCORING_TOOLS.next_best_product.run({ per_customer: 7, limit: 10000 }, context);
    expect(result.row_count).toBeGreaterThan(0);
    const overdue = await idsOf("SELECT DISTINCT customer_id FROM loans WHERE status = 'active' AND current_dpd > 0");
    const riskyOrUngraded = await idsOf("SELECT customer_id FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM risk_scores WHERE month = '2026-06' AND risk_grade IN ('A', 'B', 'C'))");
    const held = new Set(
      (await queryRows(engine, "SELECT DISTINCT l.customer_id, p.category FROM loans l JOIN products p ON p.product_id = l.product_id WHERE l.status = 'active'")).map(
        (row) => `${String(row.customer_id)}:${String(row.category)}`,
      ),
    );
    expect(overdue.size).toBeGreaterThan(0);
    for (const item of result.items) {
      expect(overdue.has(item.customer_id)).toBe(false);
      expect(riskyOrUngraded.has(item.customer_id)).toBe(false);
      expect(held.has(`${item.customer_id}:${item.category}`)).toBe(false);
      expect(item.debt_to_income).toBeLessThan(DEFAULT_SCORING_SETTINGS.next_best_product.max_debt_to_income);
    }
    const auto = await SCORING_TOOLS.next_best_product.run({ category: "auto" }, context);
    expect(auto.items.length).toBeGreaterThan(0);
    expect(auto.items.every((item) => item.category === "auto")).toBe(true);
  });

  it("every tool is deterministic, validates its own output and honours a branch scope", async () => {
    const [branch] = await queryRows(engine, "SELECT home_branch_id, COUNT(*) AS n FROM customers GROUP BY home_branch_id ORDER BY n DESC, home_branch_id LIMIT 1");
    const branchId = String(branch.home_branch_id);
    const inBranch = await idsOf("SELECT customer_id FROM customers WHERE home_branch_id = ?", [branchId]);
    for (const name of SCORING_TOOL_NAMES) {
      const first = await runScoringTool(name, { limit: 30 }, context);
      expect(await runScoringTool(name, { limit: 30 }, context)).toEqual(first);
      expect(() => SCORING_TOOLS[name].output.parse(first)).not.toThrow();
      const scoped = (await runScoringTool(name, { limit: 1000 }, { ...context, scope: { branchId } })) as { items: { customer_id: string }[] };
      expect(scoped.items.length).toBeGreaterThan(0);
      for (const item of scoped.items) expect(inBranch.has(item.customer_id)).toBe(true);
    }
  });
});
