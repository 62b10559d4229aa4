/**
 * Rows said as belonging to other rows the question's terms describe ("repayments of customers with rising risk",
 * "还款风险上升客户的还款记录"): the possessed rows are the ones listed, filtered by their owner's term.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Intent } from "./read-question.ts";
import { termApplies } from "./semantic-helpers.ts";

const escape = (text: string) => text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The entity said as the head of a possessive whose owner is another entity the terms describe: "X of Y" in English,
 * "Y的X" in Chinese, X and Y both entity words of the question. Undefined when there is none, or when a term cannot
 * describe X's rows (then the question keeps its other reading, and the accounting check declines a dropped word).
 */
export function possessedRowsEntity(intent: Intent, layer: SemanticLayer): string | undefined {
  const termEntities = new Set(intent.terms.map((id) => layer.term(id).entity));
  const owners = intent.entityMentions.filter((entity) => termEntities.has(entity));
  const heads = intent.entityMentions.filter((entity) => !termEntities.has(entity));
  if (owners.length !== 1 || heads.length !== 1) return undefined;
  const names = (entity: string) => {
    const { zh, en } = layer.entity(entity).names;
    return (intent.language === "zh" ? zh : en).map(escape).sort((left, right) => right.length - left.length).join("|");
  };
  const [owner, head] = [owners[0], heads[0]];
  const pattern =
    intent.language === "zh"
      ? new RegExp(`(?:${names(owner)})的(?:${names(head)})`)
      : new RegExp(`\\b(?:${names(head)})s?\\s+(?:of|for|belonging to|held by)\\s+(?:the\\s+|our\\s+|all\\s+|those\\s+)?(?:[a-z-]+\\s+){0,3}?(?:${names(owner)})`);
  if (!pattern.test(intent.text)) return undefined;
  return intent.terms.every((id) => termApplies(layer, id, head)) ? head : undefined;
}
