/**
 * The short answer in the question's language, with the key numbers: a single figure with its period, the top and
 * bottom groups, a trend's start and end, a list's count and first rows, a comparison's change in words that
 * respect the metric's direction, or a helpful sentence when nothing matched.
 */
import type { AggregateQuery, ListQuery } from "../plan/query-plan.ts";
import { fragmentTexts } from "../../schema/semantic-layer/semantic-layer.ts";
import { TABLES } from "../../schema/tables.ts";
import { isComparedInRows, pairPeriodRows } from "./compared-rows.ts";
import { describeFilters, describeMetricCondition, filtersOf, termsOf } from "./filter-words.ts";
import { formatPercent, formatValue } from "./format-number.ts";
import { memberName } from "./member-names.ts";
import type { NamingContext } from "./member-names.ts";
import { describeMonth, describePeriod } from "./period-words.ts";
import { referenceMonthOf } from "./plan-definitions.ts";
import { dimensionColumnIndexes, metricColumnIndex, numberAt } from "./result-view.ts";
import type { ResultView } from "./result-view.ts";
import { partOfWhole, segmentName, segmentShareInfo, segmentShareText, shareColumnIndex, versusRestText } from "./segment-text.ts";
import { capitalize, changeWords, conditionSuffix, groupName, metricInfo, periodsComparable, periodWords } from "./text-parts.ts";
import type { MetricInfo } from "./text-parts.ts";

/** How many of a list's rows the text names. */
const LIST_PREVIEW = 3;
/** How many groups a ranking names. */
const RANKING_PREVIEW = 5;

/** The bucket before a trend's latest one, per grain. */
const BUCKET_BEFORE = {
  day: { zh: "前一日", en: "the day before" },
  month: { zh: "上月", en: "the month before" },
  quarter: { zh: "上季度", en: "the quarter before" },
  year: { zh: "上年", en: "the year before" },
};

const QUANTIFIERS: Record<string, string> = { customers: "位", loans: "笔", applications: "笔", repayments: "期", campaigns: "个", branches: "家", products: "款" };

function singleText(context: NamingContext, view: ResultView, query: AggregateQuery): string {
  const zh = context.language === "zh";
  const row = view.rows[0];
  const period = periodWords(context, view.period);
  const compared = query.compareTo ? describePeriod(query.compareTo, context.language) : "";
  const statements = query.metrics.map((metricId) => {
    const metric = metricInfo(context, view, metricId);
    const current = numberAt(row, metric.index);
    const shown = formatValue(current ?? null, metric.format, context.language);
    const previous = numberAt(row, metricColumnIndex(view.columns, metricId, "previous"));
    if (!query.compareTo || current === undefined || previous === undefined) return zh ? `${metric.name}为 ${shown}` : `${metric.name} was ${shown}`;
    const before = formatValue(previous, metric.format, context.language);
    if (!periodsComparable(context, query, metricId))
      return zh ? `${metric.name}为 ${shown}，${compared}为 ${before}（两段时间长短不同，不计算变化）` : `${metric.name} was ${shown}, against ${before} for ${compared} (periods of different length, so no change is computed)`;
    const change = changeWords(context, metric, current, previous);
    return zh ? `${metric.name}为 ${shown}，较${compared}的 ${before} ${change}` : `${metric.name} was ${shown}, ${change} from ${before} for ${compared}`;
  });
  const suffix = conditionSuffix(context, query);
  if (zh) return `${period.zh}${statements.join("；")}${suffix}。`;
  return `${capitalize(statements[0].replace(/ was /, `${period.en} was `))}${statements.length > 1 ? `; ${statements.slice(1).join("; ")}` : ""}${suffix}.`;
}

