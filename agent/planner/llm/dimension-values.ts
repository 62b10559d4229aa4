/** Checks that "in" filters name values a dimension really has (never invented ones), suggesting the closest. */
import { closestIds } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Filter } from "../../plan/query-plan.ts";
import type { DatasetValue } from "../planner.ts";
import { UnknownDimensionValueError } from "./llm-planner-errors.ts";
import { allowedValues } from "./semantic-retrieval.ts";

/**
 * Walks the filters; for a dimension with known values (an enumeration or the dataset's), every value must be one
 * of the stored keys. A label instead of a key ("上海" for "Shanghai") is refused with the key as the suggestion.
 * @throws UnknownDimensionValueError
 */
export function checkDimensionValues(filters: readonly Filter[], layer: SemanticLayer, datasetValues: Record<string, DatasetValue[]>): void {
  for (const filter of filters) {
    switch (filter.kind) {
      case "and":
      case "or":
        checkDimensionValues(filter.filters, layer, datasetValues);
        break;
      case "not":
        checkDimensionValues([filter.filter], layer, datasetValues);
        break;
      case "in": {
        if (!layer.has("dimension", filter.dimension)) break; // the compiler names unknown dimensions
        const allowed = allowedValues(layer.dimension(filter.dimension), datasetValues);
        if (!allowed) break;
        const keys = allowed.map((entry) => entry.value);
        for (const value of filter.values) {
          if (keys.includes(value)) continue;
          const byLabel = allowed.find((entry) => [entry.zh, entry.en].some((name) => name.toLowerCase() === value.toLowerCase()));
          throw new UnknownDimensionValueError(filter.dimension, value, byLabel ? [byLabel.value] : closestIds(value, keys, 5));
        }
        break;
      }
      default:
        break;
    }
  }
}
