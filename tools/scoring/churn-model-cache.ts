/** Trains the churn model once per dataset, as-of date and settings, and keeps it with the statements that fed it. */
import type { Engine } from "../engines/engine.ts";
import { CHURN_FEATURES } from "./churn-features.ts";
import type { CustomerHistory } from "./churn-history.ts";
import { loadCustomerHistories } from "./churn-history.ts";
import type { ChurnModel } from "./churn-model.ts";
import { historyMonthsNeeded } from "./churn-model.ts";
import { trainChurnModelInWorker } from "./churn-training-thread.ts";
import { ModelCache } from "./model-cache.ts";
import { datasetIdentityOf } from "./model-cache-dataset.ts";
import { reportReusedStatements, withRecordedStatements } from "./model-source-statements.ts";
import { monthOf } from "./scoring-calendar.ts";
import type { ScoringSettings } from "./scoring-settings.ts";

/** The histories and model of one dataset and as-of date (training is deterministic, so it is done once). */
export interface ChurnModelBundle {
  histories: Map<string, CustomerHistory>;
  churnModel: ChurnModel;
  /** The statements that read the history, as executed (on a recording engine): a reusing call reports them too. */
  statements: string[];
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
 * regenerated one or another as-of date trains anew. The history is read here (the engine's SQL runs off the main
 * thread already); features and training run in a worker thread. A call that reuses the model reports the
 * statements that built it to the engine (model-source-statements.ts), so its answer still shows its SQL.
 */
export async function churnModelFor(engine: Engine, asOfDate: string, settings: ScoringSettings["churn"]): Promise<ChurnModelBundle> {
  const key = await churnModelKey(engine, asOfDate, settings);
  let trainedByThisCall = false;
  const bundle = await cache.getOrTrain(key, async () => {
    trainedByThisCall = true;
    trainings++;
    const month = monthOf(asOfDate);
    const { value: histories, statements } = await withRecordedStatements(engine, () => loadCustomerHistories(engine, month, historyMonthsNeeded(settings)));
    const { churnModel } = await trainChurnModelInWorker(histories, month, settings);
    return { histories, churnModel, statements };
  });
  if (!trainedByThisCall) reportReusedStatements(engine, bundle.statements);
  return bundle;
}
