/**
 * Follow-up questions change the previous plan instead of starting over: "只看上海" adds a filter, "按产品拆开"
 * adds a dimension, "上个月呢" replaces the period, "其中高价值的呢" adds a term, "前5个" limits, "换成不良率"
 * swaps the metric. A follow-up is recognized by its shape: a leading 那/其中/只看/what about/and/only, a closing
 * 呢, or nothing of its own to measure or list.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Ambiguity } from "../../../schema/semantic-layer/types.ts";
import type { Filter } from "../../plan/query-plan.ts";
import type { Build, BuildResult } from "./build-result.ts";
import { numberConditions, termFilters, valueFilters } from "./draft-filters.ts";
import type { Draft } from "./draft.ts";
import { lastTwelveMonths, timeOf } from "./question-period.ts";
import { rankingDirection, rankingLimit } from "./ranking.ts";
import type { Intent } from "./read-question.ts";
import { contextEntities, resolveAmbiguity } from "./resolve-ambiguity.ts";
import { countMetricOf, dimensionApplies, termApplies, termValues } from "./semantic-helpers.ts";
import { subjectEntity } from "./subject-entity.ts";
import { withoutRowsNamedAsCount } from "./rows-named-in-follow-up.ts";

const MARKERS = new Set(["follow_up", "only", "instead", "add"]);

/** The entity whose rows a draft counts or lists. */
const draftEntity = (draft: Draft, layer: SemanticLayer) => (draft.kind === "list" ? (draft.entity as string) : layer.metric(draft.metrics[0]).entity);

/** Whether the question reads as a change to the previous plan. */
export function isFollowUp(said: Intent, previous: Draft, layer: SemanticLayer): boolean {
  const intent = withoutRowsNamedAsCount(said, previous, layer);
  const leadingMarker = intent.cueSpans.some((entry) => MARKERS.has(entry.cue) && entry.span.start <= 1);
  const closingParticle = /呢\s*[?.!]?\s*$/.test(intent.text);
  const anywhereMarker = intent.cues.has("instead") || /\b(of those|among them|among those|of these|of them)\b/.test(intent.text) || /其中|这些|这里面|它们|他们|她们|这几[个家位笔]/.test(intent.text) || /\b(they|them|their)\b/.test(intent.text);
  const entity = draftEntity(previous, layer);
  const ownEntity = intent.entityMentions.some((mention) => mention !== entity);
  if (intent.mode === "list" && intent.cues.has("list") && ownEntity) return false;
  if (leadingMarker || closingParticle || anywhereMarker) return true;
  // "最高的3个是哪些", "which are the top 5?": a ranking with a list word and nothing of its own to rank ranks the
  // previous answer's rows or groups.
  const ranks = Boolean(intent.limit) || ["top", "bottom", "best", "worst"].some((cue) => intent.cues.has(cue as never));
  const vagueOnlyAsRanking = intent.ambiguities.every((mention) => mention.span.senses.some((sense) => sense.kind === "cue"));
  const nothingOwn = intent.metrics.length === 0 && intent.entityMentions.length === 0 && intent.terms.length === 0 && intent.values.length === 0 && intent.attributes.length === 0 && vagueOnlyAsRanking && intent.groupBy.length === 0;
  if (ranks && nothingOwn && intent.unknownWords.length === 0) return true;
  // "show only the high-value ones": "only" anywhere narrows the previous rows when nothing new is measured.
  if (intent.cues.has("only") && intent.metrics.length === 0 && !ownEntity) return true;
  const modifies =
    intent.values.length > 0 || intent.terms.length > 0 || intent.times.length > 0 || Boolean(intent.limit) || intent.groupBy.length > 0 || Boolean(intent.trendGrain) || intent.numbers.length > 0;
  // "how many are there?": a count of the rows just listed.
  if (intent.cues.has("count") && intent.metrics.length === 0 && intent.entityMentions.length === 0 && intent.terms.length === 0 && previous.kind === "list") return true;
  return intent.metrics.length === 0 && !ownEntity && !intent.cues.has("list") && intent.ambiguities.length === 0 && modifies;
}

