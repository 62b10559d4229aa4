/**
 * Aggregate plans: metrics grouped by dimensions. Metrics that share an entity, a row filter and a way of dating
 * rows form one part (one grouped SELECT, the filter in WHERE); several parts become CTEs joined on the dimension
 * keys, so each metric keeps exactly its DOMAIN.md formula. compareTo runs the same over the earlier range.
 */
import type { Dimension, Metric } from "../../schema/semantic-layer/types.ts";
import { UnknownMemberError, closestIds } from "../../schema/semantic-layer/semantic-layer.ts";
import type { AggregateQuery, DateRange, MetricCondition, TimeGrain } from "../plan/query-plan.ts";
import { addMonths, bucketsOf } from "./calendar.ts";
import type { CompileContext } from "./compile-context.ts";
import { compileError } from "./compile-error.ts";
import type { CompiledColumn, CompiledQuery } from "./compiled-query.ts";
import { JoinGraph } from "./join-graph.ts";
import { dimensionSql, filterSql, operatorSql, parenthesize, scopeSql, timeColumnFor, timeCondition } from "./member-sql.ts";
import type { DimensionSql } from "./member-sql.ts";
import { definitionsOf } from "./definitions.ts";

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
interface Grouping {
  categories: string[];
  time?: { grain: TimeGrain; alias: string; dimension: Dimension };
}

/** A SELECT with its columns by alias, ready to take HAVING/ORDER BY or to become a CTE. */
interface Measures {
  ctes: [string, string][];
  select: string;
  /** Where each output alias is read from in `select` (for HAVING/WHERE on metrics). */
  metricReference: (metricId: string) => string;
  /** True when `select` is one grouped SELECT (conditions on metrics go into HAVING). */
  grouped: boolean;
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
    throw compileError("unsupported", "按时间分组的查询不能同时对比上期;请去掉时间维度或对比", "a query grouped by time cannot also compare with an earlier period");

  const parts = groupIntoParts(metrics, context);
  const period: { used?: DateRange } = { used: query.time ? { start: query.time.start, end: query.time.end } : undefined };
  const build = (range: DateRange | undefined, prefix: string) => buildMeasures(parts, metrics, grouping, query, range, prefix, context, period);

  const columns = outputColumns(grouping, metrics, context, query.compareTo !== undefined);
  const keyAliases = [...(grouping.time ? [grouping.time.alias] : []), ...grouping.categories];
  const orderAliases = () => orderBy(query, grouping, context, keyAliases);

