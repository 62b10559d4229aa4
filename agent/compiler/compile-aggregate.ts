/**
 * Aggregate plans: metrics grouped by dimensions. Metrics that share an entity, a row filter and a way of dating
 * rows form one part (one grouped SELECT, the filter in WHERE); several parts become CTEs stacked and grouped by
 * the dimension keys, so each metric keeps exactly its DOMAIN.md formula. compareTo runs the same over the earlier
 * range (compare-periods.ts); bucketChange and share add window columns (bucket-change.ts, metric-share.ts).
 */
import type { Dimension, Metric } from "../../schema/semantic-layer/types.ts";
import { UnknownMemberError, closestIds } from "../../schema/semantic-layer/semantic-layer.ts";
import type { AggregateQuery, DateRange, TimeGrain } from "../plan/query-plan.ts";
import { bucketChangeStatement } from "./bucket-change.ts";
import { addDays, addMonths, bucketLabel, bucketsOf } from "./calendar.ts";
import type { CompileContext } from "./compile-context.ts";
import { compileError } from "./compile-error.ts";
import type { CompiledColumn, CompiledQuery } from "./compiled-query.ts";
import { JoinGraph } from "./join-graph.ts";
import { addRowRestrictions, dimensionSql, filterSql, operatorSql, parenthesize, timeColumnFor, timeCondition } from "./member-sql.ts";
import type { DimensionSql } from "./member-sql.ts";
import { definitionsOf } from "./definitions.ts";
import { comparisonColumnsStatement, comparisonRowsStatement } from "./compare-periods.ts";
import { assertShareable, segmentMeasure, shareStatement } from "./metric-share.ts";
import { comparisonKind, previousBucket } from "./period-labels.ts";
import type { ComparisonKind } from "./period-labels.ts";
import { havingCondition, withClause } from "./statement-clauses.ts";

/** At most this many per-bucket subqueries for a period metric grouped by time. */
export const MAX_PERIOD_BUCKETS = 36;

/** Metrics computed by one grouped SELECT. */
interface Part {
  name: string;
  graph: JoinGraph;
  metrics: Metric[];
  /** The representative metric: filter, date column and period handling are the same for all. */
  lead: Metric;
}

/** The plan's grouping, resolved once. */
export interface Grouping {
  categories: string[];
  time?: { grain: TimeGrain; alias: string; dimension: Dimension };
  /** versusRest: the segment's name (the key of its rows; the others are 其他 / others). */
  segment?: { zh: string; en: string };
}

/** A SELECT with its columns by alias, ready to take HAVING/ORDER BY or to become a CTE. */
export interface Measures {
  ctes: [string, string][];
  select: string;
  /** Where each output alias is read from in `select` (for HAVING/WHERE on metrics). */
  metricReference: (metricId: string) => string;
  /** True when `select` is one grouped SELECT that already has the plan's HAVING. */
  grouped: boolean;
  /** Where conditions on `metricReference` go when appended to `select` (a grouped stack takes HAVING). */
  conditionClause: "WHERE" | "HAVING";
  keyAliases: string[];
  labelAliases: string[];
}

