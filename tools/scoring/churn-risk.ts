/** churn_risk: active customers' probability of churning in the next 3 months (the horizon), from a model trained on the data's history. */
import { z } from "zod";
import { CHURN_FEATURES, churnFeaturesAt } from "./churn-features.ts";
import { churnModelFor } from "./churn-model-cache.ts";
import type { ChurnModelBundle } from "./churn-model-cache.ts";
import { rawScaleCoefficients, contributions, predictProbability } from "./logistic-regression.ts";
import { monthOf } from "./scoring-calendar.ts";
import { customerIdsField, limitField, prepareRun, valueTierField } from "./scoring-input.ts";
import { compareIds, round } from "./scoring-math.ts";
import { resultTableShape, toResultTable } from "./result-table.ts";
import type { ColumnSpec } from "./result-table.ts";
import type { ScoringTool } from "./scoring-tool.ts";

/** The AUC the issue asks the model to reach on generated data. */
export const TARGET_AUC = 0.7;

const ChurnRiskInput = z
  .object({
    value_tier: valueTierField,
    customer_ids: customerIdsField,
    min_probability: z.number().min(0).max(1).default(0).describe("Only customers whose churn probability is at least this (0..1)"),
    limit: limitField(20),
  })
  .strict();

const FeatureName = z.enum(CHURN_FEATURES.map((feature) => feature.name) as [string, ...string[]]);
const Label = z.object({ zh: z.string(), en: z.string() }).strict();

const ChurnRiskItem = z
  .object({
    customer_id: z.string().describe("An active customer"),
    value_tier: z.string().describe("customers.value_tier"),
    churn_probability: z.number().min(0).max(1).describe("Modelled probability of churning within the horizon"),
    drivers: z
      .array(z.object({ feature: FeatureName, label: Label, contribution: z.number() }).strict())
      .describe("Features that raise this customer's log-odds most (weight x standardized value), largest first"),
  })
  .strict();
export type ChurnRiskItem = z.infer<typeof ChurnRiskItem>;

const ChurnModelSummary = z
  .object({
    holdout_auc: z.number().nullable().describe("AUC on customers held out by a hash of customer_id"),
    meets_target: z.boolean().describe(`holdout_auc >= ${TARGET_AUC}`),
    horizon_months: z.number().int().describe("Label: churned within this many months after the snapshot"),
    snapshot_months: z.array(z.string()).describe("Months whose end-of-month state was trained on"),
    training_examples: z.number().int().describe("Customer-snapshots trained on"),
    training_positives: z.number().int().describe("Of which churned within the horizon"),
    holdout_examples: z.number().int().describe("Customer-snapshots held out"),
    holdout_positives: z.number().int().describe("Of which churned within the horizon"),
    intercept: z.number().describe("Log-odds at the average customer (standardized features = 0)"),
    coefficients: z
      .array(
        z
          .object({
            feature: FeatureName,
            label: Label,
            weight: z.number().describe("Log-odds per standard deviation of the feature"),
            raw_weight: z.number().describe("Log-odds per unit of the feature"),
            mean: z.number().describe("Training mean of the feature"),
            standard_deviation: z.number().describe("Training standard deviation of the feature"),
          })
          .strict(),
      )
      .describe("The model's coefficients"),
  })
  .strict();

const ChurnRiskOutput = z
  .object({
    ...resultTableShape,
    model: ChurnModelSummary.describe("How the model was trained and how well it ranks held-out customers"),
    items: z.array(ChurnRiskItem).describe("Active customers ranked by churn probability"),
  })
  .strict();

const COLUMNS: ColumnSpec<ChurnRiskItem>[] = [
  { name: "customer_id", zh: "客户号", en: "Customer", format: "text", value: (item) => item.customer_id },
  { name: "value_tier", zh: "价值等级", en: "Value tier", format: "text", value: (item) => item.value_tier },
  { name: "churn_probability", zh: "流失概率", en: "Churn probability", format: "probability", value: (item) => item.churn_probability },
  { name: "drivers", zh: "主要因素", en: "Main drivers", format: "text", value: (item) => item.drivers.map((driver) => driver.feature).join(", ") },
];

/** An active customer's score, with the branch the scope filters on. */
interface RankedCustomer {
  homeBranchId: string;
  item: ChurnRiskItem;
}

/** Every active customer scored by a cached model, ranked; computed once per model (it only depends on the model). */
const rankings = new WeakMap<ChurnModelBundle, RankedCustomer[]>();

