/**
 * Early-warning alerts that follow what happened: missed payments and escalating arrears on loans, pd jumps,
 * bursts of other lenders' inquiries, income drops and large outflows of borrowers.
 */
import { SETTINGS } from "../semantic-layer/settings.ts";
import { firstDayOfMonth, lastDayOfMonth } from "./calendar.ts";
import type { LoanRecord } from "./credit-decisions.ts";
import type { DatasetPlan } from "./dataset-plan.ts";
import type { MonthlyRecord } from "./monthly-activity.ts";
import { loanActiveInMonth, monthEndUpTo } from "./loan-state.ts";
import type { RiskScoreRecord } from "./risk-scores.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** One risk_alerts row (loan is null for customer-level alerts). */
export interface AlertRecord {
  loan: LoanRecord | null;
  alertType: "missed_payment" | "dpd_escalation" | "income_drop" | "large_outflow" | "multi_lending" | "score_drop";
  severity: "low" | "medium" | "high";
  createdDay: number;
  status: "open" | "in_progress" | "resolved";
  resolvedDay: number | null;
}

/** Status of an alert: old ones are mostly resolved (by `settledDay` when the cause ended), recent ones open. */
function settle(random: SeededRandom, createdDay: number, asOfDay: number, settledDay: number | null, ongoing: boolean): Pick<AlertRecord, "status" | "resolvedDay"> {
  const age = asOfDay - createdDay;
  if (ongoing || age <= 3) return { status: random.chance(0.55) ? "open" : "in_progress", resolvedDay: null };
  const resolveChance = age <= 14 ? 0.3 : age <= 45 ? 0.6 : 0.93;
  if (!random.chance(resolveChance)) return { status: random.chance(0.35) ? "open" : "in_progress", resolvedDay: null };
  const resolvedDay = settledDay !== null && settledDay > createdDay && settledDay <= asOfDay ? settledDay : createdDay + random.integer(1, Math.min(45, age));
  return { status: "resolved", resolvedDay };
}

/** Builds a customer's alerts, in creation order. */
export function buildAlerts(plan: DatasetPlan, loans: readonly LoanRecord[], monthly: readonly MonthlyRecord[], scores: readonly RiskScoreRecord[], random: SeededRandom): AlertRecord[] {
  const asOfDay = plan.asOfDay;
  const alerts: AlertRecord[] = [];
  const add = (loan: LoanRecord | null, alertType: AlertRecord["alertType"], severity: AlertRecord["severity"], createdDay: number, settledDay: number | null, ongoing: boolean): void => {
    if (createdDay > asOfDay) return;
    alerts.push({ loan, alertType, severity, createdDay, ...settle(random, createdDay, asOfDay, settledDay, ongoing) });
  };

  for (const loan of loans) {
    for (const episode of loan.outcome.episodes) {
      const end = episode.endDay ?? asOfDay;
      const ongoing = episode.endDay === null;
      if (episode.kind === "late") {
        if (end - episode.firstDueDay >= 10) add(loan, "missed_payment", "low", episode.firstDueDay + 3, end, false);
        continue;
      }
      add(loan, "missed_payment", "medium", episode.firstDueDay + random.integer(1, 3), episode.endDay, ongoing);
      if (end - episode.firstDueDay > 30) add(loan, "dpd_escalation", "medium", episode.firstDueDay + 31, episode.endDay, ongoing);
      if (end - episode.firstDueDay > 90) add(loan, "dpd_escalation", "high", episode.firstDueDay + 91, episode.endDay, ongoing || episode.chargedOff);
    }
  }
  for (let index = 1; index < scores.length; index += 1) {
    const rise = scores[index].pd - scores[index - 1].pd;
    if (scores[index].month !== scores[index - 1].month + 1 || rise < SETTINGS.rising_risk_threshold) continue;
    const createdDay = Math.min(asOfDay, lastDayOfMonth(scores[index].month) + 1);
    add(null, "score_drop", rise >= 0.08 ? "high" : rise >= 0.04 ? "medium" : "low", createdDay, null, false);
  }
  const borrowing = (month: number): boolean => loans.some((loan) => loanActiveInMonth(loan, month, asOfDay));
  monthly.forEach((row, index) => {
    if (!borrowing(row.month)) return;
    const monthStart = firstDayOfMonth(row.month);
    const monthEnd = monthEndUpTo(row.month, asOfDay);
    if (row.externalInquiries >= 4) add(null, "multi_lending", row.externalInquiries >= 6 ? "high" : "medium", random.integer(monthStart, monthEnd), null, false);
    if (index < 3) return;
    const previous = monthly.slice(index - 3, index);
    const averageInflow = previous.reduce((sum, entry) => sum + entry.inflow, 0) / 3;
    const averageOutflow = previous.reduce((sum, entry) => sum + entry.outflow, 0) / 3;
    if (row.inflow < 0.5 * averageInflow) add(null, "income_drop", row.inflow < 0.3 * averageInflow ? "high" : "medium", monthEnd, null, false);
    if (row.outflow > 2.5 * averageOutflow && row.outflow > 50_000) add(null, "large_outflow", row.outflow > 5 * averageOutflow ? "medium" : "low", random.integer(monthStart, monthEnd), null, false);
  });
  return alerts.sort((left, right) => left.createdDay - right.createdDay);
}
