/** Simulates one customer end to end: profile, marketing, applications and loans, balances, risk, alerts, collections, surveys. */
import { buildApplicationRequests } from "./application-requests.ts";
import { buildTouches } from "./campaign-touches.ts";
import type { TouchRecord } from "./campaign-touches.ts";
import { buildCollections } from "./collection-actions.ts";
import type { CollectionRecord } from "./collection-actions.ts";
import { decideApplications } from "./credit-decisions.ts";
import type { ApplicationRecord, LoanRecord } from "./credit-decisions.ts";
import { buildCustomerProfile } from "./customer-profile.ts";
import type { CustomerProfile } from "./customer-profile.ts";
import type { DatasetPlan } from "./dataset-plan.ts";
import { buildMonthlyActivity } from "./monthly-activity.ts";
import type { MonthlyRecord } from "./monthly-activity.ts";
import { buildAlerts } from "./risk-alerts.ts";
import type { AlertRecord } from "./risk-alerts.ts";
import { valueTierFor } from "./risk-classification.ts";
import { buildRiskScores } from "./risk-scores.ts";
import type { RiskScoreRecord } from "./risk-scores.ts";
import { buildSurveys } from "./satisfaction-surveys.ts";
import type { SurveyRecord } from "./satisfaction-surveys.ts";
import { SeededRandom } from "./seeded-random.ts";

/** Everything one customer contributes to the dataset. */
export interface CustomerBundle {
  profile: CustomerProfile;
  status: "active" | "churned";
  valueTier: "high" | "medium" | "low";
  applications: ApplicationRecord[];
  touches: TouchRecord[];
  loans: LoanRecord[];
  monthly: MonthlyRecord[];
  riskScores: RiskScoreRecord[];
  alerts: AlertRecord[];
  collections: CollectionRecord[];
  surveys: SurveyRecord[];
}

/**
 * Simulates customer `index`. Each part draws from its own stream derived from the seed and the customer, so the
 * customer is the same whatever the scale, and one part's draws never shift another's.
 */
export function simulateCustomer(plan: DatasetPlan, index: number): CustomerBundle {
  const random = new SeededRandom(plan.options.seed, "customer", index);
  const profile = buildCustomerProfile(plan, index, random.derive("profile"));
  const { touches, requests: campaignRequests } = buildTouches(plan, profile, random.derive("touches"));
  const requests = [...buildApplicationRequests(plan, profile, random.derive("applications")), ...campaignRequests];
  const applications = decideApplications(plan, profile, requests, random.derive("decisions"));
  const loans = applications.flatMap((application) => (application.loan ? [application.loan] : []));
  const monthly = buildMonthlyActivity(plan, profile, loans, random.derive("monthly"));
  const riskScores = buildRiskScores(plan, profile, loans, monthly, random.derive("risk"));
  const alerts = buildAlerts(plan, loans, monthly, riskScores, random.derive("alerts"));
  const collections = buildCollections(plan, loans, random.derive("collections"));
  const surveys = buildSurveys(plan, profile, applications, collections, random.derive("surveys"));

  const asOfRow = monthly.find((row) => row.month === plan.asOfMonth);
  const outstanding = loans.reduce((sum, loan) => sum + (loan.outcome.status === "active" ? loan.outcome.outstanding : 0), 0);
  return {
    profile,
    status: profile.churnDay === null ? "active" : "churned",
    valueTier: valueTierFor(asOfRow?.aum ?? 0, outstanding),
    applications,
    touches,
    loans,
    monthly,
    riskScores,
    alerts,
    collections,
    surveys,
  };
}
