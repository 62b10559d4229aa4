/** A compiled result read by role: dimension (label) columns, metric columns with their previous values, list columns. */
import type { CompiledColumn } from "../compiler/compiled-query.ts";
import type { QueryPlan } from "../plan/query-plan.ts";
import type { Period } from "./period-words.ts";

/** One executed plan's result as the composer reads it. */
export interface ResultView {
  plan: QueryPlan;
  columns: readonly CompiledColumn[];
  rows: readonly (readonly unknown[])[];
  /** Rows in the full result. */
  rowCount: number;
  truncated: boolean;
  /** The range the figures cover, when one applied. */
  period?: Period;
  asOfDate: string;
}

/** The index of the column showing each dimension: its label column when it has one (the last of its columns). */
export function dimensionColumnIndexes(columns: readonly CompiledColumn[]): Map<string, number> {
  const indexes = new Map<string, number>();
  columns.forEach((column, index) => {
    if (column.role === "dimension") indexes.set(column.memberId, index);
  });
  return indexes;
}

/** The index of the column of `role` for a metric (-1 when absent). */
export function metricColumnIndex(columns: readonly CompiledColumn[], metricId: string, role: "metric" | "previous" | "change" = "metric"): number {
  return columns.findIndex((column) => column.role === role && column.memberId === metricId);
}

/** A cell as a finite number, or undefined. */
export function numberAt(row: readonly unknown[], index: number): number | undefined {
  if (index < 0) return undefined;
  const value = row[index];
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}
