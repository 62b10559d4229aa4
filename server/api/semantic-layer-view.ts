/** The semantic layer as the UI and integrators read it: metrics, terms and dimensions with names and 口径. */
import { loadDatasetValues } from "../../agent/planner/dataset-values.ts";
import type { DatasetValue } from "../../agent/planner/planner.ts";
import type { SemanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import type { Engine } from "../../tools/engines/engine.ts";

/** Builds the view; values of data-driven dimensions (branches, products, campaigns) are read from the dataset. */
export async function semanticLayerView(layer: SemanticLayer, engine: Engine) {
  const [datasetValues, meta] = await Promise.all([loadDatasetValues(engine, layer).catch(() => ({}) as Record<string, DatasetValue[]>), engine.meta().catch(() => ({}) as Record<string, string>)]);
  return {
    as_of_date: meta.as_of_date ?? null,
    metrics: layer.metrics.map((metric) => ({
      id: metric.id,
      names: metric.names,
      description: metric.description,
      formula: metric.formula,
      format: metric.format,
      direction: metric.direction,
      entity: metric.entity,
    })),
    terms: layer.terms.map((term) => ({ id: term.id, names: term.names, description: term.description, formula: term.formula, entity: term.entity })),
    dimensions: layer.dimensions.map((dimension) => ({
      id: dimension.id,
      names: dimension.names,
      description: dimension.description ?? null,
      type: dimension.type,
      values: dimension.values
        ? dimension.values.map((value) => ({ value: value.value, zh: value.names.zh[0], en: value.names.en[0] }))
        : (datasetValues[dimension.id] ?? []).map(({ value, zh, en }) => ({ value, zh, en })),
    })),
    entities: layer.entities.map((entity) => ({ id: entity.id, names: entity.names })),
  };
}
