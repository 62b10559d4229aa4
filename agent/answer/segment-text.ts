/**
 * Sentences for a segment's result: its share of the whole (shareOf: "低价值客户占客户数的 23.4%（936 / 4,000）") and
 * the segment against everyone else (versusRest: both sides named with their values, and which is higher).
 */
import type { AggregateQuery, Filter } from "../plan/query-plan.ts";
import { formatPercent, formatValue } from "./format-number.ts";
import { dimensionValueName, memberName } from "./member-names.ts";
import type { NamingContext } from "./member-names.ts";
import { numberAt } from "./result-view.ts";
import type { ResultView } from "./result-view.ts";
import { capitalize, conditionSuffix, groupName, metricInfo, periodWords } from "./text-parts.ts";
import type { MetricInfo } from "./text-parts.ts";

/** The key the compiler gives every row outside a versusRest segment, per language. */
const REST_KEYS = new Set(["其他", "others"]);

/** The name of a segment filter as users say it: a term's name, a dimension's values, else "符合条件的部分". */
export function segmentName(context: NamingContext, filter: Filter): string {
  const zh = context.language === "zh";
  if (filter.kind === "term") return memberName(context, "term", filter.term);
  if (filter.kind === "in") return filter.values.map((value) => dimensionValueName(context, filter.dimension, value)).join(zh ? "、" : ", ");
  if (filter.kind === "not" && filter.filter.kind !== "not") return `${zh ? "非" : "not "}${segmentName(context, filter.filter)}`;
  return zh ? "符合条件的部分" : "matching rows";
}

/** The name of everyone outside a segment: 其他客户 / other customers for a term, 其他渠道 for channel values, else 其他 / others. */
function restName(context: NamingContext, filter: Filter): string {
  const zh = context.language === "zh";
  const layer = context.semanticLayer;
  if (filter.kind === "term" && layer.has("term", filter.term)) {
    const entity = layer.term(filter.term).entity;
    if (layer.has("entity", entity)) {
      const names = layer.entity(entity).names;
      if (zh) return `其他${names.zh[0]}`;
      const plural = names.en.find((name) => name.endsWith("s"));
      if (plural) return `other ${plural}`;
    }
  }
  if (filter.kind === "in" && zh) return `其他${memberName(context, "dimension", filter.dimension)}`;
  return zh ? "其他" : "others";
}

/** The index of a metric's share column (share or shareOf), or -1. */
export function shareColumnIndex(view: ResultView, metricId: string): number {
  return view.columns.findIndex((column) => column.memberId === metricId && column.transform === "share");
}

/** A segment's share of a metric as a metric the text can rank and trend ("低价值客户占比", a rate). */
export function segmentShareInfo(context: NamingContext, view: ResultView, metricId: string, segment: Filter): MetricInfo {
  const name = segmentName(context, segment);
  return { id: metricId, name: context.language === "zh" ? `${name}占比` : `${name} share`, format: "rate", direction: "neutral", index: shareColumnIndex(view, metricId), transform: "share" };
}

/**
 * "（936 / 4,000）" / " (936 of 4,000)": the segment's part and the whole behind a share, or "" when either is missing;
 * `within` a parenthesis already open: "，936 / 4,000" / "; 936 of 4,000".
 */
export function partOfWhole(context: NamingContext, metric: MetricInfo, row: readonly unknown[], shareIndex: number, within = false): string {
  const whole = numberAt(row, metric.index);
  const share = numberAt(row, shareIndex);
  if (whole === undefined || share === undefined) return "";
  const show = (value: number) => formatValue(value, metric.format, context.language);
  const zh = context.language === "zh";
  const words = zh ? `${show(share * whole)} / ${show(whole)}` : `${show(share * whole)} of ${show(whole)}`;
  if (within) return zh ? `，${words}` : `; ${words}`;
  return zh ? `（${words}）` : ` (${words})`;
}

