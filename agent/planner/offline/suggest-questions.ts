/**
 * Questions the planner can answer, built from the semantic layer, offered when a question is declined. They are
 * phrased so that the offline planner itself answers them.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Metric } from "../../../schema/semantic-layer/types.ts";
import type { Language } from "../planner.ts";
import { dimensionApplies, nameOf } from "./semantic-helpers.ts";

/** The first category dimension with values that applies to a metric's entity, for "by X" suggestions. */
function groupingFor(layer: SemanticLayer, metric: Metric) {
  return layer.dimensions.find((dimension) => dimension.type === "category" && (dimension.values || dimension.valuesFrom) && dimensionApplies(layer, dimension.id, metric.entity));
}

/**
 * Three questions the planner answers: a metric this month, a metric by a dimension, and a list of a term's rows.
 * Metrics related to the entities in `related` come first.
 */
export function suggestQuestions(layer: SemanticLayer, language: Language, related: string[] = []): string[] {
  const metrics = [...layer.metrics].sort((left, right) => Number(related.includes(right.entity)) - Number(related.includes(left.entity)));
  const first = metrics.find((metric) => metric.format === "rate") ?? metrics[0];
  const second = metrics.find((metric) => metric !== first && metric.entity !== first.entity && groupingFor(layer, metric)) ?? metrics.find((metric) => metric !== first) ?? first;
  const term = layer.terms.find((candidate) => related.includes(candidate.entity) && !candidate.needsPeriod) ?? layer.terms.find((candidate) => !candidate.needsPeriod) ?? layer.terms[0];
  const dimension = groupingFor(layer, second);
  const suggestions =
    language === "zh"
      ? [`本月的${nameOf(first.names, "zh")}是多少?`, dimension ? `按${nameOf(dimension.names, "zh")}看${nameOf(second.names, "zh")}` : `${nameOf(second.names, "zh")}是多少?`, `列出${nameOf(term.names, "zh")}`]
      : [`What is the ${nameOf(first.names, "en")} this month?`, dimension ? `${capitalize(nameOf(second.names, "en"))} by ${nameOf(dimension.names, "en")}` : `What is the ${nameOf(second.names, "en")}?`, `List ${nameOf(term.names, "en")}`];
  return suggestions;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
