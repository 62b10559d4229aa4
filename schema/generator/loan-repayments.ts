/**
 * Simulates one loan's installments up to the as-of date: the amortisation schedule, on-time, late, partial and
 * missed payments, arrears that cure or end in charge-off, early payoff, and the scheduled installments ahead.
 * The loan's state (status, balance, days past due) is derived from these rows, so the two always agree.
 */
import { addMonths } from "./calendar.ts";
import { monthlyInstallment, roundMoney } from "./money.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** The contract's repayment statuses. */
export type RepaymentStatus = "paid_on_time" | "paid_late" | "partial" | "missed" | "scheduled";

/** What was lent. */
export interface LoanTerms {
  principal: number;
  annualRate: number;
  termMonths: number;
  disbursedDay: number;
}

/** How the borrower pays. Probabilities are per installment. */
export interface RepaymentBehaviour {
  /** Chance of falling into arrears at an installment (when current). */
  arrearsHazard: (dueDay: number, installmentNo: number) => number;
  /** Chance of paying an installment late but paying it. */
  lateProbability: number;
  /** Chance of paying only part of an installment. */
  partialProbability: number;
  /** Chance per installment of paying the whole loan off early. */
  prepayment: number;
  /** Multiplies the chance of curing arrears. */
  cureFactor: number;
  /** Planted stories: arrears start for sure at this installment, and never cure. */
  forcedArrearsAt?: number;
  /** Chance per installment, once six or more are missed, that the bank charges the loan off. */
  chargeOffProbability: number;
  /** Planted stories: charged off after exactly this many missed installments. */
  chargeOffAfterMissed?: number;
  /** The loan is paid off by this day (the customer is leaving); null when not. */
  closeByDay: number | null;
}

/** One installment row (repayments table). */
export interface InstallmentRow {
  installmentNo: number;
  dueDay: number;
  dueAmount: number;
  paidDay: number | null;
  paidAmount: number;
  status: RepaymentStatus;
  daysLate: number;
}

/** A spell of lateness: one late payment, or a run of missed installments (cured, ongoing or charged off). */
export interface DelinquencyEpisode {
  kind: "late" | "arrears";
  firstDueDay: number;
  /** When it ended (paid, cured or charged off); null while ongoing at the as-of date. */
  endDay: number | null;
  chargedOff: boolean;
}

/** The loan's rows and its state as of the as-of date. */
export interface LoanOutcome {
  rows: InstallmentRow[];
  status: "active" | "closed" | "charged_off";
  closedDay: number | null;
  outstanding: number;
  currentDpd: number;
  episodes: DelinquencyEpisode[];
  monthlyPayment: number;
}

/** Scheduled installments written ahead of the as-of date: five years (the contract asks for at least 60 days). */
export const SCHEDULED_MONTHS_AHEAD = 60;

// Chance of curing arrears, by installments already missed in the run.
const CURE_BY_MISSED = [0, 0.45, 0.3, 0.15, 0.06, 0.06];
const LATE_CURE = 0.03;

function lateDays(random: SeededRandom): number {
  const draw = random.next();
  if (draw < 0.7) return random.integer(1, 7);
  return draw < 0.92 ? random.integer(8, 20) : random.integer(21, 45);
}