/** Compiles an aggregate query. */
export function compileAggregate(query: AggregateQuery, context: CompileContext): CompiledQuery {
  const layer = context.layer;
  const dimensionIds = new Set<string>();
  let timeReference: Grouping["time"];
  const categories: string[] = [];
  for (const reference of query.dimensions) {
    const dimension = layer.dimension(reference.id);
    if (dimensionIds.has(dimension.id)) continue;
    dimensionIds.add(dimension.id);
    if (dimension.type === "time") {
      const grain = reference.grain ?? "month";
      timeReference = { grain, alias: `time_${grain}`, dimension };
    } else {
      if (reference.grain) throw compileError("invalid_plan", `只有时间维度可以指定粒度,“${dimension.id}”不行`, `only the time dimension takes a grain, not "${dimension.id}"`);
      categories.push(dimension.id);
    }
  }
  const grouping: Grouping = { categories, time: timeReference };

  // Metrics named by the plan, then those only its HAVING or ORDER BY names (they are shown too).
  const metricIds: string[] = [];
  const addMetric = (id: string) => {
    const metric = layer.metric(id);
    if (!metricIds.includes(metric.id)) metricIds.push(metric.id);
  };
  query.metrics.forEach(addMetric);
  query.having.forEach((condition) => addMetric(condition.metric));
  for (const order of query.order) {
    if (dimensionIds.has(order.by) || metricIds.includes(order.by)) continue;
    if (layer.has("metric", order.by)) addMetric(order.by);
    else if (layer.has("dimension", order.by))
      throw compileError("invalid_plan", `排序用的维度“${order.by}”不在分组维度中`, `cannot order by dimension "${order.by}": the plan does not group by it`);
    else throw new UnknownMemberError("metric", order.by, closestIds(order.by, [...metricIds, ...dimensionIds]));
  }
  const metrics = metricIds.map((id) => layer.metric(id));

  if (query.compareTo && !query.time)
    throw compileError("invalid_plan", "对比上期需要先指定本期的时间范围", "compareTo needs the plan's own time range (the current period)");
  if (query.compareTo && grouping.time)
    throw compileError(
      "unsupported",
      "按时间分组的查询不能同时对比上期;请去掉时间维度,或改为逐期环比",
      "a query grouped by time cannot also compare with an earlier period; drop the time dimension, or use bucketChange for the change per bucket",
    );
  if (query.compareLayout === "rows" && !query.compareTo)
    throw compileError("invalid_plan", "按期分行展示需要对比期(compareTo)", "compareLayout 'rows' needs compareTo (the earlier period)");
  if (query.bucketChange && !grouping.time)
    throw compileError("invalid_plan", "逐期环比需要按时间分组", "bucketChange needs a time dimension (the buckets to compare)");
  if (query.share && (query.compareTo || query.bucketChange))
    throw compileError("unsupported", "占比不能与对比上期或逐期环比同时使用", "share cannot be combined with compareTo or bucketChange");
  if (query.shareOf && (query.share || query.compareTo || query.bucketChange))
    throw compileError("unsupported", "某部分的占比不能与整体占比、对比上期或逐期环比同时使用", "shareOf cannot be combined with share, compareTo or bucketChange");
  const sharedIds = new Set(query.share || query.shareOf ? query.metrics.map((id) => layer.metric(id).id) : []);
  if (query.share || query.shareOf) assertShareable(metrics.filter((metric) => sharedIds.has(metric.id)));

  const parts = groupIntoParts(metrics, context);
  // A segment's share is computed beside its metric in one grouped SELECT.
  if (query.shareOf && (parts.length > 1 || parts[0].lead.periodInFormula))
    throw compileError("unsupported", "某部分的占比只支持同一类记录上的指标", "shareOf needs metrics computed over the same rows (one part)");
  // A segment against the rest is one more key of one grouped SELECT.
  if (query.versusRest && (parts.length > 1 || query.compareTo || query.bucketChange || query.share || query.shareOf))
    throw compileError(
      "unsupported",
      "某部分与其余部分的对比只支持同一类记录上的指标,且不能与对比上期、逐期环比或占比同时使用",
      "versusRest needs metrics over the same rows (one part) and cannot be combined with compareTo, bucketChange, share or shareOf",
    );
  if (query.versusRest) grouping.segment = segmentLabel(query.versusRest, context);
  // A trend with its change over a period metric without a range uses that metric's default range for every part.
  const trendRange =
    query.bucketChange && !query.time && parts.some((part) => part.lead.periodInFormula) ? defaultBucketRange(context) : query.time;
  const period: { used?: DateRange } = { used: trendRange ? { start: trendRange.start, end: trendRange.end } : undefined };
  const build = (range: DateRange | undefined, prefix: string, extraBucket?: DateRange) =>
    buildMeasures(parts, metrics, grouping, query, range, prefix, context, period, extraBucket);

  const comparison: ColumnOptions["comparison"] = query.compareTo
    ? query.compareLayout === "rows"
      ? "rows"
      : comparisonKind(query.time as DateRange, query.compareTo)
    : query.bucketChange
      ? "bucket"
      : undefined;
  const columns = outputColumns(grouping, metrics, context, { comparison, shared: sharedIds, segment: query.shareOf ? segmentLabel(query.shareOf, context) : undefined });
  const keyAliases = [...(grouping.time ? [grouping.time.alias] : []), ...(grouping.segment ? ["segment"] : []), ...grouping.categories];
  const orderAliases = () => orderBy(query, grouping, context, query.compareLayout === "rows" && query.compareTo ? [...keyAliases, "period_label"] : keyAliases);

  let text: string;
  if (query.compareTo) {
    const current = build(query.time, "current_");
    const previous = build(query.compareTo, "previous_");
    text =
      query.compareLayout === "rows"
        ? comparisonRowsStatement(current, previous, { current: query.time as DateRange, previous: query.compareTo }, metrics, query, context)
        : comparisonColumnsStatement(current, previous, metrics, query, context);
  } else if (query.bucketChange && grouping.time) {
    const time = grouping.time;
    const measures = build(trendRange, "bucket_", trendRange ? previousBucket(trendRange.start, time.grain) : undefined);
    text = bucketChangeStatement(measures, { ...grouping, time }, trendRange, metrics, query, context);
  } else if (query.share) {
    text = shareStatement(build(query.time, "share_"), grouping, metrics, sharedIds, query, context);
  } else {
    const measures = build(query.time, "");
    // A single grouped SELECT already carries its HAVING; stacked parts take HAVING on MAX(metric), one-row parts WHERE.
    const conditions = measures.grouped ? [] : query.having.map((condition) => havingCondition(condition, measures.metricReference(condition.metric), context));
    const clause = conditions.length === 0 ? "" : ` ${measures.conditionClause} ${conditions.join(" AND ")}`;
    text = withClause(measures.ctes) + measures.select + clause;
  }
  text += orderAliases() + limitClause(query, context);
  const { sql, params } = context.parameters.finish(text, context.dialect);
  return { sql, params, columns, definitions: definitionsOf(metrics, context), period: period.used };
}

