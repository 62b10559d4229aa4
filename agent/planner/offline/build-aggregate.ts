/** Builds an aggregate draft: metrics (or a count), groupings, filters, HAVING, period, comparison, ranking. */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Ambiguity } from "../../../schema/semantic-layer/types.ts";
import type { Filter } from "../../plan/query-plan.ts";
import { note } from "./build-result.ts";
import type { Build, BuildResult } from "./build-result.ts";
import { numberConditions, termFilters, valueFilters } from "./draft-filters.ts";
import { joinedCountWord } from "./joined-count-word.ts";
import type { Draft } from "./draft.ts";
import { lastTwelveMonths, timeOf } from "./question-period.ts";
import { rankingDirection, rankingLimit } from "./ranking.ts";
import type { Intent } from "./read-question.ts";
import type { Span } from "./scan-question.ts";
import { contextEntities, resolveAmbiguity } from "./resolve-ambiguity.ts";
import { additiveMetric, countMetricOf, dimensionApplies, dimensionMayBeMissing, isStateMetric, isStateTerm } from "./semantic-helpers.ts";
import { subjectEntity } from "./subject-entity.ts";
import { segmentSaidAfterMeasure } from "./share-segment.ts";

/** Builds an aggregate draft. */
export function buildAggregate(intent: Intent, layer: SemanticLayer, asOfDate: string, build: Build): BuildResult {
  const metrics = [...intent.metrics];
  for (const mention of intent.ambiguities) {
    const ambiguity = layer.ambiguities.find((candidate) => candidate.id === mention.id) as Ambiguity;
    if (ambiguity.choices.some((choice) => metrics.includes(choice))) continue;
    const choice = resolveAmbiguity(ambiguity, contextEntities(intent, layer, metrics), layer);
    // "审批通过率最好的渠道": a ranking word that is also vague (最好, best) only asks back when nothing is measured.
    if (!choice && metrics.length > 0 && mention.span.senses.some((sense) => sense.kind === "cue")) continue;
    if (!choice) return { kind: "clarify", ambiguity, span: mention.span };
    metrics.push(choice);
  }
  if (metrics.length === 0) {
    // Nothing measured: count the rows the question is about, or the rows its grouping belongs to.
    // An attribute alone ("利率多少") names no rows to count: only entities, terms or groupings do.
    const namesRows = intent.entityMentions.length > 0 || intent.impliedEntities.length > 0 || intent.terms.length > 0;
    const entity = (namesRows ? subjectEntity(intent, layer) : undefined) ?? (intent.groupBy[0] ? layer.dimension(intent.groupBy[0].id).table : undefined);
    const count = entity && layer.has("entity", entity) ? countMetricOf(layer, entity) : undefined;
    if (!count) return { kind: "unsupported", reason: "not_understood", detail: "no metric" };
    metrics.push(count.id);
  }
  // "How many overdue loans are there and what's their balance?": a count said next to rows is measured too.
  const counted = countedRows(intent, layer);
  if (counted && !metrics.includes(counted) && metrics.length > 0 && layer.metric(counted).entity === layer.metric(metrics[0]).entity) metrics.unshift(counted);
  // "count and balance of overdue loans", "数量和余额": a count word joined to the measure counts the measured rows.
  // (Only of the rows the measure itself sums: a measure with its own condition, 不良贷款余额, or over other rows than the
  // count's, active loans' balance beside all loans, would count other rows; then the count word stays unaccounted.)
  const joinedCount = joinedCountWord(intent.text) && !metrics.some((id) => layer.metric(id).format === "count") ? countMetricOf(layer, layer.metric(metrics[0]).entity) : undefined;
  const sameRows = (id: string) =>
    !/\bCASE\b/i.test(typeof layer.metric(id).sql === "string" ? (layer.metric(id).sql as string) : JSON.stringify(layer.metric(id).sql)) &&
    (JSON.stringify(layer.metric(id).filter) === JSON.stringify(joinedCount?.filter) || intent.terms.some((term) => layer.term(term).entity === joinedCount?.entity));
  if (joinedCount && metrics.every((id) => layer.metric(id).entity === joinedCount.entity && sameRows(id))) metrics.unshift(joinedCount.id);
  const entity = layer.metric(metrics[0]).entity;
  // A row attribute named in a metric question ("各分行的贷款余额和利率") is not measured by any metric.
  // A date of the measured rows with a period ("下个月结束的活动有几个", "本月到期的贷款笔数") dates them instead.
  const { period: saidPeriod } = timeOf(intent, asOfDate);
  let dateAttribute: string | undefined;
  for (const mention of intent.attributes) {
    const date = mention.options.find((option) => option.entity === entity && layer.attribute(option.id).type === "date");
    if (date && saidPeriod && !dateAttribute) {
      // The rows' own date ("未来十天到期的还款": due_date) is the default; another date replaces it.
      if (layer.attribute(date.id).sql !== (layer.metric(metrics[0]).dateColumn ?? layer.entity(entity).dateColumn)) dateAttribute = date.id;
      continue;
    }
    if (!intent.numbers.some((number) => number.target === mention.span)) note(build, 0.3, `"${mention.span.text}" is not a metric`);
  }
  for (const id of metrics.slice(1)) {
    if (layer.metric(id).entity !== entity) note(build, 0.1, `metrics ${metrics[0]} and ${id} count different rows`);
  }
  const draft: Draft = { kind: "aggregate", metrics, dimensions: [], filters: [], having: [], order: [], attributes: [], ...(dateAttribute ? { dateAttribute } : {}) };
  if (intent.contextDimensions > 0) note(build, 0.1, "a dimension word read as context");
  for (const group of intent.groupBy) {
    if (dimensionApplies(layer, group.id, entity)) draft.dimensions.push({ id: group.id });
    else note(build, 0.35, `dimension ${group.id} does not apply to ${entity}`);
  }
  const values = valueFilters(intent, layer, entity, build);
  const singleShare = intent.cues.has("share") && draft.dimensions.length === 0 && values.multiValued.length === 0;
  draft.filters.push(...values.filters);
  for (const dimension of values.multiValued) if (!draft.dimensions.some((existing) => existing.id === dimension)) draft.dimensions.push({ id: dimension });
  // "各风险等级的客户数", "拒绝原因分布": the groups are the dimension's values; rows with none (customers without a
  // grade that month, applications not rejected) are no group of the question.
  for (const dimension of draft.dimensions) {
    const known = layer.dimension(dimension.id).values?.map((entry) => entry.value) ?? [];
    const filtered = draft.filters.some((filter) => filter.kind === "in" && filter.dimension === dimension.id);
    if (known.length > 0 && !filtered && dimensionMayBeMissing(layer, dimension.id, entity)) draft.filters.push({ kind: "in", dimension: dimension.id, values: known });
  }
  // "高于平均水平", "average NPL ratio": an average of a metric that is not itself an average is not what we compute.
  const averageCue = intent.cueSpans.find((entry) => entry.cue === "average");
  if (averageCue) note(build, 0.25, "an average of a metric");
  const terms = termFilters(intent, layer, entity, build);
  draft.filters.push(...terms);
  if (singleShare) {
    // "低价值客户占比", "young customers as a share of all customers", "房贷占贷款余额的比例": the share one segment (a
    // term or a value) makes of all the rows, one number. With two candidate segments it is unclear which is the
    // part and which the whole ("上海的房贷占比"), and a rate or an average has no parts that add up: declined.
    // A period term (新客户: onboarded in the period) is the whole the share is of, never the segment.
    let segments = [...values.filters, ...terms.filter((filter) => !(filter.kind === "term" && layer.term(filter.term).needsPeriod))];
    // ("what share of the consumer loan book is 90+": said before the measure narrows the whole, after it is the part.)
    const part = segments.length > 1 ? segmentSaidAfterMeasure(segments, intent, layer, metrics[0]) : undefined;
    if (part) segments = [part];
    if (segments.length !== 1) return { kind: "unsupported", reason: "not_understood", detail: "a share of no single segment" };
    if (!metrics.every((id) => additiveMetric(layer, id))) return { kind: "unsupported", reason: "not_understood", detail: "a share of a measure that does not add up" };
    // "逾期贷款占比": a state term (active loans only) against all rows of every status mixes two wholes; the state
    // metrics (余额) already count active rows only.
    const segment = segments[0];
    if (segment.kind === "term" && isStateTerm(layer.term(segment.term)) && !metrics.every((id) => isStateMetric(layer.metric(id))))
      return { kind: "unsupported", reason: "not_understood", detail: "a state term's share of rows of every status" };
    draft.shareOf = segments[0];
    draft.filters = draft.filters.filter((filter) => filter !== segments[0]);
  }
  if (intent.trendGrain) {
    const time = layer.dimensions.find((dimension) => dimension.type === "time");
    if (time) draft.dimensions.push({ id: time.id, grain: intent.trendGrain });
    // "近6个月放款金额按月及环比", "month over month for the last 6 months": each bucket against the one before.
    const changeWord = intent.cues.has("previous_period") || intent.cues.has("change") || intent.cues.has("rise") || intent.cues.has("fall");
    if (time && changeWord) draft.bucketChange = true;
  }
  // "各地区贷款余额占比", "share of loan count by risk class": each group's share of the whole, for counts and sums.
  if (intent.cues.has("share") && draft.dimensions.some((dimension) => layer.dimension(dimension.id).type !== "time")) {
    if (metrics.every((id) => additiveMetric(layer, id))) draft.share = true;
    else note(build, 0.3, "a share of a measure that does not add up over groups");
    // "share of balance 90+ days past due, by city", "各城市贷款余额中90+的占比": a segment said after the measure is
    // the part of each group's whole (the segment's share within each group), not the groups' shares of the segment.
    const candidates = draft.filters.filter((filter) => (filter.kind === "term" && !layer.term(filter.term).needsPeriod) || (filter.kind === "in" && !draft.dimensions.some((dimension) => dimension.id === filter.dimension) && !values.multiValued.includes(filter.dimension)));
    const part = draft.share && candidates.length > 0 ? segmentSaidAfterMeasure(candidates, intent, layer, metrics[0]) : undefined;
    if (part) {
      if (part.kind === "term" && isStateTerm(layer.term(part.term)) && !metrics.every((id) => isStateMetric(layer.metric(id))))
        return { kind: "unsupported", reason: "not_understood", detail: "a state term's share of rows of every status" };
      draft.share = undefined;
      draft.shareOf = part;
      draft.filters = draft.filters.filter((filter) => filter !== part);
    }
  }
  numberConditions(intent, layer, draft, entity, build);
  if (intent.restOf) {
    // "年轻客户和其他客户的逾期率对比": the segment's filter becomes the two sides, not a filter of all rows.
    const segment = segmentFilter(intent, intent.restOf, draft.filters);
    if (!segment || draft.share || draft.shareOf || intent.trendGrain) return { kind: "unsupported", reason: "not_understood", detail: "a segment against the rest" };
    draft.filters = draft.filters.filter((filter) => filter !== segment);
    draft.versusRest = segment;
  }
  const { period, compare } = timeOf(intent, asOfDate);
  draft.period = period;
  draft.compare = compare;
  if (draft.versusRest && compare) return { kind: "unsupported", reason: "not_understood", detail: "a segment against the rest, compared over periods" };
  if (draft.shareOf && (compare || intent.trendGrain || draft.having.length > 0)) return { kind: "unsupported", reason: "not_understood", detail: "a segment's share compared or over time" };
  if (!period && intent.trendGrain) {
    draft.period = lastTwelveMonths(asOfDate);
    draft.periodDefaulted = true;
  }
  const direction = rankingDirection(intent.cues, layer.metric(metrics[0]).direction, intent.limit?.direction);
  const categorical = draft.dimensions.filter((dimension) => layer.dimension(dimension.id).type !== "time");
  if (direction && (categorical.length > 0 || intent.trendGrain)) {
    draft.order.push({ by: metrics[0], direction });
    draft.limit = rankingLimit(intent, categorical.length > 0 ? intent.groupBy[0]?.plural : intent.trendPlural);
    // "获客成本最低的5个活动": a ratio is NULL where its denominator is 0 (no applications), and NULL sorts first
    // ascending; such groups have no value to rank. Only ratios that are never negative (not scores such as NPS).
    const ranked = layer.metric(metrics[0]);
    if (direction === "asc" && ranked.kind === "ratio" && ranked.format !== "score" && !ranked.multiplier && !draft.having.some((condition) => condition.metric === ranked.id)) {
      draft.having.push({ metric: ranked.id, op: "gte", value: 0 });
    }
  } else if (intent.limit && categorical.length > 0) {
    draft.order.push({ by: metrics[0], direction: "desc" });
    draft.limit = intent.limit.count;
  }
  return { kind: "draft", draft, penalty: build.penalty, reasons: build.reasons };
}

