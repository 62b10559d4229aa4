/** next_best_product: risk rules exclude overdue, grade D/E, ungraded and over-indebted customers; offers ranked by hand. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../engines/engine.ts";
import { activeLoan, createScoringEngine, customer, FIXTURE_AS_OF_DATE, FIXTURE_PRODUCTS, monthly } from "./__fixtures__/scoring-database.ts";
import { nextBestProductTool } from "./next-best-product.ts";
import { debtToIncome, monthlyInstallment } from "./product-eligibility.ts";

let engine: Engine;
const grade = (customerId: string, riskGrade: string, pd: number) => ({ customer_id: customerId, month: "2026-06", pd, score: 700, risk_grade: riskGrade });
const touch = (customerId: string, channel: string, clicked: number, applied: number) => ({ campaign_id: "CP001", customer_id: customerId, channel, touched_date: "2026-05-01", opened: 1, clicked, applied });
const logins = (customerId: string, count: number) => ["2026-04", "2026-05", "2026-06"].map((month) => monthly(customerId, month, { app_logins: count }));

beforeAll(async () => {
  engine = await createScoringEngine({
    products: FIXTURE_PRODUCTS,
    customers: [
      customer("C000001", { value_tier: "high", annual_income: 200000 }),
      customer("C000002", { annual_income: 100000 }),
      customer("C000003", { annual_income: 500000 }),
      customer("C000004", { annual_income: 500000 }),
      customer("C000005", { annual_income: 30000 }),
      customer("C000006"),
      customer("C000007", { status: "churned", churn_date: "2026-03-01" }),
      customer("C000008"),
    ],
    loans: [
      activeLoan("L1", "C000001", { product_id: "P02" }),
      activeLoan("L4", "C000004", { product_id: "P02", current_dpd: 5, risk_class: "special_mention" }),
      activeLoan("L5", "C000005", { product_id: "P02" }),
      activeLoan("L9", "C000002", { product_id: "P01", status: "closed", outstanding_balance: 0 }),
    ],
    risk_scores: [
      grade("C000001", "A", 0.005),
      grade("C000002", "C", 0.05),
      grade("C000003", "E", 0.3),
      grade("C000004", "A", 0.005),
      grade("C000005", "B", 0.02),
      grade("C000007", "A", 0.005),
      grade("C000008", "D", 0.1),
    ],
    customer_monthly: [...logins("C000001", 20), ...logins("C000002", 10), ...logins("C000003", 30), ...logins("C000004", 30)],
    campaign_touches: [
      touch("C000001", "sms", 1, 1),
      touch("C000001", "sms", 0, 0),
      touch("C000003", "sms", 0, 0),
      touch("C000003", "sms", 0, 0),
      ...Array.from({ length: 4 }, () => touch("C000002", "app_push", 0, 0)),
    ],
  });
});
afterAll(() => engine.close());

const run = (args: Parameters<typeof nextBestProductTool.run>[0]) => nextBestProductTool.run(args, { engine, asOfDate: FIXTURE_AS_OF_DATE });

// Bank-wide click rate 1/8; C000001: (1 + 5/8) / (2 + 5) over 2 x 1/8; C000002: (0 + 5/8) / (4 + 5) over 1/4.
const propensityOne = 0.4 * 1 + 0.3 * 1 + 0.3 * (1.625 / 7 / 0.25);
const propensityTwo = 0.4 * 0.5 + 0.3 * 0.6 + 0.3 * (0.625 / 9 / 0.25);

describe("next_best_product", () => {
  it("never offers to a customer with a current overdue, grade D/E, no grade, or debt-to-income over the cap", async () => {
    const result = await run({ per_customer: 7, limit: 100 });
    expect(result.excluded).toEqual({ overdue: 1, no_risk_grade: 1, risk_grade: 2, debt_to_income: 1 });
    expect(result.eligible_customers).toBe(2);
    const offered = new Set(result.items.map((item) => item.customer_id));
    expect([...offered].sort()).toEqual(["C000001", "C000002"]);
    for (const item of result.items) expect(["A", "B", "C"]).toContain(item.risk_grade);
    // Held categories (C000001's active consumer loan) are never offered; a closed mortgage does not count as held.
    expect(result.items.filter((item) => item.customer_id === "C000001").map((item) => item.category)).toEqual(["auto", "mortgage"]);
    expect(result.items.filter((item) => item.customer_id === "C000002").map((item) => item.category)).toEqual(["auto", "mortgage", "consumer"]);
  });

  it("ranks offers by propensity x expected value, computed by hand", async () => {
    const result = await run({});
    expect(result.items.map((item) => [item.customer_id, item.product_id, item.offer_rank])).toEqual([
      ["C000001", "P03", 1],
      ["C000002", "P03", 1],
    ]);
    const [best, second] = result.items;
    // 100,000 x ((0.05 - 0.022) x 0.995 - 0.005 x 0.25)
    expect(best.expected_value).toBeCloseTo(2661, 2);
    expect(best.propensity).toBeCloseTo(propensityOne, 6);
    expect(best.score).toBeCloseTo(propensityOne * 2661, 1);
    expect(best).toMatchObject({ offer_amount: 100000, recommended_channel: "sms", engagement: 1, risk_grade: "A" });
    expect(best.debt_to_income).toBeCloseTo((12 * monthlyInstallment(100000, 0.06, 36)) / 200000, 6);
    // 50,000 x ((0.05 - 0.022) x 0.95 - 0.05 x 0.25)
    expect(second.expected_value).toBeCloseTo(705, 2);
    expect(second.propensity).toBeCloseTo(propensityTwo, 6);
    expect(second.recommended_channel).toBe("sms");
    expect(result.rows[0].slice(0, 6)).toEqual(["C000001", "high", "A", "P03", "畅行车贷", "auto"]);
    expect(() => nextBestProductTool.output.parse(result)).not.toThrow();
  });

  it.each([
    { args: { category: "mortgage" as const }, offers: ["C000001:P01", "C000002:P01"] },
    { args: { product_id: "P02" }, offers: ["C000002:P02"] },
    { args: { value_tier: "high" as const, per_customer: 2 }, offers: ["C000001:P03", "C000001:P01"] },
    { args: { customer_ids: ["C000003", "C000004"] }, offers: [] },
  ])("filters $args", async ({ args, offers }) => {
    expect((await run(args)).items.map((item) => `${item.customer_id}:${item.product_id}`)).toEqual(offers);
  });

  it("computes the annuity and debt-to-income", () => {
    expect(monthlyInstallment(120000, 0, 12)).toBe(10000);
    expect(monthlyInstallment(100000, 0.12, 12)).toBeCloseTo(8884.88, 2);
    expect(debtToIncome([{ principal: 120000, annualRate: 0, termMonths: 12, currentDpd: 0, category: "auto" }], 240000)).toBe(0.5);
    expect(debtToIncome([], 0)).toBe(0);
  });
});