/** Groups metrics sharing entity, row filter, date column and period handling; order follows the plan. */
function groupIntoParts(metrics: Metric[], context: CompileContext): Part[] {
  const parts = new Map<string, Part>();
  const graphs = new Map<string, JoinGraph>();
  for (const metric of metrics) {
    const filter = metric.filter === undefined ? "" : JSON.stringify(metric.filter);
    const key = [metric.entity, filter, metric.dateColumn ?? "", metric.periodInFormula, metric.defaultPeriod].join("|");
    let part = parts.get(key);
    if (!part) {
      let graph = graphs.get(metric.entity);
      if (!graph) graphs.set(metric.entity, (graph = new JoinGraph(metric.entity, context.layer.joins)));
      part = { name: `part_${parts.size + 1}`, graph, metrics: [], lead: metric };
      parts.set(key, part);
    }
    part.metrics.push(metric);
  }
  return [...parts.values()];
}

/** The metric's aggregate expression; `period` feeds {{period_start}}/{{period_end}}. */
function metricExpression(metric: Metric, context: CompileContext, period: DateRange | undefined): string {
  if (metric.kind === "simple") return context.fragment(metric.sql as NonNullable<Metric["sql"]>, period);
  const ratio = context.dialect.divide(
    context.fragment(metric.numerator as NonNullable<Metric["numerator"]>, period),
    context.fragment(metric.denominator as NonNullable<Metric["denominator"]>, period),
  );
  return metric.multiplier === undefined ? ratio : `${metric.multiplier} * ${ratio}`;
}

/** The default range of a period metric grouped by time without a plan range: the 12 months up to the as-of date. */
function defaultBucketRange(context: CompileContext): DateRange {
  return { start: `${addMonths(context.asOfMonth, -11)}-01`, end: context.asOfDate };
}

