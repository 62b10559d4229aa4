/**
 * Turns the scanned spans into what the question asks for (an intent): the mode (aggregate or list), metrics,
 * subject entity, groupings, values, terms, attributes, numbers, time words and cues. Words with several senses
 * (客户数 is a metric and an entity; 分行 is an entity and a dimension) are resolved from the rest of the question.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { TimeGrain } from "../../plan/query-plan.ts";
import type { Language } from "../planner.ts";
import type { Cue } from "./cue-words.ts";
import type { Sense } from "./lexicon.ts";
import type { NumberCondition } from "./number-expressions.ts";
import { findNumberMentions } from "./number-targets.ts";
import type { NumberMention } from "./number-targets.ts";
import { bareDimensionBeforeMetric } from "./bare-dimension-grouping.ts";
import { allMembersForTotal, quantifiedGrouping } from "./quantified-dimensions.ts";
import { decideMode, strongMetricSpans } from "./question-mode.ts";
import { countMetricOf, termValues } from "./semantic-helpers.ts";
import type { LimitMatch, ScannedQuestion, Span } from "./scan-question.ts";
import type { TimeMatch } from "./time-expressions.ts";
import { rowsBeforeOwnDimension, rowsDescribedByValue, valueBeforeRows } from "./value-described-rows.ts";

/** Words between a dimension's name and the value it is set to ("目标客群设定为高价值", "target is set to high value"). */
const AIMING_COPULA = /^\s*(?:设定为|设定成|设置为|设置成|设为|定为|是|为|等于|is set to|set to|is|are|equals?)\s*$/;

/** What the question asks for, before it becomes a plan. */
export interface Intent {
  language: Language;
  text: string;
  mode: "aggregate" | "list" | undefined;
  metrics: string[];
  /** Metrics only suggested by words with other senses too ("customers"), used when no other metric is named. */
  entity?: string;
  entityMentions: string[];
  /** Entities named inside term words ("overdue customers" → customers). */
  impliedEntities: string[];
  groupBy: { id: string; plural: boolean }[];
  trendGrain?: TimeGrain;
  /** Whether the time word was plural ("which months" vs "which month"). */
  trendPlural?: boolean;
  values: { span: Span; options: { dimension: string; value: string }[] }[];
  terms: string[];
  /** Where each term was said (for negation and alternatives). */
  termSpans: { id: string; span: Span }[];
  /** Term and value words said with a negation before them (非高价值客户, not in Shanghai). */
  negated: Set<Span>;
  /** Pairs of term or value words joined by 或/or. */
  alternatives: [Span, Span][];
  attributes: { span: Span; options: { id: string; entity: string }[] }[];
  ambiguities: { id: string; span: Span }[];
  times: TimeMatch[];
  numbers: NumberMention[];
  limit?: LimitMatch;
  cues: Set<Cue>;
  cueSpans: { cue: Cue; span: Span }[];
  unknownWords: string[];
  /** The term or value word compared with everyone else ("年轻客户和其他客户", "high-value vs the rest"). */
  restOf?: Span;
  /** Dimension words said without anything asking for groups (read as context, not grouped). */
  contextDimensions: number;
  /** The dimension words read as context, with the rows the word also names (活动: campaigns). */
  contextGroupings?: { id: string; rows?: string; span?: Span }[];
  fuzzyMatches: number;
  /** A plain count or quantity with no comparison (a "5" that may be a limit). */
  bareNumbers: NumberCondition[];
}

const TREND_GRAINS: Partial<Record<Cue, TimeGrain>> = { trend_month: "month", trend_quarter: "quarter", trend_year: "year", trend_day: "day" };

const sensesOf = <K extends Sense["kind"]>(span: Span, kind: K) => span.senses.filter((sense): sense is Extract<Sense, { kind: K }> => sense.kind === kind);
const has = (span: Span | undefined, kind: Sense["kind"]) => Boolean(span?.senses.some((sense) => sense.kind === kind));

/** A copula between rows and the word describing them ("customers that are currently active", "客户中目前是活跃的"). */
const COPULA_AFTER_ROWS = /^\s*(?:(?:(?:that|who|which)\s+)?(?:are|is|were|was|remain|remains|stay|stays)\s+(?:(?:currently|still|now|presently)\s+)?|(?:中|里)?(?:目前|当前|现在|仍然|仍|还)?(?:是|为|处于|仍)?(?=\S)|中|里)\s*$/;

