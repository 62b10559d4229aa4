// Tests of one loan's simulation: the schedule, arrears, charge-off, payoff, and the state derived from the rows.
import { describe, expect, it } from "vitest";
import { addMonths, formatDay, parseDay } from "./calendar.ts";
import { SCHEDULED_MONTHS_AHEAD, simulateLoan } from "./loan-repayments.ts";
import type { LoanOutcome, RepaymentBehaviour } from "./loan-repayments.ts";
import { SeededRandom } from "./seeded-random.ts";

const asOfDay = parseDay("2026-06-30") as number;
const day = (text: string): number => parseDay(text) as number;
const spotless: RepaymentBehaviour = {
  arrearsHazard: () => 0,
  lateProbability: 0,
  partialProbability: 0,
  prepayment: 0,
  cureFactor: 1,
  chargeOffProbability: 0,
  closeByDay: null,
};
const statuses = (outcome: LoanOutcome): string[] => outcome.rows.map((row) => row.status);

/** Invariants every simulated loan must hold, whatever its behaviour. */
function expectConsistent(outcome: LoanOutcome): void {
  for (const row of outcome.rows) {
    expect(row.status === "scheduled").toBe(row.dueDay > asOfDay);
    if (row.status === "missed") expect(row.daysLate).toBe(asOfDay - row.dueDay);
    if (row.status === "paid_late") expect(row.daysLate).toBe((row.paidDay as number) - row.dueDay);
    if (row.status === "paid_on_time" || row.status === "scheduled") expect(row.daysLate).toBe(0);
    if (row.paidDay !== null) expect(row.paidDay).toBeLessThanOrEqual(asOfDay);
    expect(row.paidAmount === 0).toBe(row.paidDay === null);
  }
  const missed = outcome.rows.filter((row) => row.status === "missed");
  expect(outcome.currentDpd).toBe(Math.max(0, ...missed.map((row) => row.daysLate)));
  if (outcome.status !== "active") expect(outcome.outstanding).toBe(0);
  if (outcome.status === "closed") expect(missed).toHaveLength(0);
  if (outcome.status !== "active") expect(outcome.rows.some((row) => row.status === "scheduled")).toBe(false);
}

describe("simulateLoan", () => {
  it("pays a spotless loan on time, schedules the rest, and keeps the balance of the schedule", () => {
    const terms = { principal: 120_000, annualRate: 0.06, termMonths: 24, disbursedDay: day("2025-01-15") };
    const outcome = simulateLoan(terms, spotless, asOfDay, new SeededRandom(1));
    expectConsistent(outcome);
    expect(statuses(outcome)).toEqual([...Array(17).fill("paid_on_time"), ...Array(7).fill("scheduled")]);
    expect(formatDay(outcome.rows[16].dueDay)).toBe("2026-06-15");
    expect(outcome.status).toBe("active");
    expect(outcome.currentDpd).toBe(0);
    // Principal still owed equals what the scheduled installments repay beyond their interest.
    const scheduledPrincipal = outcome.rows.slice(17).reduce((sum, row) => sum + row.dueAmount, 0) - outcome.outstanding;
    expect(scheduledPrincipal).toBeGreaterThan(0);
    expect(scheduledPrincipal).toBeLessThan(outcome.outstanding * 0.06);
    const total = outcome.rows.reduce((sum, row) => sum + row.dueAmount, 0);
    expect(total).toBeCloseTo(outcome.monthlyPayment * 24, -1);
  });

  it("closes a loan whose last installment is paid", () => {
    const outcome = simulateLoan({ principal: 10_000, annualRate: 0.08, termMonths: 6, disbursedDay: day("2025-01-01") }, spotless, asOfDay, new SeededRandom(2));
    expectConsistent(outcome);
    expect(outcome.status).toBe("closed");
    expect(outcome.closedDay).toBe(outcome.rows[5].paidDay);
    expect(outcome.rows).toHaveLength(6);
  });

  it("keeps planted arrears: every installment from the forced one is missed, late by the days since it fell due", () => {
    const terms = { principal: 50_000, annualRate: 0.07, termMonths: 36, disbursedDay: day("2025-01-10") };
    const outcome = simulateLoan(terms, { ...spotless, forcedArrearsAt: 15 }, asOfDay, new SeededRandom(3));
    expectConsistent(outcome);
    expect(statuses(outcome).slice(14, 18)).toEqual(["missed", "missed", "missed", "scheduled"]);
    expect(formatDay(outcome.rows[14].dueDay)).toBe("2026-04-10");
    expect(outcome.currentDpd).toBe(asOfDay - day("2026-04-10"));
    expect(outcome.status).toBe("active");
    expect(outcome.episodes.at(-1)).toMatchObject({ kind: "arrears", endDay: null, chargedOff: false });
  });

  it("charges off after the planted number of missed installments", () => {
    const terms = { principal: 50_000, annualRate: 0.07, termMonths: 36, disbursedDay: day("2025-01-10") };
    const outcome = simulateLoan(terms, { ...spotless, forcedArrearsAt: 2, chargeOffAfterMissed: 7 }, asOfDay, new SeededRandom(4));
    expectConsistent(outcome);
    expect(outcome.status).toBe("charged_off");
    expect(statuses(outcome)).toEqual(["paid_on_time", ...Array(7).fill("missed")]);
    expect(outcome.closedDay).toBeGreaterThan(outcome.rows[7].dueDay);
    expect(outcome.currentDpd).toBe(asOfDay - day("2025-03-10"));
  });

  it("pays off by the day a leaving customer goes", () => {
    const closeByDay = day("2025-09-20");
    const outcome = simulateLoan({ principal: 80_000, annualRate: 0.05, termMonths: 36, disbursedDay: day("2025-01-05") }, { ...spotless, closeByDay }, asOfDay, new SeededRandom(5));
    expectConsistent(outcome);
    expect(outcome).toMatchObject({ status: "closed", closedDay: closeByDay, outstanding: 0 });
    expect(outcome.rows.every((row) => row.dueDay <= closeByDay)).toBe(true);
  });

  it("does not count an installment due on the as-of date as overdue, and schedules at most five years ahead", () => {
    const disbursedDay = addMonths(asOfDay, -3);
    const outcome = simulateLoan({ principal: 900_000, annualRate: 0.04, termMonths: 360, disbursedDay }, { ...spotless, arrearsHazard: (dueDay) => (dueDay === asOfDay ? 1 : 0) }, asOfDay, new SeededRandom(6));
    expect(outcome.rows[2]).toMatchObject({ dueDay: asOfDay, status: "paid_on_time" });
    expect(outcome.rows.filter((row) => row.status === "scheduled")).toHaveLength(SCHEDULED_MONTHS_AHEAD);
  });

  it("holds its invariants over many random borrowers", () => {
    const random = new SeededRandom(7);
    let arrears = 0;
    for (let index = 0; index < 200; index += 1) {
      const behaviour: RepaymentBehaviour = {
        ...spotless,
        arrearsHazard: () => 0.03,
        lateProbability: 0.1,
        partialProbability: 0.02,
        prepayment: 0.01,
        chargeOffProbability: 0.2,
      };
      const terms = { principal: 30_000, annualRate: 0.08, termMonths: random.pick([6, 12, 24, 36]), disbursedDay: asOfDay - random.integer(0, 1500) };
      const outcome = simulateLoan(terms, behaviour, asOfDay, random.derive("loan", index));
      expectConsistent(outcome);
      if (outcome.currentDpd > 0) arrears += 1;
    }
    expect(arrears).toBeGreaterThan(5);
  });
});