/** shareOf without groups: each metric's share stated as a percentage with the segment's part and the whole. */
export function segmentShareText(context: NamingContext, view: ResultView, query: AggregateQuery & { shareOf: Filter }): string {
  const zh = context.language === "zh";
  const row = view.rows[0];
  const segment = segmentName(context, query.shareOf);
  const period = periodWords(context, view.period);
  const statements = query.metrics.map((metricId, position) => {
    const metric = metricInfo(context, view, metricId);
    const shareIndex = shareColumnIndex(view, metricId);
    const share = numberAt(row, shareIndex);
    const whole = formatValue(numberAt(row, metric.index) ?? null, metric.format, context.language);
    const during = position === 0 ? period.en : "";
    if (share === undefined)
      return zh ? `${metric.name}为 ${whole}，无法计算${segment}的占比` : `${metric.name}${during} was ${whole}, so the share of ${segment} cannot be computed`;
    const detail = partOfWhole(context, metric, row, shareIndex);
    return zh ? `${segment}占${metric.name}的 ${formatPercent(share)}${detail}` : `${segment} made up ${formatPercent(share)} of ${metric.name}${during}${detail}`;
  });
  const suffix = conditionSuffix(context, query);
  if (zh) return `${period.zh}${statements.join("；")}${suffix}。`;
  return `${capitalize(statements.join("; "))}${suffix}.`;
}

/** The two sides of a versusRest row set: the segment's row and the rest's row (either may be missing). */
function sides(rows: readonly (readonly unknown[])[], segmentIndex: number): { segment?: readonly unknown[]; rest?: readonly unknown[] } {
  return {
    segment: rows.find((row) => row[segmentIndex] !== null && !REST_KEYS.has(String(row[segmentIndex]))),
    rest: rows.find((row) => REST_KEYS.has(String(row[segmentIndex]))),
  };
}

/** "年轻客户 3.1%，其他客户 3.4%，其他客户更高" / "young customers 3.1% vs other customers 3.4% (higher for other customers)". */
function bothSides(context: NamingContext, metric: MetricInfo, names: { segment: string; rest: string }, segmentRow?: readonly unknown[], restRow?: readonly unknown[], within = false): string {
  const zh = context.language === "zh";
  const show = (value: number | undefined) => formatValue(value ?? null, metric.format, context.language);
  const mine = segmentRow ? numberAt(segmentRow, metric.index) : undefined;
  const theirs = restRow ? numberAt(restRow, metric.index) : undefined;
  let verdict: string;
  if (mine === undefined || theirs === undefined) {
    const missing = mine === undefined ? names.segment : names.rest;
    verdict = zh ? `${missing}没有数据` : `no figure for ${missing}`;
  } else if (Math.abs(mine - theirs) < 1e-12) verdict = zh ? "两者持平" : "the same for both";
  else {
    const higher = mine > theirs ? names.segment : names.rest;
    verdict = zh ? `${higher}更高` : `higher for ${higher}`;
  }
  if (zh) return `${names.segment} ${show(mine)}，${names.rest} ${show(theirs)}，${verdict}`;
  return `${names.segment} ${show(mine)} vs ${names.rest} ${show(theirs)}${within ? `, ${verdict}` : ` (${verdict})`}`;
}

/**
 * versusRest: without other groups, each metric for the segment and for the rest, and which is higher; grouped,
 * the groups where the two sides are furthest apart and closest, with both sides' values.
 */