/**
 * Active customers (not churned) at the end of `month`, by churn probability (highest first, then customer_id),
 * each with the three features that raise it most. `month` is the as-of month, part of the bundle's cache key.
 */
function rankedCustomersOf(bundle: ChurnModelBundle, month: string): RankedCustomer[] {
  const cached = rankings.get(bundle);
  if (cached) return cached;
  const { model } = bundle.churnModel;
  const ranked: RankedCustomer[] = [];
  for (const history of bundle.histories.values()) {
    if (history.status !== "active" || history.churnDate !== null) continue;
    const features = churnFeaturesAt(history, month);
    const parts = contributions(model, features);
    ranked.push({
      homeBranchId: history.homeBranchId,
      item: {
        customer_id: history.customerId,
        value_tier: history.valueTier,
        churn_probability: round(predictProbability(model, features), 6),
        drivers: CHURN_FEATURES.map((feature, index) => ({ feature: feature.name, label: { zh: feature.zh, en: feature.en }, contribution: round(parts[index], 6) }))
          .filter((driver) => driver.contribution > 0)
          .sort((left, right) => right.contribution - left.contribution)
          .slice(0, 3),
      },
    });
  }
  ranked.sort((left, right) => right.item.churn_probability - left.item.churn_probability || compareIds(left.item.customer_id, right.item.customer_id));
  rankings.set(bundle, ranked);
  return ranked;
}

/** Churn probability of active customers, with the model's holdout AUC and coefficients. */
export const churnRiskTool: ScoringTool<typeof ChurnRiskInput, typeof ChurnRiskOutput> = {
  name: "churn_risk",
  description: {
    zh: "流失风险：用本数据集历史(登录与AUM趋势、贷款结清、NPS)训练的逻辑回归，给出活跃客户未来3个月的流失概率，并报告留出集AUC与系数。",
    en: "Churn risk: a logistic regression trained on this dataset's history (login and AUM trends, loans closing, NPS) scores active customers' chance of churning in the next 3 months; reports holdout AUC and coefficients.",
  },
  input: ChurnRiskInput,
  output: ChurnRiskOutput,
  async run(args, context) {
    const { input, asOfDate, settings, branchId } = prepareRun("churn_risk", ChurnRiskInput, args, context);
    const bundle = await churnModelFor(context.engine, asOfDate, settings.churn);
    const { churnModel } = bundle;
    const { model } = churnModel;
    const wanted = input.customer_ids === undefined ? undefined : new Set(input.customer_ids);
    // Filtering the ranked list keeps its order: the ranking is a total order (ties broken by customer_id).
    const qualified = rankedCustomersOf(bundle, monthOf(asOfDate))
      .filter(({ homeBranchId, item }) => {
        if (branchId !== undefined && homeBranchId !== branchId) return false;
        if (input.value_tier !== undefined && item.value_tier !== input.value_tier) return false;
        if (wanted !== undefined && !wanted.has(item.customer_id)) return false;
        return item.churn_probability >= input.min_probability;
      })
      .map(({ item }) => item);
    // Copies: the ranked items stay cached with the model.
    const limited = qualified.slice(0, input.limit).map((item) => ({ ...item, drivers: item.drivers.map((driver) => ({ ...driver, label: { ...driver.label } })) }));
    const raw = rawScaleCoefficients(model);
    return {
      tool: "churn_risk",
      as_of_date: asOfDate,
      ...toResultTable(COLUMNS, limited),
      row_count: qualified.length,
      model: {
        holdout_auc: churnModel.holdoutAuc === null ? null : round(churnModel.holdoutAuc, 4),
        meets_target: churnModel.holdoutAuc !== null && churnModel.holdoutAuc >= TARGET_AUC,
        horizon_months: settings.churn.horizon_months,
        snapshot_months: churnModel.snapshotMonths,
        training_examples: churnModel.trainingExamples,
        training_positives: churnModel.trainingPositives,
        holdout_examples: churnModel.holdoutExamples,
        holdout_positives: churnModel.holdoutPositives,
        intercept: round(model.intercept, 6),
        coefficients: CHURN_FEATURES.map((feature, index) => ({
          feature: feature.name,
          label: { zh: feature.zh, en: feature.en },
          weight: round(model.weights[index], 6),
          raw_weight: round(raw.weights[index], 6),
          mean: round(model.means[index], 6),
          standard_deviation: round(model.standardDeviations[index], 6),
        })),
      },
      items: limited,
    };
  },
};
