/** A generic money word (金额) read as the one money total of the rows the question is about. */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Intent } from "./read-question.ts";
import { additiveMetric } from "./semantic-helpers.ts";
import { subjectEntity } from "./subject-entity.ts";

const GENERIC_AMOUNT_WORDS = new Set(["金额", "总金额"]);

/**
 * "即将到期还款的金额": 金额 names no metric, but when the rows the question is about have exactly one money total
 * (installments: the amount due), that total is meant. With several (loans: disbursed, outstanding) it stays unknown.
 */
export function readGenericAmount(intent: Intent, layer: SemanticLayer): Intent {
  if (!intent.unknownWords.some((word) => GENERIC_AMOUNT_WORDS.has(word))) return intent;
  const entity = subjectEntity(intent, layer);
  if (!entity || !layer.has("entity", entity)) return intent;
  const totals = layer.metrics.filter((metric) => metric.entity === entity && metric.format === "money" && additiveMetric(layer, metric.id));
  if (totals.length !== 1) return intent;
  const metrics = intent.metrics.includes(totals[0].id) ? intent.metrics : [...intent.metrics, totals[0].id];
  return { ...intent, mode: "aggregate", metrics, unknownWords: intent.unknownWords.filter((word) => !GENERIC_AMOUNT_WORDS.has(word)) };
}
