/** pre_due_risk on hand-computed installments: the logistic miss probability from PD, lateness, other overdue, inflow. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../engines/engine.ts";
import { activeLoan, createScoringEngine, customer, FIXTURE_AS_OF_DATE, FIXTURE_MONTHS, monthly } from "./__fixtures__/scoring-database.ts";
import { preDueRiskTool } from "./pre-due-risk.ts";
import { InvalidScoringInputError } from "./scoring-errors.ts";

let engine: Engine;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const due = (loanId: string, dueDate: string, status: string, extra: Record<string, number | string> = {}) => ({
  loan_id: loanId,
  due_date: dueDate,
  due_amount: 3000,
  status,
  ...extra,
});

beforeAll(async () => {
  engine = await createScoringEngine({
    customers: [customer("C000001", { value_tier: "high" }), customer("C000002", { home_branch_id: "BR02" })],
    loans: [activeLoan("L1", "C000001"), activeLoan("L1B", "C000001", { current_dpd: 10, risk_class: "special_mention" }), activeLoan("L2", "C000002")],
    risk_scores: [
      { customer_id: "C000001", month: "2026-06", pd: 0.05, score: 600, risk_grade: "C" },
      { customer_id: "C000002", month: "2026-06", pd: 0.01, score: 800, risk_grade: "B" },
    ],
    repayments: [
      // C000001's history in the 12 months to the as-of date: 1 late of 4 (the 2025-06 one is older).
      due("L1", "2025-06-15", "missed"),
      due("L1", "2026-03-05", "paid_on_time"),
      due("L1", "2026-04-05", "paid_late"),
      due("L1", "2026-05-05", "paid_on_time"),
      due("L1", "2026-06-05", "paid_on_time"),
      due("L1", "2026-07-05", "scheduled", { installment_no: 5 }),
      due("L1B", "2026-07-03", "scheduled", { installment_no: 9 }),
      due("L2", "2026-07-01", "scheduled", { due_amount: 1500 }),
      due("L2", "2026-07-08", "scheduled"),
    ],
    customer_monthly: [
      ...FIXTURE_MONTHS.slice(0, 6).map((month) => monthly("C000001", month)),
      monthly("C000001", "2026-06", { inflow: 8000 }),
      ...FIXTURE_MONTHS.map((month) => monthly("C000002", month)),
    ],
  });
});
afterAll(() => engine.close());

const run = (args: Parameters<typeof preDueRiskTool.run>[0], scope?: { branchId: string }) => preDueRiskTool.run(args, { engine, asOfDate: FIXTURE_AS_OF_DATE, scope });

describe("pre_due_risk", () => {
  it("ranks installments due in the next 7 days by the hand-computed miss probability", async () => {
    const result = await run({});
    expect(result.window).toEqual({ from: "2026-07-01", to: "2026-07-07" });
    expect(result.items.map((item) => item.loan_id)).toEqual(["L1B", "L1", "L2"]);
    const [overdueLoan, sameCustomer, calm] = result.items;
    // L1B: -3.5 + 8(0.05) + 3(0.25) + 2.5 (this loan overdue) + 1.5(0.2 inflow drop) = 0.45
    expect(overdueLoan.miss_probability).toBeCloseTo(sigmoid(0.45), 6);
    expect(overdueLoan).toMatchObject({ this_loan_dpd: 10, overdue_other_loans: false, days_until_due: 3, installment_no: 9 });
    // L1: -3.5 + 0.4 + 0.75 + 1.5 (another loan overdue) + 0.3 = -0.55
    expect(sameCustomer.miss_probability).toBeCloseTo(sigmoid(-0.55), 6);
    expect(sameCustomer).toMatchObject({ late_share: 0.25, overdue_other_loans: true, inflow_change: -0.2, pd: 0.05, due_date: "2026-07-05" });
    expect(sameCustomer.reasons.map((reason) => reason.factor)).toEqual(["overdue_other_loans", "late_share", "pd", "inflow_drop"]);
    // L2: -3.5 + 8(0.01) = -3.42, no history, steady inflow.
    expect(calm.miss_probability).toBeCloseTo(sigmoid(-3.42), 6);
    expect(calm).toMatchObject({ late_share: 0, inflow_change: 0, due_amount: 1500, days_until_due: 1 });
    expect(result.rows[0].slice(0, 4)).toEqual(["C000001", "L1B", "2026-07-03", 3000]);
    expect(() => preDueRiskTool.output.parse(result)).not.toThrow();
  });

  it.each([
    { args: { days: 14 }, scope: undefined, loans: ["L1B", "L1", "L2", "L2"] },
    { args: { days: 1 }, scope: undefined, loans: ["L2"] },
    { args: { min_probability: 0.5 }, scope: undefined, loans: ["L1B"] },
    { args: { value_tier: "high" as const }, scope: undefined, loans: ["L1B", "L1"] },
    { args: {}, scope: { branchId: "BR02" }, loans: ["L2"] },
  ])("filters $args $scope", async ({ args, scope, loans }) => {
    expect((await run(args, scope)).items.map((item) => item.loan_id)).toEqual(loans);
  });

  it("refuses a window beyond the scheduled rows", async () => {
    await expect(run({ days: 90 })).rejects.toBeInstanceOf(InvalidScoringInputError);
  });
});
