/** Trains the churn model on the dataset's own history (snapshots 6+ months back) and measures its holdout AUC. */
import type { Engine } from "../engines/engine.ts";
import { CHURN_FEATURES, churnedWithin, churnFeaturesAt, wasActiveAt } from "./churn-features.ts";
import type { CustomerHistory } from "./churn-history.ts";
import { loadCustomerHistories } from "./churn-history.ts";
import { ChurnModelTrainingError } from "./scoring-errors.ts";
import { monthOf, shiftMonth } from "./scoring-calendar.ts";
import { predictProbability, trainLogisticRegression } from "./logistic-regression.ts";
import type { LogisticModel } from "./logistic-regression.ts";
import { ModelCache } from "./model-cache.ts";
import { datasetIdentityOf } from "./model-cache-dataset.ts";
import { rocAuc } from "./roc-auc.ts";
import type { ScoringSettings } from "./scoring-settings.ts";
import { fnv1a32, isHoldout } from "./stable-hash.ts";

/** A trained churn model with how it was trained and how well it ranks held-out customers. */
export interface ChurnModel {
  model: LogisticModel;
  /** Holdout AUC, null when the holdout holds only one class. */
  holdoutAuc: number | null;
  trainingExamples: number;
  trainingPositives: number;
  holdoutExamples: number;
  holdoutPositives: number;
  /** The snapshot months trained on, newest first. */
  snapshotMonths: string[];
}

/** One labelled example: a customer's features at a snapshot month, and whether they churned in the horizon after. */
interface Example {
  features: number[];
  label: number;
  holdout: boolean;
}

/** The months of history the model needs: the oldest snapshot's feature window up to the as-of month. */
export function historyMonthsNeeded(settings: ScoringSettings["churn"]): number {
  return settings.horizon_months + settings.snapshot_count - 1 + 6;
}

/**
 * Builds examples at snapshots M-h, M-h-1, ... (h = horizon), the label "churned within h months after the
 * snapshot", splits them by a hash of customer_id (all of a customer's snapshots on one side), trains on one
 * side and reports the AUC on the other.
 */
export function trainChurnModel(histories: ReadonlyMap<string, CustomerHistory>, asOfMonth: string, settings: ScoringSettings["churn"]): ChurnModel {
  const snapshotMonths = Array.from({ length: settings.snapshot_count }, (_, index) => shiftMonth(asOfMonth, -settings.horizon_months - index));
  const examples: Example[] = [];
  const ids = sampleCustomers([...histories.keys()].sort(), settings.max_customers);
  for (const month of snapshotMonths) {
    for (const id of ids) {
      const history = histories.get(id);
      if (!history || !wasActiveAt(history, month) || !history.activity.has(month)) continue;
      examples.push({
        features: churnFeaturesAt(history, month),
        label: churnedWithin(history, month, settings.horizon_months) ? 1 : 0,
        holdout: isHoldout(id, settings.holdout_share),
      });
    }
  }
  const training = examples.filter((example) => !example.holdout);
  const holdout = examples.filter((example) => example.holdout);
  const trainingPositives = training.filter((example) => example.label === 1).length;
  if (training.length < settings.minimum_examples || trainingPositives < settings.minimum_positives) {
    throw new ChurnModelTrainingError(`${training.length} training examples with ${trainingPositives} churners (need ${settings.minimum_examples} and ${settings.minimum_positives})`, {
      trainingExamples: training.length,
      trainingPositives,
    });
  }
  const model = trainLogisticRegression(
    CHURN_FEATURES.map((feature) => feature.name),
    training.map((example) => example.features),
    training.map((example) => example.label),
    { learningRate: settings.learning_rate, iterations: settings.iterations, l2: settings.l2, momentum: settings.momentum },
  );
  const holdoutAuc = rocAuc(
    holdout.map((example) => predictProbability(model, example.features)),
    holdout.map((example) => example.label),
  );
  return {
    model,
    holdoutAuc,
    trainingExamples: training.length,
    trainingPositives,
    holdoutExamples: holdout.length,
    holdoutPositives: holdout.filter((example) => example.label === 1).length,
    snapshotMonths,
  };
}

/**
 * Keeps training fast on big datasets: above `maximum` customers, a hash-chosen share of them (with all their
 * snapshots) is used, so the sample is the same on every run.
 */
function sampleCustomers(ids: string[], maximum: number): string[] {
  if (ids.length <= maximum) return ids;
  const share = maximum / ids.length;
  return ids.filter((id) => fnv1a32(`sample:${id}`) / 0x1_0000_0000 < share);
}

/** The histories and model of one dataset and as-of date (training is deterministic, so it is done once). */
export interface ChurnModelBundle {
  histories: Map<string, CustomerHistory>;
  churnModel: ChurnModel;
}

/** Trained models kept: a few datasets or settings at once (at scale 1 one bundle holds ~100,000 customer histories). */
export const CHURN_MODEL_CACHE_ENTRIES = 4;

const cache = new ModelCache<ChurnModelBundle>(CHURN_MODEL_CACHE_ENTRIES);
let trainings = 0;

/** How many times a churn model was trained in this process (tests check that a second call reuses the model). */
export function churnModelTrainings(): number {
  return trainings;
}

/**
 * The cache key: the dataset (engine.datasetVersion, else the engine object; plus its meta, so another seed, scale or
 * as-of date never matches), the as-of date, the churn settings (horizon, snapshots, trainer) and the feature list.
 */
async function churnModelKey(engine: Engine, asOfDate: string, settings: ScoringSettings["churn"]): Promise<string> {
  const meta = Object.entries(await engine.meta()).sort(([left], [right]) => left.localeCompare(right));
  const features = CHURN_FEATURES.map((feature) => feature.name);
  return JSON.stringify([datasetIdentityOf(engine), meta, asOfDate, settings, features]);
}

/**
 * Loads the history and trains the model once per dataset, as-of date and churn settings. The key does not depend on
 * the engine object, so the pipeline's per-call guarded wrapper reuses the model; a different dataset file, a
 * regenerated one or another as-of date trains anew.
 */
export async function churnModelFor(engine: Engine, asOfDate: string, settings: ScoringSettings["churn"]): Promise<ChurnModelBundle> {
  const key = await churnModelKey(engine, asOfDate, settings);
  return cache.getOrTrain(key, async () => {
    trainings++;
    const month = monthOf(asOfDate);
    const histories = await loadCustomerHistories(engine, month, historyMonthsNeeded(settings));
    return { histories, churnModel: trainChurnModel(histories, month, settings) };
  });
}