/** The SELECT(s) of one part over `range`; period metrics grouped by time give one SELECT per bucket. */
function partSelects(
  part: Part,
  grouping: Grouping,
  query: AggregateQuery,
  range: DateRange | undefined,
  context: CompileContext,
  period: { used?: DateRange },
  havingFor?: (metricExpressionFor: (metric: Metric) => string) => string[],
  extraBucket?: DateRange,
): string[] {
  const { graph, lead } = part;
  const dialect = context.dialect;
  const root = context.layer.entity(graph.root);

  const oneSelect = (timeKey: string | undefined, rowRanges: DateRange[], formulaPeriod: DateRange | undefined): string => {
    const entities: string[] = [];
    const keys: string[] = [];
    const dimensions: DimensionSql[] = grouping.categories.map((id) => dimensionSql(context, graph, { id }, formulaPeriod));
    if (timeKey !== undefined && grouping.time) keys.push(`${timeKey} AS ${grouping.time.alias}`);
    if (grouping.segment && query.versusRest) {
      // "年轻客户和其他客户": the segment's rows under its name, every other row under 其他 / others.
      const segment = filterSql(context, graph, query.versusRest, formulaPeriod);
      entities.push(...segment.entities);
      const name = (text: string) => dialect.textParameter(context.bind(text));
      const [member, rest] = context.language === "en" ? [grouping.segment.en, "others"] : [grouping.segment.zh, "其他"];
      keys.push(`${dialect.textKey(`CASE WHEN ${parenthesize(segment.sql)} THEN ${name(member)} ELSE ${name(rest)} END`)} AS segment`);
    }
    for (const dimension of dimensions) {
      entities.push(...dimension.entities);
      keys.push(`${dimension.text ? dialect.textKey(dimension.sql) : dimension.sql} AS ${dimension.alias}`);
    }
    for (const dimension of dimensions) if (dimension.label) keys.push(`${dimension.label.sql} AS ${dimension.label.alias}`);
    const where: string[] = [];
    if (lead.filter) where.push(parenthesize(context.fragment(lead.filter, formulaPeriod)));
    if (rowRanges.length > 0) {
      const column = timeColumnFor(context, graph, lead, query.time?.dateAttribute);
      entities.push(...column.entities);
      const conditions = rowRanges.map((rowRange) => timeCondition(context, column, rowRange));
      where.push(conditions.length === 1 ? conditions[0] : `(${conditions.map((condition) => `(${condition})`).join(" OR ")})`);
    }
    addRowRestrictions(context, graph, query.filters, formulaPeriod, entities, where);
    const measures = part.metrics.map((metric) => `${metricExpression(metric, context, formulaPeriod)} AS ${metric.id}`);
    if (query.shareOf) {
      // "低价值客户占比": the segment's rows over all the rows of the group, in the same SELECT.
      const segment = filterSql(context, graph, query.shareOf, formulaPeriod);
      entities.push(...segment.entities);
      for (const metric of part.metrics.filter((candidate) => query.metrics.includes(candidate.id))) {
        const whole = metricExpression(metric, context, formulaPeriod);
        measures.push(`${dialect.divide(segmentMeasure(metric, whole, parenthesize(segment.sql)), whole)} AS ${metric.id}_share`);
      }
    }
    const joins = graph.joinClauses(entities, (id) => context.layer.entity(id));
    const having = havingFor ? havingFor((metric) => metricExpression(metric, context, formulaPeriod)) : [];
    return (
      `SELECT ${[...keys, ...measures].join(", ")} FROM ${root.table}` +
      joins.map((join) => ` ${join}`).join("") +
      (where.length > 0 ? ` WHERE ${where.join(" AND ")}` : "") +
      (keys.length > 0 ? ` GROUP BY ${keys.map((_, index) => index + 1).join(", ")}` : "") +
      (having.length > 0 ? ` HAVING ${having.join(" AND ")}` : "")
    );
  };

  if (lead.periodInFormula) {
    if (!grouping.time) {
      if (!range) period.used ??= context.asOfMonthRange();
      return [oneSelect(undefined, [], range ?? context.asOfMonthRange())];
    }
    const grain = grouping.time.grain;
    if (grain === "day")
      throw compileError("unsupported", `“${lead.names.zh[0]}”是期间指标,不能按日计算;请按月、季或年`, `"${lead.id}" is a period metric and cannot be computed per day; group by month, quarter or year`);
    const bucketRange = range ?? defaultBucketRange(context);
    if (!range) period.used ??= bucketRange;
    // The bucket before the range (a trend with its change) comes first, whole; the limit counts shown buckets.
    const shown = bucketsOf(bucketRange, grain);
    const buckets = [...(extraBucket ? [{ label: bucketLabel(extraBucket.start, grain), range: extraBucket }] : []), ...shown];
    if (shown.length > MAX_PERIOD_BUCKETS)
      throw compileError(
        "unsupported",
        `“${lead.names.zh[0]}”按时间分组最多 ${MAX_PERIOD_BUCKETS} 个区间,请缩短时间范围或加大粒度`,
        `"${lead.id}" grouped by time allows at most ${MAX_PERIOD_BUCKETS} buckets; shorten the range or use a coarser grain`,
      );
    return buckets.map((bucket) => oneSelect(dialect.textKey(dialect.textParameter(context.bind(bucket.label))), [], bucket.range));
  }

  let rowRange = range;
  if (!rowRange && !grouping.time && lead.defaultPeriod === "as_of_month") {
    rowRange = context.asOfMonthRange();
    period.used ??= rowRange;
  }
  let timeKey: string | undefined;
  if (grouping.time) {
    const column = timeColumnFor(context, graph, lead, query.time?.dateAttribute);
    if (column.type === "month" && grouping.time.grain === "day")
      throw compileError("unsupported", `${root.names.zh[0]}按月记录,不能按日分组`, `${root.id} is recorded per month and cannot be grouped by day`);
    timeKey = dialect.textKey(dialect.timeBucket(column.sql, column.type, grouping.time.grain));
  }
  // Terms that need a period (new customers) use the plan's range, else the as-of month.
  // The extra bucket before the range: one condition when it adjoins the range, else the two ranges OR-ed.
  let rowRanges = rowRange ? [rowRange] : [];
  if (rowRange && extraBucket)
    rowRanges = addDays(extraBucket.end, 1) === rowRange.start ? [{ start: extraBucket.start, end: rowRange.end }] : [extraBucket, rowRange];
  const select = oneSelect(timeKey, rowRanges, rowRange);
  if (!rowRange && context.defaultPeriodUsed) period.used ??= context.asOfMonthRange();
  return [select];
}

