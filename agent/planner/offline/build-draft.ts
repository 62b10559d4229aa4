/**
 * Builds a draft plan from an intent: picks metrics or the listed entity, turns values, terms and numbers into
 * filters, groupings into dimensions, ranking words into order and limit, and time words into a period and a
 * comparison. Anything it cannot place lowers the confidence; an unresolved ambiguous word asks back.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Ambiguity, Attribute } from "../../../schema/semantic-layer/types.ts";
import type { DateRange, Filter, OrderBy } from "../../plan/query-plan.ts";
import type { Cue } from "./cue-words.ts";
import { addDays, daysInRange, monthOf, monthRange, previousPeriod } from "./date-math.ts";
import type { Comparison, Draft } from "./draft.ts";
import type { Intent, NumberMention } from "./read-question.ts";
import type { Span } from "./scan-question.ts";
import { countMetricOf, dimensionApplies, dimensionCloseness, reachableEntities, termApplies } from "./semantic-helpers.ts";

/** What building a draft came to. */
export type BuildResult =
  | { kind: "draft"; draft: Draft; penalty: number; reasons: string[] }
  | { kind: "clarify"; ambiguity: Ambiguity; span: Span }
  | { kind: "unsupported"; reason: "not_understood" | "pii_request"; detail: string };

/** Confidence lost while building, with the reasons. */
export interface Build {
  penalty: number;
  reasons: string[];
}

export const note = (build: Build, penalty: number, reason: string) => {
  build.penalty += penalty;
  build.reasons.push(reason);
};

/** The entity a list is about: the head noun (last in Chinese, first in English), else the terms' entity. */
export function subjectEntity(intent: Intent, layer: SemanticLayer): string | undefined {
  const pick = (entities: string[]) => (intent.language === "zh" ? entities[entities.length - 1] : entities[0]);
  // An entity the question's terms are about wins ("客户还款风险是否上升": customers, not repayments).
  const termEntities = new Set(intent.terms.map((id) => layer.term(id).entity));
  const aboutTerms = intent.entityMentions.filter((entity) => termEntities.has(entity));
  if (aboutTerms.length > 0) return pick(aboutTerms);
  if (intent.entityMentions.length > 0) return pick(intent.entityMentions);
  if (intent.impliedEntities.length > 0) return intent.language === "zh" ? intent.impliedEntities[intent.impliedEntities.length - 1] : intent.impliedEntities[0];
  if (intent.terms.length > 0) return layer.term(intent.terms[0]).entity;
  const attribute = intent.attributes[0]?.options[0];
  if (attribute) return attribute.entity;
  return undefined;
}

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

/** Value filters: each value word on the dimension that fits the entity best, values of one dimension together. */
export function valueFilters(intent: Intent, layer: SemanticLayer, entity: string, build: Build): { filters: Filter[]; multiValued: string[] } {
  const byDimension = new Map<string, string[]>();
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
    const values = byDimension.get(dimension) ?? [];
    if (!values.includes(value)) values.push(value);
    byDimension.set(dimension, values);
  }
  return {
    filters: [...byDimension].map(([dimension, values]) => ({ kind: "in" as const, dimension, values })),
    multiValued: [...byDimension].filter(([, values]) => values.length > 1).map(([dimension]) => dimension),
  };
}

/** Term filters that apply to the entity. */
export function termFilters(intent: Intent, layer: SemanticLayer, entity: string, build: Build): Filter[] {
  const filters: Filter[] = [];
  for (const id of intent.terms) {
    if (!termApplies(layer, id, entity)) {
      note(build, 0.3, `term ${id} does not apply to ${entity}`);
      continue;
    }
    filters.push({ kind: "term", term: id });
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
    if (!attribute) {
      attribute = attributeByUnit(layer, entity, condition.unit);
      if (!attribute) {
        note(build, 0.4, `no attribute for the number "${condition.text}"`);
        continue;
      }
      note(build, 0.15, `"${condition.text}" read as ${attribute.id}`);
    }
    if (condition.low !== undefined && condition.high !== undefined) draft.filters.push({ kind: "between", attribute: attribute.id, low: condition.low, high: condition.high });
    else if (condition.op) draft.filters.push({ kind: "compare", attribute: attribute.id, op: condition.op, value: condition.value as number });
    if (draft.kind === "list" && attribute.entity === entity && !draft.attributes.includes(attribute.id)) draft.attributes.push(attribute.id);
  }
}

