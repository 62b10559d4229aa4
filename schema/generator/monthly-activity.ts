/** A customer's monthly balances and activity (customer_monthly) over the 24 months ending with the as-of month. */
import { monthIndexOfDay } from "./calendar.ts";
import type { LoanRecord } from "./credit-decisions.ts";
import type { CustomerProfile } from "./customer-profile.ts";
import type { DatasetPlan } from "./dataset-plan.ts";
import { daysPastDueAt, monthEndUpTo } from "./loan-state.ts";
import { roundMoney } from "./money.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** One customer_monthly row. */
export interface MonthlyRecord {
  month: number;
  aum: number;
  inflow: number;
  outflow: number;
  txnCount: number;
  appLogins: number;
  creditUtilization: number;
  externalInquiries: number;
}

/** The first and last month (indexes) a customer has monthly rows: from joining (or the window start) to leaving. */
export function monthlySpan(plan: DatasetPlan, profile: CustomerProfile): [number, number] {
  const first = Math.max(plan.firstMonth, monthIndexOfDay(profile.onboardDay));
  const last = profile.churnDay === null ? plan.asOfMonth : monthIndexOfDay(profile.churnDay);
  return [first, last];
}

/** Builds the monthly rows. Inquiries by other lenders pile up in the months before a borrower falls behind. */
export function buildMonthlyActivity(plan: DatasetPlan, profile: CustomerProfile, loans: readonly LoanRecord[], random: SeededRandom): MonthlyRecord[] {
  const [firstMonth, lastMonth] = monthlySpan(plan, profile);
  const rows: MonthlyRecord[] = [];
  if (firstMonth > lastMonth) return rows;

  const repaid = new Map<number, number>();
  const arrearsStarts: number[] = [];
  for (const loan of loans) {
    for (const row of loan.outcome.rows) {
      if (row.paidDay !== null) repaid.set(monthIndexOfDay(row.paidDay), (repaid.get(monthIndexOfDay(row.paidDay)) ?? 0) + row.paidAmount);
    }
    for (const episode of loan.outcome.episodes) if (episode.kind === "arrears") arrearsStarts.push(monthIndexOfDay(episode.firstDueDay));
  }
  const z = profile.riskFactor;
  const hasCard = random.chance(0.8);
  const baseUtilization = Math.min(0.95, Math.max(0.02, 0.22 + 0.13 * z + random.normal(0, 0.05)));
  const salaried = profile.occupation === "salaried" || profile.occupation === "civil_servant";
  const riser = profile.role === "high_value_riser";
  const churnMonth = profile.churnDay === null ? null : monthIndexOfDay(profile.churnDay);
  let logWealth = Math.log(Math.max(profile.wealth, 200)) + random.normal(0, 0.1);
  for (let month = firstMonth; month <= lastMonth; month += 1) {
    const shock = profile.incomeShock !== null && month >= profile.incomeShock.firstMonth && month <= profile.incomeShock.lastMonth;
    logWealth += random.normal(0.004, 0.07) - (shock ? 0.12 : 0);
    if (churnMonth !== null && churnMonth - month < 3) logWealth -= 0.7; // money moves out before the customer leaves
    const monthEnd = monthEndUpTo(month, plan.asOfDay);
    const inArrears = loans.some((loan) => daysPastDueAt(loan, monthEnd) > 0);
    let aum = Math.exp(logWealth);
    if (riser && month >= plan.asOfMonth - 1) aum = Math.max(aum, 520_000 + random.integer(0, 400_000));
    let inflow = (profile.annualIncome / 12) * random.logNormal(1, 0.18) * (shock ? 0.3 : 1);
    if (salaried && month % 12 === 0) inflow *= 1.8; // year-end bonus in January
    let outflow = inflow * random.between(0.75, 1.02) + (repaid.get(month) ?? 0);
    if (random.chance(0.012)) {
      // A large purchase or transfer out.
      const moved = aum * random.between(0.3, 0.6);
      outflow += moved;
      logWealth = Math.log(Math.max(200, aum - moved));
    }
    const upcomingArrears = arrearsStarts.some((start) => start - month >= 0 && start - month <= 3);
    let inquiries = random.poisson(0.1 * Math.exp(0.55 * z)) + (upcomingArrears ? random.poisson(1.6) : 0);
    let utilization = hasCard ? baseUtilization + random.normal(0, 0.06) + (inArrears ? 0.12 : 0) + (shock ? 0.15 : 0) : 0;
    if (riser && month === plan.asOfMonth) {
      inquiries += random.integer(3, 6);
      utilization = Math.max(utilization, 0.6) + 0.3;
    }
    const txnCount = random.poisson(6 + 22 * profile.digitalAffinity + Math.min(20, profile.annualIncome / 40_000));
    rows.push({
      month,
      aum: roundMoney(aum),
      inflow: roundMoney(inflow),
      outflow: roundMoney(outflow),
      txnCount,
      appLogins: random.poisson(1 + 30 * profile.digitalAffinity * profile.digitalAffinity),
      creditUtilization: Math.round(Math.min(1, Math.max(0, utilization)) * 10_000) / 10_000,
      externalInquiries: inquiries,
    });
  }
  return rows;
}

