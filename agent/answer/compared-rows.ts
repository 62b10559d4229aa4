/**
 * A period comparison laid out in rows (one row per period and group, keyed by `period_label`) re-read as one row per
 * group with each metric's previous value beside it, so the text states the current period's figure and its change —
 * never the earlier period's figure as if it were the current one.
 */
import { comparisonLabels } from "../compiler/period-labels.ts";
import type { CompiledColumn } from "../compiler/compiled-query.ts";
import type { AggregateQuery } from "../plan/query-plan.ts";
import type { ResultView } from "./result-view.ts";

/** True when the result has one row per period (compareTo with compareLayout "rows"). */
export function isComparedInRows(view: ResultView, query: AggregateQuery): boolean {
  return query.compareTo !== undefined && query.compareLayout === "rows" && view.columns.some((column) => column.name === "period_label");
}

/**
 * The rows-per-period result as one row per group: the groups' keys, each metric's current value and a
 * `previous` column after it. Groups found only in the earlier period keep a null current value.
 */
export function pairPeriodRows(view: ResultView, query: AggregateQuery): ResultView {
  const periodIndex = view.columns.findIndex((column) => column.name === "period_label");
  const labels = query.time && query.compareTo ? comparisonLabels(query.time, query.compareTo) : undefined;
  const kept = view.columns.map((column, index) => ({ column, index })).filter(({ index }) => index !== periodIndex);
  const metricColumns = kept.filter(({ column }) => column.role === "metric" && column.transform === undefined);
  const keyColumns = kept.filter(({ column }) => column.role === "dimension");
  // When the labels cannot be computed, the later label (they sort chronologically) is the current period.
  const currentLabel = labels?.current ?? [...new Set(view.rows.map((row) => String(row[periodIndex])))].sort().at(-1);
  const groups = new Map<string, { keys: unknown[]; current?: readonly unknown[]; previous?: readonly unknown[] }>();
  for (const row of view.rows) {
    const keys = keyColumns.map(({ index }) => row[index]);
    const id = JSON.stringify(keys);
    const group = groups.get(id) ?? { keys };
    if (String(row[periodIndex]) === currentLabel) group.current = row;
    else group.previous = row;
    groups.set(id, group);
  }
  const columns: CompiledColumn[] = [
    ...keyColumns.map(({ column }) => column),
    ...metricColumns.flatMap(({ column }) => [column, { ...column, name: `${column.name}_previous`, role: "previous" as const }]),
  ];
  const rows = [...groups.values()].map((group) => [
    ...group.keys,
    ...metricColumns.flatMap(({ index }) => [group.current?.[index] ?? null, group.previous?.[index] ?? null]),
  ]);
  return { ...view, columns, rows, rowCount: rows.length };
}
