/** The definitions (口径) a plan relies on: its metrics and terms with their formulas, in the answer's language. */
import type { QueryPlan } from "../plan/query-plan.ts";
import { fragmentTexts } from "../../schema/semantic-layer/semantic-layer.ts";
import type { AnswerDefinition } from "./answer.ts";
import { filtersOf, termsOf } from "./filter-words.ts";
import type { NamingContext } from "./member-names.ts";
import { monthOf } from "./period-words.ts";

/** Metric ids a plan computes, including those only used in HAVING conditions. */
export function metricsOf(plan: QueryPlan): string[] {
  const query = plan.query;
  if (query.kind !== "aggregate") return [];
  return [...new Set([...query.metrics, ...query.having.map((condition) => condition.metric)])];
}

/** The metrics and terms of the plan as answer definitions; unknown ids are skipped (the compiler reports them). */
export function planDefinitions(context: NamingContext, plan: QueryPlan): AnswerDefinition[] {
  const layer = context.semanticLayer;
  const definitions: AnswerDefinition[] = [];
  for (const id of metricsOf(plan)) {
    if (!layer.has("metric", id)) continue;
    const metric = layer.metric(id);
    definitions.push({ id, name: metric.names[context.language][0], formula: metric.formula, description: metric.description[context.language] });
  }
  const query = plan.query;
  const segments = query.kind === "aggregate" ? [query.shareOf, query.versusRest].filter((filter) => filter !== undefined) : [];
  for (const id of termsOf([...filtersOf(query), ...segments])) {
    if (!layer.has("term", id)) continue;
    const term = layer.term(id);
    definitions.push({ id, name: term.names[context.language][0], formula: term.formula, description: term.description[context.language] });
  }
  return definitions;
}

/**
 * The month M of month-based terms and attributes (rising risk, PD this month), when the plan uses any:
 * the plan's referenceMonth, else the as-of month. Undefined when nothing in the plan depends on a month.
 */
export function referenceMonthOf(context: NamingContext, plan: QueryPlan, asOfDate: string): string | undefined {
  const query = plan.query;
  if (query.kind === "tool" || query.kind === "sql") return undefined;
  const layer = context.semanticLayer;
  const segments = query.kind === "aggregate" ? [query.shareOf, query.versusRest].filter((filter) => filter !== undefined) : [];
  const fragments = termsOf([...query.filters, ...segments]).flatMap((id) => (layer.has("term", id) ? fragmentTexts(layer.term(id).sql) : []));
  if (query.kind === "list") for (const id of query.attributes) if (layer.has("attribute", id)) fragments.push(...fragmentTexts(layer.attribute(id).sql));
  const usesMonth = fragments.some((text) => text.includes("{{month}}") || text.includes("{{previous_month}}"));
  return usesMonth || query.referenceMonth ? (query.referenceMonth ?? monthOf(asOfDate)) : undefined;
}
