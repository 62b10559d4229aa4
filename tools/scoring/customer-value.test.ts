/** customer_value on hand-computed customers: margin x (1 - PD) - PD x LGD x balance + AUM x fee rate. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../engines/engine.ts";
import { activeLoan, createScoringEngine, customer, FIXTURE_AS_OF_DATE, FIXTURE_PRODUCTS, monthly } from "./__fixtures__/scoring-database.ts";
import { customerValueTool } from "./customer-value.ts";
import { customerValue } from "./customer-value-formula.ts";
import { DEFAULT_SCORING_SETTINGS } from "./scoring-settings.ts";

let engine: Engine;

beforeAll(async () => {
  engine = await createScoringEngine({
    products: FIXTURE_PRODUCTS,
    customers: [
      customer("C000001", { value_tier: "high" }),
      customer("C000002"),
      customer("C000003", { value_tier: "low" }),
      customer("C000004", { status: "churned", churn_date: "2026-05-01" }),
    ],
    loans: [
      activeLoan("L1", "C000001", { product_id: "P01", annual_rate: 0.04, outstanding_balance: 1000000 }),
      activeLoan("L2", "C000001", { product_id: "P02", annual_rate: 0.06, outstanding_balance: 50000 }),
      activeLoan("L3", "C000001", { product_id: "P02", status: "closed", outstanding_balance: 0 }),
      activeLoan("L4", "C000003", { product_id: "P02", annual_rate: 0.06, outstanding_balance: 100000 }),
    ],
    risk_scores: [
      { customer_id: "C000001", month: "2026-06", pd: 0.02, score: 780, risk_grade: "B" },
      { customer_id: "C000003", month: "2026-04", pd: 0.1, score: 560, risk_grade: "D" },
    ],
    customer_monthly: [monthly("C000001", "2026-06", { aum: 600000 }), monthly("C000002", "2026-06", { aum: 100000 }), monthly("C000004", "2026-06", { aum: 1000000 })],
  });
});
afterAll(() => engine.close());

const run = (args: Parameters<typeof customerValueTool.run>[0]) => customerValueTool.run(args, { engine, asOfDate: FIXTURE_AS_OF_DATE });

describe("customer_value", () => {
  it("computes the 12-month expected value by hand", async () => {
    const result = await run({});
    expect(result.items).toEqual([
      // (0.018 x 1,000,000 + 0.038 x 50,000) x 0.98 = 19,502; 0.02 x (0.25 x 1,000,000 + 0.6 x 50,000) = 5,600; 600,000 x 0.004 = 2,400
      { customer_id: "C000001", value_tier: "high", outstanding: 1050000, aum: 600000, pd: 0.02, interest_margin: 19502, expected_loss: 5600, fee_income: 2400, expected_value: 16302 },
      { customer_id: "C000002", value_tier: "medium", outstanding: 0, aum: 100000, pd: 0, interest_margin: 0, expected_loss: 0, fee_income: 400, expected_value: 400 },
      // The latest score before the as-of month (2026-04, pd 0.1): 3,420 - 6,000 + 0.
      { customer_id: "C000003", value_tier: "low", outstanding: 100000, aum: 0, pd: 0.1, interest_margin: 3420, expected_loss: 6000, fee_income: 0, expected_value: -2580 },
    ]);
    expect(result.total_expected_value).toBe(14122);
    expect(result.settings).toEqual(DEFAULT_SCORING_SETTINGS.value);
    expect(result.rows[0].slice(0, 3)).toEqual(["C000001", "high", 16302]);
    expect(() => customerValueTool.output.parse(result)).not.toThrow();
  });

  it.each([
    { args: { order: "lowest" as const }, ids: ["C000003", "C000002", "C000001"] },
    { args: { include_churned: true }, ids: ["C000001", "C000004", "C000002", "C000003"] },
    { args: { value_tier: "high" as const }, ids: ["C000001"] },
    { args: { customer_ids: ["C000002"] }, ids: ["C000002"] },
  ])("orders and filters $args", async ({ args, ids }) => {
    expect((await run(args)).items.map((item) => item.customer_id)).toEqual(ids);
  });

  it("is the issue's formula when every loan has the same LGD", () => {
    const settings = { ...DEFAULT_SCORING_SETTINGS.value, lgd_secured: 0.45, lgd_unsecured: 0.45 };
    const parts = customerValue([{ annualRate: 0.05, outstanding: 200000, secured: false }], 0.04, 10000, settings);
    const nim = 0.05 - settings.funding_cost;
    expect(parts.expectedValue).toBeCloseTo(nim * 200000 * 0.96 - 0.04 * 0.45 * 200000 + 10000 * settings.aum_fee_rate, 9);
  });
});
