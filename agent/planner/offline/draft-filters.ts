/** Filters from the question's values, terms and numbers, each placed on the dimension or attribute that fits. */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Attribute } from "../../../schema/semantic-layer/types.ts";
import type { Filter } from "../../plan/query-plan.ts";
import { note } from "./build-result.ts";
import type { Build } from "./build-result.ts";
import type { Draft } from "./draft.ts";
import type { NumberMention } from "./number-targets.ts";
import type { Intent } from "./read-question.ts";
import type { Span } from "./scan-question.ts";
import { amountBetweenRowsAndColumn, derivedAmountGuess, rivalMoneyAttributes } from "./ambiguous-amount.ts";
import { statusOfOtherRows } from "./status-of-other-rows.ts";
import { countMetricOf, dimensionCloseness, reachableEntities, termApplies } from "./semantic-helpers.ts";

/** Value filters: each value word on the dimension that fits the entity best, values of one dimension together. */
export function valueFilters(intent: Intent, layer: SemanticLayer, entity: string, build: Build): { filters: Filter[]; multiValued: string[] } {
  const byDimension = new Map<string, string[]>();
  const negatedFilters: Filter[] = [];
  for (const mention of intent.values) {
    const ranked = mention.options
      .map((option) => ({ option, closeness: dimensionCloseness(layer, option.dimension, entity) }))
      .filter((entry) => entry.closeness > 0)
      .sort((left, right) => right.closeness - left.closeness);
    if (ranked.length === 0) {
      note(build, 0.3, `"${mention.span.text}" does not apply to ${entity}`);
      continue;
    }
    const { dimension, value } = ranked[0].option;
    if (ranked[0].closeness < 2 && statusOfOtherRows(intent, layer, entity, dimension, mention.span)) {
      note(build, 0.6, `"${mention.span.text}" is a status of other rows than ${entity}`);
      continue;
    }
    if (intent.negated.has(mention.span)) {
      negatedFilters.push({ kind: "not", filter: { kind: "in", dimension, values: [value] } });
      continue;
    }
    const values = byDimension.get(dimension) ?? [];
    if (!values.includes(value)) values.push(value);
    byDimension.set(dimension, values);
  }
  return {
    filters: [...[...byDimension].map(([dimension, values]): Filter => ({ kind: "in", dimension, values })), ...negatedFilters],
    multiValued: [...byDimension].filter(([, values]) => values.length > 1).map(([dimension]) => dimension),
  };
}

/** Term filters that apply to the entity. */
export function termFilters(intent: Intent, layer: SemanticLayer, entity: string, build: Build): Filter[] {
  const filters: Filter[] = [];
  const bySpan = new Map<Span, Filter>();
  for (const id of intent.terms) {
    if (!termApplies(layer, id, entity)) {
      note(build, 0.3, `term ${id} does not apply to ${entity}`);
      continue;
    }
    const span = intent.termSpans.find((entry) => entry.id === id)?.span;
    const filter: Filter = span && intent.negated.has(span) ? { kind: "not", filter: { kind: "term", term: id } } : { kind: "term", term: id };
    filters.push(filter);
    if (span) bySpan.set(span, filter);
  }
  // "逾期或不良的贷款": terms joined by 或/or are alternatives.
  for (const [left, right] of intent.alternatives) {
    const first = bySpan.get(left);
    const second = bySpan.get(right);
    if (!first || !second) {
      if (!intent.values.some((mention) => mention.span === left) || !intent.values.some((mention) => mention.span === right)) note(build, 0.45, "an alternative that is not two terms");
      continue;
    }
    filters.splice(filters.indexOf(first), 1);
    filters.splice(filters.indexOf(second), 1, { kind: "or", filters: [first, second] });
  }
  return filters;
}

