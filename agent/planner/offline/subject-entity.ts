/** The entity a question is about: the one its terms describe, else the head noun, else the terms' entity. */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Intent } from "./read-question.ts";
import { possessedRowsEntity } from "./possessed-rows.ts";
import { dimensionApplies } from "./semantic-helpers.ts";

/** The entity a list is about: the head noun (last in Chinese, first in English), else the terms' entity. */
export function subjectEntity(intent: Intent, layer: SemanticLayer): string | undefined {
  const pick = (entities: string[]) => (intent.language === "zh" ? entities[entities.length - 1] : entities[0]);
  // "repayments of customers with rising risk": rows said as another's, whose owner the terms describe, are listed.
  const possessed = possessedRowsEntity(intent, layer);
  if (possessed) return possessed;
  // An entity the question's terms are about wins ("客户还款风险是否上升": customers, not repayments).
  const termEntities = new Set(intent.terms.map((id) => layer.term(id).entity));
  const aboutTerms = intent.entityMentions.filter((entity) => termEntities.has(entity));
  if (aboutTerms.length > 0) return pick(aboutTerms);
  if (intent.entityMentions.length > 0) return pick(intent.entityMentions);
  if (intent.impliedEntities.length > 0) return intent.language === "zh" ? intent.impliedEntities[intent.impliedEntities.length - 1] : intent.impliedEntities[0];
  if (intent.terms.length > 0) return layer.term(intent.terms[0]).entity;
  const attribute = intent.attributes[0]?.options[0];
  if (attribute) return attribute.entity;
  // "已核销的消费贷清单": the one entity owning a value's column (loans.status) that every value said applies to
  // (a consumer loan's product category) names the rows.
  const owners = new Set(intent.values.flatMap((mention) => mention.options.flatMap((option) => layer.entities.filter((entity) => entity.table === layer.dimension(option.dimension).table).map((entity) => entity.id))));
  const fitting = [...owners].filter((entity) => intent.values.every((mention) => mention.options.some((option) => dimensionApplies(layer, option.dimension, entity))));
  if (fitting.length === 1) return fitting[0];
  return undefined;
}
