/** The one small interface every database engine implements (sql.js embedded, PostgreSQL). */
import type { DialectName } from "../../schema/ddl.ts";

/** A result column as the engine reports it. */
export interface ResultColumn {
  name: string;
}

/** Rows of one statement. Values are JSON-friendly: numbers, strings ('YYYY-MM-DD' dates), or null. */
export interface QueryResult {
  columns: ResultColumn[];
  rows: unknown[][];
  /** True when the engine stopped reading at maxRows and more rows existed. */
  truncated: boolean;
  /** Time spent in the database, milliseconds. */
  ms: number;
}

/** Per-query options. */
export interface QueryOptions {
  /** Stop the statement after this many milliseconds (the query is really stopped). */
  timeoutMs?: number;
  /** Read at most this many rows; `truncated` tells whether more existed. */
  maxRows?: number;
}

/** A read-only connection to one dataset. */
export interface Engine {
  readonly dialect: DialectName;
  /**
   * Names the data this engine reads: equal strings mean equal table contents, so caches of what was computed from the
   * data (the churn model) can outlive one engine object. Undefined when the engine cannot tell; a wrapper that changes
   * what queries return must not copy it.
   */
  readonly datasetVersion?: string;
  /** Runs one read-only statement with bound parameters (placeholders in the engine's dialect). */
  query(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult>;
  /** The dataset's meta table (as_of_date, seed, scale, schema_version). */
  meta(): Promise<Record<string, string>>;
  /** Row counts per contract table, for the guard's cost bound. */
  tableRowCounts(): Promise<Record<string, number>>;
  /** Releases workers, pools and memory. */
  close(): Promise<void>;
}
