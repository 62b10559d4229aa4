/** Satisfaction surveys (NPS 0-10): happier through branches and apps, unhappier after collections or rejections. */
import type { ApplicationRecord } from "./credit-decisions.ts";
import type { CustomerChannel, CustomerProfile } from "./customer-profile.ts";
import type { DatasetPlan } from "./dataset-plan.ts";
import type { CollectionRecord } from "./collection-actions.ts";
import type { SeededRandom } from "./seeded-random.ts";
import { firstDayOfMonth } from "./calendar.ts";

/** One satisfaction_surveys row. */
export interface SurveyRecord {
  surveyDay: number;
  channel: CustomerChannel;
  npsScore: number;
}

const CHANNELS: readonly CustomerChannel[] = ["branch", "mobile_app", "wechat", "partner", "telemarketing"];
const CHANNEL_MOOD: Readonly<Record<CustomerChannel, number>> = { branch: 0.5, mobile_app: 0.3, wechat: 0.1, partner: -0.3, telemarketing: -0.8 };

/** Builds a customer's surveys over the 24 months, in date order. */
export function buildSurveys(plan: DatasetPlan, profile: CustomerProfile, applications: readonly ApplicationRecord[], collections: readonly CollectionRecord[], random: SeededRandom): SurveyRecord[] {
  const firstDay = Math.max(profile.onboardDay, firstDayOfMonth(plan.firstMonth));
  const lastDay = profile.churnDay ?? plan.asOfDay;
  if (firstDay > lastDay) return [];
  const count = random.poisson(1.3 * ((lastDay - firstDay + 1) / 730) + 0.1);
  const surveys: SurveyRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const surveyDay = random.integer(firstDay, lastDay);
    const channel = random.chance(0.6) ? profile.acquisitionChannel : random.weighted(CHANNELS, [30, 35, 20, 8, 7]);
    const chased = collections.some((action) => action.actionDay <= surveyDay && surveyDay - action.actionDay <= 180);
    const rejected = applications.some((application) => application.decision === "rejected" && application.request.appliedDay <= surveyDay && surveyDay - application.request.appliedDay <= 120);
    const mood = 7.9 + CHANNEL_MOOD[channel] + random.normal(0, 1.9) - (chased ? 2.4 : 0) - (rejected ? 1.3 : 0) - (profile.churnDay !== null ? 1 : 0);
    surveys.push({ surveyDay, channel, npsScore: Math.min(10, Math.max(0, Math.round(mood))) });
  }
  return surveys.sort((left, right) => left.surveyDay - right.surveyDay);
}
