/** A generic money word (金额) read as the one money total of the rows the question is about. */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Intent } from "./read-question.ts";
import { countAndAmountWords } from "./count-and-amount.ts";
import { additiveMetric } from "./semantic-helpers.ts";
import { subjectEntity } from "./subject-entity.ts";

const GENERIC_AMOUNT_WORDS = new Set(["金额", "总金额"]);
const GENERIC_AMOUNT_ATTRIBUTE_WORDS = new Set(["amount", "金额", "总金额", "total amount"]);

/**
 * "即将到期还款的金额": 金额 names no metric, but when the rows the question is about have exactly one money total
 * (installments: the amount due), that total is meant. With several (loans: disbursed, outstanding) it stays unknown.
 * So is "how much" asked beside "how many" (count-and-amount.ts).
 */
export function readGenericAmount(intent: Intent, layer: SemanticLayer): Intent {
  const unknown = intent.unknownWords.some((word) => GENERIC_AMOUNT_WORDS.has(word));
  const entity = subjectEntity(intent, layer);
  if (!entity || !layer.has("entity", entity)) return intent;
  // "due soon installments - total amount?": "amount" names another entity's column (a loan's principal); said of
  // rows that lack it, it is that generic word too.
  const foreignAmount = (attribute: Intent["attributes"][number]) =>
    GENERIC_AMOUNT_ATTRIBUTE_WORDS.has(attribute.span.text) && attribute.options.every((option) => option.entity !== entity);
  const borrowed = (intent.mode === "aggregate" || intent.cues.has("total")) && intent.metrics.length === 0 && intent.attributes.some(foreignAmount);
  // "installments due soon - how many and how much?": the amount asked beside the count, with no money measure named.
  const paired = countAndAmountWords(intent.text) !== undefined && intent.metrics.every((id) => layer.metric(id).format !== "money");
  if (!unknown && !borrowed && !paired) return intent;
  const totals = layer.metrics.filter((metric) => metric.entity === entity && metric.format === "money" && additiveMetric(layer, metric.id));
  if (totals.length !== 1) return intent;
  // Borrowed from another entity's column, the word must name that total too ("amount due", not a campaign budget).
  if (!unknown && !paired && ![...totals[0].names.zh, ...totals[0].names.en].some((name) => /amount|金额/.test(name.toLowerCase()))) return intent;
  const metrics = intent.metrics.includes(totals[0].id) ? intent.metrics : [...intent.metrics, totals[0].id];
  return {
    ...intent,
    mode: "aggregate",
    metrics,
    attributes: borrowed ? intent.attributes.filter((attribute) => !foreignAmount(attribute)) : intent.attributes,
    unknownWords: intent.unknownWords.filter((word) => !GENERIC_AMOUNT_WORDS.has(word)),
  };
}
