/** How each marketing channel reaches and converts customers, and how its contacts turn into applications. */

/** A campaign channel of the contract. */
export type CampaignChannel = "sms" | "app_push" | "wechat" | "call" | "branch_event" | "email";

/** Every campaign channel, in contract order. */
export const CAMPAIGN_CHANNELS: readonly CampaignChannel[] = ["sms", "app_push", "wechat", "call", "branch_event", "email"];

/** Response rates of one channel. `conversion` is applied / touches, the contract's conversion rate. */
export interface ChannelResponse {
  /** Chance that a targeted customer is contacted by one campaign. */
  reach: number;
  opened: number;
  clickedWhenOpened: number;
  conversion: number;
  /** Cost of one contact (yuan), and the fixed cost of a campaign at scale 1. */
  costPerTouch: number;
  fixedCost: number;
  /** The application channel (customers.acquisition_channel values) a converted contact applies through. */
  applicationChannel: "branch" | "mobile_app" | "wechat" | "partner" | "telemarketing";
  nameZh: string;
}

/** Ordinary response rates: from under 1% (email, sms) to a few percent (call, branch events). */
export const CHANNEL_RESPONSES: Readonly<Record<CampaignChannel, ChannelResponse>> = {
  sms: { reach: 0.9, opened: 0.24, clickedWhenOpened: 0.2, conversion: 0.008, costPerTouch: 0.06, fixedCost: 8_000, applicationChannel: "mobile_app", nameZh: "短信营销" },
  app_push: { reach: 0.6, opened: 0.2, clickedWhenOpened: 0.3, conversion: 0.017, costPerTouch: 0.01, fixedCost: 15_000, applicationChannel: "mobile_app", nameZh: "App推送" },
  wechat: { reach: 0.6, opened: 0.36, clickedWhenOpened: 0.28, conversion: 0.028, costPerTouch: 0.12, fixedCost: 20_000, applicationChannel: "wechat", nameZh: "微信营销" },
  call: { reach: 0.22, opened: 0.55, clickedWhenOpened: 0.35, conversion: 0.042, costPerTouch: 3.5, fixedCost: 30_000, applicationChannel: "telemarketing", nameZh: "电话营销" },
  branch_event: { reach: 0.15, opened: 0.85, clickedWhenOpened: 0.4, conversion: 0.058, costPerTouch: 45, fixedCost: 60_000, applicationChannel: "branch", nameZh: "网点活动" },
  email: { reach: 0.8, opened: 0.13, clickedWhenOpened: 0.22, conversion: 0.005, costPerTouch: 0.02, fixedCost: 5_000, applicationChannel: "mobile_app", nameZh: "邮件营销" },
};

/** Conversion of the channel the seed makes the star: far above every other channel. */
export const STAR_CHANNEL_CONVERSION = 0.14;

/**
 * The response rates with one channel made the star: it opens, clicks and converts far better, and is aimed at
 * fewer people (so a mass channel as the star does not flood the loan book).
 */
export function responsesWithStar(star: CampaignChannel): Record<CampaignChannel, ChannelResponse> {
  const responses = { ...CHANNEL_RESPONSES };
  const base = responses[star];
  responses[star] = {
    ...base,
    reach: Math.min(base.reach, 0.3),
    opened: Math.max(base.opened, 0.62),
    clickedWhenOpened: Math.max(base.clickedWhenOpened, 0.5),
    conversion: STAR_CHANNEL_CONVERSION,
  };
  return responses;
}