/**
 * The count metric of rows the question counts beside another measure: right after 多少/how many ("how many
 * overdue loans"), or anywhere with a counting word that names a count (多少笔, how many, number of).
 */
function countedRows(intent: Intent, layer: SemanticLayer): string | undefined {
  // "放了多少笔贷款": a counting classifier after 多少 counts even where 多少 belongs to a metric's own words.
  const explicitCount =
    /多少[笔个位家条户]/.test(intent.text) ||
    intent.cueSpans.some((entry) => entry.cue === "count" && (/笔|个|位|家|条|how many|number of/.test(entry.span.text) || /^[笔个位家条户]/.test(intent.text.slice(entry.span.end))));
  if (explicitCount) {
    const entity = intent.terms[0] ? layer.term(intent.terms[0]).entity : intent.entityMentions[0];
    const metric = entity ? countMetricOf(layer, entity) : undefined;
    if (metric) return metric.id;
  }
  for (const { cue, span } of intent.cueSpans) {
    if (cue !== "count") continue;
    const next = [...intent.termSpans.map((entry) => entry.span)].find((candidate) => candidate.start >= span.end && candidate.start - span.end <= 1);
    const term = next ? intent.termSpans.find((entry) => entry.span === next)?.id : undefined;
    const entity = term ? layer.term(term).entity : undefined;
    const metric = entity ? countMetricOf(layer, entity) : undefined;
    if (metric) return metric.id;
  }
  return undefined;
}

/** The filter a term or value word became (a term, or a one-value `in` on one of the word's dimensions). */
function segmentFilter(intent: Intent, span: Span, filters: Filter[]): Filter | undefined {
  const termId = intent.termSpans.find((entry) => entry.span === span)?.id;
  if (termId) return filters.find((filter) => filter.kind === "term" && filter.term === termId);
  const options = intent.values.find((mention) => mention.span === span)?.options ?? [];
  return filters.find((filter) => filter.kind === "in" && filter.values.length === 1 && options.some((option) => option.dimension === filter.dimension && option.value === filter.values[0]));
}
