/**
 * The loan applications a customer makes: ordinary ones over their tenure, the worsening branch's recent push,
 * and the planted stories' loans. Campaign-driven applications come from campaign-touches.ts.
 */
import { addMonths, firstDayOfMonth, lastDayOfMonth } from "./calendar.ts";
import type { CustomerChannel, CustomerProfile, Occupation } from "./customer-profile.ts";
import type { DatasetPlan } from "./dataset-plan.ts";
import { PRODUCTS, productsOfCategory } from "./product-catalogue.ts";
import type { ProductCategory, ProductRecord } from "./product-catalogue.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** How a planted loan must behave; the decision is forced too. */
export interface PlantedLoan {
  decision: "approved" | "pending";
  disbursedDay?: number;
  /** Arrears start for sure at this installment (and never cure). */
  forcedArrearsAt?: number;
  chargeOffAfterMissed?: number;
  /** Always paid on time. */
  spotless?: boolean;
}

/** One application before the bank decides on it. */
export interface ApplicationRequest {
  appliedDay: number;
  appliedSecond: number;
  product: ProductRecord;
  channel: CustomerChannel;
  campaignId: string | null;
  requestedAmount: number;
  requestedTermMonths: number;
  /** Part of the worsening branch's recent lending push (looser approval). */
  branchPush: boolean;
  planted: PlantedLoan | null;
}

const CHANNELS: readonly CustomerChannel[] = ["branch", "mobile_app", "wechat", "partner", "telemarketing"];
const CATEGORIES: readonly ProductCategory[] = ["mortgage", "auto", "consumer", "education", "travel", "renovation", "micro_business"];
const YEARLY_APPLICATIONS: Readonly<Record<Occupation, number>> = {
  salaried: 0.5, self_employed: 0.64, civil_servant: 0.4, business_owner: 0.72, freelancer: 0.52, retired: 0.11, student: 0.26,
};
const HISTORY_DAYS = 5 * 365;

/** Product category weights for a customer: mortgages in mid-life, study loans for students, business loans for owners. */
function categoryWeights(profile: CustomerProfile, age: number): number[] {
  const { occupation } = profile;
  const settled = occupation === "salaried" || occupation === "civil_servant" || occupation === "business_owner";
  return [
    settled && age >= 26 && age <= 52 ? 11 : occupation === "retired" || occupation === "student" ? 0 : 3,
    occupation === "student" ? 1 : 12,
    30,
    occupation === "student" ? 45 : age < 30 ? 5 : 2,
    10,
    age > 28 ? 10 : 2,
    occupation === "business_owner" ? 45 : occupation === "self_employed" ? 35 : occupation === "freelancer" ? 8 : 1,
  ];
}

/** A second of the day at which people apply through a channel (apps late into the evening, branches in office hours). */
export function applicationSecond(random: SeededRandom, channel: CustomerChannel): number {
  const [firstHour, lastHour] = channel === "branch" ? [9, 16] : channel === "telemarketing" ? [9, 19] : channel === "partner" ? [8, 21] : [7, 23];
  return random.integer(firstHour, lastHour) * 3600 + random.integer(0, 3599);
}

/** A requested amount that follows income, within the product's limits. */
export function requestedAmountFor(random: SeededRandom, profile: CustomerProfile, product: ProductRecord): number {
  const raw = profile.annualIncome * product.incomeMultiple * random.logNormal(1, 0.45);
  const step = product.category === "mortgage" ? 10_000 : 1_000;
  return Math.min(product.maxAmount, Math.max(product.minAmount, Math.round(raw / step) * step));
}

function request(random: SeededRandom, profile: CustomerProfile, product: ProductRecord, appliedDay: number, channel: CustomerChannel, extra: Partial<ApplicationRequest> = {}): ApplicationRequest {
  return {
    appliedDay,
    appliedSecond: applicationSecond(random, channel),
    product,
    channel,
    campaignId: null,
    requestedAmount: requestedAmountFor(random, profile, product),
    requestedTermMonths: random.pick(product.terms),
    branchPush: false,
    planted: null,
    ...extra,
  };
}

/** The last installment number falling due before a day, for a loan disbursed on `disbursedDay`. */
function lastInstallmentBefore(disbursedDay: number, day: number): number {
  let installment = 0;
  while (addMonths(disbursedDay, installment + 1) < day) installment += 1;
  return installment;
}

