/**
 * Ambiguous words (余额, risk) resolved by the rest of the question: the entities it talks about, else the values
 * it filters by and the dimensions it groups by ("房贷余额", "余额前三的产品": only the loan balance can be filtered by
 * product category or grouped by product).
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Ambiguity } from "../../../schema/semantic-layer/types.ts";
import type { Intent } from "./read-question.ts";
import { dimensionApplies } from "./semantic-helpers.ts";

/** What the question says besides the ambiguous word. */
export interface AmbiguityContext {
  entities: Set<string>;
  /** For each value word, the dimensions it may belong to; for each grouping, its dimension. */
  valueDimensions: string[][];
}

/** The entities and value dimensions a question talks about, to resolve ambiguous words. */
export function contextEntities(intent: Intent, layer: SemanticLayer, metrics: string[]): AmbiguityContext {
  const entities = new Set<string>(intent.entityMentions);
  for (const id of intent.terms) entities.add(layer.term(id).entity);
  for (const id of metrics) entities.add(layer.metric(id).entity);
  // "余额前三的产品", "top 3 products by balance": a grouping decides like a value does (only the loan balance can be
  // grouped by product; both can be grouped by city, so "余额按城市" still asks).
  const groupings = intent.groupBy.map((group) => [group.id]);
  return { entities, valueDimensions: [...intent.values.map((mention) => mention.options.map((option) => option.dimension)), ...groupings] };
}

/** The ambiguity's one choice that fits the question, if exactly one does. */
export function resolveAmbiguity(ambiguity: Ambiguity, context: AmbiguityContext, layer: SemanticLayer): string | undefined {
  const byEntity = ambiguity.choices.filter((choice) => context.entities.has(layer.metric(choice).entity));
  if (byEntity.length === 1) return byEntity[0];
  if (byEntity.length > 1 || context.valueDimensions.length === 0) return undefined;
  const byValues = ambiguity.choices.filter((choice) =>
    context.valueDimensions.every((dimensions) => dimensions.some((dimension) => dimensionApplies(layer, dimension, layer.metric(choice).entity))),
  );
  return byValues.length === 1 ? byValues[0] : undefined;
}
