/** Types of sqljs-run-statement.mjs, the statement runner shared by the sql.js worker and the in-process engine. */
import type { Database, SqlValue } from "sql.js";

export interface StatementRows {
  columns: { name: string }[];
  rows: SqlValue[][];
  truncated: boolean;
}

/** Prepares exactly one statement (or reuses it from `prepared`), binds params, reads at most maxRows rows; deadline is checked between rows. */
export function runStatement(
  database: Database,
  sql: string,
  params: readonly SqlValue[],
  maxRows: number | undefined,
  deadline?: number,
  prepared?: PreparedStatements,
): StatementRows;

/** Prepared statements kept by text, reset after each use; the least recently used is freed beyond `size` (default 256). */
export class PreparedStatements {
  constructor(size?: number);
}

/** Thrown when the deadline passed between two rows. */
export class StatementDeadlineError extends Error {}
