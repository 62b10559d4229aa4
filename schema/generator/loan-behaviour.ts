/**
 * How likely a borrower is to pay each installment: product risk, the borrower's hidden risk, loan age, income
 * shocks, and the worsening branch (its recent loans go bad early, and more so the more recent they are).
 */
import { monthIndexOfDay } from "./calendar.ts";
import type { ApplicationRequest } from "./application-requests.ts";
import type { CustomerProfile } from "./customer-profile.ts";
import type { DatasetPlan } from "./dataset-plan.ts";
import type { RepaymentBehaviour } from "./loan-repayments.ts";
import type { SeededRandom } from "./seeded-random.ts";

/**
 * At the worsening branch: the chance that a loan disbursed `index` months before the as-of month falls into
 * arrears from its first installments (index 1 = last month). It climbs month after month.
 */
export const EARLY_ARREARS_BY_VINTAGE = [0, 0.7, 0.55, 0.4, 0.27, 0.15, 0.06];

function seasoning(installmentNo: number): number {
  if (installmentNo <= 2) return 0.5;
  return installmentNo <= 18 ? 1.25 : 0.8;
}

/** The repayment behaviour of a new loan. */
export function loanBehaviour(
  plan: DatasetPlan,
  profile: CustomerProfile,
  request: ApplicationRequest,
  branchId: string,
  disbursedDay: number,
  random: SeededRandom,
): RepaymentBehaviour {
  const leaving = profile.churnDay !== null;
  const planted = request.planted;
  const worsening = branchId === plan.worseningBranchId;
  const base: RepaymentBehaviour = {
    arrearsHazard: () => 0,
    // Secured loans are mostly repaid by automatic debit, so they are rarely a few days late.
    lateProbability:
      leaving || planted?.spotless ? 0 : Math.min(0.25, 0.028 * Math.exp(0.55 * profile.riskFactor)) * (request.product.secured ? 0.4 : 1) * (worsening ? 1.8 : 1),
    partialProbability: planted?.spotless ? 0 : 0.004,
    prepayment: planted ? 0 : request.product.prepayment,
    cureFactor: Math.exp(-0.3 * profile.riskFactor),
    // Secured loans go through a long recovery instead of a quick write-off.
    chargeOffProbability: request.product.secured ? 0.06 : 0.08,
    forcedArrearsAt: planted?.forcedArrearsAt,
    chargeOffAfterMissed: planted?.chargeOffAfterMissed,
    closeByDay: profile.churnDay,
  };
  if (leaving || planted) return base;

  const vintage = plan.asOfMonth - monthIndexOfDay(disbursedDay);
  if (worsening && vintage >= 1 && vintage < EARLY_ARREARS_BY_VINTAGE.length && random.chance(EARLY_ARREARS_BY_VINTAGE[vintage])) {
    return { ...base, forcedArrearsAt: vintage <= 2 || random.chance(0.7) ? 1 : 2 };
  }
  const riskMultiplier = request.product.defaultHazard * Math.exp(0.75 * profile.riskFactor);
  const shock = profile.incomeShock;
  return {
    ...base,
    arrearsHazard: (dueDay, installmentNo) => {
      const month = monthIndexOfDay(dueDay);
      let hazard = riskMultiplier * seasoning(installmentNo);
      if (shock && month >= shock.firstMonth && month <= shock.lastMonth + 1) hazard *= 4;
      if (worsening) {
        const monthsAgo = plan.asOfMonth - month;
        hazard *= monthsAgo <= 5 ? 1 + 0.5 * (6 - monthsAgo) : 1.3;
      }
      return hazard;
    },
  };
}