/** The ranking direction the cues ask for, given whether higher values are good news. */
export function rankingDirection(cues: Set<Cue>, direction: "higher_is_better" | "lower_is_better" | "neutral", limitDirection?: "top" | "bottom"): "asc" | "desc" | undefined {
  if (cues.has("bottom") || limitDirection === "bottom") return "asc";
  if (cues.has("top") || limitDirection === "top" || cues.has("rank")) return "desc";
  if (cues.has("best")) return direction === "lower_is_better" ? "asc" : "desc";
  if (cues.has("worst")) return direction === "lower_is_better" ? "desc" : "asc";
  return undefined;
}

/** The period said and how it is compared (two periods with "vs", 环比, 同比, "compared with last month"). */
export function timeOf(intent: Intent, asOfDate: string): { period?: DateRange; compare?: Comparison } {
  const times = [...intent.times].sort((left, right) => left.range.start.localeCompare(right.range.start));
  const comparing = intent.cues.has("compare") || intent.cues.has("previous_period") || intent.cues.has("year_over_year");
  const changing = intent.cues.has("rise") || intent.cues.has("fall") || intent.cues.has("change");
  if (times.length >= 2 && comparing) return { period: times[times.length - 1].range, compare: { kind: "range", range: times[0].range } };
  let period: DateRange | undefined;
  if (times.length >= 1) period = { start: times[0].range.start, end: times.reduce((end, time) => (time.range.end > end ? time.range.end : end), times[0].range.end) };
  if (intent.cues.has("year_over_year")) return { period, compare: { kind: "year" } };
  if (intent.cues.has("previous_period") || changing) return { period, compare: { kind: "previous" } };
  if (intent.cues.has("compare") && period) {
    // "compared with last month": the period said is the earlier one; the current one is the period after it.
    const compareSpan = intent.cueSpans.find((entry) => entry.cue === "compare")?.span;
    const timeStart = intent.times[0].start;
    if (compareSpan && compareSpan.start < timeStart) {
      const days = daysInRange(period);
      const isMonth = period.start.endsWith("-01") && days >= 28 && days <= 31;
      const next = isMonth ? monthRange({ ...monthOf(addDays(period.end, 1)) }) : { start: addDays(period.end, 1), end: addDays(period.end, days) };
      return { period: next.end > asOfDate ? { start: next.start, end: asOfDate } : next, compare: { kind: "range", range: period } };
    }
    return { period, compare: { kind: "range", range: previousPeriod(period) } };
  }
  return { period };
}

/** The limit a ranking implies: said, or one for a singular question (哪个分行), or ten. */
export function rankingLimit(intent: Intent, pluralTarget: boolean | undefined): number | undefined {
  if (intent.limit) return intent.limit.count;
  if (intent.cues.has("singular")) return 1;
  if (intent.cues.has("rank")) return undefined;
  if (intent.language === "en") return pluralTarget === false ? 1 : 10;
  return intent.cues.has("list") ? 10 : 1;
}

