/** One customer's static profile: identity, demographics, income, wealth and the hidden traits that drive behaviour. */
import { BRANCHES_OF_CITY, CITY_WEIGHTS } from "./branch-catalogue.ts";
import { chineseFullName } from "./chinese-names.ts";
import type { CustomerRole, DatasetPlan } from "./dataset-plan.ts";
import { mobilePhoneNumber, residentIdNumber } from "./identity-numbers.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** An occupation of the contract. */
export type Occupation = "salaried" | "self_employed" | "civil_servant" | "business_owner" | "freelancer" | "retired" | "student";
/** An acquisition (and application) channel of the contract. */
export type CustomerChannel = "branch" | "mobile_app" | "wechat" | "partner" | "telemarketing";

/** A customer before any of their accounts exist. */
export interface CustomerProfile {
  index: number;
  customerId: string;
  fullName: string;
  idNumber: string;
  phone: string;
  gender: "M" | "F";
  birthDay: number;
  city: string;
  homeBranchId: string;
  occupation: Occupation;
  annualIncome: number;
  acquisitionChannel: CustomerChannel;
  onboardDay: number;
  /** The day the customer leaves, decided up front so that no account outlives it; null for staying customers. */
  churnDay: number | null;
  /** Hidden credit risk, standard normal: higher means riskier (drives scores, pd, arrears). */
  riskFactor: number;
  /** Typical deposits plus wealth balance (yuan). */
  wealth: number;
  /** 0..1: how much the customer uses the app and digital channels. */
  digitalAffinity: number;
  /** Months (indexes) of a spell of sharply lower income, or null. */
  incomeShock: { firstMonth: number; lastMonth: number } | null;
  role: CustomerRole | undefined;
}

export const OCCUPATIONS: readonly Occupation[] = ["salaried", "self_employed", "civil_servant", "business_owner", "freelancer", "retired", "student"];
const OCCUPATION_WEIGHTS = [42, 11, 8, 9, 10, 12, 8];
const OCCUPATION_TRAITS: Readonly<Record<Occupation, { medianIncome: number; incomeSigma: number; risk: number; ages: [number, number] }>> = {
  salaried: { medianIncome: 150_000, incomeSigma: 0.45, risk: 0, ages: [22, 58] },
  self_employed: { medianIncome: 165_000, incomeSigma: 0.65, risk: 0.25, ages: [24, 62] },
  civil_servant: { medianIncome: 140_000, incomeSigma: 0.3, risk: -0.45, ages: [23, 59] },
  business_owner: { medianIncome: 320_000, incomeSigma: 0.8, risk: 0.1, ages: [26, 65] },
  freelancer: { medianIncome: 110_000, incomeSigma: 0.6, risk: 0.35, ages: [21, 50] },
  retired: { medianIncome: 72_000, incomeSigma: 0.4, risk: -0.2, ages: [56, 82] },
  student: { medianIncome: 14_000, incomeSigma: 0.6, risk: 0.2, ages: [18, 25] },
};
const CHANNELS: readonly CustomerChannel[] = ["branch", "mobile_app", "wechat", "partner", "telemarketing"];
const LOAN_ROLES: readonly CustomerRole[] = ["high_value_riser", "due_soon_while_overdue", "substandard_loan", "doubtful_loan", "loss_loan", "charged_off_loan"];
const DAYS_PER_YEAR = 365.25;

/** Acquisition channel weights by age: the young come through the app and WeChat, the old through branches. */
function channelWeights(age: number): number[] {
  if (age < 30) return [10, 45, 25, 12, 8];
  if (age < 55) return [30, 32, 15, 13, 10];
  return [55, 12, 13, 8, 12];
}

