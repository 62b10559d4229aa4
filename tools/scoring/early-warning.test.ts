/** early_warning on hand-built borrowers: every signal at its threshold, none, one; filters, weights as settings. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../engines/engine.ts";
import { activeLoan, createScoringEngine, customer, FIXTURE_AS_OF_DATE, FIXTURE_MONTHS, monthly } from "./__fixtures__/scoring-database.ts";
import { earlyWarningTool } from "./early-warning.ts";
import { InvalidScoringSettingsError } from "./scoring-errors.ts";
import { DEFAULT_SCORING_SETTINGS, parseScoringSettings } from "./scoring-settings.ts";
import type { ScoringSettings } from "./scoring-settings.ts";

let engine: Engine;
const grade = (customerId: string, month: string, pd: number) => ({ customer_id: customerId, month, pd, score: 650, risk_grade: "C" });
const repayment = (loanId: string, dueDate: string, status: string) => ({ loan_id: loanId, due_date: dueDate, due_amount: 3000, status });

beforeAll(async () => {
  engine = await createScoringEngine({
    customers: [customer("C000001", { value_tier: "high" }), customer("C000002"), customer("C000003", { value_tier: "low" }), customer("C000004")],
    loans: [
      activeLoan("L1", "C000001", { current_dpd: 15, risk_class: "special_mention" }),
      activeLoan("L2", "C000002"),
      activeLoan("L3", "C000003"),
      activeLoan("L4", "C000004", { status: "closed", outstanding_balance: 0, closed_date: "2026-01-10" }),
    ],
    risk_scores: [
      grade("C000001", "2026-05", 0.03),
      grade("C000001", "2026-06", 0.06),
      grade("C000002", "2026-05", 0.02),
      grade("C000002", "2026-06", 0.02),
      grade("C000003", "2026-05", 0.05),
      grade("C000003", "2026-06", 0.069),
    ],
    repayments: [
      repayment("L1", "2026-05-10", "paid_late"),
      repayment("L2", "2026-03-31", "paid_late"), // before the 3-month window (2026-04-01 .. as-of)
      repayment("L2", "2026-05-10", "paid_on_time"),
      repayment("L3", "2026-06-10", "missed"),
      repayment("L3", "2026-07-10", "scheduled"),
    ],
    customer_monthly: [
      // C000001: inquiries 3 against a mean of 1, inflow exactly 30% under the 3-month mean, net outflow 20,000 >= 0.3 x 50,000.
      ...FIXTURE_MONTHS.slice(0, 6).map((month) => monthly("C000001", month, { external_inquiries: 1 })),
      monthly("C000001", "2026-06", { inflow: 7000, outflow: 27000, credit_utilization: 0.9, external_inquiries: 3 }),
      // C000002: 2 inquiries (under the minimum of 3) and steady money.
      ...FIXTURE_MONTHS.map((month) => monthly("C000002", month, { external_inquiries: month === "2026-06" ? 2 : 0 })),
      // C000003: inflow down 29%, inquiries 3 against a mean of 2 (ratio 1.5 < 2).
      ...FIXTURE_MONTHS.slice(0, 6).map((month) => monthly("C000003", month, { external_inquiries: 2 })),
      monthly("C000003", "2026-06", { inflow: 7100, external_inquiries: 3, credit_utilization: 0.89 }),
    ],
    risk_alerts: [
      { customer_id: "C000001", alert_type: "missed_payment", severity: "high", created_date: "2026-06-01", status: "open" },
      { customer_id: "C000002", alert_type: "score_drop", severity: "low", created_date: "2026-06-01", status: "resolved", resolved_date: "2026-06-05" },
      { customer_id: "C000004", alert_type: "income_drop", severity: "high", created_date: "2026-06-01", status: "open" },
    ],
  });
});
afterAll(() => engine.close());

const run = (args: Parameters<typeof earlyWarningTool.run>[0], settings?: ScoringSettings) =>
  earlyWarningTool.run(args, { engine, asOfDate: FIXTURE_AS_OF_DATE, settings });

describe("early_warning", () => {
  it("scores borrowers only, summing the weights of the signals that fired", async () => {
    const result = await run({});
    expect(result.items.map((item) => [item.customer_id, item.score])).toEqual([
      ["C000001", 100],
      ["C000003", 20],
      ["C000002", 0],
    ]);
    const all = result.items[0];
    expect(all.signals.map((signal) => signal.signal)).toEqual([
      "pd_rise",
      "late_payments",
      "current_dpd",
      "inquiry_spike",
      "inflow_drop",
      "large_net_outflow",
      "high_utilization",
      "open_alerts",
    ]);
    expect(Object.fromEntries(all.signals.map((signal) => [signal.signal, signal.value]))).toEqual({
      pd_rise: 0.03,
      late_payments: 1,
      current_dpd: 15,
      inquiry_spike: 3,
      inflow_drop: -0.3,
      large_net_outflow: 20000,
      high_utilization: 0.9,
      open_alerts: 1,
    });
    expect(all.signals[0].label.zh).toBe("违约概率环比上升");
    expect(result.items[1].signals.map((signal) => [signal.signal, signal.weight])).toEqual([["late_payments", 20]]);
    expect(result.items[1].pd).toBe(0.069);
    expect(result.rows[0]).toEqual(["C000001", "high", 100, 0.06, 15, "pd_rise, late_payments, current_dpd, inquiry_spike, inflow_drop, large_net_outflow, high_utilization, open_alerts"]);
    expect(() => earlyWarningTool.output.parse(result)).not.toThrow();
  });

  it.each([
    { args: { min_score: 20 }, ids: ["C000001", "C000003"] },
    { args: { value_tier: "low" as const }, ids: ["C000003"] },
    { args: { customer_ids: ["C000002", "C000004"] }, ids: ["C000002"] },
    { args: { limit: 1 }, ids: ["C000001"] },
  ])("filters $args", async ({ args, ids }) => {
    expect((await run(args)).items.map((item) => item.customer_id)).toEqual(ids);
  });

  it("takes its weights from the settings", async () => {
    const weights = { ...DEFAULT_SCORING_SETTINGS.early_warning.weights, late_payments: 40, current_dpd: 0 };
    const settings = parseScoringSettings({ ...DEFAULT_SCORING_SETTINGS, early_warning: { ...DEFAULT_SCORING_SETTINGS.early_warning, weights } });
    const result = await run({ customer_ids: ["C000003"] }, settings);
    expect(result.items[0].score).toBe(40);
    expect(result.weights.late_payments).toBe(40);
    expect(() =>
      parseScoringSettings({ ...DEFAULT_SCORING_SETTINGS, early_warning: { ...DEFAULT_SCORING_SETTINGS.early_warning, weights: { ...weights, pd_rise: 50 } } }),
    ).toThrow(InvalidScoringSettingsError);
  });
});
