/**
 * Two values of one dimension compared by a comparative ("which city disbursed more loans, Shanghai or Beijing",
 * "上海和北京哪个放款多"): a list of rows answers no comparison. The rows counted ("more loans") are each value's count;
 * a comparative with nothing counted or measured is declined.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Intent } from "./read-question.ts";
import { countMetricOf } from "./semantic-helpers.ts";

/** A comparative word: more, fewer, 多, 少 (not 多少 "how many", 最多 is a superlative and stays the ranking's). */
const COMPARATIVE = /\b(?:more|fewer|less|higher|lower|bigger|larger|smaller|greater)\b|(?<![最多])[多少高低大小](?![少多])/u;

/** English rows counted after the comparative ("more loans", "fewer customers"). */
const COUNTED_ROWS = /\b(?:more|fewer|less)\s+([a-z]+)/;

/**
 * The intent re-read as each value's count of the rows ("more loans": the loan count per city), "decline" when the
 * comparison has nothing to count, or undefined when the question compares no values of one dimension.
 */
export function comparedValuesOfRows(intent: Intent, layer: SemanticLayer, entity: string): Intent | "decline" | undefined {
  if (intent.metrics.length > 0) return undefined;
  const byDimension = new Map<string, number>();
  for (const mention of intent.values) for (const dimension of new Set(mention.options.map((option) => option.dimension))) byDimension.set(dimension, (byDimension.get(dimension) ?? 0) + 1);
  if (![...byDimension.values()].some((count) => count >= 2)) return undefined;
  // Only the comparative said outside the values' own words.
  let rest = intent.text;
  for (const mention of intent.values) rest = rest.replace(mention.span.text, " ");
  if (!COMPARATIVE.test(rest)) return undefined;
  const counted = COUNTED_ROWS.exec(rest)?.[1];
  const entityNames = layer.entity(entity).names.en.map((name) => name.toLowerCase());
  const metric = countMetricOf(layer, entity);
  if (!counted || !metric || !entityNames.some((name) => name === counted || `${name}s` === counted)) return "decline";
  return { ...intent, mode: "aggregate", metrics: [metric.id] };
}
