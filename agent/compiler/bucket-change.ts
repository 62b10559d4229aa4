/**
 * A time trend with each bucket's change against the bucket before it (month over month): the measures over the
 * range extended by one bucket, LAG over the bucket index per group, and the extra bucket dropped from the output.
 */
import type { Metric } from "../../schema/semantic-layer/types.ts";
import type { AggregateQuery, DateRange, TimeGrain } from "../plan/query-plan.ts";
import { bucketLabel } from "./calendar.ts";
import type { Grouping, Measures } from "./compile-aggregate.ts";
import type { CompileContext } from "./compile-context.ts";
import { changeColumns, havingCondition, withClause } from "./statement-clauses.ts";

/**
 * The statement without ORDER BY and LIMIT. `measures` cover the plan's range plus the bucket before it;
 * `range` is the plan's range (undefined: all data, the first bucket has no previous value).
 * A previous value counts only when it is the bucket just before (a group with no rows in a bucket gets NULL,
 * never an older bucket's value).
 */
export function bucketChangeStatement(
  measures: Measures,
  grouping: Grouping & { time: { grain: TimeGrain; alias: string } },
  range: DateRange | undefined,
  metrics: Metric[],
  query: AggregateQuery,
  context: CompileContext,
): string {
  const dialect = context.dialect;
  const timeAlias = grouping.time.alias;
  const index = dialect.bucketIndex(`bucket_values.${timeAlias}`, grouping.time.grain);
  const partition = grouping.categories.length > 0 ? `PARTITION BY ${grouping.categories.map((alias) => `bucket_values.${alias}`).join(", ")} ` : "";
  // Labels sort chronologically (byte-wise: YYYY-MM, YYYY-Qn, YYYY, YYYY-MM-DD); the index only checks adjacency.
  const window = `OVER (${partition}ORDER BY bucket_values.${timeAlias})`;
  const passThrough = [...measures.keyAliases, ...measures.labelAliases, ...metrics.map((metric) => metric.id)].map((alias) => `bucket_values.${alias} AS ${alias}`);
  const previous = metrics.map((metric) => `CASE WHEN LAG(${index}) ${window} = ${index} - 1 THEN LAG(bucket_values.${metric.id}) ${window} END AS ${metric.id}_previous`);
  const ctes: [string, string][] = [
    ...measures.ctes,
    ["bucket_values", measures.select],
    ["bucket_changes", `SELECT ${[...passThrough, ...previous].join(", ")} FROM bucket_values`],
  ];
  const select = [
    ...[...measures.keyAliases, ...measures.labelAliases].map((alias) => `bucket_changes.${alias} AS ${alias}`),
    ...metrics.flatMap((metric) => changeColumns(metric.id, `bucket_changes.${metric.id}`, `bucket_changes.${metric.id}_previous`, context)),
  ];
  const conditions = [
    ...(range ? [`bucket_changes.${timeAlias} >= ${dialect.textParameter(context.bind(bucketLabel(range.start, grouping.time.grain)))}`] : []),
    ...query.having.map((condition) => havingCondition(condition, `bucket_changes.${condition.metric}`, context)),
  ];
  return withClause(ctes) + `SELECT ${select.join(", ")} FROM bucket_changes` + (conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : "");
}