/** The measures of all parts over one range: a single SELECT, or CTEs joined on the dimension keys. */
function buildMeasures(
  parts: Part[],
  metrics: Metric[],
  grouping: Grouping,
  query: AggregateQuery,
  range: DateRange | undefined,
  prefix: string,
  context: CompileContext,
  period: { used?: DateRange },
  extraBucket?: DateRange,
): Measures {
  const keyAliases = [...(grouping.time ? [grouping.time.alias] : []), ...grouping.categories];
  const labelAliases = grouping.categories.filter((id) => context.layer.dimension(id).labelColumns).map((id) => `${id}_name`);
  if (parts.length === 1 && !(parts[0].lead.periodInFormula && grouping.time)) {
    // One grouped SELECT: conditions on metrics go into HAVING (only when this is the final statement).
    const final = prefix === "";
    const having = final ? (expressionFor: (metric: Metric) => string) => havingConditions(query, parts[0], expressionFor, context) : undefined;
    const [select] = partSelects(parts[0], grouping, query, range, context, period, having, extraBucket);
    return { ctes: [], select, metricReference: (id) => id, grouped: final, conditionClause: "HAVING", keyAliases, labelAliases };
  }
  const ctes: [string, string][] = parts.map((part) => [`${prefix}${part.name}`, partSelects(part, grouping, query, range, context, period, undefined, extraBucket).join(" UNION ALL ")]);
  const partOf = new Map(parts.flatMap((part) => part.metrics.map((metric) => [metric.id, `${prefix}${part.name}`] as const)));
  if (keyAliases.length === 0) {
    const select = metrics.map((metric) => `${partOf.get(metric.id)}.${metric.id} AS ${metric.id}`);
    const from = ctes.map(([name]) => name).join(" CROSS JOIN ");
    return { ctes, select: `SELECT ${select.join(", ")} FROM ${from}`, metricReference: (id) => `${partOf.get(id)}.${id}`, grouped: false, conditionClause: "WHERE", keyAliases, labelAliases };
  }
  // Every group that any part has: the parts' rows stacked (each metric in its own column, NULL elsewhere), then
  // grouped by the keys — NULL keys group together, each part has one row per group, and no join fans out.
  const stackedName = `${prefix}stacked_parts`;
  const keyColumns = [...keyAliases, ...labelAliases];
  const stacked = ctes.map(
    ([name]) =>
      `SELECT ${[...keyColumns.map((alias) => `${name}.${alias} AS ${alias}`), ...metrics.map((metric) => `${partOf.get(metric.id) === name ? `${name}.${metric.id}` : context.dialect.nullNumber} AS ${metric.id}`)].join(", ")} FROM ${name}`,
  );
  ctes.push([stackedName, stacked.join(" UNION ALL ")]);
  const select = [...keyColumns.map((alias) => `${stackedName}.${alias} AS ${alias}`), ...metrics.map((metric) => `MAX(${stackedName}.${metric.id}) AS ${metric.id}`)];
  return {
    ctes,
    select: `SELECT ${select.join(", ")} FROM ${stackedName} GROUP BY ${keyColumns.map((_, index) => index + 1).join(", ")}`,
    metricReference: (id) => `MAX(${stackedName}.${id})`,
    grouped: false,
    conditionClause: "HAVING",
    keyAliases,
    labelAliases,
  };
}

