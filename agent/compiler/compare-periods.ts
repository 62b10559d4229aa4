/**
 * compareTo statements: the wide form (one row per group, groups of either period, with previous, change and
 * change ratio) and the long form (one row per period and group, labelled by the period's own name).
 */
import type { Metric } from "../../schema/semantic-layer/types.ts";
import type { AggregateQuery, DateRange } from "../plan/query-plan.ts";
import type { Measures } from "./compile-aggregate.ts";
import type { CompileContext } from "./compile-context.ts";
import { comparisonLabels } from "./period-labels.ts";
import { changeColumns, havingCondition, withClause } from "./statement-clauses.ts";

/** The two periods' measures as CTEs `current_values` and `previous_values`. */
function comparedCtes(current: Measures, previous: Measures): [string, string][] {
  return [...current.ctes, ["current_values", current.select], ...previous.ctes, ["previous_values", previous.select]];
}

/**
 * Wide form, one row per group of either period (full outer semantics): both periods' rows stacked with UNION ALL,
 * each metric in its period's column, then grouped by the keys (NULL keys group together, no join to estimate).
 * A group found only in the earlier period shows with a NULL current value. Without ORDER BY and LIMIT.
 */
export function comparisonColumnsStatement(current: Measures, previous: Measures, metrics: Metric[], query: AggregateQuery, context: CompileContext): string {
  const ctes = comparedCtes(current, previous);
  const keys = [...current.keyAliases, ...current.labelAliases];
  if (current.keyAliases.length === 0) {
    const select = metrics.flatMap((metric) => changeColumns(metric.id, `current_values.${metric.id}`, `previous_values.${metric.id}`, context));
    const conditions = query.having.map((condition) => havingCondition(condition, `current_values.${condition.metric}`, context));
    return withClause(ctes) + `SELECT ${select.join(", ")} FROM current_values CROSS JOIN previous_values` + (conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : "");
  }
  const stacked = (name: string, isCurrent: boolean) =>
    `SELECT ${[
      ...keys.map((alias) => `${name}.${alias} AS ${alias}`),
      ...metrics.flatMap((metric) => [
        `${isCurrent ? `${name}.${metric.id}` : "NULL"} AS ${metric.id}_current`,
        `${isCurrent ? "NULL" : `${name}.${metric.id}`} AS ${metric.id}_earlier`,
      ]),
    ].join(", ")} FROM ${name}`;
  ctes.push(["compared_values", `${stacked("current_values", true)} UNION ALL ${stacked("previous_values", false)}`]);
  const currentOf = (metricId: string) => `MAX(compared_values.${metricId}_current)`;
  const select = [
    ...keys.map((alias) => `compared_values.${alias} AS ${alias}`),
    ...metrics.flatMap((metric) => changeColumns(metric.id, currentOf(metric.id), `MAX(compared_values.${metric.id}_earlier)`, context)),
  ];
  const conditions = query.having.map((condition) => havingCondition(condition, currentOf(condition.metric), context));
  return (
    withClause(ctes) +
    `SELECT ${select.join(", ")} FROM compared_values GROUP BY ${keys.map((_, index) => index + 1).join(", ")}` +
    (conditions.length > 0 ? ` HAVING ${conditions.join(" AND ")}` : "")
  );
}

/**
 * Long form: `period_label` ('2026' / '2025', '2026-06' / '2026-05'), the keys and the metrics, one SELECT per period
 * joined by UNION ALL; HAVING conditions apply to each period's own values. Without ORDER BY and LIMIT.
 */
export function comparisonRowsStatement(
  current: Measures,
  previous: Measures,
  ranges: { current: DateRange; previous: DateRange },
  metrics: Metric[],
  query: AggregateQuery,
  context: CompileContext,
): string {
  const labels = comparisonLabels(ranges.current, ranges.previous);
  const dialect = context.dialect;
  const periodSelect = (name: string, label: string) => {
    const columns = [...current.keyAliases, ...current.labelAliases, ...metrics.map((metric) => metric.id)].map((alias) => `${name}.${alias} AS ${alias}`);
    const conditions = query.having.map((condition) => havingCondition(condition, `${name}.${condition.metric}`, context));
    return (
      `SELECT ${[`${dialect.textKey(dialect.textParameter(context.bind(label)))} AS period_label`, ...columns].join(", ")} FROM ${name}` +
      (conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : "")
    );
  };
  return withClause(comparedCtes(current, previous)) + periodSelect("current_values", labels.current) + " UNION ALL " + periodSelect("previous_values", labels.previous);
}
