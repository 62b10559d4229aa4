/** The tunable numbers of the scoring tools (weights, thresholds, funding cost, LGD, fee rate), validated by zod. */
import { z } from "zod";
import { SETTINGS } from "../../schema/semantic-layer/settings.ts";
import { InvalidScoringSettingsError } from "./scoring-errors.ts";

const rate = z.number().min(0).max(1);
const weight = z.number().min(0).max(100);

/** Early-warning signal weights: points added to the 0-100 score when the signal fires. */
const EarlyWarningWeights = z
  .object({
    pd_rise: weight,
    late_payments: weight,
    current_dpd: weight,
    inquiry_spike: weight,
    inflow_drop: weight,
    large_net_outflow: weight,
    high_utilization: weight,
    open_alerts: weight,
  })
  .strict()
  .refine((weights) => Math.abs(Object.values(weights).reduce((sum, value) => sum + value, 0) - 100) < 1e-9, {
    message: "early-warning weights must add up to 100",
  });

/** Every setting of the scoring tools. */
export const ScoringSettings = z
  .object({
    /** pd(M) - pd(M-1) at least this much is rising repayment risk (the semantic layer's setting). */
    rising_risk_threshold: z.number().positive(),
    /** Days ahead that pre_due_risk looks by default (the semantic layer's "due soon"). */
    due_soon_days: z.number().int().positive(),
    early_warning: z
      .object({
        weights: EarlyWarningWeights,
        /** Bureau inquiries this month at least this multiple of the mean of the 6 months before. */
        inquiry_spike_ratio: z.number().min(1),
        /** ...and at least this many inquiries (a mean of 0 would otherwise make 1 inquiry a spike). */
        inquiry_spike_minimum: z.number().int().min(1),
        /** Inflow this month at most (1 - this share) of the mean of the 3 months before. */
        inflow_drop_share: rate,
        /** Net outflow (outflow - inflow) this month at least this share of last month's AUM... */
        large_net_outflow_share_of_aum: rate,
        /** ...and at least this many yuan. */
        large_net_outflow_minimum: z.number().min(0),
        /** Revolving credit utilization at or above this. */
        high_utilization: rate,
      })
      .strict(),
    pre_due: z
      .object({
        /** Logistic coefficients of the chance that an installment due soon is missed. */
        intercept: z.number(),
        pd: z.number(),
        late_share: z.number(),
        overdue_other_loans: z.number(),
        this_loan_overdue: z.number(),
        inflow_drop: z.number(),
        /** Months of repayment history used for the late share. */
        history_months: z.number().int().min(1).max(24),
      })
      .strict(),
    value: z
      .object({
        /** Annual cost of the funds lent (subtracted from each loan's rate). */
        funding_cost: rate,
        /** Loss given default of secured loans (mortgage, auto: products.secured = 1). */
        lgd_secured: rate,
        /** Loss given default of unsecured loans. */
        lgd_unsecured: rate,
        /** Annual fee income per yuan of AUM (deposits and wealth). */
        aum_fee_rate: rate,
      })
      .strict(),
    churn: z
      .object({
        /** Months between the training snapshot and the as-of month (also the label window). */
        horizon_months: z.number().int().min(1).max(9),
        /** Training snapshots: the months horizon, horizon+1, ... before the as-of month (this many of them). */
        snapshot_count: z.number().int().min(1).max(12),
        /** Share of customers (by a hash of customer_id) held out to measure AUC. */
        holdout_share: z.number().gt(0).lt(1),
        learning_rate: z.number().positive(),
        /** Heavy-ball momentum of the gradient descent (0 = plain). */
        momentum: z.number().min(0).lt(1),
        iterations: z.number().int().min(1).max(20000),
        l2: z.number().min(0),
        /** Fewest training examples (and positives) accepted. */
        minimum_examples: z.number().int().min(10),
        /** Above this many customers, a hash-chosen sample of them is trained and tested on (speed at scale 1). */
        max_customers: z.number().int().min(100),
        minimum_positives: z.number().int().min(1),
      })
      .strict(),
    next_best_product: z
      .object({
        /** Risk grades (in the as-of month) allowed to receive offers. */
        eligible_grades: z.array(z.enum(["A", "B", "C", "D", "E"])).min(1),
        /** Annual installment burden / annual_income must stay under this. */
        max_debt_to_income: z.number().positive(),
        /** Propensity = these weights (adding up to 1) times engagement, value tier and channel response. */
        propensity_weights: z
          .object({ engagement: rate, value_tier: rate, channel_response: rate })
          .strict()
          .refine((weights) => Math.abs(weights.engagement + weights.value_tier + weights.channel_response - 1) < 1e-9, {
            message: "propensity weights must add up to 1",
          }),
        /** Average monthly app logins (last 3 months) that count as full engagement. */
        full_engagement_logins: z.number().positive(),
        /** Value-tier part of the propensity. */
        value_tier_scores: z.object({ high: rate, medium: rate, low: rate }).strict(),
        /** Smoothing of a customer's click rate towards the bank-wide click rate, in pseudo-touches. */
        response_prior_touches: z.number().min(0),
        /** The offered amount is annual_income times this, clamped to the product's min and max amount. */
        offer_income_multiple: z.number().positive(),
        /** Months of marketing touches looked at. */
        touch_months: z.number().int().min(1).max(24),
      })
      .strict(),
  })
  .strict();