function havingConditions(query: AggregateQuery, part: Part, expressionFor: (metric: Metric) => string, context: CompileContext): string[] {
  return query.having.map((condition) => {
    const metric = part.metrics.find((candidate) => candidate.id === condition.metric) as Metric;
    return `${expressionFor(metric)} ${operatorSql(condition.op)} ${context.dialect.numberParameter(context.bind(condition.value))}`;
  });
}


/** ORDER BY the plan's keys, then every dimension key ascending so that ties (and top-N) are reproducible. */
function orderBy(query: AggregateQuery, grouping: Grouping, context: CompileContext, keyAliases: string[]): string {
  const terms: string[] = [];
  const used = new Set<string>();
  for (const order of query.order) {
    const alias = order.by === "time" && grouping.time ? grouping.time.alias : order.by;
    if (used.has(alias)) continue;
    used.add(alias);
    terms.push(context.dialect.orderTerm(alias, order.direction));
  }
  for (const alias of keyAliases) if (!used.has(alias)) terms.push(context.dialect.orderTerm(alias, "asc"));
  return terms.length === 0 ? "" : ` ORDER BY ${terms.join(", ")}`;
}

function limitClause(query: AggregateQuery, context: CompileContext): string {
  return query.limit === undefined ? "" : ` LIMIT ${context.bind(query.limit)}`;
}

/** Which change columns a result has: a comparison of periods (by how they relate, or in rows), or per bucket. */
interface ColumnOptions {
  comparison?: ComparisonKind | "rows" | "bucket";
  /** Metrics with a share column. */
  shared: Set<string>;
  /** The segment a share is of (shareOf), as users name it. */
  segment?: { zh: string; en: string };
}

/** How a segment filter is named in a share's label: a term's name, a dimension's values, else "matching rows". */
function segmentLabel(filter: NonNullable<AggregateQuery["shareOf"]>, context: CompileContext): { zh: string; en: string } {
  const layer = context.layer;
  if (filter.kind === "term") return { zh: layer.term(filter.term).names.zh[0], en: layer.term(filter.term).names.en[0] };
  if (filter.kind === "in") {
    const dimension = layer.dimension(filter.dimension);
    const names = filter.values.map((value) => dimension.values?.find((entry) => entry.value === value)?.names ?? { zh: [value], en: [value] });
    return { zh: names.map((entry) => entry.zh[0]).join("、"), en: names.map((entry) => entry.en[0]).join(", ") };
  }
  if (filter.kind === "not" && filter.filter.kind !== "not") {
    const inner = segmentLabel(filter.filter, context);
    return { zh: `非${inner.zh}`, en: `not ${inner.en}` };
  }
  return { zh: "符合条件的部分", en: "matching rows" };
}

