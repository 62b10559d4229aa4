/** Trains the churn model on the dataset's own history (snapshots 6+ months back) and measures its holdout AUC. */
import { CHURN_FEATURES, churnedWithin, churnFeaturesAt, wasActiveAt } from "./churn-features.ts";
import type { CustomerHistory } from "./churn-history.ts";
import { ChurnModelTrainingError } from "./scoring-errors.ts";
import { shiftMonth } from "./scoring-calendar.ts";
import { predictProbability, trainLogisticRegression } from "./logistic-regression.ts";
import type { LogisticModel } from "./logistic-regression.ts";
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
  return trainChurnModelOnSample(sampleChurnHistories(histories, settings.max_customers), asOfMonth, settings);
}

/**
 * The histories the model learns from, ordered by customer_id: all of them, or above `maximum` customers a
 * hash-chosen share (with all their snapshots), so the sample is the same on every run. Cheap; the worker gets only
 * these.
 */
export function sampleChurnHistories(histories: ReadonlyMap<string, CustomerHistory>, maximum: number): Map<string, CustomerHistory> {
  const ids = [...histories.keys()].sort();
  const share = maximum / ids.length;
  const sampled = ids.length <= maximum ? ids : ids.filter((id) => fnv1a32(`sample:${id}`) / 0x1_0000_0000 < share);
  return new Map(sampled.map((id) => [id, histories.get(id) as CustomerHistory]));
}

/**
 * trainChurnModel on an already drawn sample (sampleChurnHistories), in the sample's order: the CPU-heavy part
 * (features of every customer-snapshot, then gradient descent), which churnModelFor runs in a worker thread.
 */
export function trainChurnModelOnSample(sample: ReadonlyMap<string, CustomerHistory>, asOfMonth: string, settings: ScoringSettings["churn"]): ChurnModel {
  const snapshotMonths = Array.from({ length: settings.snapshot_count }, (_, index) => shiftMonth(asOfMonth, -settings.horizon_months - index));
  const examples: Example[] = [];
  for (const month of snapshotMonths) {
    for (const [id, history] of sample) {
      if (!wasActiveAt(history, month) || !history.activity.has(month)) continue;
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
