/** Names of semantic-layer members and dimension values in the answer's language, never failing on unknown ids. */
import type { DatasetValue, Language } from "../planner/planner.ts";
import type { MemberKind, SemanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";

/** What naming needs: the semantic layer, the dataset's values, the language. */
export interface NamingContext {
  semanticLayer: SemanticLayer;
  datasetValues: Record<string, DatasetValue[]>;
  language: Language;
}

/** The canonical name of a member in the language, or its id when the layer does not know it. */
export function memberName(context: NamingContext, kind: MemberKind, id: string): string {
  const layer = context.semanticLayer;
  if (!layer.has(kind, id)) return id;
  const member =
    kind === "metric" ? layer.metric(id) : kind === "dimension" ? layer.dimension(id) : kind === "attribute" ? layer.attribute(id) : kind === "term" ? layer.term(id) : layer.entity(id);
  return member.names[context.language][0];
}

/** The label of a stored dimension value ("Shanghai" → "上海", "BR01" → "上海浦东支行"), or the value itself. */
export function dimensionValueName(context: NamingContext, dimensionId: string, value: string): string {
  const layer = context.semanticLayer;
  if (layer.has("dimension", dimensionId)) {
    const known = layer.dimension(dimensionId).values?.find((entry) => entry.value === value);
    if (known) return known.names[context.language][0];
  }
  const fromData = context.datasetValues[dimensionId]?.find((entry) => entry.value === value);
  return fromData ? fromData[context.language] || value : value;
}
