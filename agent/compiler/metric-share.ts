/**
 * Shares (占比) for additive metrics only: each group's value over the sum across groups (`share`), or the part of
 * each group's value made by the rows of a segment (`shareOf`).
 */
import type { Metric } from "../../schema/semantic-layer/types.ts";
import type { AggregateQuery } from "../plan/query-plan.ts";
import type { Grouping, Measures } from "./compile-aggregate.ts";
import type { CompileContext } from "./compile-context.ts";
import { compileError } from "./compile-error.ts";
import { havingCondition, withClause } from "./statement-clauses.ts";

/** True for a count or a sum (a simple metric in count or money format that is not an average). */
export function isAdditive(metric: Metric): boolean {
  if (metric.kind !== "simple" || (metric.format !== "count" && metric.format !== "money")) return false;
  const text = typeof metric.sql === "string" ? metric.sql : Object.values(metric.sql ?? {}).join(" ");
  return /^\s*(COUNT|SUM)\s*\(/i.test(text);
}

/** Refuses shares of metrics whose values do not add up across groups (rates, averages). */
export function assertShareable(metrics: Metric[]): void {
  const refused = metrics.filter((metric) => !isAdditive(metric));
  if (refused.length > 0)
    throw compileError(
      "unsupported",
      `占比只适用于可加总的指标(笔数、金额),“${refused.map((metric) => metric.names.zh[0]).join("、")}”不行`,
      `a share of the total needs an additive metric (a count or a sum), not ${refused.map((metric) => `"${metric.id}"`).join(", ")}`,
      { metrics: refused.map((metric) => metric.id) },
    );
}

/**
 * The statement without ORDER BY and LIMIT: `<id>_share` after each shared metric, over all groups (per time
 * bucket when the plan also groups by a category), computed before HAVING and LIMIT so the total is every group's.
 */
export function shareStatement(measures: Measures, grouping: Grouping, metrics: Metric[], shared: Set<string>, query: AggregateQuery, context: CompileContext): string {
  const partition = grouping.time && grouping.categories.length > 0 ? `PARTITION BY grouped_values.${grouping.time.alias}` : "";
  const keys = [...measures.keyAliases, ...measures.labelAliases];
  const columns = (name: string, withShare: (metric: Metric) => string) => [
    ...keys.map((alias) => `${name}.${alias} AS ${alias}`),
    ...metrics.flatMap((metric) => [`${name}.${metric.id} AS ${metric.id}`, ...(shared.has(metric.id) ? [withShare(metric)] : [])]),
  ];
  const sharedValues = columns(
    "grouped_values",
    (metric) => `${context.dialect.divide(`grouped_values.${metric.id}`, `SUM(grouped_values.${metric.id}) OVER (${partition})`)} AS ${metric.id}_share`,
  );
  const ctes: [string, string][] = [...measures.ctes, ["grouped_values", measures.select], ["shared_values", `SELECT ${sharedValues.join(", ")} FROM grouped_values`]];
  const conditions = query.having.map((condition) => havingCondition(condition, `shared_values.${condition.metric}`, context));
  const select = columns("shared_values", (metric) => `shared_values.${metric.id}_share AS ${metric.id}_share`);
  return withClause(ctes) + `SELECT ${select.join(", ")} FROM shared_values` + (conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : "");
}

/**
 * An additive metric's aggregate counted over the rows matching `condition` only: COUNT(*) becomes
 * SUM(CASE WHEN condition THEN 1 ELSE 0 END), SUM(x) becomes SUM(CASE WHEN condition THEN x ELSE 0 END).
 * @throws CompileError (unsupported) for any other form.
 */
export function segmentMeasure(metric: Metric, aggregate: string, condition: string): string {
  const text = aggregate.trim();
  if (/^COUNT\(\s*\*\s*\)$/i.test(text)) return `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  const sum = /^SUM\((.*)\)$/is.exec(text);
  if (sum && balanced(sum[1])) return `SUM(CASE WHEN ${condition} THEN ${sum[1]} ELSE 0 END)`;
  throw compileError(
    "unsupported",
    `“${metric.names.zh[0]}”的公式不能只计某一部分行,无法计算占比`,
    `the formula of "${metric.id}" cannot be restricted to a segment of its rows, so its share cannot be computed`,
    { metrics: [metric.id] },
  );
}

/** Whether parentheses balance throughout (the SUM's argument is one expression, not "a) + SUM(b"). */
function balanced(text: string): boolean {
  let depth = 0;
  for (const character of text) {
    if (character === "(") depth++;
    if (character === ")" && --depth < 0) return false;
  }
  return depth === 0;
}