/** Replaces filters on the same dimension, adds the rest. */
function mergeFilters(existing: Filter[], added: Filter[], layer: SemanticLayer): Filter[] {
  // The dimension a filter constrains: its own, or the one a term names (高价值客户 is value_tier = high).
  const slot = (filter: Filter): string | undefined =>
    filter.kind === "in" ? filter.dimension : filter.kind === "term" ? termValues(layer, filter.term)[0]?.dimension : undefined;
  // The columns a term's condition reads, leaving out the status every loan term checks: "90+ → what about 30+?"
  // replaces one current_dpd condition with another instead of requiring both.
  const termColumns = (filter: Filter): string | undefined => {
    if (filter.kind !== "term") return undefined;
    const sql = layer.term(filter.term).sql;
    const columns = new Set([...(typeof sql === "string" ? sql : sql.sqlite).matchAll(/\b\w+\.(\w+)\b/g)].map((match) => match[1]).filter((column) => column !== "status"));
    return columns.size > 0 ? [...columns].sort().join(",") : undefined;
  };
  let result = [...existing];
  for (const filter of added) {
    const columns = termColumns(filter);
    if (columns) result = result.filter((candidate) => candidate.kind !== "term" || JSON.stringify(candidate) === JSON.stringify(filter) || termColumns(candidate) !== columns);
    // "loan balance of high value customers → what about medium?": the new value replaces the old one of its dimension.
    const dimension = slot(filter);
    if (dimension) result = result.filter((candidate) => candidate.kind === "in" || slot(candidate) !== dimension);
    if (filter.kind === "in") {
      const index = result.findIndex((candidate) => candidate.kind === "in" && candidate.dimension === filter.dimension);
      if (index >= 0) result[index] = filter;
      else result.push(filter);
    } else if (!result.some((candidate) => JSON.stringify(candidate) === JSON.stringify(filter))) result.push(filter);
  }
  return result;
}