function trendText(context: NamingContext, view: ResultView, query: AggregateQuery, metric: MetricInfo, timeIndex: number): string {
  const zh = context.language === "zh";
  const points = view.rows
    .map((row) => ({ row, label: groupName(context, view, row, new Map([["time", timeIndex]])), key: String(row[timeIndex]), value: numberAt(row, metric.index) }))
    .filter((point): point is { row: readonly unknown[]; label: string; key: string; value: number } => point.value !== undefined)
    .sort((left, right) => left.key.localeCompare(right.key));
  if (points.length === 0) return emptyText(context, view);
  const show = (value: number) => formatValue(value, metric.format, context.language);
  const first = points[0];
  const last = points[points.length - 1];
  const highest = points.reduce((best, point) => (point.value > best.value ? point : best));
  const lowest = points.reduce((best, point) => (point.value < best.value ? point : best));
  const period = periodWords(context, view.period);
  const suffix = conditionSuffix(context, query);
  if (points.length === 1) return zh ? `${period.zh}${first.label}${metric.name}为 ${show(first.value)}${suffix}。` : `${capitalize(metric.name)} was ${show(first.value)} in ${first.label}${suffix}.`;
  const change = changeWords(context, metric, last.value, first.value);
  // With each bucket's change (环比), the latest bucket against the one before it, from its previous-value column.
  const previous = query.bucketChange && metric.transform === undefined ? numberAt(last.row, metricColumnIndex(view.columns, metric.id, "previous")) : undefined;
  const bucket = BUCKET_BEFORE[query.dimensions[0]?.grain ?? "month"];
  const latest =
    previous === undefined
      ? ""
      : zh
        ? `；${last.label}较${bucket.zh}的 ${show(previous)} ${changeWords(context, metric, last.value, previous)}`
        : `; ${last.label} was ${changeWords(context, metric, last.value, previous)} from ${show(previous)} ${bucket.en}`;
  if (zh)
    return `${period.zh}${metric.name}从${first.label}的 ${show(first.value)} 变为${last.label}的 ${show(last.value)}，${change}；最高为${highest.label}的 ${show(highest.value)}，最低为${lowest.label}的 ${show(lowest.value)}${latest}${suffix}。`;
  return `${capitalize(metric.name)} went from ${show(first.value)} in ${first.label} to ${show(last.value)} in ${last.label}, ${change}; the highest was ${show(highest.value)} in ${highest.label}, the lowest ${show(lowest.value)} in ${lowest.label}${latest}${suffix}.`;
}