  let text: string;
  if (!query.compareTo) {
    const measures = build(query.time, "");
    // A single grouped SELECT already carries its HAVING; joined parts filter their metric columns in WHERE.
    const conditions = measures.grouped ? [] : query.having.map((condition) => havingCondition(condition, measures.metricReference(condition.metric), context));
    const clause = conditions.length === 0 ? "" : ` WHERE ${conditions.join(" AND ")}`;
    text = withClause(measures.ctes) + measures.select + clause + orderAliases() + limitClause(query, context);
  } else {
    const current = build(query.time, "current_");
    const previous = build(query.compareTo, "previous_");
    const ctes: [string, string][] = [...current.ctes, ["current_values", current.select], ...previous.ctes, ["previous_values", previous.select]];
    const keys = current.keyAliases;
    const select = [
      ...keys.map((alias) => `current_values.${alias} AS ${alias}`),
      ...current.labelAliases.map((alias) => `current_values.${alias} AS ${alias}`),
      ...metrics.flatMap((metric) => [
        `current_values.${metric.id} AS ${metric.id}`,
        `previous_values.${metric.id} AS ${metric.id}_previous`,
        `current_values.${metric.id} - previous_values.${metric.id} AS ${metric.id}_change`,
      ]),
    ];
    const from =
      keys.length === 0
        ? "current_values CROSS JOIN previous_values"
        : `current_values LEFT JOIN previous_values ON ${keys.map((alias) => context.dialect.nullSafeEquals(`current_values.${alias}`, `previous_values.${alias}`)).join(" AND ")}`;
    const conditions = query.having.map((condition) => havingCondition(condition, `current_values.${condition.metric}`, context));
    text =
      withClause(ctes) +
      `SELECT ${select.join(", ")} FROM ${from}` +
      (conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : "") +
      orderAliases() +
      limitClause(query, context);
  }
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
): string[] {
  const { graph, lead } = part;
  const dialect = context.dialect;
  const root = context.layer.entity(graph.root);

  const oneSelect = (timeKey: string | undefined, rowRange: DateRange | undefined, formulaPeriod: DateRange | undefined): string => {
    const entities: string[] = [];
    const keys: string[] = [];
    const dimensions: DimensionSql[] = grouping.categories.map((id) => dimensionSql(context, graph, { id }, formulaPeriod));
    if (timeKey !== undefined && grouping.time) keys.push(`${timeKey} AS ${grouping.time.alias}`);
    for (const dimension of dimensions) {
      entities.push(...dimension.entities);
      keys.push(`${dimension.text ? dialect.textKey(dimension.sql) : dimension.sql} AS ${dimension.alias}`);
    }
    for (const dimension of dimensions) if (dimension.label) keys.push(`${dimension.label.sql} AS ${dimension.label.alias}`);
    const where: string[] = [];
    if (lead.filter) where.push(parenthesize(context.fragment(lead.filter, formulaPeriod)));
    if (rowRange) {
      const column = timeColumnFor(context, graph, lead, query.time?.dateAttribute);
      entities.push(...column.entities);
      where.push(timeCondition(context, column, rowRange));
    }
    for (const filter of query.filters) {
      const piece = filterSql(context, graph, filter, formulaPeriod);
      entities.push(...piece.entities);
      where.push(parenthesize(piece.sql));
    }
    const scope = scopeSql(context, graph);
    if (scope) {
      entities.push(...scope.entities);
      where.push(scope.sql);
    }
    const measures = part.metrics.map((metric) => `${metricExpression(metric, context, formulaPeriod)} AS ${metric.id}`);
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
      return [oneSelect(undefined, undefined, range ?? context.asOfMonthRange())];
    }
    const grain = grouping.time.grain;
    if (grain === "day")
      throw compileError("unsupported", `“${lead.names.zh[0]}”是期间指标,不能按日计算;请按月、季或年`, `"${lead.id}" is a period metric and cannot be computed per day; group by month, quarter or year`);
    const bucketRange = range ?? defaultBucketRange(context);
    if (!range) period.used ??= bucketRange;
    const buckets = bucketsOf(bucketRange, grain);
    if (buckets.length > MAX_PERIOD_BUCKETS)
      throw compileError(
        "unsupported",
        `“${lead.names.zh[0]}”按时间分组最多 ${MAX_PERIOD_BUCKETS} 个区间,请缩短时间范围或加大粒度`,
        `"${lead.id}" grouped by time allows at most ${MAX_PERIOD_BUCKETS} buckets; shorten the range or use a coarser grain`,
      );
    return buckets.map((bucket) => oneSelect(dialect.textKey(dialect.textParameter(context.bind(bucket.label))), undefined, bucket.range));
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
  const select = oneSelect(timeKey, rowRange, rowRange);
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
): Measures {
  const keyAliases = [...(grouping.time ? [grouping.time.alias] : []), ...grouping.categories];
  const labelAliases = grouping.categories.filter((id) => context.layer.dimension(id).labelColumns).map((id) => `${id}_name`);
  if (parts.length === 1 && !(parts[0].lead.periodInFormula && grouping.time)) {
    // One grouped SELECT: conditions on metrics go into HAVING (only when this is the final statement).
    const final = prefix === "";
    const having = final ? (expressionFor: (metric: Metric) => string) => havingConditions(query, parts[0], expressionFor, context) : undefined;
    const [select] = partSelects(parts[0], grouping, query, range, context, period, having);
    return { ctes: [], select, metricReference: (id) => id, grouped: final, keyAliases, labelAliases };
  }
  const ctes: [string, string][] = parts.map((part) => [`${prefix}${part.name}`, partSelects(part, grouping, query, range, context, period).join(" UNION ALL ")]);
  const partOf = new Map(parts.flatMap((part) => part.metrics.map((metric) => [metric.id, `${prefix}${part.name}`] as const)));
  const select: string[] = [];
  let from: string;
  if (keyAliases.length === 0) {
    from = ctes.map(([name]) => name).join(" CROSS JOIN ");
  } else {
    // Every group that any part has: the union of their keys, each part joined to it (NULL keys match NULL).
    const keysName = `${prefix}group_keys`;
    const keyColumns = [...keyAliases, ...labelAliases].join(", ");
    const joins = ctes.map(
      ([name]) => ` LEFT JOIN ${name} ON ${keyAliases.map((alias) => context.dialect.nullSafeEquals(`${keysName}.${alias}`, `${name}.${alias}`)).join(" AND ")}`,
    );
    ctes.push([keysName, ctes.map(([name]) => `SELECT ${keyColumns} FROM ${name}`).join(" UNION ")]);
    select.push(...[...keyAliases, ...labelAliases].map((alias) => `${keysName}.${alias} AS ${alias}`));
    from = keysName + joins.join("");
  }
  select.push(...metrics.map((metric) => `${partOf.get(metric.id)}.${metric.id} AS ${metric.id}`));
  return { ctes, select: `SELECT ${select.join(", ")} FROM ${from}`, metricReference: (id) => `${partOf.get(id)}.${id}`, grouped: false, keyAliases, labelAliases };
}