/** Applies a follow-up to the previous draft. */
export function applyFollowUp(said: Intent, previous: Draft, layer: SemanticLayer, asOfDate: string): BuildResult {
  const intent = withoutRowsNamedAsCount(said, previous, layer);
  const build: Build = { penalty: 0, reasons: [] };
  const draft: Draft = structuredClone(previous);
  let changed = false;

  // A new metric (换成不良率 / what about the NPL ratio) replaces the measured ones; a count turns a list into a count.
  const metrics = [...intent.metrics];
  for (const mention of intent.ambiguities) {
    // "NPS by channel" → "最差的是哪个": a ranking word that is also vague ranks what was measured before.
    if (draft.kind === "aggregate" && mention.span.senses.some((sense) => sense.kind === "cue")) continue;
    const ambiguity = layer.ambiguities.find((candidate) => candidate.id === mention.id) as Ambiguity;
    const choice = resolveAmbiguity(ambiguity, contextEntities(intent, layer, draft.kind === "aggregate" ? draft.metrics : []), layer);
    if (!choice) return { kind: "clarify", ambiguity, span: mention.span };
    metrics.push(choice);
  }
  // ("approval rate this month" → "how many wechat applications?": a count of the measured rows named is a count too.)
  const wantsCount = intent.cues.has("count") && metrics.length === 0 && (draft.kind === "list" || intent.entityMentions.includes(draftEntity(draft, layer)));
  const wantsGroups = (intent.groupBy.length > 0 || Boolean(intent.trendGrain)) && draft.kind === "list";
  if (metrics.length === 0 && (wantsCount || wantsGroups)) {
    const count = countMetricOf(layer, draftEntity(draft, layer));
    if (count) metrics.push(count.id);
  }
  if (metrics.length > 0) {
    if (draft.kind === "list") {
      // "进行中的活动有哪些" → "它们的转化率分别多少": a measure of each listed row, grouped by the rows' own key.
      const listed = layer.entity(draft.entity as string);
      const ownKey = layer.dimensions.find((dimension) => dimension.type === "category" && dimension.table === listed.table && dimension.column === listed.key);
      if (/分别|各自|每个|respectively|each of/.test(intent.text) && ownKey && !draft.dimensions.some((dimension) => dimension.id === ownKey.id)) draft.dimensions.push({ id: ownKey.id });
      draft.kind = "aggregate";
      draft.attributes = [];
      draft.order = [];
      draft.limit = undefined;
      delete draft.entity;
    }
    // "also show the NPL ratio" adds a metric; otherwise a new metric replaces the old ones.
    if (intent.cues.has("add") && previous.kind === "aggregate") draft.metrics = [...previous.metrics, ...metrics.filter((id) => !previous.metrics.includes(id))];
    else draft.metrics = metrics;
    const entity = layer.metric(metrics[0]).entity;
    const kept = { dimensions: draft.dimensions.length, filters: draft.filters.length };
    draft.dimensions = draft.dimensions.filter((dimension) => dimensionApplies(layer, dimension.id, entity));
    draft.filters = draft.filters.filter((filter) => {
      if (filter.kind === "in") return dimensionApplies(layer, filter.dimension, entity);
      if (filter.kind === "term") return termApplies(layer, filter.term, entity);
      return true;
    });
    // A narrowing or grouping said before that the new measure cannot keep would be silently dropped: decline.
    if (draft.dimensions.length < kept.dimensions || draft.filters.length < kept.filters) return { kind: "unsupported", reason: "not_understood", detail: "the new measure cannot keep the earlier filters" };
    draft.order = draft.order.map((order) => (layer.has("metric", order.by) ? { ...order, by: metrics[0] } : order));
    draft.having = draft.having.filter((condition) => metrics.includes(condition.metric));
    changed = true;
  }
  const entity = draftEntity(draft, layer);

  if (draft.kind === "aggregate") {
    // "换成按城市看" / "by city instead": the new grouping replaces the old one.
    // "by city instead", "what about by product?" replace the grouping; "按产品拆开", "再按渠道" add to it.
    const adds = intent.cueSpans.some((entry) => entry.cue === "group" && /拆|细分|再|break|split|drill|further/.test(entry.span.text)) || intent.cues.has("add");
    if (intent.groupBy.length > 0 && !adds && (intent.cues.has("instead") || intent.cues.has("follow_up") || /呢\s*[?.!]?\s*$/.test(intent.text)))
      draft.dimensions = draft.dimensions.filter((dimension) => layer.dimension(dimension.id).type === "time");
    for (const group of intent.groupBy) {
      if (!dimensionApplies(layer, group.id, entity)) {
        build.penalty += 0.35;
        continue;
      }
      if (!draft.dimensions.some((dimension) => dimension.id === group.id)) draft.dimensions.push({ id: group.id });
      changed = true;
    }
    if (intent.trendGrain) {
      const time = layer.dimensions.find((dimension) => dimension.type === "time");
      if (time && !draft.dimensions.some((dimension) => dimension.id === time.id)) draft.dimensions.push({ id: time.id, grain: intent.trendGrain });
      if (!draft.period && intent.times.length === 0) draft.period = lastTwelveMonths(asOfDate);
      changed = true;
    }
  } else {
    for (const mention of intent.attributes) {
      const own = mention.options.find((option) => option.entity === entity);
      if (own && !draft.attributes.includes(own.id)) {
        draft.attributes.push(own.id);
        changed = true;
      }
    }
  }

  const values = valueFilters(intent, layer, entity, build);
  const terms = termFilters(intent, layer, entity, build);
  if (values.filters.length + terms.length > 0) {
    draft.filters = mergeFilters(draft.filters, [...values.filters, ...terms], layer);
    changed = true;
  }
  if (draft.kind === "list") {
    for (const id of intent.terms) for (const shown of layer.term(id).showAttributes ?? []) if (layer.attribute(shown).entity === entity && !draft.attributes.includes(shown)) draft.attributes.push(shown);
  }
  if (intent.numbers.length > 0) {
    numberConditions(intent, layer, draft, entity, build);
    changed = true;
  }

  if (intent.times.length > 0 || intent.cues.has("compare") || intent.cues.has("previous_period") || intent.cues.has("year_over_year")) {
    const time = timeOf(intent, asOfDate);
    const earlier = intent.times.length === 1 ? intent.times[0].range : undefined;
    const changing = intent.cues.has("rise") || intent.cues.has("fall") || intent.cues.has("change");
    if (earlier && draft.period && !draft.periodDefaulted && intent.cues.has("compare") && !changing && earlier.end < draft.period.start) {
      // "今年放款金额" → "和去年比呢" / "vs last year?": the period said before and the one said now, a row each.
      draft.compare = { kind: "range", range: earlier, layout: "rows" };
    } else {
      if (time.period) draft.period = time.period;
      if (time.compare) draft.compare = time.compare;
      else if (draft.compare && intent.times.length > 0) draft.compare = { kind: "previous" };
      // "本月审批通过率" → "和上月比呢": a comparison word naming the period before compares the period said before.
      else if (draft.period && intent.cueSpans.some((entry) => entry.cue === "compare" && /上个?月|上期|上季/.test(entry.span.text))) draft.compare = { kind: "previous" };
    }
    draft.periodDefaulted = false;
    changed = true;
  }

  const ranking = ["top", "bottom", "best", "worst", "rank"].some((cue) => intent.cues.has(cue as never)) || Boolean(intent.limit);
  if (ranking) {
    if (draft.kind === "aggregate") {
      const direction = rankingDirection(intent.cues, layer.metric(draft.metrics[0]).direction, intent.limit?.direction) ?? draft.order[0]?.direction ?? "desc";
      if (draft.dimensions.length > 0) draft.order = [{ by: draft.order[0]?.by ?? draft.metrics[0], direction }];
      // "which is the lowest?", "最差的是哪个": one group.
      draft.limit = rankingLimit(intent, /\bwhich (?:one|is)\b|哪个|哪一个|哪家/.test(intent.text) ? false : undefined);
    } else {
      const direction = rankingDirection(intent.cues, "neutral", intent.limit?.direction);
      if (draft.order.length > 0 && direction) draft.order = [{ ...draft.order[0], direction }];
      draft.limit = intent.limit?.count ?? draft.limit ?? 10;
    }
    changed = true;
  }

  if (!changed) return { kind: "unsupported", reason: "not_understood", detail: "follow-up changes nothing" };
  if (subjectEntity(intent, layer) && intent.entityMentions.some((mention) => mention !== entity)) build.penalty += 0.1;
  return { kind: "draft", draft, penalty: build.penalty, reasons: build.reasons };
}
