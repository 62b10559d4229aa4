/**
 * Reads every row of a scoring tool's input in keyset pages, so that the SQL guard's row cap (the product runs tools
 * through it) can never cut an input short: every data read of every scoring tool goes through here.
 */
import type { Engine } from "../engines/engine.ts";
import { PagedReadKeyError, ScoringInputTruncatedError } from "./scoring-errors.ts";
import { toDialectPlaceholders } from "./scoring-query.ts";
import type { Row } from "./scoring-query.ts";

/**
 * Rows asked for per page. The LIMIT is a bound parameter, so a guard whose cap is lower accepts the statement and
 * returns its capped, truncated page: the next page then starts after the last row that came back.
 */
export const PAGE_ROWS = 5000;

/** A query to read whole: its key columns come first in the result and identify a row. */
export interface PagedQuery {
  /** Columns that identify a row, e.g. ["m.customer_id", "m.month"]; selected first, in this order. */
  key: readonly string[];
  /** The other selected columns (expressions with aliases allowed), after the key columns. */
  columns: readonly string[];
  /** FROM clause (with joins; derived tables may hold `?` placeholders, bound first from `params`). */
  from: string;
  /** Conditions joined with AND, with `?` placeholders bound from `params` (after those of `from`). */
  where?: readonly string[];
  /** GROUP BY columns of an aggregated read: the key must be (or identify) the groups, since pages filter on it before grouping. */
  groupBy?: readonly string[];
  params?: readonly unknown[];
}

/** All rows of a paged read, with the result's column names. */
export interface PagedRows {
  columns: string[];
  rows: unknown[][];
}

/** `a >= ? AND ((a > ?) OR (a = ? AND b > ?))`: rows after the last key read, in key order. */
function afterCondition(key: readonly string[]): { sql: string; take: (last: readonly unknown[]) => unknown[] } {
  const parts: string[] = [];
  const takes: number[][] = [];
  for (let length = 1; length <= key.length; length++) {
    const equal = key.slice(0, length - 1).map((column) => `${column} = ?`);
    parts.push([...equal, `${key[length - 1]} > ?`].join(" AND "));
    takes.push(Array.from({ length }, (_, index) => index));
  }
  const take = (last: readonly unknown[]) => takes.flatMap((indexes) => indexes.map((index) => last[index]));
  if (key.length === 1) return { sql: parts[0], take };
  // The leading `a >= ?` is implied by the OR, but lets the database seek on an index of `a` instead of scanning.
  return { sql: `${key[0]} >= ? AND (${parts.map((part) => `(${part})`).join(" OR ")})`, take: (last) => [last[0], ...take(last)] };
}

/** The statement of one page: the query's conditions, then (from the second page on) the keyset condition. */
function pageSql(query: PagedQuery, afterSql: string | undefined): string {
  const conditions = [...(query.where ?? []), ...(afterSql === undefined ? [] : [afterSql])];
  return [
    `SELECT ${[...query.key, ...query.columns].join(", ")} FROM ${query.from}`,
    conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : "",
    query.groupBy && query.groupBy.length > 0 ? ` GROUP BY ${query.groupBy.join(", ")}` : "",
    ` ORDER BY ${query.key.join(", ")} LIMIT ?`,
  ].join("");
}

/** True when two rows have the same key values (rows ordered by the key: the key does not identify rows). */
function sameKey(left: readonly unknown[], right: readonly unknown[], keyLength: number): boolean {
  for (let index = 0; index < keyLength; index++) if (left[index] !== right[index]) return false;
  return true;
}

/**
 * Runs the query page by page (ORDER BY the key, LIMIT PAGE_ROWS, each page after the last key read) and returns all
 * rows, key columns first. A page cut short by the engine (truncated) is followed by the next page too. Throws
 * PagedReadKeyError when two rows share a key, since keyset paging would then skip rows at a page boundary.
 */
export async function readAllColumns(engine: Engine, query: PagedQuery): Promise<PagedRows> {
  const after = afterCondition(query.key);
  const rows: unknown[][] = [];
  let last: readonly unknown[] | undefined;
  for (;;) {
    const sql = toDialectPlaceholders(pageSql(query, last === undefined ? undefined : after.sql), engine.dialect);
    const params = [...(query.params ?? []), ...(last === undefined ? [] : after.take(last)), PAGE_ROWS];
    const result = await engine.query(sql, params);
    // Nothing came back yet more rows existed: no key to page on, and nothing may pass as "all rows".
    if (result.truncated && result.rows.length === 0) throw new ScoringInputTruncatedError(0, sql);
    for (const row of result.rows) {
      const previous = rows.length > 0 ? rows[rows.length - 1] : undefined;
      if (previous !== undefined && sameKey(previous, row, query.key.length)) throw new PagedReadKeyError(query.key, query.from);
      rows.push(row);
    }
    if (result.rows.length === 0 || (result.rows.length < PAGE_ROWS && !result.truncated)) return { columns: result.columns.map((column) => column.name), rows };
    last = result.rows[result.rows.length - 1];
  }
}

/** Every row of the query as arrays, key columns first (cheaper than records for large reads). */
export async function readAllRows(engine: Engine, query: PagedQuery): Promise<unknown[][]> {
  return (await readAllColumns(engine, query)).rows;
}

/** Every row of the query as a record keyed by result column name (key columns by their column name, e.g. customer_id). */
export async function readAllRecords(engine: Engine, query: PagedQuery): Promise<Row[]> {
  const { columns, rows } = await readAllColumns(engine, query);
  return rows.map((values) => Object.fromEntries(columns.map((name, index) => [name, values[index]])));
}
