/** A loan's state at a past day, read back from its installment rows (for monthly balances, pd and alerts). */
import { lastDayOfMonth, monthIndexOfDay } from "./calendar.ts";
import type { LoanRecord } from "./credit-decisions.ts";

/** Days past due of a loan at the end of `day`: since the oldest installment due before it and still unpaid then. */
export function daysPastDueAt(loan: LoanRecord, day: number): number {
  for (const row of loan.outcome.rows) {
    if (row.dueDay >= day) break;
    if (row.paidDay === null || row.paidDay > day) return day - row.dueDay;
  }
  return 0;
}

/** Whether a loan was active at some time in a month (disbursed by its end, not closed before its start). */
export function loanActiveInMonth(loan: LoanRecord, month: number, asOfDay: number): boolean {
  const end = Math.min(lastDayOfMonth(month), asOfDay);
  const closed = loan.outcome.closedDay;
  return loan.disbursedDay <= end && (closed === null || monthIndexOfDay(closed) >= month);
}

/** The last day of a month that counts: its end, or the as-of date in the as-of month. */
export function monthEndUpTo(month: number, asOfDay: number): number {
  return Math.min(lastDayOfMonth(month), asOfDay);
}
