/**
 * A rate whose rows are filtered by the very column its numerator counts ("90天以上的逾期率": the overdue rate of
 * loans more than 90 days past due) is trivially 1 or 0. Said that way, the question means the rate of that bucket:
 * the semantic layer's rate named after the bucket (the 90+ rate) replaces the metric; with none, it is declined.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Metric } from "../../../schema/semantic-layer/types.ts";
import type { AggregateQuery, Filter } from "../../plan/query-plan.ts";

/** The SQL text of a fragment (both dialects read the same columns). */
const sqlText = (fragment: string | { sqlite: string } | undefined) => (fragment === undefined ? "" : typeof fragment === "string" ? fragment : fragment.sqlite);

/** The table.column names an SQL fragment reads. */
const columnsOf = (sql: string) => new Set([...sql.matchAll(/\b([a-z_]+\.[a-z_]+)\b/g)].map((match) => match[1]));

/** The columns a ratio's numerator condition reads (the WHEN parts), beside the rows every ratio keeps (status). */
function numeratorColumns(metric: Metric): Set<string> {
  if (metric.kind !== "ratio") return new Set();
  const conditions = [...sqlText(metric.numerator).matchAll(/WHEN (.+?) THEN/gi)].map((match) => match[1]).join(" ");
  const kept = columnsOf(sqlText(metric.filter));
  return new Set([...columnsOf(conditions)].filter((column) => !kept.has(column) && !column.endsWith(".status")));
}

/** The columns a top-level filter constrains (a term's status check left out: every loan term has one). */
function filterColumns(filter: Filter, layer: SemanticLayer): Set<string> {
  if (filter.kind === "in") {
    const dimension = layer.dimension(filter.dimension);
    return columnsOf(sqlText(dimension.column));
  }
  if (filter.kind === "term") return new Set([...columnsOf(sqlText(layer.term(filter.term).sql))].filter((column) => !column.endsWith(".status")));
  return new Set();
}

/** Whether a metric name contains a bucket's name as a whole (M1 is not inside M1+逾期率: "+" continues it). */
const namesBucket = (metricName: string, bucketName: string) => {
  const at = metricName.indexOf(bucketName);
  return at >= 0 && !/^[+\w]/.test(metricName.slice(at + bucketName.length)) && !/\w$/.test(metricName.slice(0, at));
};

/** The names a one-value filter or a term filter is said with (90天以上, M3+, 90+). */
function bucketNamesOf(filter: Filter, layer: SemanticLayer): string[] | undefined {
  if (filter.kind === "term") {
    const term = layer.term(filter.term);
    return [...term.names.zh, ...term.names.en];
  }
  if (filter.kind !== "in" || filter.values.length !== 1) return undefined;
  const value = layer.dimension(filter.dimension).values?.find((candidate) => candidate.value === filter.values[0]);
  return value ? [value.value, ...value.names.zh, ...value.names.en] : undefined;
}

/** The layer's rate of the bucket a one-value filter names, measured like `metric` over the same rows. */
function bucketRate(metric: Metric, filter: Filter, layer: SemanticLayer): Metric | undefined {
  const names = bucketNamesOf(filter, layer);
  if (!names) return undefined;
  const bucketNames = names.map((name) => name.toLowerCase());
  const sameRows = (other: Metric) =>
    other.id !== metric.id && other.kind === "ratio" && other.entity === metric.entity && sqlText(other.denominator) === sqlText(metric.denominator) && sqlText(other.filter) === sqlText(metric.filter);
  const matches = layer.metrics.filter((other) => sameRows(other) && [...other.names.zh, ...other.names.en].some((name) => bucketNames.some((bucket) => namesBucket(name.toLowerCase(), bucket))));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * Rewrites rates filtered by their own numerator's column into the bucket's rate. Returns the query unchanged when
 * no rate is degenerate, a new query when each one was replaced, or undefined when one has no rate to become.
 */
export function replaceDegenerateRates(query: AggregateQuery, layer: SemanticLayer): AggregateQuery | undefined {
  let result = query;
  for (const id of query.metrics) {
    const metric = layer.metric(id);
    const counted = numeratorColumns(metric);
    if (counted.size === 0) continue;
    const clashing = result.filters.filter((filter) => [...filterColumns(filter, layer)].some((column) => counted.has(column)));
    if (clashing.length === 0) continue;
    const replacement = clashing.length === 1 ? bucketRate(metric, clashing[0], layer) : undefined;
    if (!replacement || result.metrics.includes(replacement.id)) return undefined;
    const rename = (metricId: string) => (metricId === id ? replacement.id : metricId);
    result = {
      ...result,
      metrics: result.metrics.map(rename),
      filters: result.filters.filter((filter) => filter !== clashing[0]),
      order: result.order.map((order) => ({ ...order, by: rename(order.by) })),
      having: result.having.map((condition) => ({ ...condition, metric: rename(condition.metric) })),
    };
  }
  return result;
}
