/**
 * Whether a question measures (aggregate) or lists rows, decided from the kinds of words it holds, in this order:
 * a metric word measures; a count per group ("cities with more than 1000 customers") measures; 多少/how many
 * measures; a metric that is also a row attribute with a grouping or ranking measures; a dimension-only word, a
 * grouping cue with a dimension, an ambiguous measure word, a trend or a share measure; a ranking of groups by
 * something countable measures; list words, entities and terms list. After an aggregate answer, a question without
 * list words keeps measuring ("按产品拆开").
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { TimeGrain } from "../../plan/query-plan.ts";
import type { Cue } from "./cue-words.ts";
import type { Sense } from "./lexicon.ts";
import type { LimitMatch, Span } from "./scan-question.ts";

/** What a question asks for. */
export type QuestionMode = "aggregate" | "list" | undefined;

/** The spans a mode decision looks at, with the cues found. */
export interface ModeInput {
  spans: Span[];
  /** Spans with a meaning beyond cues and the time dimension. */
  content: Span[];
  cues: Set<Cue>;
  limit?: LimitMatch;
  trendGrain?: TimeGrain;
  previousKind?: "aggregate" | "list";
}

const sensesOf = <K extends Sense["kind"]>(span: Span, kind: K) => span.senses.filter((sense): sense is Extract<Sense, { kind: K }> => sense.kind === kind);
const has = (span: Span | undefined, kind: Sense["kind"]) => Boolean(span?.senses.some((sense) => sense.kind === kind));

/** Metric words with no other meaning. */
export function strongMetricSpans(content: Span[]): Span[] {
  return content.filter((span) => has(span, "metric") && !has(span, "entity") && !has(span, "term") && !has(span, "attribute"));
}

/**
 * "余额超过1000万的支行有哪些": a measure word compared with a number, said of groups (a dimension) whose own rows do
 * not carry that measure, asks which groups pass: an aggregate with HAVING, not a list of rows.
 */
function measuredGroups(spans: Span[], content: Span[], dimensionSpans: Span[]): boolean {
  return content.some((measure) => {
    if (!has(measure, "metric") && !has(measure, "ambiguity")) return false;
    const next = spans[spans.indexOf(measure) + 1];
    if (!next?.number?.op || next.start - measure.end > 1) return false;
    const measuredEntities = new Set(sensesOf(measure, "attribute").map((sense) => sense.entity));
    return dimensionSpans.some((group) => group !== measure && sensesOf(group, "entity").every((entity) => !measuredEntities.has(entity.id)));
  });
}

/**
 * "申请金额1亿以上的申请", "贷款余额超过100万的贷款": a measure word that is also a column of some rows, compared with a
 * number and said of those rows, filters the rows (a list), rather than summing them.
 */
function comparedRowAttribute(spans: Span[], content: Span[], metricLikeSpans: Span[], nounSpans: Span[]): boolean {
  return metricLikeSpans.some((measure) => {
    const next = spans[spans.indexOf(measure) + 1];
    const previous = spans[spans.indexOf(measure) - 1];
    // The number after the measure word, or right before it with the word in brackets ("over 500k (approved amount)").
    const comparedAfter = Boolean(next?.number?.op) && next.start - measure.end <= 1;
    const comparedBefore = Boolean(previous?.number?.op) && measure.start - previous.end <= 2;
    if (!comparedAfter && !comparedBefore) return false;
    const rowEntities = new Set(sensesOf(measure, "attribute").map((sense) => sense.entity));
    // (An English plural noun that is also a count, "applications", names the rows.)
    return content.some((other) => other !== measure && (!has(other, "metric") || nounSpans.includes(other)) && sensesOf(other, "entity").some((entity) => rowEntities.has(entity.id)));
  });
}

/** A word naming only dates of rows ("到期", "ending"): it says when, like a time word, not what to show. */
function datesOnly(span: Span, layer: SemanticLayer): boolean {
  const attributes = sensesOf(span, "attribute");
  return attributes.length > 0 && attributes.every((sense) => layer.attribute(sense.id).type === "date") && span.senses.every((sense) => sense.kind === "attribute" || sense.kind === "entity");
}

