/**
 * The bank's decision on each application (score, debt-to-income, income, fraud and policy checks, review time)
 * and, for approved ones, the loan that is disbursed and simulated.
 */
import { addMonths, monthIndexOfDay } from "./calendar.ts";
import type { ApplicationRequest } from "./application-requests.ts";
import type { CustomerProfile } from "./customer-profile.ts";
import type { DatasetPlan } from "./dataset-plan.ts";
import { loanBehaviour } from "./loan-behaviour.ts";
import { simulateLoan } from "./loan-repayments.ts";
import type { LoanOutcome } from "./loan-repayments.ts";
import { monthlyInstallment } from "./money.ts";
import type { ProductRecord } from "./product-catalogue.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** A reject reason of the contract. */
export type RejectReason = "low_score" | "high_dti" | "fraud_suspect" | "insufficient_income" | "policy";

/** A disbursed loan and what became of it. */
export interface LoanRecord {
  product: ProductRecord;
  branchId: string;
  channel: ApplicationRequest["channel"];
  principal: number;
  annualRate: number;
  termMonths: number;
  disbursedDay: number;
  maturityDay: number;
  outcome: LoanOutcome;
}

/** An application with the bank's decision. */
export interface ApplicationRecord {
  request: ApplicationRequest;
  applicationScore: number;
  decision: "approved" | "rejected" | "pending" | "withdrawn";
  /** Absolute second (day * 86400 + second of day) of the decision, or null while undecided or withdrawn. */
  decidedSecond: number | null;
  approvedAmount: number | null;
  rejectReason: RejectReason | null;
  loan: LoanRecord | null;
}

const SECONDS_PER_DAY = 86_400;
// Median hours to a decision by channel (apps are scored automatically; branches route files by hand).
const MEDIAN_HOURS: Readonly<Record<ApplicationRequest["channel"], number>> = {
  mobile_app: 1.2, wechat: 1.8, partner: 16, telemarketing: 20, branch: 38,
};

function compareRequests(left: ApplicationRequest, right: ApplicationRequest): number {
  return (
    left.appliedDay - right.appliedDay ||
    left.appliedSecond - right.appliedSecond ||
    left.product.productId.localeCompare(right.product.productId) ||
    (left.campaignId ?? "").localeCompare(right.campaignId ?? "")
  );
}

function scoreAt(profile: CustomerProfile, day: number, random: SeededRandom): number {
  const shock = profile.incomeShock;
  const month = monthIndexOfDay(day);
  const inShock = shock !== null && month >= shock.firstMonth && month <= shock.lastMonth;
  return Math.min(900, Math.max(300, Math.round(690 - 72 * profile.riskFactor + random.normal(0, 25) - (inShock ? 35 : 0))));
}

