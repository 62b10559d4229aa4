/** The contract's exact derivations: five-category class from days past due, risk grade from pd, value tier. */

/** Five-category loan classification from days past due (DOMAIN.md). */
export function riskClassForDpd(daysPastDue: number): "normal" | "special_mention" | "substandard" | "doubtful" | "loss" {
  if (daysPastDue <= 0) return "normal";
  if (daysPastDue <= 90) return "special_mention";
  if (daysPastDue <= 270) return "substandard";
  return daysPastDue <= 360 ? "doubtful" : "loss";
}

/** Risk grade from the 12-month probability of default (DOMAIN.md). */
export function riskGradeForPd(pd: number): "A" | "B" | "C" | "D" | "E" {
  if (pd < 0.01) return "A";
  if (pd < 0.03) return "B";
  if (pd < 0.08) return "C";
  return pd < 0.2 ? "D" : "E";
}

/** Value tier from the as-of month's AUM and the outstanding balance of active loans (DOMAIN.md). */
export function valueTierFor(aum: number, outstanding: number): "high" | "medium" | "low" {
  if (aum >= 500_000 || outstanding >= 1_000_000) return "high";
  return aum >= 50_000 || outstanding >= 100_000 ? "medium" : "low";
}
