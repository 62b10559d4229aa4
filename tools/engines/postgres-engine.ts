/** The PostgreSQL engine (also PostgreSQL-compatible warehouses such as Citus) through a `pg` pool, read-only. */
import pg from "pg";
import { readMeta } from "./dataset-catalog.ts";
import type { Engine, QueryOptions, QueryResult } from "./engine.ts";
import { DEFAULT_QUERY_TIMEOUT_MS } from "./engine-defaults.ts";
import { EngineUnavailableError, QueryFailedError, QueryTimeoutError } from "./engine-errors.ts";
import { quotePostgresIdentifier } from "./postgres-identifier.ts";
import { estimateRowCounts } from "./postgres-row-counts.ts";
import { sqliteShapedTypes } from "./postgres-type-parsers.ts";

/** How to reach the PostgreSQL dataset. */
export interface PostgresEngineOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Schema holding the contract tables (default: the connection's search_path, usually public). */
  schema?: string;
  /** Connections in the pool (default 4). */
  poolSize?: number;
  /** statement_timeout for queries that do not set one (default 30 s). */
  defaultTimeoutMs?: number;
}

// SQLSTATE of a statement cancelled by statement_timeout.
const QUERY_CANCELED = "57014";

/**
 * Connects a pool and checks that the database answers. Every query runs in its own READ ONLY transaction
 * with SET LOCAL statement_timeout, so the server itself stops a slow statement and refuses any write.
 * With maxRows the statement is wrapped as `SELECT * FROM (<sql>) LIMIT maxRows + 1`: PostgreSQL keeps the
 * inner ORDER BY for a bare outer LIMIT, and unlike a cursor this keeps parallel (and Citus) plans.
 */
export async function createPostgresEngine(options: PostgresEngineOptions): Promise<Engine> {
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const searchPath = options.schema === undefined ? "" : `; SET LOCAL search_path TO ${quotePostgresIdentifier(options.schema)}`;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 4,
    types: sqliteShapedTypes(),
    connectionTimeoutMillis: 10_000,
    application_name: "lendlens",
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);

  const query = async (sql: string, params: readonly unknown[] = [], queryOptions: QueryOptions = {}): Promise<QueryResult> => {
    const timeoutMs = Math.max(1, Math.floor(queryOptions.timeoutMs ?? defaultTimeoutMs));
    const maxRows = queryOptions.maxRows;
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw new EngineUnavailableError(`cannot connect to PostgreSQL: ${(error as Error).message}`, { cause: error });
    }
    let broken = false;
    try {
      // One round trip for the transaction settings; TimeZone UTC keeps timestamps as stored.
      await client.query(`BEGIN TRANSACTION READ ONLY; SET LOCAL statement_timeout = ${timeoutMs}; SET LOCAL TimeZone = 'UTC'${searchPath}`);
      const text = maxRows === undefined ? sql : `SELECT * FROM (\n${stripTrailingSemicolons(sql)}\n) AS lendlens_rows LIMIT ${Math.max(0, Math.floor(maxRows)) + 1}`;
      const started = performance.now();
      // "extended" forces the extended protocol even without parameters: exactly one statement, never a batch.
      // (pg supports queryMode; @types/pg does not list it yet.)
      const config: pg.QueryArrayConfig & { queryMode: "extended" } = { text, values: [...params], rowMode: "array", queryMode: "extended" };
      const result = await client.query(config);
      const ms = performance.now() - started;
      await client.query("COMMIT");
      const rows = result.rows as unknown[][];
      const truncated = maxRows !== undefined && rows.length > maxRows;
      return { columns: result.fields.map((field) => ({ name: field.name })), rows: truncated ? rows.slice(0, maxRows) : rows, truncated, ms };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => (broken = true));
      throw toEngineError(error, timeoutMs);
    } finally {
      client.release(broken);
    }
  };

  const engine: Engine = {
    dialect: "postgres",
    query,
    meta: () => readMeta(query),
    tableRowCounts: () => estimateRowCounts(query),
    close: () => pool.end(),
  };
  try {
    await query("SELECT 1");
  } catch (error) {
    await pool.end();
    throw error instanceof EngineUnavailableError ? error : new EngineUnavailableError((error as Error).message, { cause: error });
  }
  return engine;
}

function stripTrailingSemicolons(sql: string): string {
  return sql.replace(/[\s;]+$/, "");
}

/** Maps a pg error to the engines' typed errors. */
function toEngineError(error: unknown, timeoutMs: number): Error {
  if (error instanceof pg.DatabaseError && error.code === QUERY_CANCELED) return new QueryTimeoutError(timeoutMs, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  // The server answered with an error (SQLSTATE): the statement failed; anything else is the connection.
  if (error instanceof pg.DatabaseError) return new QueryFailedError(message, { sqlState: error.code, cause: error });
  return new EngineUnavailableError(message, { cause: error });
}