/** Applications of a planted story, with the loan each must become. */
function plantedRequests(plan: DatasetPlan, profile: CustomerProfile, random: SeededRandom): ApplicationRequest[] {
  const asOfDay = plan.asOfDay;
  const consumer = PRODUCTS[4];
  const approvedOn = (disbursedDay: number, product: ProductRecord, planted: PlantedLoan, termMonths?: number): ApplicationRequest =>
    request(random, profile, product, disbursedDay - random.integer(2, 4), "branch", {
      planted: { ...planted, disbursedDay },
      requestedTermMonths: termMonths ?? Math.max(...product.terms),
    });
  // Days past due at the as-of date = days since installment 2 fell due (about disbursement + 61 days).
  const longArrears = (daysPastDue: number, planted: Partial<PlantedLoan>): ApplicationRequest =>
    approvedOn(asOfDay - 61 - daysPastDue, consumer, { decision: "approved", forcedArrearsAt: 2, ...planted }, 36);

  switch (profile.role) {
    case "substandard_loan":
      return [longArrears(random.integer(130, 240), {})];
    case "doubtful_loan":
      return [longArrears(random.integer(285, 345), {})];
    case "loss_loan":
      return [longArrears(random.integer(380, 560), {})];
    case "charged_off_loan":
      return [longArrears(random.integer(260, 420), { chargeOffAfterMissed: 7 })];
    case "pending_application":
      return [request(random, profile, consumer, asOfDay - random.integer(0, 1), "mobile_app", { planted: { decision: "pending" } })];
    case "high_value_riser": {
      const product = random.pick([PRODUCTS[10], PRODUCTS[11], PRODUCTS[0], PRODUCTS[4]]);
      return [approvedOn(asOfDay - random.integer(200, 900), product, { decision: "approved", spotless: true })];
    }
    case "due_soon_while_overdue": {
      // One loan fell behind recently; another, kept current, has an installment due within the next 7 days.
      const overdueDisbursed = asOfDay - random.integer(100, 330);
      const overdueAt = Math.max(1, lastInstallmentBefore(overdueDisbursed, asOfDay) - (random.chance(0.3) ? 1 : 0));
      const currentProduct = random.pick([PRODUCTS[2], PRODUCTS[9], PRODUCTS[10]]);
      const currentDisbursed = addMonths(asOfDay + random.integer(1, 7), -random.integer(3, 10));
      return [
        approvedOn(overdueDisbursed, PRODUCTS[5], { decision: "approved", forcedArrearsAt: overdueAt }, 24),
        approvedOn(currentDisbursed, currentProduct, { decision: "approved", spotless: true }, 36),
      ];
    }
    default:
      return [];
  }
}

/** Every application of a customer except the campaign-driven ones, in no particular order. */
export function buildApplicationRequests(plan: DatasetPlan, profile: CustomerProfile, random: SeededRandom): ApplicationRequest[] {
  const asOfDay = plan.asOfDay;
  const requests = plantedRequests(plan, profile, random);
  const age = (asOfDay - profile.birthDay) / 365.25;
  const firstDay = Math.max(profile.onboardDay + 7, asOfDay - HISTORY_DAYS);
  // Leaving customers stop borrowing two months before they go.
  const lastDay = profile.churnDay === null ? asOfDay : profile.churnDay - 60;
  if (lastDay > firstDay) {
    const years = (lastDay - firstDay) / 365;
    const count = random.poisson(YEARLY_APPLICATIONS[profile.occupation] * years * Math.exp(0.15 * profile.riskFactor));
    const weights = categoryWeights(profile, age);
    for (let index = 0; index < count; index += 1) {
      const category = random.weighted(CATEGORIES, weights);
      const product = random.pick(productsOfCategory(category));
      const channel = random.chance(0.55) ? profile.acquisitionChannel : random.weighted(CHANNELS, [25, 40, 17, 12, 6]);
      requests.push(request(random, profile, product, random.integer(firstDay, lastDay), channel));
    }
  }
  // The worsening branch pushed business and consumer loans to its customers over the last six months.
  if (profile.homeBranchId === plan.worseningBranchId && profile.churnDay === null && profile.role === undefined) {
    const pushFirst = Math.max(firstDayOfMonth(plan.asOfMonth - 6), profile.onboardDay + 7);
    const pushLast = lastDayOfMonth(plan.asOfMonth - 1) - 3;
    const count = pushLast > pushFirst ? random.poisson(1) : 0;
    for (let index = 0; index < count; index += 1) {
      const product = random.chance(0.6) ? PRODUCTS[10] : PRODUCTS[4];
      requests.push(request(random, profile, product, random.integer(pushFirst, pushLast), "branch", { branchPush: true }));
    }
  }
  return requests;
}