/** Decides every application of a customer in date order and simulates the loans that follow. */
export function decideApplications(plan: DatasetPlan, profile: CustomerProfile, requests: ApplicationRequest[], random: SeededRandom): ApplicationRecord[] {
  const asOfDay = plan.asOfDay;
  const endOfAsOf = (asOfDay + 1) * SECONDS_PER_DAY - 1;
  const loans: LoanRecord[] = [];
  const sorted = [...requests].sort(compareRequests);
  return sorted.map((request, ordinal) => {
    const { product } = request;
    const applicationScore = scoreAt(profile, request.appliedDay, random);
    const appliedSecond = request.appliedDay * SECONDS_PER_DAY + request.appliedSecond;
    const record: ApplicationRecord = { request, applicationScore, decision: "rejected", decidedSecond: null, approvedAmount: null, rejectReason: null, loan: null };

    const planted = request.planted;
    if (planted?.decision === "pending") {
      record.decision = "pending";
      return record;
    }

    let hours = random.logNormal(MEDIAN_HOURS[request.channel], 0.8) * (product.secured ? 3 : 1);
    let approvedAmount = request.requestedAmount;
    if (!planted) {
      const active = loans.filter((loan) => loan.disbursedDay <= request.appliedDay && (loan.outcome.closedDay === null || loan.outcome.closedDay > request.appliedDay));
      const burden = active.reduce((sum, loan) => sum + loan.outcome.monthlyPayment, 0);
      const monthlyIncome = profile.annualIncome / 12;
      const newPayment = monthlyInstallment(request.requestedAmount, product.baseRate, request.requestedTermMonths);
      // Business loans are repaid from the business's cash flow, not only from personal income.
      const dtiLimit = product.category === "mortgage" ? 0.7 : product.category === "micro_business" ? 0.85 : 0.55;
      const studentMismatch = profile.occupation === "student" && !["education", "travel", "consumer"].includes(product.category);
      let reason: RejectReason | null = null;
      if (random.chance(0.035)) {
        record.decision = "withdrawn";
        return record;
      }
      if (random.chance(0.008)) reason = "fraud_suspect";
      else if (applicationScore < (request.branchPush ? 540 : 615)) reason = random.chance(0.9) ? "low_score" : "policy";
      else if (request.requestedAmount > profile.annualIncome * product.incomeMultiple * 2.5) reason = "insufficient_income";
      else if (studentMismatch || active.length >= 3 || random.chance(0.025)) reason = "policy";
      else if ((burden + newPayment) / monthlyIncome > dtiLimit) {
        // Strong applicants get a smaller loan that fits; the others are turned down.
        const room = dtiLimit * monthlyIncome - burden;
        const fitted = Math.floor((request.requestedAmount * Math.max(0, room / newPayment)) / 1000) * 1000;
        if (applicationScore >= 700 && fitted >= product.minAmount) approvedAmount = fitted;
        else reason = "high_dti";
      }
      if (reason === null && approvedAmount === request.requestedAmount && random.chance(0.25)) {
        approvedAmount = Math.max(product.minAmount, Math.floor((request.requestedAmount * random.between(0.6, 0.95)) / 1000) * 1000);
      }
      if (reason !== null) {
        record.rejectReason = reason;
        hours *= 0.6;
      }
    }

    const decidedSecond = planted?.disbursedDay !== undefined
      ? (planted.disbursedDay - 1) * SECONDS_PER_DAY + random.integer(9, 17) * 3600
      : appliedSecond + Math.max(60, Math.round(hours * 3600));
    if (decidedSecond > endOfAsOf) {
      // Still under review at the as-of date.
      record.decision = "pending";
      record.rejectReason = null;
      return record;
    }
    record.decidedSecond = decidedSecond;
    if (record.rejectReason !== null) return record;
    record.decision = "approved";
    record.approvedAmount = approvedAmount;

    const decidedDay = Math.floor(decidedSecond / SECONDS_PER_DAY);
    const lag = product.category === "mortgage" ? random.integer(7, 35) : product.secured ? random.integer(2, 10) : random.integer(0, 3);
    const disbursedDay = planted?.disbursedDay ?? decidedDay + lag;
    // Approved but not yet paid out, or the customer left first: no loan.
    if (disbursedDay > asOfDay || (profile.churnDay !== null && disbursedDay >= profile.churnDay - 30)) return record;

    const premium = Math.max(0, (720 - applicationScore) * 0.00012) * (product.secured ? 0.3 : 1);
    const annualRate = Math.round((product.baseRate + premium + random.integer(-2, 6) * 0.0005) * 10_000) / 10_000;
    const termMonths = request.requestedTermMonths;
    const branchId = profile.homeBranchId;
    const loanRandom = random.derive("loan", ordinal);
    const behaviour = loanBehaviour(plan, profile, request, branchId, disbursedDay, loanRandom);
    const outcome = simulateLoan({ principal: approvedAmount, annualRate, termMonths, disbursedDay }, behaviour, asOfDay, loanRandom);
    record.loan = {
      product, branchId, channel: request.channel, principal: approvedAmount, annualRate, termMonths, disbursedDay,
      maturityDay: addMonths(disbursedDay, termMonths), outcome,
    };
    loans.push(record.loan);
    return record;
  });
}