/** Builds an aggregate draft. */
function buildAggregate(intent: Intent, layer: SemanticLayer, asOfDate: string, build: Build): BuildResult {
  const metrics = [...intent.metrics];
  for (const mention of intent.ambiguities) {
    const ambiguity = layer.ambiguities.find((candidate) => candidate.id === mention.id) as Ambiguity;
    if (ambiguity.choices.some((choice) => metrics.includes(choice))) continue;
    const choice = resolveAmbiguity(ambiguity, contextEntities(intent, layer, metrics), layer);
    if (!choice) return { kind: "clarify", ambiguity, span: mention.span };
    metrics.push(choice);
  }
  if (metrics.length === 0) {
    // Nothing measured: count the rows the question is about, or the rows its grouping belongs to.
    const entity = subjectEntity(intent, layer) ?? (intent.groupBy[0] ? layer.dimension(intent.groupBy[0].id).table : undefined);
    const count = entity && layer.has("entity", entity) ? countMetricOf(layer, entity) : undefined;
    if (!count) return { kind: "unsupported", reason: "not_understood", detail: "no metric" };
    metrics.push(count.id);
  }
  const entity = layer.metric(metrics[0]).entity;
  // A row attribute named in a metric question ("各分行的贷款余额和利率") is not measured by any metric.
  for (const mention of intent.attributes) {
    if (!intent.numbers.some((number) => number.target === mention.span)) note(build, 0.3, `"${mention.span.text}" is not a metric`);
  }
  for (const id of metrics.slice(1)) {
    if (layer.metric(id).entity !== entity) note(build, 0.1, `metrics ${metrics[0]} and ${id} count different rows`);
  }
  const draft: Draft = { kind: "aggregate", metrics, dimensions: [], filters: [], having: [], order: [], attributes: [] };
  for (const group of intent.groupBy) {
    if (dimensionApplies(layer, group.id, entity)) draft.dimensions.push({ id: group.id });
    else note(build, 0.35, `dimension ${group.id} does not apply to ${entity}`);
  }
  const values = valueFilters(intent, layer, entity, build);
  if (intent.cues.has("share") && draft.dimensions.length === 0 && values.filters.length === 1) {
    // "房贷占贷款余额的比例": a share needs the whole, so group by the value's dimension instead of filtering on it.
    const only = values.filters[0];
    if (only.kind === "in") draft.dimensions.push({ id: only.dimension });
  } else draft.filters.push(...values.filters);
  for (const dimension of values.multiValued) if (!draft.dimensions.some((existing) => existing.id === dimension)) draft.dimensions.push({ id: dimension });
  // "高于平均水平", "average NPL ratio": an average of a metric that is not itself an average is not what we compute.
  const averageCue = intent.cueSpans.find((entry) => entry.cue === "average");
  if (averageCue) note(build, 0.25, "an average of a metric");
  draft.filters.push(...termFilters(intent, layer, entity, build));
  if (intent.trendGrain) {
    const time = layer.dimensions.find((dimension) => dimension.type === "time");
    if (time) draft.dimensions.push({ id: time.id, grain: intent.trendGrain });
  }
  numberConditions(intent, layer, draft, entity, build);
  const { period, compare } = timeOf(intent, asOfDate);
  draft.period = period;
  draft.compare = compare;
  if (!period && intent.trendGrain) {
    draft.period = lastTwelveMonths(asOfDate);
    draft.periodDefaulted = true;
  }
  const direction = rankingDirection(intent.cues, layer.metric(metrics[0]).direction, intent.limit?.direction);
  const categorical = draft.dimensions.filter((dimension) => layer.dimension(dimension.id).type !== "time");
  if (direction && (categorical.length > 0 || intent.trendGrain)) {
    draft.order.push({ by: metrics[0], direction });
    draft.limit = rankingLimit(intent, intent.groupBy[0]?.plural);
  } else if (intent.limit && categorical.length > 0) {
    draft.order.push({ by: metrics[0], direction: "desc" });
    draft.limit = intent.limit.count;
  }
  return { kind: "draft", draft, penalty: build.penalty, reasons: build.reasons };
}

/** The last 12 whole months ending with the as-of month. */
export function lastTwelveMonths(asOfDate: string): DateRange {
  const asOf = monthOf(asOfDate);
  const first = asOf.month === 12 ? { year: asOf.year, month: 1 } : { year: asOf.year - 1, month: asOf.month + 1 };
  return { start: `${first.year}-${String(first.month).padStart(2, "0")}-01`, end: monthRange(asOf).end };
}

