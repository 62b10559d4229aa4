// Tests of the contract's exact derivations at their boundaries.
import { describe, expect, it } from "vitest";
import { riskClassForDpd, riskGradeForPd, valueTierFor } from "./risk-classification.ts";

describe("risk classification", () => {
  it.each([
    [0, "normal"], [1, "special_mention"], [90, "special_mention"], [91, "substandard"], [270, "substandard"],
    [271, "doubtful"], [360, "doubtful"], [361, "loss"],
  ] as const)("classes %i days past due as %s", (dpd, riskClass) => {
    expect(riskClassForDpd(dpd)).toBe(riskClass);
  });

  it.each([
    [0.0099, "A"], [0.01, "B"], [0.0299, "B"], [0.03, "C"], [0.08, "D"], [0.1999, "D"], [0.2, "E"],
  ] as const)("grades pd %f as %s", (pd, grade) => {
    expect(riskGradeForPd(pd)).toBe(grade);
  });

  it.each([
    [500_000, 0, "high"], [0, 1_000_000, "high"], [499_999, 999_999, "medium"], [50_000, 0, "medium"], [0, 100_000, "medium"], [49_999, 99_999, "low"],
  ] as const)("tiers aum %i and outstanding %i as %s", (aum, outstanding, tier) => {
    expect(valueTierFor(aum, outstanding)).toBe(tier);
  });
});
