/** The churn features (no look-ahead), labels, snapshots, training errors and AUC on synthetic histories. */
import { describe, expect, it } from "vitest";
import { CHURN_FEATURES, churnedWithin, churnFeaturesAt, wasActiveAt } from "./churn-features.ts";
import type { CustomerHistory } from "./churn-history.ts";
import { trainChurnModel } from "./churn-model.ts";
import { daysBetween as days, monthsEndingWith } from "./scoring-calendar.ts";
import { ChurnModelTrainingError } from "./scoring-errors.ts";
import { DEFAULT_SCORING_SETTINGS } from "./scoring-settings.ts";

const MONTHS = monthsEndingWith("2026-06", 24);
const feature = (values: number[], name: string) => values[CHURN_FEATURES.findIndex((entry) => entry.name === name)];

/** A customer with steady activity; churners lose 60% of AUM a month over the 2 months before they leave. */
function history(index: number, churnMonth: string | null): CustomerHistory {
  const activity = new Map<string, { aum: number; txnCount: number; appLogins: number }>();
  for (const [position, month] of MONTHS.entries()) {
    if (churnMonth !== null && month > churnMonth) break;
    const monthsToChurn = churnMonth === null ? Infinity : MONTHS.indexOf(churnMonth) - position;
    activity.set(month, { aum: monthsToChurn <= 2 ? 100000 * 0.4 ** (3 - monthsToChurn) : 100000 + (index % 7) * 1000, txnCount: 20, appLogins: 10 });
  }
  return {
    customerId: `C${String(index).padStart(6, "0")}`,
    valueTier: "medium",
    homeBranchId: "BR01",
    onboardDate: "2022-01-15",
    status: churnMonth === null ? "active" : "churned",
    churnDate: churnMonth === null ? null : `${churnMonth}-20`,
    activity,
    loans: [{ disbursedDate: "2023-01-01", closedDate: churnMonth === null ? null : `${churnMonth}-20` }],
    surveys: [{ date: "2024-05-01", nps: churnMonth === null ? 9 : 5 }],
    touchDates: ["2025-03-01", "2025-12-15"],
    lateDueDates: index % 5 === 0 ? ["2025-02-05"] : [],
  };
}

describe("churn features", () => {
  it("read only data up to the snapshot month", () => {
    const churner = history(1, "2026-03");
    const stayer = { ...history(1, null), loans: churner.loans, surveys: churner.surveys };
    // In 2025-12 the churner had not yet started moving money out: same features as a stayer.
    expect(churnFeaturesAt(churner, "2025-12")).toEqual(churnFeaturesAt(stayer, "2025-12"));
    const february = churnFeaturesAt(churner, "2026-02");
    expect(feature(february, "aum_sharp_drop")).toBe(1);
    expect(feature(february, "aum_change_1m")).toBeCloseTo(Math.log((16000 + 1000) / (40000 + 1000)), 12);
    expect(feature(february, "nps_mean")).toBe(5);
    expect(feature(february, "active_loans")).toBe(1);
    expect(feature(february, "late_payments")).toBe(0);
    expect(feature(february, "touches_3m")).toBe(1);
    // One survey of 5 weighs against two surveys' worth of 7.5; a clean record since 2023 counts 2 years at most.
    expect(feature(february, "nps_shrunk")).toBeCloseTo((5 + 2 * 7.5) / 3, 12);
    expect(feature(february, "clean_borrowing_years")).toBe(2);
    expect(feature(churnFeaturesAt(history(5, null), "2025-06"), "clean_borrowing_years")).toBe(0);
    expect(feature(churnFeaturesAt(history(1, null), "2023-07"), "clean_borrowing_years")).toBeCloseTo(days("2023-01-01", "2023-07-31") / 365.25, 12);
    expect(feature(february, "days_since_touch")).toBeCloseTo(Math.log1p(75), 12);
    expect(feature(churnFeaturesAt(history(5, null), "2025-06"), "late_payments")).toBe(1);
  });

  it("label churn within the horizon after the snapshot, for customers active at its end", () => {
    const churner = history(1, "2026-03");
    expect(wasActiveAt(churner, "2026-02")).toBe(true);
    expect(wasActiveAt(churner, "2026-03")).toBe(false);
    expect(churnedWithin(churner, "2025-09", 6)).toBe(true);
    expect(churnedWithin(churner, "2025-08", 6)).toBe(false);
    expect(churnedWithin(history(2, null), "2025-09", 6)).toBe(false);
  });
});

describe("trainChurnModel", () => {
  // Fewer, larger steps than the defaults keep this test fast; the data is easy to separate.
  const settings = { ...DEFAULT_SCORING_SETTINGS.churn, iterations: 300, learning_rate: 1 };
  const histories = new Map<string, CustomerHistory>();
  for (let index = 1; index <= 400; index++) {
    const churnMonth = index % 10 === 0 ? MONTHS[12 + (index % 12)] : null;
    const entry = history(index, churnMonth);
    histories.set(entry.customerId, entry);
  }

  it("trains on snapshots a horizon (3 months) back and older, and ranks held-out churners first", () => {
    const trained = trainChurnModel(histories, "2026-06", settings);
    expect(settings.horizon_months).toBe(3);
    expect(trained.snapshotMonths[0]).toBe("2026-03");
    expect(trained.snapshotMonths).toHaveLength(12);
    expect(trained.holdoutExamples).toBeGreaterThan(0);
    expect(trained.trainingPositives).toBeGreaterThan(10);
    expect(trained.holdoutAuc).toBeGreaterThan(0.8);
    expect(trained.model.featureNames).toEqual(CHURN_FEATURES.map((entry) => entry.name));
    // NPS is lower for churners: a negative weight.
    expect(trained.model.weights[CHURN_FEATURES.findIndex((entry) => entry.name === "nps_mean")]).toBeLessThan(0);
    expect(trainChurnModel(histories, "2026-06", settings)).toEqual(trained);
  });

  it("refuses to train without enough churners", () => {
    const stayers = new Map([...histories].filter(([, entry]) => entry.churnDate === null));
    expect(() => trainChurnModel(stayers, "2026-06", settings)).toThrow(ChurnModelTrainingError);
  });
});
