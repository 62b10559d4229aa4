/** Who may be offered credit at all, and which products they do not already hold: marketing that respects risk. */
import type { ScoringSettings } from "./scoring-settings.ts";

/** An active loan as eligibility sees it. */
export interface HeldLoan {
  principal: number;
  annualRate: number;
  termMonths: number;
  currentDpd: number;
  category: string;
}

/** Why a customer receives no offer. */
export type IneligibilityReason = "overdue" | "no_risk_grade" | "risk_grade" | "debt_to_income";

/** The level monthly installment of an amortizing loan (annuity); principal / term when the rate is 0. */
export function monthlyInstallment(principal: number, annualRate: number, termMonths: number): number {
  if (termMonths <= 0) return 0;
  const monthlyRate = annualRate / 12;
  if (monthlyRate === 0) return principal / termMonths;
  return (principal * monthlyRate) / (1 - (1 + monthlyRate) ** -termMonths);
}

/** Annual installment burden of the active loans divided by annual income (Infinity without income). */
export function debtToIncome(loans: readonly HeldLoan[], annualIncome: number): number {
  const annualBurden = loans.reduce((sum, loan) => sum + 12 * monthlyInstallment(loan.principal, loan.annualRate, loan.termMonths), 0);
  if (annualIncome <= 0) return annualBurden > 0 ? Infinity : 0;
  return annualBurden / annualIncome;
}

/**
 * The first reason the customer may not be marketed credit, or null when eligible: no active loan past due,
 * a risk grade in the as-of month among the eligible grades (A-C by default), debt-to-income under the cap.
 */
export function ineligibilityReason(
  customer: { riskGrade: string | null; annualIncome: number; loans: readonly HeldLoan[] },
  settings: ScoringSettings["next_best_product"],
): IneligibilityReason | null {
  if (customer.loans.some((loan) => loan.currentDpd > 0)) return "overdue";
  if (customer.riskGrade === null) return "no_risk_grade";
  if (!(settings.eligible_grades as readonly string[]).includes(customer.riskGrade)) return "risk_grade";
  if (!(debtToIncome(customer.loans, customer.annualIncome) < settings.max_debt_to_income)) return "debt_to_income";
  return null;
}

/** The product categories the customer already holds through active loans. */
export function heldCategories(loans: readonly HeldLoan[]): Set<string> {
  return new Set(loans.map((loan) => loan.category));
}