/** Simulates a loan from disbursement to the as-of date (plus its scheduled installments ahead). */
export function simulateLoan(terms: LoanTerms, behaviour: RepaymentBehaviour, asOfDay: number, random: SeededRandom): LoanOutcome {
  const { principal, annualRate, termMonths, disbursedDay } = terms;
  const monthlyRate = annualRate / 12;
  const payment = monthlyInstallment(principal, annualRate, termMonths);
  const rows: InstallmentRow[] = [];
  const principalParts: number[] = [];
  const episodes: DelinquencyEpisode[] = [];
  let balance = principal;
  let principalPaid = 0;
  let shortfall = 0;
  let runStart = -1;
  let status: LoanOutcome["status"] = "active";
  let closedDay: number | null = null;
  let scheduledAhead = 0;

  for (let installmentNo = 1; installmentNo <= termMonths; installmentNo += 1) {
    const dueDay = addMonths(disbursedDay, installmentNo);
    const interest = roundMoney(balance * monthlyRate);
    const principalPart = installmentNo === termMonths ? roundMoney(balance) : roundMoney(Math.min(payment - interest, balance));
    const dueAmount = roundMoney(principalPart + interest);
    balance = roundMoney(balance - principalPart);
    const row: InstallmentRow = { installmentNo, dueDay, dueAmount, paidDay: null, paidAmount: 0, status: "missed", daysLate: 0 };

    if (behaviour.closeByDay !== null && dueDay > behaviour.closeByDay && runStart < 0) {
      status = "closed";
      closedDay = Math.max(behaviour.closeByDay, disbursedDay + 1);
      break;
    }
    if (dueDay > asOfDay) {
      if (scheduledAhead >= SCHEDULED_MONTHS_AHEAD) break;
      row.status = "scheduled";
      rows.push(row);
      principalParts.push(principalPart);
      scheduledAhead += 1;
      continue;
    }

    if (runStart < 0) {
      // Current: arrears may start here, otherwise the installment is paid (on time, late or in part).
      const forced = behaviour.forcedArrearsAt === installmentNo;
      const startsArrears = dueDay < asOfDay && (forced || (behaviour.forcedArrearsAt === undefined && random.chance(behaviour.arrearsHazard(dueDay, installmentNo))));
      const draw = random.next();
      if (startsArrears) {
        runStart = rows.length;
      } else if (dueDay < asOfDay && draw < behaviour.lateProbability) {
        const paidDay = dueDay + lateDays(random);
        if (paidDay > asOfDay) {
          runStart = rows.length; // not paid yet: overdue at the as-of date
        } else {
          Object.assign(row, { paidDay, paidAmount: dueAmount, status: "paid_late", daysLate: paidDay - dueDay });
          episodes.push({ kind: "late", firstDueDay: dueDay, endDay: paidDay, chargedOff: false });
        }
      } else if (draw < behaviour.lateProbability + behaviour.partialProbability) {
        const paidAmount = roundMoney(dueAmount * random.between(0.3, 0.9));
        shortfall += dueAmount - paidAmount;
        Object.assign(row, { paidDay: Math.max(disbursedDay + 1, dueDay - random.integer(0, 2)), paidAmount, status: "partial" });
      } else {
        const early = random.chance(0.35) ? random.integer(1, 5) : 0;
        Object.assign(row, { paidDay: Math.max(disbursedDay + 1, dueDay - early), paidAmount: dueAmount, status: "paid_on_time" });
      }
      rows.push(row);
      principalParts.push(principalPart);
      if (runStart >= 0) continue;
      principalPaid += principalPart;
      if (row.status === "paid_on_time" && installmentNo < termMonths && behaviour.forcedArrearsAt === undefined && random.chance(behaviour.prepayment)) {
        status = "closed";
        closedDay = row.paidDay;
        break;
      }
      continue;
    }

    // In arrears: the borrower may pay everything owed, the bank may charge the loan off, or it stays missed.
    const missed = rows.length - runStart;
    const canCure = behaviour.forcedArrearsAt === undefined;
    const cureChance = (CURE_BY_MISSED[missed] ?? LATE_CURE) * behaviour.cureFactor;
    if (canCure && random.chance(cureChance)) {
      const cureDay = dueDay + random.integer(0, 6);
      if (cureDay <= asOfDay) {
        for (let index = runStart; index < rows.length; index += 1) {
          const owed = rows[index];
          Object.assign(owed, { paidDay: cureDay, paidAmount: owed.dueAmount, status: "paid_late", daysLate: cureDay - owed.dueDay });
          principalPaid += principalParts[index];
        }
        const daysLate = cureDay - dueDay;
        Object.assign(row, { paidDay: cureDay, paidAmount: dueAmount, status: daysLate > 0 ? "paid_late" : "paid_on_time", daysLate });
        episodes.push({ kind: "arrears", firstDueDay: rows[runStart].dueDay, endDay: cureDay, chargedOff: false });
        rows.push(row);
        principalParts.push(principalPart);
        principalPaid += principalPart;
        runStart = -1;
        continue;
      }
    }
    rows.push(row);
    principalParts.push(principalPart);
    const chargeOff =
      behaviour.chargeOffAfterMissed !== undefined
        ? missed + 1 >= behaviour.chargeOffAfterMissed
        : canCure && missed + 1 >= 7 && random.chance(behaviour.chargeOffProbability);
    if (chargeOff) {
      status = "charged_off";
      closedDay = Math.min(asOfDay, dueDay + random.integer(1, 15));
      break;
    }
  }

  // Missed installments are late by the days since they fell due.
  let currentDpd = 0;
  if (runStart >= 0) {
    for (let index = runStart; index < rows.length; index += 1) {
      if (rows[index].status === "missed") rows[index].daysLate = asOfDay - rows[index].dueDay;
    }
    currentDpd = asOfDay - rows[runStart].dueDay;
    episodes.push({ kind: "arrears", firstDueDay: rows[runStart].dueDay, endDay: status === "charged_off" ? closedDay : null, chargedOff: status === "charged_off" });
  }
  if (status === "active" && runStart < 0 && rows.length > 0 && rows[rows.length - 1].installmentNo === termMonths && rows[rows.length - 1].status !== "scheduled") {
    status = "closed";
    closedDay = Math.max(...rows.map((row) => row.paidDay ?? 0));
  }
  const outstanding = status === "active" ? roundMoney(Math.max(0, principal - principalPaid + shortfall)) : 0;
  return { rows, status, closedDay, outstanding, currentDpd, episodes, monthlyPayment: payment };
}