function havingConditions(query: AggregateQuery, part: Part, expressionFor: (metric: Metric) => string, context: CompileContext): string[] {
  return query.having.map((condition) => {
    const metric = part.metrics.find((candidate) => candidate.id === condition.metric) as Metric;
    return `${expressionFor(metric)} ${operatorSql(condition.op)} ${context.dialect.numberParameter(context.bind(condition.value))}`;
  });
}

/** A condition on a metric read from a CTE column. */
function havingCondition(condition: MetricCondition, reference: string, context: CompileContext): string {
  return `${reference} ${operatorSql(condition.op)} ${context.dialect.numberParameter(context.bind(condition.value))}`;
}

function withClause(ctes: [string, string][]): string {
  return ctes.length === 0 ? "" : `WITH ${ctes.map(([name, body]) => `${name} AS (${body})`).join(", ")} `;
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

/** Result columns in SELECT order: time key, category keys, labels, then metrics (with previous and change). */
function outputColumns(grouping: Grouping, metrics: Metric[], context: CompileContext, compare: boolean): CompiledColumn[] {
  const columns: CompiledColumn[] = [];
  const first = (names: { zh: string[]; en: string[] }) => ({ zh: names.zh[0], en: names.en[0] });
  if (grouping.time) {
    const grainNames = { day: { zh: "日期", en: "day" }, month: { zh: "月份", en: "month" }, quarter: { zh: "季度", en: "quarter" }, year: { zh: "年份", en: "year" } };
    columns.push({ name: grouping.time.alias, label: grainNames[grouping.time.grain], role: "dimension", memberId: "time" });
  }
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
    if (compare) {
      columns.push({ name: `${metric.id}_previous`, label: { zh: `上期${label.zh}`, en: `${label.en} (previous period)` }, role: "previous", memberId: metric.id, format: metric.format });
      columns.push({ name: `${metric.id}_change`, label: { zh: `${label.zh}变化`, en: `${label.en} change` }, role: "change", memberId: metric.id, format: metric.format });
    }
  }
  return columns;
}
