/** The 12-month expected value of a customer: interest margin if no default, less expected loss, plus AUM fees. */
import type { ScoringSettings } from "./scoring-settings.ts";

/** One active loan as the value formula sees it. */
export interface ValuedLoan {
  annualRate: number;
  outstanding: number;
  secured: boolean;
}

/** The parts of the expected value, yuan over 12 months. */
export interface CustomerValueParts {
  outstanding: number;
  /** Sum over active loans of (annual_rate - funding_cost) x outstanding x (1 - PD). */
  interestMargin: number;
  /** PD x sum over active loans of LGD x outstanding (LGD by products.secured). */
  expectedLoss: number;
  /** AUM x fee rate. */
  feeIncome: number;
  expectedValue: number;
}

/**
 * EV = Σ (rate_i - funding_cost) x balance_i x (1 - PD) - PD x Σ LGD_i x balance_i + AUM x fee_rate.
 * With a single LGD this is the "NIM on outstanding x (1 - PD) - PD x LGD x outstanding + AUM x fee rate".
 */
export function customerValue(loans: readonly ValuedLoan[], pd: number, aum: number, settings: ScoringSettings["value"]): CustomerValueParts {
  let outstanding = 0;
  let margin = 0;
  let exposureAtLoss = 0;
  for (const loan of loans) {
    outstanding += loan.outstanding;
    margin += (loan.annualRate - settings.funding_cost) * loan.outstanding;
    exposureAtLoss += (loan.secured ? settings.lgd_secured : settings.lgd_unsecured) * loan.outstanding;
  }
  const interestMargin = margin * (1 - pd);
  const expectedLoss = pd * exposureAtLoss;
  const feeIncome = aum * settings.aum_fee_rate;
  return { outstanding, interestMargin, expectedLoss, feeIncome, expectedValue: interestMargin - expectedLoss + feeIncome };
}
