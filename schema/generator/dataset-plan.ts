/**
 * The dataset-wide decisions taken before any customer is made: the as-of calendar, the campaigns, which branch
 * worsens and which channel converts best (both vary with the seed), and which customers carry a planted story.
 */
import { BRANCHES } from "./branch-catalogue.ts";
import { monthIndexOfDay, parseDay } from "./calendar.ts";
import { buildCampaigns } from "./campaign-catalogue.ts";
import type { CampaignRecord } from "./campaign-catalogue.ts";
import { CAMPAIGN_CHANNELS, responsesWithStar } from "./campaign-channels.ts";
import type { CampaignChannel, ChannelResponse } from "./campaign-channels.ts";
import { CUSTOMERS_AT_SCALE_ONE } from "./dataset-options.ts";
import type { DatasetOptions } from "./dataset-options.ts";
import { SeededRandom } from "./seeded-random.ts";

/**
 * A story or guarantee planted on one customer:
 * - high_value_riser: wealthy borrower whose pd jumps in the as-of month;
 * - due_soon_while_overdue: one loan overdue while another has an installment in the next 7 days;
 * - substandard_loan / doubtful_loan / loss_loan / charged_off_loan: a loan long in arrears, so that every
 *   five-category class and status occurs even in small datasets;
 * - pending_application: an application still under review at the as-of date.
 */
export type CustomerRole =
  | "high_value_riser"
  | "due_soon_while_overdue"
  | "substandard_loan"
  | "doubtful_loan"
  | "loss_loan"
  | "charged_off_loan"
  | "pending_application";

/** Everything a customer's simulation needs to know about the dataset as a whole. */
export interface DatasetPlan {
  options: DatasetOptions;
  asOfDay: number;
  asOfMonth: number;
  /** The 24 months of customer_monthly start here. */
  firstMonth: number;
  customerCount: number;
  campaigns: CampaignRecord[];
  /** The branch whose recent loans go bad, month after month. */
  worseningBranchId: string;
  /** The campaign channel that converts far above the others. */
  starChannel: CampaignChannel;
  channelResponses: Record<CampaignChannel, ChannelResponse>;
  roles: ReadonlyMap<number, CustomerRole>;
}

/** How many customers carry each role, for a dataset of `customerCount` customers. */
function roleCounts(customerCount: number): [CustomerRole, number][] {
  return [
    ["high_value_riser", Math.max(3, Math.round(customerCount * 0.004))],
    ["due_soon_while_overdue", Math.max(3, Math.round(customerCount * 0.003))],
    ["substandard_loan", 2],
    ["doubtful_loan", 2],
    ["loss_loan", 2],
    ["charged_off_loan", 2],
    ["pending_application", 2],
  ];
}

/** Takes the dataset-wide decisions for validated options. */
export function planDataset(options: DatasetOptions): DatasetPlan {
  const random = new SeededRandom(options.seed, "plan");
  const asOfDay = parseDay(options.asOf) as number;
  const asOfMonth = monthIndexOfDay(asOfDay);
  const customerCount = Math.max(20, Math.round(CUSTOMERS_AT_SCALE_ONE * options.scale));
  const worseningBranchId = random.pick(BRANCHES).branchId;
  const starChannel = random.pick(CAMPAIGN_CHANNELS);
  const campaigns = buildCampaigns(random.derive("campaigns"), asOfDay, customerCount);

  const wanted = roleCounts(customerCount).flatMap(([role, count]) => Array.from({ length: count }, () => role));
  // Small datasets keep at least half their customers unplanted.
  const chosen = random.derive("roles").sample(customerCount, Math.min(wanted.length, Math.floor(customerCount / 2)));
  const roles = new Map<number, CustomerRole>();
  chosen.forEach((customerIndex, position) => roles.set(customerIndex, wanted[position]));

  return {
    options,
    asOfDay,
    asOfMonth,
    firstMonth: asOfMonth - 23,
    customerCount,
    campaigns,
    worseningBranchId,
    starChannel,
    channelResponses: responsesWithStar(starChannel),
    roles,
  };
}
