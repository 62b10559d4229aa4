/**
 * The first pass over a plan: every id it names must be a member of the semantic layer, before any other check,
 * so that a typo is always reported as UnknownMemberError with the closest ids.
 */
import type { SemanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import type { AggregateQuery, Filter, ListQuery } from "../plan/query-plan.ts";

function validateFilter(filter: Filter, layer: SemanticLayer): void {
  switch (filter.kind) {
    case "term":
      layer.term(filter.term);
      return;
    case "in":
      layer.dimension(filter.dimension);
      return;
    case "compare":
    case "between":
      layer.attribute(filter.attribute);
      return;
    case "and":
    case "or":
      filter.filters.forEach((inner) => validateFilter(inner, layer));
      return;
    case "not":
      validateFilter(filter.filter, layer);
      return;
    case "related":
      layer.entity(filter.entity);
      filter.filters.forEach((inner) => validateFilter(inner, layer));
      if (filter.time?.dateAttribute) layer.attribute(filter.time.dateAttribute);
  }
}

/**
 * Looks up every member the query names.
 * @throws UnknownMemberError for the first unknown id, in plan order.
 */
export function validateMembers(query: AggregateQuery | ListQuery, layer: SemanticLayer): void {
  if (query.kind === "aggregate") {
    query.metrics.forEach((id) => layer.metric(id));
    query.dimensions.forEach((reference) => layer.dimension(reference.id));
    query.having.forEach((condition) => layer.metric(condition.metric));
    if (query.shareOf) validateFilter(query.shareOf, layer);
    if (query.versusRest) validateFilter(query.versusRest, layer);
  } else {
    layer.entity(query.entity);
    query.attributes.forEach((id) => layer.attribute(id));
    query.order.forEach((order) => layer.attribute(order.by));
  }
  query.filters.forEach((filter) => validateFilter(filter, layer));
  if (query.time?.dateAttribute) layer.attribute(query.time.dateAttribute);
}