export type ScoringSettings = z.infer<typeof ScoringSettings>;

/** The settings the tools use unless a caller passes others. */
export const DEFAULT_SCORING_SETTINGS: ScoringSettings = parseScoringSettings({
  rising_risk_threshold: SETTINGS.rising_risk_threshold,
  due_soon_days: SETTINGS.due_soon_days,
  early_warning: {
    weights: {
      pd_rise: 20,
      late_payments: 20,
      current_dpd: 20,
      inquiry_spike: 10,
      inflow_drop: 10,
      large_net_outflow: 5,
      high_utilization: 5,
      open_alerts: 10,
    },
    inquiry_spike_ratio: 2,
    inquiry_spike_minimum: 3,
    inflow_drop_share: 0.3,
    large_net_outflow_share_of_aum: 0.3,
    large_net_outflow_minimum: 10000,
    high_utilization: 0.9,
  },
  pre_due: {
    intercept: -3.5,
    pd: 8,
    late_share: 3,
    overdue_other_loans: 1.5,
    this_loan_overdue: 2.5,
    inflow_drop: 1.5,
    history_months: 12,
  },
  value: { funding_cost: 0.022, lgd_secured: 0.25, lgd_unsecured: 0.6, aum_fee_rate: 0.004 },
  churn: {
    // The generated data plants its pre-churn signals (AUM run-off, contact and borrowing stopping) in the last ~3 months.
    horizon_months: 3,
    snapshot_count: 12,
    holdout_share: 0.3,
    learning_rate: 0.5,
    momentum: 0.9,
    iterations: 300,
    l2: 0.001,
    minimum_examples: 50,
    max_customers: 5000,
    minimum_positives: 5,
  },
  next_best_product: {
    eligible_grades: ["A", "B", "C"],
    max_debt_to_income: 0.5,
    propensity_weights: { engagement: 0.4, value_tier: 0.3, channel_response: 0.3 },
    full_engagement_logins: 20,
    value_tier_scores: { high: 1, medium: 0.6, low: 0.3 },
    response_prior_touches: 5,
    offer_income_multiple: 0.5,
    touch_months: 12,
  },
});

/** Validates a settings object, throwing InvalidScoringSettingsError with every problem found. */
export function parseScoringSettings(input: unknown): ScoringSettings {
  const result = ScoringSettings.safeParse(input);
  if (!result.success) {
    throw new InvalidScoringSettingsError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return result.data;
}
