/** Reads every row of a churn-history query in keyset pages, so a guard's row cap (LIMIT maxRows + 1) never cuts it short. */
import type { Engine } from "../engines/engine.ts";
import { toDialectPlaceholders } from "./scoring-query.ts";

/** Rows per page: below the SQL guard's default cap of 10,000 rows. */
export const PAGE_ROWS = 5000;

/** A query to read whole: its key columns come first in the result and identify a row. */
export interface PagedQuery {
  /** Columns that identify a row, e.g. ["m.customer_id", "m.month"]; selected first, in this order. */
  key: readonly string[];
  /** The other selected columns, after the key columns. */
  columns: readonly string[];
  /** FROM clause (with joins). */
  from: string;
  /** Conditions joined with AND, with `?` placeholders bound from `params`. */
  where?: readonly string[];
  params?: readonly unknown[];
}

/** `(a > ? OR (a = ? AND b > ?))`: rows after the last key read, in key order. */
function afterCondition(key: readonly string[]): { sql: string; take: (last: readonly unknown[]) => unknown[] } {
  const parts: string[] = [];
  const takes: number[][] = [];
  for (let length = 1; length <= key.length; length++) {
    const equal = key.slice(0, length - 1).map((column) => `${column} = ?`);
    parts.push([...equal, `${key[length - 1]} > ?`].join(" AND "));
    takes.push(Array.from({ length }, (_, index) => index));
  }
  return { sql: `(${parts.map((part) => `(${part})`).join(" OR ")})`, take: (last) => takes.flatMap((indexes) => indexes.map((index) => last[index])) };
}

/**
 * Runs the query page by page (ORDER BY the key, LIMIT PAGE_ROWS, each page after the last key read) and returns all
 * rows, key columns first. A page cut short by the engine (truncated) is followed by the next page too.
 */
export async function readAllRows(engine: Engine, query: PagedQuery): Promise<unknown[][]> {
  const after = afterCondition(query.key);
  const rows: unknown[][] = [];
  let last: readonly unknown[] | undefined;
  for (;;) {
    const conditions = [...(query.where ?? []), ...(last ? [after.sql] : [])];
    const sql = `SELECT ${[...query.key, ...query.columns].join(", ")} FROM ${query.from}${conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : ""} ORDER BY ${query.key.join(", ")} LIMIT ${PAGE_ROWS}`;
    const result = await engine.query(toDialectPlaceholders(sql, engine.dialect), [...(query.params ?? []), ...(last ? after.take(last) : [])]);
    rows.push(...result.rows);
    if (result.rows.length === 0 || (result.rows.length < PAGE_ROWS && !result.truncated)) return rows;
    last = result.rows[result.rows.length - 1];
  }
}
