/** A bottom position said with no measure ("垫底的客户", "bottom customers"): last by what is not said, so declined. */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Intent } from "./read-question.ts";

/**
 * Words that say a place at the bottom of a ranking and nothing of what is ranked. (Size words, "最小的贷款", name
 * their measure's kind and are read elsewhere.)
 */
const BOTTOM_POSITION = /垫底|倒数(?!第)|末尾|排名后|排名靠后|排后|靠后|(?<![a-z])(?:bottom|last[- ]ranked|lowest[- ]ranked|bottom[- ]ranked)(?![a-z])/u;

/**
 * Whether the question asks for the bottom of a ranking with no metric, numeric attribute, vague measure word or
 * term with its own order to rank by: the planner would pick a default column (a customer's loan balance), which the
 * question never said.
 */
export function unmeasuredBottomRanking(intent: Intent, layer: SemanticLayer): boolean {
  if (!BOTTOM_POSITION.test(intent.text)) return false;
  if (intent.metrics.length > 0 || intent.ambiguities.length > 0) return false;
  if (intent.attributes.some((mention) => mention.options.some((option) => layer.attribute(option.id).type === "number"))) return false;
  return !intent.terms.some((id) => layer.term(id).order);
}
