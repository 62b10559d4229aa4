/**
 * The bank's behaviour model (risk_scores): a monthly pd for every month a customer has an active loan, driven by
 * hidden risk, days past due, other lenders' inquiries, credit utilisation and income shocks.
 */
import type { LoanRecord } from "./credit-decisions.ts";
import type { CustomerProfile } from "./customer-profile.ts";
import type { DatasetPlan } from "./dataset-plan.ts";
import { daysPastDueAt, loanActiveInMonth, monthEndUpTo } from "./loan-state.ts";
import type { MonthlyRecord } from "./monthly-activity.ts";
import { riskGradeForPd } from "./risk-classification.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** One risk_scores row. */
export interface RiskScoreRecord {
  month: number;
  pd: number;
  score: number;
  riskGrade: "A" | "B" | "C" | "D" | "E";
}

function arrearsTerm(daysPastDue: number): number {
  if (daysPastDue <= 0) return 0;
  // A few days late is a weak signal; months behind is a strong one.
  if (daysPastDue <= 7) return 0.6;
  if (daysPastDue <= 30) return 1.2;
  if (daysPastDue <= 90) return 2.2;
  return daysPastDue <= 180 ? 3 : 3.6;
}

function toPd(logit: number): number {
  const pd = 1 / (1 + Math.exp(-logit));
  return Math.min(0.9999, Math.max(0.0005, Math.round(pd * 10_000) / 10_000));
}

/** Builds the customer's risk scores. Planted risers get a jump in the as-of month of at least 0.03. */
export function buildRiskScores(plan: DatasetPlan, profile: CustomerProfile, loans: readonly LoanRecord[], monthly: readonly MonthlyRecord[], random: SeededRandom): RiskScoreRecord[] {
  const byMonth = new Map(monthly.map((row) => [row.month, row]));
  const logits: { month: number; logit: number }[] = [];
  let noise = random.normal(0, 0.15);
  for (let month = plan.firstMonth; month <= plan.asOfMonth; month += 1) {
    noise = 0.6 * noise + random.normal(0, 0.09);
    const activity = byMonth.get(month);
    if (!activity || !loans.some((loan) => loanActiveInMonth(loan, month, plan.asOfDay))) continue;
    const end = monthEndUpTo(month, plan.asOfDay);
    const daysPastDue = Math.max(0, ...loans.map((loan) => daysPastDueAt(loan, end)));
    const shock = profile.incomeShock !== null && month >= profile.incomeShock.firstMonth && month <= profile.incomeShock.lastMonth;
    const logit =
      -4.45 +
      0.95 * profile.riskFactor +
      0.3 * Math.min(activity.externalInquiries, 8) +
      1.8 * Math.max(0, activity.creditUtilization - 0.5) +
      arrearsTerm(daysPastDue) +
      (shock ? 0.6 : 0) +
      noise;
    logits.push({ month, logit });
  }
  const pds = logits.map((entry) => toPd(entry.logit));
  const last = logits.length - 1;
  if (profile.role === "high_value_riser" && last >= 1 && logits[last].month === plan.asOfMonth && logits[last - 1].month === plan.asOfMonth - 1) {
    for (let jump = 0.4; pds[last] - pds[last - 1] < 0.03 && jump < 8; jump += 0.3) pds[last] = toPd(logits[last].logit + jump);
  }
  return logits.map((entry, index) => {
    const pd = pds[index];
    const odds = Math.log(pd / (1 - pd));
    return { month: entry.month, pd, score: Math.min(900, Math.max(300, Math.round(480 - 80 * odds + random.normal(0, 5)))), riskGrade: riskGradeForPd(pd) };
  });
}
