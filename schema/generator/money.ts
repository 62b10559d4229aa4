/** Money arithmetic in yuan, rounded to the fen. */

/** Rounds to two decimals. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** The level monthly installment of an amortising loan. */
export function monthlyInstallment(principal: number, annualRate: number, termMonths: number): number {
  const monthlyRate = annualRate / 12;
  if (monthlyRate === 0) return roundMoney(principal / termMonths);
  return roundMoney((principal * monthlyRate) / (1 - Math.pow(1 + monthlyRate, -termMonths)));
}