const COUNT_WORDS = /^(?:笔数|个数|数量|数目|\s*count|\s*number)$/;

/** A term name followed by a count word ("在贷笔数"): the term and its entity's count metric. */
function countedTerm(text: string, layer: SemanticLayer): { term: string; metric: string } | undefined {
  for (const term of layer.terms) {
    for (const name of [...term.names.zh, ...term.names.en]) {
      const lower = name.toLowerCase();
      if (!text.startsWith(lower) || !COUNT_WORDS.test(text.slice(lower.length))) continue;
      const metric = countMetricOf(layer, term.entity);
      if (metric) return { term: term.id, metric: metric.id };
    }
  }
  return undefined;
}

/** Reads the scanned question into an intent. */
export function readQuestion(scanned: ScannedQuestion, layer: SemanticLayer, language: Language, options: { previousKind?: "aggregate" | "list" } = {}): Intent {
  const spans = scanned.spans;
  const cues = new Set<Cue>();
  const cueSpans: { cue: Cue; span: Span }[] = [];
  const content: Span[] = [];
  let trendGrain: TimeGrain | undefined;
  let trendPlural: boolean | undefined;
  for (const span of spans) {
    // "how many borrowers fall in each risk grade": "fall in/into" is belonging to a group, not a decline.
    const belongs = /^\s+(?:in|into|under|within)\b/.test(scanned.text.slice(span.end));
    const spanCues = sensesOf(span, "cue").filter((sense) => !(sense.cue === "fall" && belongs && /^fall/.test(span.text)));
    for (const sense of spanCues) {
      cues.add(sense.cue);
      cueSpans.push({ cue: sense.cue, span });
      trendGrain ??= TREND_GRAINS[sense.cue];
    }
    // The time dimension's words (月份, month) are a trend even where a month column of some table shares the name.
    const timeOnly =
      span.senses.length > 0 &&
      span.senses.every((sense) => sense.kind === "cue" || sense.kind === "attribute" || (sense.kind === "dimension" && layer.dimension(sense.id).type === "time")) &&
      span.senses.some((sense) => sense.kind === "cue" || sense.kind === "dimension");
    if (timeOnly) {
      // The time dimension's own names (月份, month, 趋势) ask for a trend by month.
      if (span.senses.some((sense) => sense.kind === "dimension")) {
        trendGrain ??= "month";
        trendPlural ??= Boolean(span.plural);
      }
      continue;
    }
    content.push(span);
  }
  // A metric name said only beside a period (本月贷款金额) is no metric without one: it stays the column's name.
  if (!spans.some((span) => span.time))
    for (const span of content) span.senses = span.senses.filter((sense) => !(sense.kind === "metric" && sense.needsPeriod));
  // "risk grade E": an ambiguous word that begins the name of the next value's dimension belongs to that name.
  const partOfValueName = (span: Span, next: Span | undefined) =>
    has(span, "ambiguity") &&
    Boolean(next) &&
    (next as Span).start - span.end <= 1 &&
    sensesOf(next as Span, "value").some((sense) => [...layer.dimension(sense.dimension).names.zh, ...layer.dimension(sense.dimension).names.en].some((name) => name.toLowerCase().startsWith(span.text)));
  for (let index = content.length - 2; index >= 0; index--) if (partOfValueName(content[index], content[index + 1])) content.splice(index, 1);
  // A number right after a top cue ("the top 5", "最高的3个") is a limit.
  let limit: LimitMatch | undefined = spans.find((span) => span.limit)?.limit;

  const strongMetrics = strongMetricSpans(content);
  const mode = decideMode({ spans, content, cues, limit, trendGrain, previousKind: options.previousKind }, layer);
  const hasList = cues.has("list");
  const hasCount = cues.has("count");
  const { numbers, bareNumbers } = findNumberMentions(spans, layer);
  const numberTargets = new Set(numbers.map((number) => number.target).filter((target): target is Span => Boolean(target)));

  const metrics: string[] = [];
  const entityMentions: string[] = [];
  const groupBy: Intent["groupBy"] = [];
  const values: Intent["values"] = [];
  const terms: string[] = [];
  const termSpans: Intent["termSpans"] = [];
  const attributes: Intent["attributes"] = [];
  const ambiguities: Intent["ambiguities"] = [];
  /** Rows a grouping word also names (活动 is the campaign dimension and the campaigns). */
  const groupRows = new Map<string, string>();
  /** Where each grouping word was first said. */
  const groupSpans = new Map<string, Span>();
  const addGroup = (id: string, span: Span) => {
    if (!groupBy.some((group) => group.id === id)) groupBy.push({ id, plural: Boolean(span.plural) });
    if (!groupSpans.has(id)) groupSpans.set(id, span);
    const rows = sensesOf(span, "entity")[0];
    if (rows && !groupRows.has(id)) groupRows.set(id, rows.id);
  };
  for (const span of strongMetrics) for (const sense of sensesOf(span, "metric")) if (!metrics.includes(sense.id)) metrics.push(sense.id);
  // "Pudong branch", "浦东的分行": a dimension word right next to one of its values names that value.
  const qualifiesValue = (span: Span) =>
    sensesOf(span, "dimension").some((dimension) =>
      content.some(
        (other) =>
          other !== span &&
          sensesOf(other, "value").some((value) => value.dimension === dimension.id) &&
          (Math.abs(other.end - span.start) <= 1 || Math.abs(span.end - other.start) <= 1),
      ),
    );
  /** Whether a word naming the dimension is said right beside the span ("网点" + "渠道"). */
  const namedBeside = (span: Span, dimension: string) =>
    content.some((other) => other !== span && sensesOf(other, "dimension").some((sense) => sense.id === dimension) && (Math.abs(other.end - span.start) <= 1 || Math.abs(span.end - other.start) <= 1));

  const rowNames = new Set(layer.entities.flatMap((entity) => [...entity.names.zh, ...entity.names.en].map((name) => name.toLowerCase())));
  const measureSpans = content.filter((other) => has(other, "metric") || has(other, "ambiguity"));
  /** A span that is a metric's name (not only the rows' name; 客户数 is both) said next to another measure word with only a conjunction between. */
  const joinedToMetric = (span: Span) =>
    (!rowNames.has(span.text) || /(?:数|数量)$/.test(span.text)) &&
    measureSpans.some((other) => other !== span && /^\s*(?:和|与|及|以及|跟|、|,|and|&)\s*$/.test(scanned.text.slice(Math.min(span.end, other.end), Math.max(span.start, other.start))));
  /** The tables of the rows named right after a span ("active customers" → customers). */
  const namedRowsTables = (span: Span) =>
    new Set(content.filter((other) => other.start >= span.end && other.start - span.end <= 1).flatMap((other) => sensesOf(other, "entity").map((entity) => layer.entity(entity.id).table)));
  // "customers that are currently active", "how many customers are still active": rows said before a copula name the
  // rows the word after it describes, as rows said right after it do (a count of them counts those rows).
  const rowsBeforeCopula = (span: Span) => {
    const previous = content[content.indexOf(span) - 1];
    if (!previous || !COPULA_AFTER_ROWS.test(scanned.text.slice(previous.end, span.start))) return [];
    const counted = sensesOf(previous, "metric").map((sense) => layer.metric(sense.id)).filter((metric) => metric.format === "count" && countMetricOf(layer, metric.entity)?.id === metric.id);
    return [...sensesOf(previous, "entity").map((entity) => layer.entity(entity.id).table), ...counted.map((metric) => layer.entity(metric.entity).table)];
  };
  const describedRowsTables = (span: Span) => new Set([...namedRowsTables(span), ...rowsBeforeCopula(span)]);
  /** Rows said right before a possessive ('s, 的) and other rows or a measure word. */
  const ownsNextRows = (span: Span) =>
    content.some((other) => other.start >= span.end && (has(other, "metric") || has(other, "entity")) && /^\s*(?:'s|'|的)\s*$/.test(scanned.text.slice(span.end, other.start)));

  // "高价值客户和低价值客户": term words that are values of one dimension, said together, compare that dimension's
  // values (value_tier in high, low) instead of requiring both terms at once.
  const valuesOf = (span: Span) => [...sensesOf(span, "value"), ...sensesOf(span, "term").flatMap((sense) => termValues(layer, sense.id))];
  const valueDimensionCounts = new Map<string, number>();
  for (const span of content) for (const dimension of new Set(valuesOf(span).map((sense) => sense.dimension))) valueDimensionCounts.set(dimension, (valueDimensionCounts.get(dimension) ?? 0) + 1);
  const compared = (span: Span) => valuesOf(span).filter((sense) => (valueDimensionCounts.get(sense.dimension) ?? 0) >= 2);
  const comparedValues = (span: Span) => compared(span).length > 0;

  // "campaigns that target high-value customers", "面向高价值客户的活动": a term right after a dimension word whose
  // column has the same value codes (target_tier 'high') names that dimension's value; the dimension word is placed.
  const aimedValues = (span: Span) => {
    const previous = content[content.indexOf(span) - 1];
    // ("目标客群设定为高价值的活动", "campaigns whose target is set to high value": a copula between them still aims.)
    if (!previous || (span.start - previous.end > 1 && !AIMING_COPULA.test(scanned.text.slice(previous.end, span.start)))) return [];
    const meant = sensesOf(span, "term").flatMap((sense) => termValues(layer, sense.id));
    return sensesOf(previous, "dimension").flatMap((dimension) =>
      meant.filter((entry) => entry.dimension !== dimension.id && (layer.dimension(dimension.id).values ?? []).some((candidate) => candidate.value === entry.value)).map((entry) => ({ dimension: dimension.id, value: entry.value })),
    );
  };
  const aimingWords = new Set(content.filter((span, index) => index + 1 < content.length && aimedValues(content[index + 1]).length > 0));
  for (const span of content) {
    if (strongMetrics.includes(span)) continue;
    // "branch vs mobile app": with a comparison, a word that is also a value of the compared dimension is that value.
    const comparing = cues.has("compare") && (has(span, "entity") || has(span, "dimension"));
    if ((has(span, "term") || comparing) && comparedValues(span)) {
      values.push({ span, options: compared(span).map(({ dimension, value }) => ({ dimension, value })) });
      continue;
    }
    const metricSenses = sensesOf(span, "metric");
    const entitySenses = sensesOf(span, "entity");
    const termSenses = sensesOf(span, "term");
    const dimensionSenses = sensesOf(span, "dimension").filter((sense) => layer.dimension(sense.id).type !== "time");
    const attributeSenses = sensesOf(span, "attribute");
    const valueSenses = sensesOf(span, "value");
    const ambiguitySenses = sensesOf(span, "ambiguity");

    if (span.number || span.time || span.limit) continue;
    // The word a number compares ("超过2笔在贷") is an attribute, whatever else it may mean.
    // So is a measure word compared with a number and said of the rows that carry it ("申请金额超过50万的申请有多少"):
    // those rows are filtered and counted, not summed.
    const rowsNamed = attributeSenses.some((attribute) => content.some((other) => other !== span && sensesOf(other, "entity").some((entity) => entity.id === attribute.entity)));
    // An ambiguous measure word compared per group ("余额超过1000万的支行") is still a measure to ask about.
    const measuredAmbiguity = mode === "aggregate" && ambiguitySenses.length > 0 && !rowsNamed;
    if (numberTargets.has(span) && attributeSenses.length > 0 && (metricSenses.length === 0 || rowsNamed) && !measuredAmbiguity) {
      attributes.push({ span, options: attributeSenses.map(({ id, entity }) => ({ id, entity })) });
      continue;
    }
    if (termSenses.length > 0 && metricSenses.length > 0) {
      // "NPL": the NPL ratio when measured, NPL loans when counted or listed.
      // "M3+ balance": another measured word next to it makes it the rows' filter too.
      const measuredElsewhere = content.some((other) => other !== span && has(other, "ambiguity"));
      // "M1+贷款笔数", "NPL loan count": a count of the term's own rows said right after it counts those rows.
      const next = content[content.indexOf(span) + 1];
      const countsTermRows =
        next !== undefined &&
        /^\s*(?:的|'s)?\s*$/.test(scanned.text.slice(span.end, next.start)) &&
        sensesOf(next, "metric").some((sense) => layer.metric(sense.id).format === "count" && termSenses.some((term) => layer.term(term.id).entity === layer.metric(sense.id).entity));
      const asTerm = hasCount || hasList || mode === "list" || metrics.length > 0 || measuredElsewhere || countsTermRows || content.some((other) => other !== span && has(other, "entity") && !has(other, "metric"));
      if (asTerm) {
        terms.push(...termSenses.map((sense) => sense.id).filter((id) => !terms.includes(id)));
        termSpans.push(...termSenses.map((sense) => ({ id: sense.id, span })));
      }
      else if (mode === "aggregate") metrics.push(...metricSenses.map((sense) => sense.id).filter((id) => !metrics.includes(id)));
      continue;
    }
    if (aimingWords.has(span)) continue;
    const aimed = aimedValues(span);
    if (aimed.length > 0) {
      values.push({ span, options: aimed });
      continue;
    }
    // "active customers", "活跃客户": a word that is a term of other rows (active loans) and a value of the named rows'
    // own column (customers.status) is that value.
    const ownValues = valueSenses.filter((sense) => describedRowsTables(span).has(layer.dimension(sense.dimension).table));
    if (termSenses.length > 0 && ownValues.length > 0 && termSenses.every((sense) => !describedRowsTables(span).has(layer.entity(layer.term(sense.id).entity).table))) {
      values.push({ span, options: ownValues.map(({ dimension, value }) => ({ dimension, value })) });
      continue;
    }
    if (termSenses.length > 0) {
      for (const sense of termSenses) if (!terms.includes(sense.id)) terms.push(sense.id);
      termSpans.push(...termSenses.map((sense) => ({ id: sense.id, span })));
      continue;
    }
    // "at the Guangzhou branches", "unsecured products only": rows described by a value beside a measure are the
    // value's filter, not a grouping by those rows.
    const otherMeasure = content.some((other) => other !== span && (has(other, "metric") || has(other, "ambiguity")));
    if (mode === "aggregate" && otherMeasure && rowsDescribedByValue(span, spans, scanned.text, layer)) continue;
    // "balance by customer value tier": rows named before their own dimension say whose column it is, beside a measure.
    if (mode === "aggregate" && otherMeasure && rowsBeforeOwnDimension(span, spans, scanned.text, layer)) continue;
    // "secured products": a dimension's name that is also its value, said right before rows carrying it, is the value.
    if (valueSenses.length > 0 && valueBeforeRows(span, spans, scanned.text, layer)) {
      values.push({ span, options: valueSenses.map(({ dimension, value }) => ({ dimension, value })) });
      continue;
    }
    // "the branch channel": a row word that is also a value of the dimension named right beside it is that value
    // (before a grouping by the rows, which nothing asked for).
    const valuesNamedRightBeside = entitySenses.length > 0 ? valueSenses.filter((sense) => namedBeside(span, sense.dimension)) : [];
    if (valuesNamedRightBeside.length > 0) {
      values.push({ span, options: valuesNamedRightBeside.map(({ dimension, value }) => ({ dimension, value })) });
      continue;
    }
    if (mode === "aggregate" && dimensionSenses.length > 0 && metricSenses.length === 0) {
      addGroup(dimensionSenses[0].id, span);
      continue;
    }
    if (metricSenses.length > 0 && mode === "aggregate" && entitySenses.length === 0 && termSenses.length === 0) {
      // "贷款余额和逾期率": a metric word that is also a row attribute is measured in an aggregate.
      for (const sense of metricSenses) if (!metrics.includes(sense.id)) metrics.push(sense.id);
      continue;
    }
    if (metricSenses.length > 0) {
      // "客户数和预警数": a metric's own name (not the rows' name) joined to another measure word asks for both.
      if (mode === "aggregate" && entitySenses.length > 0 && joinedToMetric(span)) {
        for (const sense of metricSenses) if (!metrics.includes(sense.id)) metrics.push(sense.id);
        continue;
      }
      // "customer's alerts", "客户的预警": rows said as the owner of other rows name them, not a count of their own.
      if (mode === "aggregate" && entitySenses.length > 0 && ownsNextRows(span)) {
        entityMentions.push(entitySenses[0].id);
        continue;
      }
      const hasOtherMetric = strongMetrics.length > 0;
      if (mode === "aggregate" && !hasOtherMetric && !(hasCount && entitySenses.length > 0 && metricSenses.every((sense) => layer.metric(sense.id).format === "count"))) {
        for (const sense of metricSenses) if (!metrics.includes(sense.id)) metrics.push(sense.id);
        continue;
      }
      if (mode === "aggregate" && hasCount && entitySenses.length > 0) {
        entityMentions.push(entitySenses[0].id);
        continue;
      }
      if (entitySenses.length > 0) entityMentions.push(entitySenses[0].id);
      if (attributeSenses.length > 0) attributes.push({ span, options: attributeSenses.map(({ id, entity }) => ({ id, entity })) });
      continue;
    }
    // "网点渠道": a row word (网点, branches) that is also a value of the dimension named right beside it is that value.
    const valuesNamedBeside = valueSenses.filter((sense) => namedBeside(span, sense.dimension));
    if (entitySenses.length > 0 && valuesNamedBeside.length > 0) {
      values.push({ span, options: valuesNamedBeside.map(({ dimension, value }) => ({ dimension, value })) });
      continue;
    }
    if (entitySenses.length > 0) {
      if (mode === "aggregate" && dimensionSenses.length > 0) addGroup(dimensionSenses[0].id, span);
      else if (!qualifiesValue(span)) entityMentions.push(entitySenses[0].id);
      continue;
    }
    if (ambiguitySenses.length > 0) {
      if (mode === "list" && attributeSenses.length > 0) attributes.push({ span, options: attributeSenses.map(({ id, entity }) => ({ id, entity })) });
      ambiguities.push({ id: ambiguitySenses[0].id, span });
      continue;
    }
    if (dimensionSenses.length > 0 && mode !== "list") {
      addGroup(dimensionSenses[0].id, span);
      continue;
    }
    // "各支行的在贷笔数": measured by groups, a per-row count attribute that is a term name plus a count word reads
    // as the term's rows counted (在贷 + 笔数), not as an attribute of some other entity.
    const counted = mode === "aggregate" && attributeSenses.length > 0 && !numberTargets.has(span) ? countedTerm(span.text, layer) : undefined;
    // "各城市客户的在贷笔数" names other rows (customers): left to the attribute reading.
    const otherRows = counted && content.some((other) => other !== span && !has(other, "dimension") && sensesOf(other, "entity").some((entity) => entity.id !== layer.term(counted.term).entity));
    if (counted && !otherRows) {
      if (!terms.includes(counted.term)) terms.push(counted.term);
      termSpans.push({ id: counted.term, span });
      if (!metrics.includes(counted.metric)) metrics.push(counted.metric);
      continue;
    }
    // "微信渠道", "the mobile app channel": the dimension's own name beside its value is part of the value mention.
    if (attributeSenses.length > 0 && qualifiesValue(span)) continue;
    if (attributeSenses.length > 0) {
      attributes.push({ span, options: attributeSenses.map(({ id, entity }) => ({ id, entity })) });
      continue;
    }
    if (valueSenses.length > 0) {
      values.push({ span, options: valueSenses.map(({ dimension, value }) => ({ dimension, value })) });
      continue;
    }
  }

  // Metrics in the order they were said.
  const saidAt = (id: string) => content.find((span) => span.senses.some((sense) => sense.kind === "metric" && sense.id === id))?.start ?? 0;
  metrics.sort((left, right) => saidAt(left) - saidAt(right));

  // "风险等级为E", "grade E": a short raw value right after its dimension's word (too short to be a word of its own).
  for (const span of content) {
    for (const dimension of sensesOf(span, "dimension")) {
      const after = /^\s*(?:为|是|=|:|等于|of|is)?\s*([a-z0-9+<-]{1,5})(?![a-z0-9])/.exec(scanned.text.slice(span.end));
      const value = after ? layer.dimension(dimension.id).values?.find((candidate) => candidate.value.toLowerCase() === after[1]) : undefined;
      if (!after || !value) continue;
      const start = span.end + after[0].length - after[1].length;
      if (spans.some((other) => other.start <= start && start < other.end)) continue;
      values.push({ span: { start, end: start + after[1].length, text: after[1], senses: [{ kind: "value", dimension: dimension.id, value: value.value }] }, options: [{ dimension: dimension.id, value: value.value }] });
      groupBy.splice(0, groupBy.length, ...groupBy.filter((group) => group.id !== dimension.id));
    }
  }

  // "微信渠道", "房贷产品": a dimension word next to one of its values names the value, it does not group.
  const qualifiers = new Set<string>();
  for (const span of content) {
    const dimension = sensesOf(span, "dimension")[0];
    if (!dimension) continue;
    const named = values.some(
      (mention) => mention.options.some((option) => option.dimension === dimension.id) && (Math.abs(mention.span.end - span.start) <= 1 || Math.abs(span.end - mention.span.start) <= 1),
    );
    if (named) qualifiers.add(dimension.id);
    // "total balance across all branches": all members said for one total is the whole, not a grouping.
    if (allMembersForTotal(scanned.text, span.start)) qualifiers.add(dimension.id);
  }
  // A dimension word groups only when something asks for groups: 按/各/by/per, a ranking or list word (哪个分行,
  // top branches), a share, or a name that says distribution (年龄分布). Otherwise it is context ("上海分行的不良率").
  const comparesGroups = numbers.some((number) => Boolean(number.target?.senses.some((sense) => sense.kind === "metric" || sense.kind === "entity")));
  const asksForGroups =
    comparesGroups ||
    // "男女客户各有多少", "房贷和车贷分别是多少": a distributive 各/分别 after the groups asks for each group's figure.
    /各(?:有|是|为|占|自)|分别|respectively/.test(scanned.text) ||
    cues.has("group") || cues.has("list") || cues.has("top") || cues.has("bottom") || cues.has("best") || cues.has("worst") || cues.has("rank") || cues.has("share") || Boolean(limit?.direction);
  const groupingName = (id: string) => content.some((span) => sensesOf(span, "dimension").some((sense) => sense.id === id) && /^[各每]|分布|distribution|breakdown|构成/.test(span.text));
  // "男女客户数": a dimension word right before the rows' name, not beside any value, sorts those rows into its groups.
  const beforeRows = (id: string) =>
    values.length === 0 &&
    content.some((span) => sensesOf(span, "dimension").some((sense) => sense.id === id) && !has(span, "entity") && content.some((next) => next.start === span.end && has(next, "entity")));
  // "NPL ratio of every branch", "所有城市的逾期率": a dimension word after a word for each (or all) of its members.
  const quantified = (id: string) => content.some((span) => sensesOf(span, "dimension").some((sense) => sense.id === id) && quantifiedGrouping(scanned.text, span.start));
  // "分行贷款余额": a bare dimension word right before the one metric asked groups it (bare-dimension-grouping.ts).
  const bareBeforeMetric = (id: string) => values.length === 0 && terms.length === 0 && bareDimensionBeforeMetric(scanned.text, content, id);
  const grouped = groupBy.filter((group) => !qualifiers.has(group.id) && (asksForGroups || groupingName(group.id) || beforeRows(group.id) || quantified(group.id) || bareBeforeMetric(group.id)));
  // "活动有几个", "下个月结束的活动有几个": a word of rows and groups that groups nothing names the rows.
  // Only when nothing else names what is measured: "email campaigns", "上海分行" qualify values, not name rows.
  const nothingElse = metrics.length === 0 && terms.length === 0 && values.length === 0 && entityMentions.length === 0;
  const namedRows = nothingElse ? groupBy.filter((group) => !grouped.includes(group) && !qualifiers.has(group.id) && groupRows.has(group.id)) : [];
  for (const group of namedRows) if (!entityMentions.includes(groupRows.get(group.id) as string)) entityMentions.push(groupRows.get(group.id) as string);
  const contextOnly = groupBy.length - grouped.length - groupBy.filter((group) => qualifiers.has(group.id)).length - namedRows.length;
  const contextGroupings = groupBy.filter((group) => !grouped.includes(group) && !qualifiers.has(group.id) && !namedRows.includes(group)).map((group) => ({ id: group.id, rows: groupRows.get(group.id), span: groupSpans.get(group.id) }));

  if (!limit && (cues.has("top") || cues.has("bottom") || cues.has("best") || cues.has("worst"))) {
    const count = bareNumbers.find((number) => Number.isInteger(number.value) && (number.value ?? 0) > 0 && (number.value ?? 0) <= 1000 && (number.unit === "plain" || number.unit === "count"));
    if (count?.value) limit = { count: count.value };
  }

  // "overdue customers", "逾期客户": a term word that ends in an entity's name says which rows are meant.
  const impliedEntities: string[] = [];
  // Term words ("overdue customers"), then value words ("education loans") that end in the name of other rows than
  // their dimension's own ("Pudong branch" is a branch, which qualifies the rows rather than naming them).
  const namingSpans = [...content.filter((span) => has(span, "term")), ...content.filter((span) => !has(span, "term") && has(span, "value"))];
  for (const span of namingSpans) {
    const ownTables = new Set(valuesOf(span).map((sense) => layer.dimension(sense.dimension).table));
    for (const entity of layer.entities) {
      if (!has(span, "term") && ownTables.has(entity.table)) continue;
      const named = [...entity.names.zh, ...entity.names.en].some((name) => {
        const lower = name.toLowerCase();
        return /^[a-z ]+$/.test(lower) ? new RegExp(`\\b${lower}s?\\b`).test(span.text) : lower.length >= 2 && span.text.endsWith(lower);
      });
      if (named && !impliedEntities.includes(entity.id)) impliedEntities.push(entity.id);
    }
  }

  // Negations and alternatives bind to the filter word next to them; only function words may sit between.
  const filterSpans = [...termSpans.map((entry) => entry.span), ...values.map((mention) => mention.span)].sort((left, right) => left.start - right.start);
  const gapIsGrammar = (from: number, to: number) => /^[\s的是为在]*(?:(?:in|the|a|an|is|are|be|from|at|of)\s+)*[\s的是为在]*$/.test(scanned.text.slice(from, to));
  const negated = new Set<Span>();
  const alternatives: [Span, Span][] = [];
  // "北京以外的不良贷款": a negation said after its word (以外的, 之外的) excludes the word before it.
  const POSTFIX_NEGATION = /^(?:以外|之外)的?$/;
  // "除了房贷和车贷以外", "other than mortgages and car loans": values of one dimension joined by 和/and are all excluded.
  const dimensionsOf = (span: Span) => new Set(valuesOf(span).map((sense) => sense.dimension));
  const joinedSameKind = (from: Span): Span | undefined => {
    const following = filterSpans.find((candidate) => candidate.start >= from.end && /^\s*(?:和|与|及|、|或|,|，|and|or|nor)\s*$/.test(scanned.text.slice(from.end, candidate.start)));
    if (!following) return undefined;
    const own = dimensionsOf(from);
    return [...dimensionsOf(following)].some((dimension) => own.has(dimension)) ? following : undefined;
  };
  for (const { cue, span } of cueSpans) {
    const postfix = cue === "negate" && POSTFIX_NEGATION.test(span.text.trim());
    const next = postfix
      ? [...filterSpans].reverse().find((candidate) => candidate.end <= span.start && gapIsGrammar(candidate.end, span.start))
      : filterSpans.find((candidate) => candidate.start >= span.end && gapIsGrammar(span.end, candidate.start));
    if (cue === "negate" && next && !postfix) for (let joined: Span | undefined = next; joined && !negated.has(joined); joined = joinedSameKind(joined)) negated.add(joined);
    if (cue === "negate" && next && postfix) negated.add(next);
    if (cue === "alternative" && next) {
      const previous = [...filterSpans].reverse().find((candidate) => candidate.end <= span.start && gapIsGrammar(candidate.end, span.start));
      if (previous) alternatives.push([previous, next]);
    }
  }

  // "年轻客户和其他客户的逾期率对比", "young customers vs everyone else": a term or value word joined to a word for all
  // the others is that segment against the rest; the complement word is then accounted for.
  const rest = restOfSegment(scanned.text, [...termSpans.map((entry) => entry.span), ...values.map((mention) => mention.span)], spans);
  return {
    ...(rest ? { restOf: rest.segment } : {}),
    language,
    termSpans,
    negated,
    alternatives,
    impliedEntities,
    text: scanned.text,
    mode,
    metrics,
    entityMentions,
    groupBy: grouped,
    trendGrain,
    trendPlural,
    values,
    terms,
    attributes,
    ambiguities,
    times: spans.filter((span) => span.time).map((span) => span.time as TimeMatch),
    numbers,
    limit,
    cues,
    cueSpans,
    unknownWords: rest ? scanned.unknownWords.filter((word) => !rest.words.includes(word)) : scanned.unknownWords,
    contextDimensions: contextOnly,
    contextGroupings,
    fuzzyMatches: spans.filter((span) => span.fuzzy).length,
    bareNumbers,
  };
}

/** A joining word, then a word for all the others: "和其他", "与其余", "vs the rest", "and everyone else". */
const REST_AFTER_SEGMENT = /^\s*(?:和|与|跟|同|对比|比|vs\.?|versus|and|compared (?:with|to))\s*(其他|其余|其它|剩下的?|别的|(?:all )?(?:the )?others?|the rest|everyone else|everybody else)/;

/** The segment word compared with the rest, and the leftover words that said "the rest". */
function restOfSegment(text: string, segments: Span[], spans: Span[]): { segment: Span; words: string[] } | undefined {
  for (const segment of segments) {
    // "微信渠道和其他渠道": the segment's own noun (a dimension or entity word) may follow it before the joiner.
    const noun = spans.find((span) => span.start === segment.end && span.senses.some((sense) => sense.kind === "dimension" || sense.kind === "entity"));
    const match = REST_AFTER_SEGMENT.exec(text.slice(noun?.end ?? segment.end));
    if (!match) continue;
    const words = match[1].split(/\s+/);
    return { segment, words: [...words, ...words.map((word) => word.replace(/的$/, ""))] };
  }
  return undefined;
}
