/** The compact semantic-layer summary in the system prompt: member ids with their first names, nothing more. */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Names } from "../../../schema/semantic-layer/types.ts";

const label = (id: string, names: Names) => `${id}(${names.zh[0]}/${names.en[0]})`;

/** One line per kind of member; attributes grouped by their entity; pii attributes left out. */
export function summarizeLayer(layer: SemanticLayer): string {
  const attributesByEntity = new Map<string, string[]>();
  for (const attribute of layer.attributes) {
    if (attribute.pii) continue;
    const list = attributesByEntity.get(attribute.entity) ?? [];
    list.push(attribute.id);
    attributesByEntity.set(attribute.entity, list);
  }
  return [
    `Entities: ${layer.entities.map((entity) => label(entity.id, entity.names)).join(", ")}`,
    `Metrics: ${layer.metrics.map((metric) => label(metric.id, metric.names)).join(", ")}`,
    `Dimensions: ${layer.dimensions.map((dimension) => label(dimension.id, dimension.names)).join(", ")}`,
    `Terms: ${layer.terms.map((term) => label(term.id, term.names)).join(", ")}`,
    `Attributes by entity: ${[...attributesByEntity].map(([entity, ids]) => `${entity}: ${ids.join(" ")}`).join("; ")}`,
  ].join("\n");
}
