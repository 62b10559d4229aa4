/** Which campaigns contact a customer, whether the customer opens, clicks and applies, and the applications that follow. */
import { applicationSecond, requestedAmountFor } from "./application-requests.ts";
import type { ApplicationRequest } from "./application-requests.ts";
import type { CampaignRecord } from "./campaign-catalogue.ts";
import type { CampaignChannel } from "./campaign-channels.ts";
import { estimatedTier } from "./customer-profile.ts";
import type { CustomerProfile } from "./customer-profile.ts";
import type { DatasetPlan } from "./dataset-plan.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** One contact of a customer by a campaign. */
export interface TouchRecord {
  campaign: CampaignRecord;
  touchedDay: number;
  opened: boolean;
  clicked: boolean;
  /** The application it led to, when the customer applied. */
  request: ApplicationRequest | null;
}

/** How strongly a customer's habits pull toward a channel. */
function channelAffinity(channel: CampaignChannel, digitalAffinity: number): number {
  switch (channel) {
    case "app_push":
      return 0.3 + 1.4 * digitalAffinity;
    case "wechat":
      return 0.5 + digitalAffinity;
    case "branch_event":
      return 1.5 - digitalAffinity;
    default:
      return 1;
  }
}

/** Contacts a customer receives over their tenure, and the applications they lead to. */
export function buildTouches(plan: DatasetPlan, profile: CustomerProfile, random: SeededRandom): { touches: TouchRecord[]; requests: ApplicationRequest[] } {
  const touches: TouchRecord[] = [];
  const requests: ApplicationRequest[] = [];
  const tier = estimatedTier(profile);
  // Some people answer marketing more readily than others.
  const responsiveness = Math.min(1.6, Math.max(0.5, Math.exp(random.normal(0, 0.3))));
  const lastContact = profile.churnDay === null ? plan.asOfDay : Math.min(plan.asOfDay, profile.churnDay - 60);
  for (const campaign of plan.campaigns) {
    const firstDay = Math.max(campaign.startDay, profile.onboardDay);
    const lastDay = Math.min(campaign.endDay, lastContact);
    if (firstDay > lastDay) continue;
    const response = plan.channelResponses[campaign.channel];
    const targeted = campaign.targetTier === "all" || campaign.targetTier === tier;
    const overlap = (lastDay - firstDay + 1) / (campaign.endDay - campaign.startDay + 1);
    if (!random.chance(response.reach * (targeted ? 1 : 0.12) * channelAffinity(campaign.channel, profile.digitalAffinity) * overlap)) continue;
    const touchedDay = random.integer(firstDay, lastDay);
    const opened = random.chance(response.opened);
    const clicked = opened && random.chance(response.clickedWhenOpened);
    const applyWhenClicked = Math.min(0.95, (response.conversion / (response.opened * response.clickedWhenOpened)) * responsiveness);
    let request: ApplicationRequest | null = null;
    if (clicked && random.chance(applyWhenClicked)) {
      const channel = response.applicationChannel;
      request = {
        appliedDay: Math.min(touchedDay + random.integer(0, 2), lastDay),
        appliedSecond: applicationSecond(random, channel),
        product: campaign.product,
        channel,
        campaignId: campaign.campaignId,
        requestedAmount: requestedAmountFor(random, profile, campaign.product),
        requestedTermMonths: random.pick(campaign.product.terms),
        branchPush: false,
        planted: null,
      };
      requests.push(request);
    }
    touches.push({ campaign, touchedDay, opened, clicked, request });
  }
  return { touches, requests };
}