/** Draws the profile of customer `index` (0-based) from its own random stream. */
export function buildCustomerProfile(plan: DatasetPlan, index: number, random: SeededRandom): CustomerProfile {
  const asOfDay = plan.asOfDay;
  const role = plan.roles.get(index);
  const needsLoanHistory = role !== undefined && LOAN_ROLES.includes(role);

  let occupation = random.weighted(OCCUPATIONS, OCCUPATION_WEIGHTS);
  if (needsLoanHistory && (occupation === "student" || occupation === "retired")) occupation = "salaried";
  if (role === "high_value_riser") occupation = random.pick(["business_owner", "salaried", "self_employed"] as const);
  const traits = OCCUPATION_TRAITS[occupation];
  const gender = random.chance(0.49) ? "F" : "M";
  const ageYears = random.between(traits.ages[0], traits.ages[1]) + (occupation === "salaried" ? random.between(-2, 2) : 0);
  const birthDay = asOfDay - Math.round(Math.min(Math.max(ageYears, 18.1), 85) * DAYS_PER_YEAR);
  const age = (asOfDay - birthDay) / DAYS_PER_YEAR;

  const cityEntry = random.weighted(CITY_WEIGHTS, CITY_WEIGHTS.map((entry) => entry.weight));
  const homeBranch = random.pick(BRANCHES_OF_CITY.get(cityEntry.city) ?? []);
  // A quarter of people were registered somewhere else (their id number says so).
  const areaCode = random.chance(0.75) ? cityEntry.areaCode : random.pick(CITY_WEIGHTS).areaCode;

  let riskFactor = random.normal() + traits.risk + (age < 28 ? 0.15 : 0);
  if (role === "high_value_riser") riskFactor = Math.min(riskFactor, 0.3);
  const incomeMultiplier = role === "high_value_riser" ? random.between(2, 4) : 1;
  const annualIncome = Math.round((random.logNormal(traits.medianIncome, traits.incomeSigma) * cityEntry.incomeFactor * incomeMultiplier) / 100) * 100;
  const ageWealth = occupation === "retired" ? 1.1 : age > 45 ? 0.45 : age < 28 ? -0.5 : 0;
  let wealth = Math.exp(Math.log(24_000) + 0.9 * Math.log(Math.max(annualIncome, 5_000) / 130_000) + ageWealth + random.normal(0, 1.15) - 0.25 * riskFactor);
  if (role === "high_value_riser") wealth = Math.max(wealth, random.between(700_000, 2_500_000));

  const acquisitionChannel = random.weighted(CHANNELS, channelWeights(age));
  const digitalAffinity = Math.min(1, Math.max(0.02, (acquisitionChannel === "mobile_app" || acquisitionChannel === "wechat" ? 0.65 : 0.35) - (age - 40) * 0.012 + random.normal(0, 0.15)));

  // Tenure: about 35% joined in the last two years, the rest up to ten years ago (never before turning 18).
  const earliestOnboard = birthDay + Math.ceil(18 * DAYS_PER_YEAR);
  let onboardDay = random.chance(0.35) ? asOfDay - random.integer(0, 729) : asOfDay - random.integer(730, 3650);
  if (needsLoanHistory) onboardDay = Math.min(onboardDay, asOfDay - random.integer(1300, 3000));
  onboardDay = Math.max(onboardDay, earliestOnboard);

  // Leaving is spread evenly over the last 1000 days; nobody leaves in their first four months.
  let churnDay: number | null = null;
  if (role === undefined && random.chance(0.11 + (digitalAffinity < 0.3 ? 0.03 : 0))) {
    const day = random.integer(asOfDay - 1000, asOfDay - 1);
    if (day >= onboardDay + 120) churnDay = day;
  }

  const incomeShock = random.chance(0.05)
    ? (() => {
        const firstMonth = plan.asOfMonth - random.integer(0, 23);
        return { firstMonth, lastMonth: firstMonth + random.integer(1, 7) };
      })()
    : null;

  return {
    index,
    customerId: `C${String(index + 1).padStart(6, "0")}`,
    fullName: chineseFullName(random, gender),
    idNumber: residentIdNumber(random, areaCode, birthDay, gender),
    phone: mobilePhoneNumber(random),
    gender,
    birthDay,
    city: cityEntry.city,
    homeBranchId: homeBranch.branchId,
    occupation,
    annualIncome,
    acquisitionChannel,
    onboardDay,
    churnDay,
    riskFactor,
    wealth,
    digitalAffinity,
    incomeShock,
    role,
  };
}

/** The tier marketing guesses for a customer before the as-of month's balances are known. */
export function estimatedTier(profile: CustomerProfile): "high" | "medium" | "low" {
  if (profile.wealth >= 500_000) return "high";
  return profile.wealth >= 50_000 ? "medium" : "low";
}
