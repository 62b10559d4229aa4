/** Helpers for comparing result rows from different SQL (compiled vs hand-written, SQLite vs PostgreSQL). */
import type { Database, SqlValue } from "sql.js";

/** Runs a statement on sql.js and returns its rows (empty when it returns none). */
export function runSqlite(database: Database, sql: string, params: readonly unknown[] = []): unknown[][] {
  const [result] = database.exec(sql, params as SqlValue[]);
  return result ? result.values : [];
}

/** Rows sorted by their JSON text, so two results compare regardless of order. */
export function sortRows(rows: readonly unknown[][]): unknown[][] {
  return [...rows].sort((left, right) => (JSON.stringify(left) < JSON.stringify(right) ? -1 : 1));
}

/** Numbers equal within a relative (and tiny absolute) tolerance; anything else strictly equal. */
export function sameValue(left: unknown, right: unknown, tolerance = 1e-6): boolean {
  if (typeof left === "number" && typeof right === "number") return Math.abs(left - right) <= tolerance * Math.max(1, Math.abs(left), Math.abs(right));
  return left === right;
}

/** The first difference between two row lists (same order), or undefined when they match. */
export function firstDifference(actual: readonly unknown[][], expected: readonly unknown[][], tolerance = 1e-6): string | undefined {
  if (actual.length !== expected.length) return `row count ${actual.length} != ${expected.length}`;
  for (let row = 0; row < actual.length; row++) {
    const a = actual[row];
    const b = expected[row];
    if (a.length !== b.length || a.some((value, index) => !sameValue(value, b[index], tolerance)))
      return `row ${row}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
  }
  return undefined;
}
