/**
 * Two values of one dimension compared by a comparative ("which city disbursed more loans, Shanghai or Beijing",
 * "上海和北京哪个放款多"): a list of rows answers no comparison. The rows counted ("more loans") are each value's count;
 * a comparative with nothing counted or measured is declined.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Intent } from "./read-question.ts";
import { countMetricOf } from "./semantic-helpers.ts";

/** A comparative word said on its own ("more loans", "higher"; not "more than 5", which is a number's comparison). */
const ENGLISH_COMPARATIVE = /\b(?:more|fewer|less|higher|lower|bigger|larger|smaller|greater|better|worse)\b(?!\s+than\b)/;
/** "上海和北京哪个放款多", "男客户和女客户哪个流失多": which of them is more, said at the end (not 多少, 最多). */
const CHINESE_COMPARATIVE = /(?:哪|还是).*(?<![最多])[多少高低大小好差](?:一些|一点|些|点)?(?:呢|吗|啊)?\s*\??\s*$/u;

/** English rows counted after the comparative ("more loans", "fewer customers"). */
const COUNTED_ROWS = /\b(?:more|fewer|less)\s+([a-z]+)/;

/**
 * A list question with a comparative ("which gender has more churned customers", "which city disbursed more loans,
 * Shanghai or Beijing"): the intent re-read as each value's count of the rows when two values of one dimension are
 * compared and the rows themselves are counted ("more loans"), "decline" otherwise (a list answers no comparison), or
 * undefined when the question says no comparative.
 */
export function comparedValuesOfRows(intent: Intent, layer: SemanticLayer, entity: string): Intent | "decline" | undefined {
  if (intent.metrics.length > 0 || intent.numbers.length > 0) return undefined;
  // Only the comparative said outside the values' own words.
  let rest = intent.text;
  for (const mention of intent.values) rest = rest.replace(mention.span.text, " ");
  if (!ENGLISH_COMPARATIVE.test(rest) && !CHINESE_COMPARATIVE.test(rest)) return undefined;
  const byDimension = new Map<string, number>();
  for (const mention of intent.values) for (const dimension of new Set(mention.options.map((option) => option.dimension))) byDimension.set(dimension, (byDimension.get(dimension) ?? 0) + 1);
  if (![...byDimension.values()].some((count) => count >= 2)) return "decline";
  const counted = COUNTED_ROWS.exec(rest)?.[1];
  const entityNames = layer.entity(entity).names.en.map((name) => name.toLowerCase());
  const metric = countMetricOf(layer, entity);
  if (!counted || !metric || !entityNames.some((name) => name === counted || `${name}s` === counted)) return "decline";
  return { ...intent, mode: "aggregate", metrics: [metric.id] };
}
