/** The propensity of a customer to take up an offer, and the channel to make it through. */
import type { ScoringSettings } from "./scoring-settings.ts";
import { clamp, compareIds } from "./scoring-math.ts";

/** Marketing touches and responses over the look-back window. */
export interface TouchCounts {
  touches: number;
  clicked: number;
  applied: number;
}

/** The parts of the propensity, each in 0..1. */
export interface Propensity {
  engagement: number;
  valueScore: number;
  channelResponse: number;
  propensity: number;
  recommendedChannel: string | null;
}

/**
 * propensity = w_e x engagement + w_v x value-tier score + w_c x channel response, where
 * engagement = min(1, mean monthly app logins over 3 months / full_engagement_logins),
 * channel response = min(1, smoothed click rate / (2 x bank-wide click rate)), the customer's click rate smoothed
 * toward the bank-wide one with `response_prior_touches` pseudo-touches (an average customer scores 0.5).
 * The recommended channel maximises (customer clicks + applications + k x channel conversion rate) / (touches + k).
 */
export function propensityOf(
  customer: { averageLogins: number; valueTier: string; touchesByChannel: ReadonlyMap<string, TouchCounts> },
  bankWide: ReadonlyMap<string, TouchCounts>,
  settings: ScoringSettings["next_best_product"],
): Propensity {
  const engagement = clamp(customer.averageLogins / settings.full_engagement_logins, 0, 1);
  const valueScore = settings.value_tier_scores[customer.valueTier as keyof typeof settings.value_tier_scores] ?? 0;
  const total = (counts: Iterable<TouchCounts>) => {
    const sum: TouchCounts = { touches: 0, clicked: 0, applied: 0 };
    for (const count of counts) {
      sum.touches += count.touches;
      sum.clicked += count.clicked;
      sum.applied += count.applied;
    }
    return sum;
  };
  const bank = total(bankWide.values());
  const own = total(customer.touchesByChannel.values());
  const k = settings.response_prior_touches;
  const bankClickRate = bank.touches === 0 ? 0 : bank.clicked / bank.touches;
  const smoothed = own.touches + k === 0 ? bankClickRate : (own.clicked + k * bankClickRate) / (own.touches + k);
  const channelResponse = bankClickRate === 0 ? 0.5 : clamp(smoothed / (2 * bankClickRate), 0, 1);

  let recommendedChannel: string | null = null;
  let best = -Infinity;
  for (const channel of [...bankWide.keys()].sort(compareIds)) {
    const channelCounts = bankWide.get(channel) as TouchCounts;
    const conversion = channelCounts.touches === 0 ? 0 : channelCounts.applied / channelCounts.touches;
    const mine = customer.touchesByChannel.get(channel) ?? { touches: 0, clicked: 0, applied: 0 };
    const score = (mine.clicked + mine.applied + k * conversion) / (mine.touches + k || 1);
    if (score > best) {
      best = score;
      recommendedChannel = channel;
    }
  }
  const weights = settings.propensity_weights;
  return {
    engagement,
    valueScore,
    channelResponse,
    propensity: weights.engagement * engagement + weights.value_tier * valueScore + weights.channel_response * channelResponse,
    recommendedChannel,
  };
}