/** Builds a list draft. */
function buildList(intent: Intent, layer: SemanticLayer, asOfDate: string, build: Build): BuildResult {
  const entity = subjectEntity(intent, layer);
  if (!entity) return { kind: "unsupported", reason: "not_understood", detail: "no entity" };
  const attributes = [...layer.entity(entity).defaultAttributes];
  const draft: Draft = { kind: "list", entity, metrics: [], dimensions: [], filters: [], having: [], order: [], attributes };
  const add = (id: string) => {
    if (!attributes.includes(id)) attributes.push(id);
  };
  for (const id of intent.terms) for (const shown of layer.term(id).showAttributes ?? []) if (layer.attribute(shown).entity === entity) add(shown);
  const mentioned: { id: string; span: Span }[] = [];
  for (const mention of intent.attributes) {
    const own = mention.options.find((option) => option.entity === entity);
    if (own) {
      add(own.id);
      mentioned.push({ id: own.id, span: mention.span });
    } else note(build, 0.3, `"${mention.span.text}" is not shown for ${entity}`);
  }
  if (intent.cues.has("unmasked") && mentioned.some((entry) => layer.attribute(entry.id).pii)) return { kind: "unsupported", reason: "pii_request", detail: "unmasked" };
  draft.filters.push(...valueFilters(intent, layer, entity, build).filters);
  draft.filters.push(...termFilters(intent, layer, entity, build));
  numberConditions(intent, layer, draft, entity, build);
  const { period } = timeOf(intent, asOfDate);
  draft.period = period;
  const dateMentioned = mentioned.find((entry) => layer.attribute(entry.id).type === "date" && layer.attribute(entry.id).sql !== layer.entity(entity).dateColumn);
  if (period && dateMentioned) draft.dateAttribute = dateMentioned.id;

  const ranking = ["top", "bottom", "best", "worst", "rank"].some((cue) => intent.cues.has(cue as Cue)) || Boolean(intent.limit?.direction);
  if (ranking) {
    const rankCue = intent.cueSpans.find((entry) => ["top", "bottom", "best", "worst", "rank"].includes(entry.cue))?.span;
    const numeric = mentioned.filter((entry) => layer.attribute(entry.id).type === "number");
    const anchor = rankCue?.start ?? 0;
    numeric.sort((left, right) => Math.abs(left.span.start - anchor) - Math.abs(right.span.start - anchor));
    const ambiguous = intent.ambiguities.find((mention) => !numeric.some((entry) => entry.span === mention.span));
    if (numeric.length === 0 && ambiguous) {
      const ambiguity = layer.ambiguities.find((candidate) => candidate.id === ambiguous.id) as Ambiguity;
      return { kind: "clarify", ambiguity, span: ambiguous.span };
    }
    const termOrder = intent.terms.map((id) => layer.term(id).order).find((order) => order && layer.attribute(order.attribute).entity === entity);
    // "biggest overdue loans": with nothing named to rank by, rank by the entity's first money attribute.
    const moneyDefault = layer.entity(entity).defaultAttributes.find((id) => layer.attribute(id).format === "money");
    const by = numeric[0]?.id ?? termOrder?.attribute ?? moneyDefault;
    if (by && by === moneyDefault && !numeric[0] && !termOrder) note(build, 0.15, `ranked by ${by}`);
    if (by) {
      const attribute = layer.attribute(by);
      const direction = rankingDirection(intent.cues, "neutral", intent.limit?.direction) ?? "desc";
      draft.order.push({ by, direction: attribute.id === termOrder?.attribute && !numeric[0] ? termOrder.direction : direction });
      add(by);
    } else note(build, 0.35, "a ranking with nothing to rank by");
    draft.limit = intent.limit?.count ?? (intent.cues.has("singular") ? 1 : 10);
  } else {
    const termOrder = intent.terms.map((id) => layer.term(id).order).find((order) => order && layer.attribute(order.attribute).entity === entity);
    if (termOrder) draft.order.push({ by: termOrder.attribute, direction: termOrder.direction } satisfies OrderBy);
    if (intent.limit) draft.limit = intent.limit.count;
  }
  // An ambiguous measure word in a list ("上海分行的表现") asks for a number the list does not show: ask which.
  for (const mention of intent.ambiguities) {
    if (mentioned.some((entry) => entry.span === mention.span)) continue;
    const ambiguity = layer.ambiguities.find((candidate) => candidate.id === mention.id) as Ambiguity;
    return { kind: "clarify", ambiguity, span: mention.span };
  }
  return { kind: "draft", draft, penalty: build.penalty, reasons: build.reasons };
}

/** Builds the draft for a question on its own (not a follow-up). */
export function buildDraft(intent: Intent, layer: SemanticLayer, asOfDate: string): BuildResult {
  const build: Build = { penalty: 0, reasons: [] };
  // "平均年收入": an average of something that is not a metric cannot be answered from the semantic layer.
  if (intent.cues.has("average") && intent.metrics.length === 0) return { kind: "unsupported", reason: "not_understood", detail: "average of a non-metric" };
  if (intent.mode === "aggregate") return buildAggregate(intent, layer, asOfDate, build);
  if (intent.mode === "list") return buildList(intent, layer, asOfDate, build);
  if (intent.ambiguities.length > 0) {
    const mention = intent.ambiguities[0];
    return buildAggregate({ ...intent, mode: "aggregate" }, layer, asOfDate, build).kind === "draft"
      ? buildAggregate({ ...intent, mode: "aggregate" }, layer, asOfDate, build)
      : { kind: "clarify", ambiguity: layer.ambiguities.find((candidate) => candidate.id === mention.id) as Ambiguity, span: mention.span };
  }
  return { kind: "unsupported", reason: "not_understood", detail: "nothing recognized" };
}