function groupedText(context: NamingContext, view: ResultView, query: AggregateQuery): string {
  const zh = context.language === "zh";
  const orderMetric = query.order.find((order) => query.metrics.includes(order.by));
  const ranking = orderMetric !== undefined && query.limit !== undefined;
  const whole = metricInfo(context, view, orderMetric?.by ?? query.metrics[0]);
  const shareIndex = query.share || query.shareOf ? shareColumnIndex(view, whole.id) : -1;
  // A segment's share per group is what was asked: groups are compared by it, unless the plan ranks by the metric.
  const metric = query.shareOf && !ranking && shareIndex >= 0 ? segmentShareInfo(context, view, whole.id, query.shareOf) : whole;
  const indexes = dimensionColumnIndexes(view.columns);
  if (query.dimensions.length === 1 && query.dimensions[0].id === "time" && indexes.has("time") && !query.compareTo)
    return trendText(context, view, query, metric, indexes.get("time") as number);
  const groups = view.rows
    .map((row) => ({ row, name: groupName(context, view, row, indexes), value: numberAt(row, metric.index), previous: numberAt(row, metricColumnIndex(view.columns, metric.id, "previous")) }))
    .filter((group): group is { row: readonly unknown[]; name: string; value: number; previous: number | undefined } => group.value !== undefined);
  if (groups.length === 0) return emptyText(context, view);
  const show = (value: number) => formatValue(value, metric.format, context.language);
  // What a group's figure comes with: the segment's part and the whole behind its share, or its share of the total.
  const detail = (row: readonly unknown[], within: boolean): string => {
    if (shareIndex < 0) return "";
    if (metric !== whole) return partOfWhole(context, whole, row, shareIndex, within);
    const share = numberAt(row, shareIndex);
    if (share === undefined) return "";
    const segment = query.shareOf ? segmentName(context, query.shareOf) : "";
    if (context.language === "zh") return within ? `，${segment ? `其中${segment}` : ""}占 ${formatPercent(share)}` : `（${segment ? `其中${segment}` : ""}占 ${formatPercent(share)}）`;
    const words = segment ? `${segment} ${formatPercent(share)}` : `${formatPercent(share)} of the total`;
    return within ? `; ${words}` : ` (${words})`;
  };
  const period = periodWords(context, view.period);
  const suffix = conditionSuffix(context, query);
  const dimensionNames = query.dimensions.map((dimension) => memberName(context, "dimension", dimension.id));
  const across = zh
    ? dimensionNames.length === 1
      ? `各${dimensionNames[0]}中`
      : `按${dimensionNames.join("、")}分组的 ${groups.length} 个组合中`
    : `across ${groups.length} groups by ${dimensionNames.join(" and ")}`;

  if (query.compareTo && periodsComparable(context, query, metric.id)) {
    const changed = groups.filter((group) => group.previous !== undefined).map((group) => ({ ...group, delta: group.value - (group.previous as number) }));
    if (changed.length > 0) {
      const rise = changed.reduce((best, group) => (group.delta > best.delta ? group : best));
      const fall = changed.reduce((best, group) => (group.delta < best.delta ? group : best));
      const compared = describePeriod(query.compareTo, context.language);
      const describe = (group: (typeof changed)[number]) =>
        zh
          ? `${group.name}（${show(group.previous as number)} → ${show(group.value)}，${changeWords(context, metric, group.value, group.previous as number)}）`
          : `${group.name} (${show(group.previous as number)} → ${show(group.value)}, ${changeWords(context, metric, group.value, group.previous as number)})`;
      const clauses: string[] = [];
      if (rise.delta > 0) clauses.push(zh ? `${metric.name}上升最多的是${describe(rise)}` : `${metric.name} rose most for ${describe(rise)}`);
      if (fall.delta < 0) clauses.push(zh ? `下降最多的是${describe(fall)}` : `fell most for ${describe(fall)}`);
      if (clauses.length === 0) return zh ? `${period.zh}与${compared}相比，${across}${metric.name}均持平${suffix}。` : `Compared with ${compared}, ${metric.name} was unchanged ${across}${period.en}${suffix}.`;
      if (zh) return `${period.zh}与${compared}相比，${across}${clauses.join("；")}${suffix}。`;
      return `Compared with ${compared}, ${across}${period.en}, ${clauses.join(" and ")}${suffix}.`;
    }
  }

  if (groups.length === 1) {
    const only = groups[0];
    return zh
      ? `${period.zh}${only.name}的${metric.name}为 ${show(only.value)}${detail(only.row, false)}${suffix}。`
      : `${capitalize(metric.name)} for ${only.name}${period.en} was ${show(only.value)}${detail(only.row, false)}${suffix}.`;
  }
  if (orderMetric && query.limit !== undefined) {
    const listed = groups.slice(0, RANKING_PREVIEW).map((group) => (zh ? `${group.name}（${show(group.value)}${detail(group.row, true)}）` : `${group.name} (${show(group.value)}${detail(group.row, true)})`));
    const more = groups.length > RANKING_PREVIEW ? (zh ? "等" : ", …") : "";
    const highest = orderMetric.direction === "desc";
    if (zh) return `${period.zh}${metric.name}${highest ? "最高" : "最低"}的 ${groups.length} 个${dimensionNames.join("、")}：${listed.join("、")}${more}${suffix}。`;
    return `${highest ? "Top" : "Bottom"} ${groups.length} by ${metric.name} (by ${dimensionNames.join(" and ")})${period.en}: ${listed.join(", ")}${more}${suffix}.`;
  }
  const sorted = [...groups].sort((left, right) => right.value - left.value);
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  if (zh)
    return `${period.zh}${across}，${top.name}${metric.name}最高，为 ${show(top.value)}${detail(top.row, false)}；${bottom.name}最低，为 ${show(bottom.value)}${detail(bottom.row, false)}${suffix}。`;
  return `${capitalize(across)}${period.en}, ${top.name} had the highest ${metric.name} (${show(top.value)}${detail(top.row, true)}) and ${bottom.name} the lowest (${show(bottom.value)}${detail(bottom.row, true)})${suffix}.`;
}