const CHANGE_RATIO_NAMES: Record<ComparisonKind, string> = { year_over_year: "同比变化率", period_over_period: "环比变化率", other: "变化率" };
const PREVIOUS_BUCKET_NAMES: Record<TimeGrain, { zh: string; en: string }> = {
  day: { zh: "前一日", en: "previous day" },
  month: { zh: "上月", en: "previous month" },
  quarter: { zh: "上季度", en: "previous quarter" },
  year: { zh: "上年", en: "previous year" },
};

/**
 * Result columns in SELECT order: the period label (comparison in rows), time key, category keys, labels, then
 * metrics, each followed by its previous value, change and change ratio (comparisons) or its share.
 */
function outputColumns(grouping: Grouping, metrics: Metric[], context: CompileContext, options: ColumnOptions): CompiledColumn[] {
  const columns: CompiledColumn[] = [];
  const first = (names: { zh: string[]; en: string[] }) => ({ zh: names.zh[0], en: names.en[0] });
  const { comparison } = options;
  if (comparison === "rows") columns.push({ name: "period_label", label: { zh: "期间", en: "period" }, role: "dimension", memberId: "time" });
  if (grouping.time) {
    const grainNames = { day: { zh: "日期", en: "day" }, month: { zh: "月份", en: "month" }, quarter: { zh: "季度", en: "quarter" }, year: { zh: "年份", en: "year" } };
    columns.push({ name: grouping.time.alias, label: grainNames[grouping.time.grain], role: "dimension", memberId: "time" });
  }
  if (grouping.segment) columns.push({ name: "segment", label: { zh: "分组", en: "group" }, role: "dimension", memberId: "segment" });
  for (const id of grouping.categories) {
    const dimension = context.layer.dimension(id);
    columns.push({ name: id, label: first(dimension.names), role: "dimension", memberId: id, ...(dimension.format ? { format: dimension.format } : {}) });
  }
  for (const id of grouping.categories) {
    const dimension = context.layer.dimension(id);
    if (!dimension.labelColumns) continue;
    const label = first(dimension.names);
    columns.push({ name: `${id}_name`, label: { zh: `${label.zh}名称`, en: `${label.en} name` }, role: "dimension", memberId: id });
  }
  for (const metric of metrics) {
    const label = first(metric.names);
    columns.push({ name: metric.id, label, role: "metric", memberId: metric.id, format: metric.format });
    if (options.shared.has(metric.id)) {
      const shareLabel = options.segment ? { zh: `${options.segment.zh}${label.zh}占比`, en: `${options.segment.en} share of ${label.en}` } : { zh: `${label.zh}占比`, en: `${label.en} share` };
      columns.push({ name: `${metric.id}_share`, label: shareLabel, role: "metric", memberId: metric.id, format: "rate", transform: "share" });
    }
    if (comparison === undefined || comparison === "rows") continue;
    const bucket = comparison === "bucket" && grouping.time ? PREVIOUS_BUCKET_NAMES[grouping.time.grain] : undefined;
    const ratioName = comparison === "bucket" ? (grouping.time?.grain === "year" ? CHANGE_RATIO_NAMES.year_over_year : CHANGE_RATIO_NAMES.period_over_period) : CHANGE_RATIO_NAMES[comparison];
    columns.push({
      name: `${metric.id}_previous`,
      label: bucket ? { zh: `${bucket.zh}${label.zh}`, en: `${label.en} (${bucket.en})` } : { zh: `上期${label.zh}`, en: `${label.en} (previous period)` },
      role: "previous",
      memberId: metric.id,
      format: metric.format,
    });
    columns.push({ name: `${metric.id}_change`, label: { zh: `${label.zh}变化`, en: `${label.en} change` }, role: "change", memberId: metric.id, format: metric.format });
    columns.push({
      name: `${metric.id}_change_ratio`,
      label: { zh: `${label.zh}${ratioName}`, en: `${label.en} change %` },
      role: "change",
      memberId: metric.id,
      format: "rate",
      transform: "change_ratio",
    });
  }
  return columns;
}