export function versusRestText(context: NamingContext, view: ResultView, query: AggregateQuery & { versusRest: Filter }): string {
  const zh = context.language === "zh";
  const segmentIndex = view.columns.findIndex((column) => column.role === "dimension" && column.memberId === "segment");
  const period = periodWords(context, view.period);
  const suffix = conditionSuffix(context, query);
  const found = sides(view.rows, segmentIndex);
  const names = {
    segment: found.segment ? String(found.segment[segmentIndex]) : segmentName(context, query.versusRest),
    rest: restName(context, query.versusRest),
  };
  if (query.dimensions.length === 0) {
    const statements = query.metrics.map((metricId, position) => {
      const metric = metricInfo(context, view, metricId);
      const compared = bothSides(context, metric, names, found.segment, found.rest);
      return zh ? `${metric.name}：${compared}` : `${metric.name}${position === 0 ? period.en : ""}: ${compared}`;
    });
    if (zh) return `${period.zh}${statements.join("；")}${suffix}。`;
    return `${capitalize(statements.join("; "))}${suffix}.`;
  }
  // Grouped too: pair each group's two sides, then name the widest and the narrowest gap.
  const orderMetric = query.order.find((order) => query.metrics.includes(order.by));
  const metric = metricInfo(context, view, orderMetric?.by ?? query.metrics[0]);
  const groupIndexes = new Map(
    [...view.columns.entries()].filter(([, column]) => column.role === "dimension" && column.memberId !== "segment").map(([index, column]) => [column.memberId, index] as [string, number]),
  );
  const groups = new Map<string, { name: string; rows: (readonly unknown[])[] }>();
  for (const row of view.rows) {
    const name = groupName(context, view, row, groupIndexes);
    const group = groups.get(name) ?? { name, rows: [] };
    group.rows.push(row);
    groups.set(name, group);
  }
  const paired = [...groups.values()]
    .map((group) => ({ name: group.name, ...sides(group.rows, segmentIndex) }))
    .map((group) => ({ ...group, mine: group.segment ? numberAt(group.segment, metric.index) : undefined, theirs: group.rest ? numberAt(group.rest, metric.index) : undefined }))
    .filter((group) => group.mine !== undefined && group.theirs !== undefined)
    .map((group) => ({ ...group, gap: Math.abs((group.mine as number) - (group.theirs as number)) }));
  const dimensionNames = query.dimensions.map((dimension) => memberName(context, "dimension", dimension.id));
  const describe = (group: (typeof paired)[number]) => `${group.name}${zh ? "（" : " ("}${bothSides(context, metric, names, group.segment, group.rest, true)}${zh ? "）" : ")"}`;
  // Over time: the latest bucket's two sides (a trend per side is in the chart).
  if (query.dimensions.length === 1 && query.dimensions[0].id === "time" && paired.length > 0) {
    const latest = [...groups.entries()].sort(([, left], [, right]) => String(left.rows[0][groupIndexes.get("time") ?? 0]).localeCompare(String(right.rows[0][groupIndexes.get("time") ?? 0]))).at(-1)?.[1];
    if (latest) {
      const side = sides(latest.rows, segmentIndex);
      const compared = bothSides(context, metric, names, side.segment, side.rest);
      return zh ? `${period.zh}最近一期（${latest.name}）${metric.name}：${compared}${suffix}。` : `${capitalize(metric.name)} in ${latest.name}, the latest${period.en ? ` of ${period.en.replace(/^ for /, "")}` : ""}: ${compared}${suffix}.`;
    }
  }
  if (paired.length < 2) {
    // One group with both sides (or none): state that group's two sides.
    const only = paired[0] ?? { name: [...groups.values()][0].name, ...sides([...groups.values()][0].rows, segmentIndex) };
    const compared = bothSides(context, metric, names, only.segment, only.rest);
    return zh ? `${period.zh}${only.name}的${metric.name}：${compared}${suffix}。` : `${capitalize(metric.name)} for ${only.name}${period.en}: ${compared}${suffix}.`;
  }
  const widest = paired.reduce((best, group) => (group.gap > best.gap ? group : best));
  const narrowest = paired.reduce((best, group) => (group.gap < best.gap ? group : best));
  if (zh)
    return `${period.zh}按${dimensionNames.join("、")}看，${names.segment}与${names.rest}的${metric.name}差距最大的是${describe(widest)}；差距最小的是${describe(narrowest)}${suffix}。`;
  return `By ${dimensionNames.join(" and ")}${period.en}, the gap in ${metric.name} between ${names.segment} and ${names.rest} was widest in ${describe(widest)} and narrowest in ${describe(narrowest)}${suffix}.`;
}