/** True when an attribute shows a personal-data column of the contract tables (names, id numbers, phones). */
function isPersonalData(context: NamingContext, attributeId: string): boolean {
  if (!context.semanticLayer.has("attribute", attributeId)) return false;
  const attribute = context.semanticLayer.attribute(attributeId);
  if (attribute.pii) return true;
  return fragmentTexts(attribute.sql).some((text) =>
    [...text.matchAll(/\b([a-z_]+)\.([a-z_]+)\b/g)].some((match) => TABLES.find((table) => table.name === match[1])?.columns.find((column) => column.name === match[2])?.pii),
  );
}

/** The column that best explains a listed row: the plan's order attribute, the first term's, else the first formatted number. */
function highlightColumn(context: NamingContext, view: ResultView, query: ListQuery): number {
  const layer = context.semanticLayer;
  // The plan's own order ranks the rows (the term's natural order only applies without one), so it explains them.
  const ordered = query.order[0] ? view.columns.findIndex((column) => column.memberId === query.order[0].by) : -1;
  if (ordered >= 0) return ordered;
  for (const termId of termsOf(query.filters)) {
    const attribute = layer.has("term", termId) ? layer.term(termId).order?.attribute : undefined;
    const index = attribute ? view.columns.findIndex((column) => column.memberId === attribute) : -1;
    if (index >= 0) return index;
  }
  return view.columns.findIndex((column, index) => index > 0 && column.format !== undefined && numberAt(view.rows[0] ?? [], index) !== undefined);
}

function listText(context: NamingContext, view: ResultView, query: ListQuery): string {
  const zh = context.language === "zh";
  const layer = context.semanticLayer;
  const entity = layer.has("entity", query.entity) ? layer.entity(query.entity) : undefined;
  const count = view.rowCount;
  const shownCount = view.truncated ? (zh ? `超过 ${count.toLocaleString("en-US")}` : `More than ${count.toLocaleString("en-US")}`) : count.toLocaleString("en-US");
  const month = referenceMonthOf(context, view.plan, view.asOfDate);
  const period = view.period ? describePeriod(view.period, context.language) : month ? describeMonth(month, context.language) : "";
  const suffix = conditionSuffix(context, query);
  const highlight = highlightColumn(context, view, query);
  // A name beside the id reads better (campaign names), but never a person's name: that is personal data.
  const nameIndex = view.columns.findIndex((column, index) => index > 0 && /name/.test(column.memberId) && !isPersonalData(context, column.memberId) && typeof view.rows[0]?.[index] === "string");
  const items = view.rows.slice(0, LIST_PREVIEW).map((row) => {
    const identity = [row[0], nameIndex >= 0 ? row[nameIndex] : undefined].filter((value) => value !== undefined && value !== null).join(" ");
    if (highlight < 0) return identity;
    const column = view.columns[highlight];
    const value = formatValue(row[highlight], column.format, context.language);
    return zh ? `${identity}（${column.label.zh} ${value}）` : `${identity} (${column.label.en} ${value})`;
  });
  if (zh) {
    const name = entity?.names.zh[0] ?? query.entity;
    const quantifier = QUANTIFIERS[query.entity] ?? "条";
    const head = `${period ? `${period}，` : ""}共有 ${shownCount} ${quantifier}${name}${suffix ? `符合条件${suffix}` : ""}。`;
    return count > 0 ? `${head}${count > items.length ? "排在前面的是" : "分别是"}：${items.join("、")}${count > items.length ? "等" : ""}。` : head;
  }
  const plural = entity ? (count === 1 ? entity.names.en[0] : (entity.names.en.find((name) => name.endsWith("s")) ?? `${entity.names.en[0]}s`)) : query.entity;
  const head = `${shownCount} ${plural} ${count === 1 ? "matches" : "match"}${suffix}${period ? ` for ${period}` : ""}.`;
  const more = count - items.length;
  return count > 0 ? `${head} ${more > 0 ? "First" : "They are"}: ${items.join("; ")}${more > 0 ? ` (and ${more.toLocaleString("en-US")} more)` : ""}.` : head;
}

