/** Ambiguous words (余额, risk) resolved by the entities the rest of the question talks about. */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Ambiguity } from "../../../schema/semantic-layer/types.ts";
import type { Intent } from "./read-question.ts";

/** Entities the question talks about, to resolve ambiguous words. */
export function contextEntities(intent: Intent, layer: SemanticLayer, metrics: string[]): Set<string> {
  const entities = new Set<string>(intent.entityMentions);
  for (const id of intent.terms) entities.add(layer.term(id).entity);
  for (const id of metrics) entities.add(layer.metric(id).entity);
  return entities;
}

/** The ambiguity's one choice whose entity the question already talks about, if exactly one. */
export function resolveAmbiguity(ambiguity: Ambiguity, entities: Set<string>, layer: SemanticLayer): string | undefined {
  const fitting = ambiguity.choices.filter((choice) => entities.has(layer.metric(choice).entity));
  return fitting.length === 1 ? fitting[0] : undefined;
}
