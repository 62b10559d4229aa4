/** Small SQL pieces shared by the aggregate statements: WITH, metric conditions on CTE columns, change columns. */
import type { MetricCondition } from "../plan/query-plan.ts";
import type { CompileContext } from "./compile-context.ts";
import { operatorSql } from "./member-sql.ts";

/** `WITH a AS (...), b AS (...) ` or nothing. */
export function withClause(ctes: [string, string][]): string {
  return ctes.length === 0 ? "" : `WITH ${ctes.map(([name, body]) => `${name} AS (${body})`).join(", ")} `;
}

/** A condition on a metric read from a CTE column. */
export function havingCondition(condition: MetricCondition, reference: string, context: CompileContext): string {
  return `${reference} ${operatorSql(condition.op)} ${context.dialect.numberParameter(context.bind(condition.value))}`;
}

/**
 * A metric with its earlier value: `<id>`, `<id>_previous`, `<id>_change` (current − previous) and
 * `<id>_change_ratio` ((current − previous) / previous, NULL when previous is 0 or missing).
 */
export function changeColumns(metricId: string, current: string, previous: string, context: CompileContext): string[] {
  const change = `${current} - ${previous}`;
  return [
    `${current} AS ${metricId}`,
    `${previous} AS ${metricId}_previous`,
    `${change} AS ${metricId}_change`,
    `${context.dialect.divide(change, previous)} AS ${metricId}_change_ratio`,
  ];
}
