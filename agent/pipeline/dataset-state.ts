/** What the pipeline reads from a dataset once: its as-of date, the values of data-driven dimensions, the guard policy. */
import { loadDatasetValues } from "../planner/dataset-values.ts";
import type { DatasetValue } from "../planner/planner.ts";
import { LendLensError } from "../../schema/errors.ts";
import type { SemanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { guardPolicyFor } from "../../tools/sql-executor.ts";
import type { GuardPolicy } from "../../tools/sql-guard/guard-policy.ts";

/** Facts about one dataset the pipeline needs for every question. */
export interface DatasetState {
  asOfDate: string;
  datasetValues: Record<string, DatasetValue[]>;
  policy: GuardPolicy;
}

/** The dataset has no usable as-of date in its meta table. */
export class DatasetMetaError extends LendLensError {
  constructor(found: string | undefined) {
    super(
      "DATASET_META_INVALID",
      { zh: `数据集缺少有效的数据日期(meta.as_of_date = ${found ?? "无"})`, en: `The dataset has no valid as-of date (meta.as_of_date = ${found ?? "missing"})` },
      { audience: "internal", details: { found } },
    );
  }
}

/** Reads the as-of date and dataset values, and builds the guard policy (unless one is given). */
export async function loadDatasetState(engine: Engine, layer: SemanticLayer, policy?: GuardPolicy): Promise<DatasetState> {
  const [meta, datasetValues, guardPolicy] = await Promise.all([engine.meta(), loadDatasetValues(engine, layer), policy ?? guardPolicyFor(engine)]);
  const asOfDate = meta.as_of_date;
  if (!asOfDate || !/^\d{4}-\d{2}-\d{2}$/.test(asOfDate)) throw new DatasetMetaError(asOfDate);
  return { asOfDate, datasetValues, policy: guardPolicy };
}
