/** The marketing campaigns of a dataset: nine per channel over the 24 months, one per channel running at the as-of date. */
import { civilFromDays } from "./calendar.ts";
import { CAMPAIGN_CHANNELS, CHANNEL_RESPONSES } from "./campaign-channels.ts";
import type { CampaignChannel } from "./campaign-channels.ts";
import { PRODUCTS } from "./product-catalogue.ts";
import type { ProductRecord } from "./product-catalogue.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** A target tier of the contract. */
export type TargetTier = "high" | "medium" | "low" | "all";

/** One campaign as the generator writes it. */
export interface CampaignRecord {
  campaignId: string;
  name: string;
  channel: CampaignChannel;
  product: ProductRecord;
  startDay: number;
  endDay: number;
  budget: number;
  targetTier: TargetTier;
}

const CAMPAIGNS_PER_CHANNEL = 9;
// Every tier occurs; "all" is the most common target.
const TARGET_TIERS: readonly TargetTier[] = ["all", "high", "medium", "low", "all", "medium"];
// Which products marketing pushes (mortgages rarely by text message).
const PRODUCT_WEIGHTS: Readonly<Record<string, number>> = {
  mortgage: 4, auto: 12, consumer: 30, education: 6, travel: 14, renovation: 12, micro_business: 14,
};

/** Builds the campaigns, ids CP001.. in start-date order. Dates are offsets from the as-of date. */
export function buildCampaigns(random: SeededRandom, asOfDay: number, customerCount: number): CampaignRecord[] {
  const drafts: Omit<CampaignRecord, "campaignId" | "name">[] = [];
  CAMPAIGN_CHANNELS.forEach((channel, channelIndex) => {
    for (let round = 0; round < CAMPAIGNS_PER_CHANNEL; round += 1) {
      // Round 0 of every channel is running at the as-of date; the others are spread over the last two years.
      const running = round === 0;
      const startDay = running ? asOfDay - random.integer(5, 50) : asOfDay - random.integer(70, 700);
      const endDay = running ? asOfDay + random.integer(10, 60) : startDay + random.integer(21, 75);
      const product = random.weighted(PRODUCTS, PRODUCTS.map((candidate) => PRODUCT_WEIGHTS[candidate.category]));
      const response = CHANNEL_RESPONSES[channel];
      const expectedTouches = customerCount * response.reach * 0.75;
      const budget = Math.max(1000, Math.round((response.fixedCost * Math.max(customerCount / 20_000, 0.05) + response.costPerTouch * expectedTouches) * random.between(0.8, 1.25) / 100) * 100);
      drafts.push({ channel, product, startDay, endDay, budget, targetTier: TARGET_TIERS[(channelIndex + round) % TARGET_TIERS.length] });
    }
  });
  drafts.sort((left, right) => left.startDay - right.startDay || left.channel.localeCompare(right.channel));
  return drafts.map((draft, index) => {
    const [year, month] = civilFromDays(draft.startDay);
    const quarter = Math.floor((month - 1) / 3) + 1;
    return {
      ...draft,
      campaignId: `CP${String(index + 1).padStart(3, "0")}`,
      name: `${year}Q${quarter} ${draft.product.name}${CHANNEL_RESPONSES[draft.channel].nameZh}`,
    };
  });
}