/** The numeric attribute of an entity a bare quantity most likely measures (money → the first money attribute). */
function attributeByUnit(layer: SemanticLayer, entity: string, unit: NumberMention["condition"]["unit"]): Attribute | undefined {
  const own = layer.attributes.filter((attribute) => attribute.entity === entity && attribute.type === "number");
  const defaults = layer.entity(entity).defaultAttributes;
  own.sort((left, right) => (defaults.includes(left.id) ? defaults.indexOf(left.id) : 99) - (defaults.includes(right.id) ? defaults.indexOf(right.id) : 99));
  const fits = (attribute: Attribute) => {
    if (unit === "money") return attribute.format === "money";
    if (unit === "percent") return attribute.format === "rate" || attribute.format === "probability";
    if (unit === "days") return attribute.names.en.some((name) => name.includes("days"));
    if (unit === "age") return attribute.names.en.includes("age");
    return false;
  };
  return own.find(fits);
}

/** Numeric conditions as filters (on attributes) or HAVING conditions (on metrics). */
export function numberConditions(intent: Intent, layer: SemanticLayer, draft: Draft, entity: string, build: Build): void {
  for (const mention of intent.numbers) {
    const { condition, target } = mention;
    // "over 500 loans": a number before an entity noun compares the entity's count metric.
    const countedEntity = target?.senses.find((sense) => sense.kind === "entity" && draft.metrics.includes(countMetricOf(layer, sense.id)?.id ?? ""));
    const targetMetric =
      target?.senses.find((sense) => sense.kind === "metric" && draft.metrics.includes(sense.id)) ??
      (countedEntity?.kind === "entity" ? { kind: "metric" as const, id: countMetricOf(layer, countedEntity.id)?.id as string } : undefined);
    const reachable = reachableEntities(layer, entity);
    const targetAttribute = target?.senses
      .filter((sense): sense is Extract<typeof sense, { kind: "attribute" }> => sense.kind === "attribute")
      .map((sense) => layer.attribute(sense.id))
      .filter((attribute) => attribute.type === "number" && reachable.has(attribute.entity))
      .sort((left, right) => Number(right.entity === entity) - Number(left.entity === entity))[0];
    // A condition on a metric needs groups to hold (HAVING); without groups the number is about the rows.
    if (draft.kind === "aggregate" && targetMetric && targetMetric.kind === "metric" && condition.op && (draft.dimensions.length > 0 || condition.unit === "percent")) {
      draft.having.push({ metric: targetMetric.id, op: condition.op, value: condition.value as number });
      if (draft.dimensions.length === 0) note(build, 0.2, "a condition on a metric without a grouping");
      continue;
    }
    let attribute = targetAttribute;
    if (attribute && target && target.start >= condition.end && amountBetweenRowsAndColumn(intent, layer, condition, attribute)) {
      note(build, 0.6, `"${condition.text}": the rows' amount or ${attribute.id}`);
      continue;
    }
    if (!attribute) {
      attribute = attributeByUnit(layer, entity, condition.unit);
      if (!attribute) {
        // A number that compares nothing known would be dropped silently: decline instead.
        note(build, 0.6, `no attribute for the number "${condition.text}"`);
        continue;
      }
      note(build, 0.15, `"${condition.text}" read as ${attribute.id}`);
      // "total approved amount of applications over 500k": a bare amount on rows with another money column the
      // question speaks of (the approved amount) could compare either; declined rather than guessed.
      if (condition.unit === "money" && (rivalMoneyAttributes(intent, layer, entity, attribute).length > 0 || derivedAmountGuess(layer, entity, attribute))) note(build, 0.6, `"${condition.text}": which amount`);
    }
    if (condition.low !== undefined && condition.high !== undefined) draft.filters.push({ kind: "between", attribute: attribute.id, low: condition.low, high: condition.high });
    else if (condition.op) draft.filters.push({ kind: "compare", attribute: attribute.id, op: condition.op, value: condition.value as number });
    if (draft.kind === "list" && attribute.entity === entity && !draft.attributes.includes(attribute.id)) draft.attributes.push(attribute.id);
  }
}