/** The sentence for an empty result: no rows matched, with the filters and the period restated. */
export function emptyText(context: NamingContext, view: ResultView): string {
  const zh = context.language === "zh";
  const query = view.plan.query;
  const conditions: string[] = [];
  const filters = describeFilters(context, filtersOf(query));
  if (filters) conditions.push(zh ? `筛选条件：${filters}` : `filters: ${filters}`);
  if (query.kind === "aggregate" && query.having.length > 0)
    conditions.push(query.having.map((condition) => describeMetricCondition(context, condition)).join(zh ? "且" : " and "));
  if (view.period) conditions.push(zh ? `时间：${describePeriod(view.period, "zh")}` : `period: ${describePeriod(view.period, "en")}`);
  const restated = conditions.join(zh ? "；" : "; ");
  if (zh) return `没有找到符合条件的数据${restated ? `（${restated}）` : ""}。可以放宽筛选条件或扩大时间范围后再试。`;
  return `No rows matched${restated ? ` (${restated})` : ""}. Try widening the filters or the time range.`;
}

/** Tool and raw-SQL results: a single figure stated, otherwise the row count. */
function otherText(context: NamingContext, view: ResultView): string {
  const zh = context.language === "zh";
  const purpose = view.plan.query.kind === "sql" ? view.plan.query.purpose : "";
  if (view.rows.length === 1 && view.columns.length === 1) {
    const column = view.columns[0];
    const value = formatValue(view.rows[0][0], column.format, context.language);
    return zh ? `${purpose ? `${purpose}：` : ""}${column.label.zh}为 ${value}。` : `${purpose ? `${purpose}: ` : ""}${column.label.en} is ${value}.`;
  }
  const count = view.rowCount.toLocaleString("en-US");
  return zh ? `${purpose ? `${purpose}：` : ""}共 ${count} 行结果。` : `${purpose ? `${purpose}: ` : ""}${count} ${view.rowCount === 1 ? "row" : "rows"}.`;
}

/** True when an aggregate without groups came back with no figure at all (every metric null). */
function hasNoFigure(view: ResultView, metricIds: readonly string[]): boolean {
  const row = view.rows[0];
  return !row || metricIds.every((metricId) => numberAt(row, metricColumnIndex(view.columns, metricId)) === undefined);
}

/** Composes the short answer for an executed aggregate or list plan. */
export function answerText(context: NamingContext, view: ResultView): string {
  const query = view.plan.query;
  if (view.rowCount === 0 || view.rows.length === 0) return emptyText(context, view);
  let text: string;
  if (query.kind === "aggregate") {
    // One row per period reads as one row per group with the earlier period's values beside the current ones.
    const read = isComparedInRows(view, query) ? pairPeriodRows(view, query) : view;
    if (query.versusRest) text = versusRestText(context, read, { ...query, versusRest: query.versusRest });
    else if (query.dimensions.length > 0) text = groupedText(context, read, query);
    else if (hasNoFigure(read, query.metrics)) text = emptyText(context, read);
    else if (query.shareOf) text = segmentShareText(context, read, { ...query, shareOf: query.shareOf });
    else text = singleText(context, read, query);
  } else if (query.kind === "list") {
    text = listText(context, view, query);
  } else {
    text = otherText(context, view);
  }
  if (view.truncated && query.kind !== "list")
    text += context.language === "zh" ? `（结果超过 ${view.rows.length.toLocaleString("en-US")} 行，只返回了前面部分）` : ` (more than ${view.rows.length.toLocaleString("en-US")} rows; only the first are returned)`;
  return text;
}