/** Decides the mode of a question. */
export function decideMode(input: ModeInput, layer: SemanticLayer): QuestionMode {
  const { spans, content, cues, limit, trendGrain, previousKind } = input;
  const strong = strongMetricSpans(content);
  const weakMetricSpans = content.filter((span) => has(span, "metric") && !strong.includes(span));
  // A single English noun that is also a count metric ("customers") names rows unless something counts or groups them.
  const nounSpans = weakMetricSpans.filter((span) => has(span, "entity") && /^[a-z]+$/.test(span.text));
  const metricLikeSpans = weakMetricSpans.filter((span) => !nounSpans.includes(span));
  const dimensionSpans = content.filter((span) => sensesOf(span, "dimension").some((sense) => layer.dimension(sense.id).type !== "time"));
  const dimensionOnlySpans = dimensionSpans.filter((span) => !has(span, "entity"));
  const hasList = cues.has("list");
  const hasCount = cues.has("count");
  const ranking = cues.has("top") || cues.has("bottom") || cues.has("best") || cues.has("worst") || cues.has("rank") || Boolean(limit?.direction);
  const grouping = cues.has("group") || trendGrain !== undefined;

  // "cities with more than 1000 customers": a number counting a noun that is also a count metric, per group.
  const counts = (span: Span | undefined) => Boolean(span?.number?.op) && (span?.number?.unit === "plain" || span?.number?.unit === "count");
  const countedNouns = content.filter((span) => (has(span, "metric") || has(span, "entity")) && !strong.includes(span)).filter((span) => {
    const index = spans.indexOf(span);
    const before = spans[index - 1];
    const after = spans[index + 1];
    return (counts(before) && before.number?.unit === "plain" && span.start - before.end <= 1) || (counts(after) && after.start - span.end <= 1 && after.number?.unit === "count");
  });
  // "Top 10 overdue loans by balance", "高价值客户AUM top5": a ranking of rows, not of groups.
  const rankedRows = ranking && dimensionSpans.length === 0 && content.some((span) => (has(span, "entity") && (!has(span, "metric") || nounSpans.includes(span))) || has(span, "term"));
  // "alerts in the last 3 months", "loans disbursed this month": a bare noun with no list word, term or condition is counted.
  const bareNouns =
    !hasList &&
    !ranking &&
    !content.some((span) => has(span, "term") || (has(span, "attribute") && !datesOnly(span, layer)) || Boolean(span.number) || (has(span, "value") && !has(span, "entity"))) &&
    content.some((span) => nounSpans.includes(span) || (has(span, "entity") && !has(span, "dimension")));
  // "open vs in progress vs resolved alerts": several values of one dimension compare groups.
  const valueDimensions = content.flatMap((span) => [...new Set(sensesOf(span, "value").map((sense) => sense.dimension))]);
  const repeatedValues = valueDimensions.some((dimension, index) => valueDimensions.indexOf(dimension) !== index);
  let mode: QuestionMode;
  if (strong.length > 0) mode = "aggregate";
  else if (repeatedValues && !hasList && (cues.has("compare") || cues.has("group"))) mode = "aggregate";
  else if (countedNouns.length > 0 && dimensionSpans.length > 0 && !dimensionSpans.every((span) => countedNouns.includes(span))) mode = "aggregate";
  else if (hasCount && !hasList) mode = "aggregate";
  else if (weakMetricSpans.length > 0 && dimensionSpans.some((span) => !weakMetricSpans.includes(span)) && (ranking || grouping)) mode = "aggregate";
  else if (hasCount && hasList && dimensionSpans.length > 0) mode = "aggregate";
  else if (dimensionOnlySpans.some((span) => !has(span, "attribute")) && !hasList) mode = "aggregate";
  else if (cues.has("group") && dimensionSpans.length > 0 && !hasList) mode = "aggregate";
  else if (content.some((span) => has(span, "ambiguity")) && !hasList && !rankedRows) mode = "aggregate";
  else if (comparedRowAttribute(spans, content, metricLikeSpans, nounSpans)) mode = "list";
  else if (metricLikeSpans.length > 0 && !hasList && !rankedRows) mode = "aggregate";
  else if (trendGrain && !hasList && content.length > 0) mode = "aggregate";
  else if (cues.has("share") && !hasList && content.length > 0) mode = "aggregate";
  // "Which products have the most overdue loans?": ranking groups by counting something else.
  else if (ranking && dimensionSpans.length > 0 && content.some((span) => !dimensionSpans.includes(span) && (has(span, "entity") || has(span, "term")))) mode = "aggregate";
  else if (trendGrain && ranking && content.length > 0) mode = "aggregate";
  else if (bareNouns) mode = "aggregate";
  else if (measuredGroups(spans, content, dimensionSpans)) mode = "aggregate";
  else if (hasList || content.some((span) => has(span, "entity") || has(span, "term"))) mode = "list";
  else if (weakMetricSpans.length > 0) mode = "aggregate";
  else if (trendGrain && content.length > 0) mode = "aggregate";
  // After an aggregate answer, "按产品拆开" groups the same numbers: product is a dimension here, not a list.
  if (previousKind === "aggregate" && mode === "list" && !hasList && strong.length === 0) mode = "aggregate";

  return mode;
}
