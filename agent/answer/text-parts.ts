/** Pieces the answer sentences share: a metric as stated, the period phrase, the conditions, a change in words, a group's name. */
import { isAdditive } from "../compiler/metric-share.ts";
import type { AggregateQuery, ListQuery } from "../plan/query-plan.ts";
import type { AnswerColumnFormat } from "./answer.ts";
import { describeFilters, describeMetricCondition } from "./filter-words.ts";
import { formatPercentagePoints, formatPercent, formatValue } from "./format-number.ts";
import { dimensionValueName, memberName } from "./member-names.ts";
import type { NamingContext } from "./member-names.ts";
import { describeMonth, describePeriod } from "./period-words.ts";
import type { Period } from "./period-words.ts";
import { metricColumnIndex } from "./result-view.ts";
import type { ResultView } from "./result-view.ts";

export type Direction = "higher_is_better" | "lower_is_better" | "neutral";

/** A metric as the text states it: its name, format, direction and result column. */
export interface MetricInfo {
  id: string;
  name: string;
  format?: AnswerColumnFormat;
  direction: Direction;
  index: number;
  /** A derived figure (a segment's share) rather than the metric's own value. */
  transform?: "share";
}

/** Formats whose changes read as percentages (12.5% more loans); others change by their own unit. */
const RELATIVE_FORMATS = new Set(["count", "money", "hours"]);

/** A quarter key 'YYYY-Qn' in words: "2026年第二季度" / "Q2 2026". */
function describeQuarter(key: string, language: "zh" | "en"): string {
  const [year, quarter] = [key.slice(0, 4), Number(key.slice(6))];
  return language === "zh" ? `${year}年第${"一二三四"[quarter - 1]}季度` : `Q${quarter} ${year}`;
}

/** The text with its first letter upper-cased. */
export const capitalize = (text: string) => (text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : text);

/** The metric's name, format, direction and the index of its value column. */
export function metricInfo(context: NamingContext, view: ResultView, metricId: string): MetricInfo {
  const layer = context.semanticLayer;
  const metric = layer.has("metric", metricId) ? layer.metric(metricId) : undefined;
  const index = metricColumnIndex(view.columns, metricId);
  return {
    id: metricId,
    name: memberName(context, "metric", metricId),
    format: metric?.format ?? view.columns[index]?.format,
    direction: metric?.direction ?? "neutral",
    index,
  };
}

/** The period phrase: "2026年6月，" before a Chinese sentence, " for June 2026" inside an English one. */
export function periodWords(context: NamingContext, period: Period | undefined): { zh: string; en: string } {
  if (!period) return { zh: "", en: "" };
  const words = describePeriod(period, context.language);
  return { zh: `${words}，`, en: ` for ${words}` };
}

/** Filters (and HAVING conditions) as a parenthesised suffix, or "". */
export function conditionSuffix(context: NamingContext, query: AggregateQuery | ListQuery): string {
  const parts = [describeFilters(context, query.filters)];
  if (query.kind === "aggregate") parts.push(...query.having.map((condition) => describeMetricCondition(context, condition)));
  const text = parts.filter(Boolean).join(context.language === "zh" ? "、" : "; ");
  if (!text) return "";
  return context.language === "zh" ? `（${text}）` : ` (${text})`;
}

/** The change from previous to current in words: "上升 0.3 个百分点" / "up 12.5%", and whether it is good news. */
export function changeWords(context: NamingContext, metric: MetricInfo, current: number, previous: number): string {
  const zh = context.language === "zh";
  const difference = current - previous;
  if (Math.abs(difference) < 1e-12) return zh ? "持平" : "unchanged";
  const up = difference > 0;
  const fraction = metric.format === "rate" || metric.format === "probability";
  let amount: string;
  if (fraction) amount = formatPercentagePoints(difference, context.language);
  // A relative change only means something for amounts above zero (counts, money, hours); a score or an index such
  // as NPS (which can be negative) changes by points.
  else if (previous > 0 && RELATIVE_FORMATS.has(metric.format ?? "")) amount = formatPercent(Math.abs(difference / previous));
  else amount = formatValue(Math.abs(difference), metric.format, context.language);
  const verb = zh ? (up ? (fraction ? "上升" : "增长") : "下降") : up ? "up" : "down";
  let judgement = "";
  if (metric.direction !== "neutral") {
    const better = (metric.direction === "higher_is_better") === up;
    judgement = zh ? (better ? "，有所改善" : "，有所恶化") : better ? " (better)" : " (worse)";
  }
  return zh ? `${verb} ${amount}${judgement}` : `${verb} ${amount}${judgement}`;
}

/** The display name of a row's group: its dimension labels joined. */
export function groupName(context: NamingContext, view: ResultView, row: readonly unknown[], indexes: Map<string, number>): string {
  const parts = [...indexes.entries()].map(([dimensionId, index]) => {
    const value = row[index];
    if (value === null || value === undefined) return context.language === "zh" ? "（空）" : "(none)";
    const text = String(value);
    if (dimensionId === "time" && /^\d{4}-\d{2}$/.test(text)) return describeMonth(text, context.language);
    if (dimensionId === "time" && /^\d{4}-Q[1-4]$/.test(text)) return describeQuarter(text, context.language);
    // A key column without a label column is mapped to the value's name (Shanghai → 上海).
    const column = view.columns[index];
    const keyOnly = view.columns.filter((candidate) => candidate.role === "dimension" && candidate.memberId === column.memberId).length === 1;
    return keyOnly ? dimensionValueName(context, dimensionId, text) : text;
  });
  return parts.join(" · ");
}

/** Days in an inclusive range. */
function daysIn(range: { start: string; end: string }): number {
  return (Date.parse(`${range.end}T00:00:00Z`) - Date.parse(`${range.start}T00:00:00Z`)) / 86_400_000 + 1;
}

/**
 * False when a count or a sum is compared over periods of clearly different length (this year to date against the
 * whole of last year): its change would say less business where there was only less time.
 */
export function periodsComparable(context: NamingContext, query: AggregateQuery, metricId: string): boolean {
  if (!query.time || !query.compareTo) return true;
  const layer = context.semanticLayer;
  if (!layer.has("metric", metricId) || !isAdditive(layer.metric(metricId))) return true;
  const [current, previous] = [daysIn(query.time), daysIn(query.compareTo)];
  return Math.abs(current - previous) <= 0.1 * Math.max(current, previous);
}
