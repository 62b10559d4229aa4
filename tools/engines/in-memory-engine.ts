/** An in-process engine over an existing sql.js Database, for tests and small jobs (no worker threads). */
import type { Database } from "sql.js";
import { countContractRows, readMeta } from "./dataset-catalog.ts";
import type { Engine, QueryOptions, QueryResult } from "./engine.ts";
import { DEFAULT_QUERY_TIMEOUT_MS } from "./engine-defaults.ts";
import { EngineUnavailableError, QueryFailedError, QueryTimeoutError } from "./engine-errors.ts";
import { runStatement, StatementDeadlineError } from "./sqljs-run-statement.mjs";
import { toSqliteParams } from "./sqlite-params.ts";

/** Options of the in-process engine. */
export interface InMemoryEngineOptions {
  /** Timeout for queries that do not set one (default 30 s); best-effort, see createInMemoryEngine. */
  defaultTimeoutMs?: number;
  /** close() also closes the database (default false: the caller keeps owning it). */
  closeDatabase?: boolean;
}

/**
 * Wraps a sql.js Database the caller already holds. Queries run on the calling thread, read-only
 * (PRAGMA query_only is switched on for the statement and restored after).
 * The timeout is best-effort: it is checked between result rows, so a statement that computes for a
 * long time before its first row (a big aggregate, a recursive CTE) is not interrupted. Use
 * createSqlJsEngine wherever a slow query must really be stopped.
 */
export function createInMemoryEngine(database: Database, options: InMemoryEngineOptions = {}): Engine {
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  let closed = false;

  const query = async (sql: string, params: readonly unknown[] = [], queryOptions: QueryOptions = {}): Promise<QueryResult> => {
    if (closed) throw new EngineUnavailableError("the engine is closed");
    const timeoutMs = queryOptions.timeoutMs ?? defaultTimeoutMs;
    const bound = toSqliteParams(params);
    const wasQueryOnly = database.exec("PRAGMA query_only")[0]?.values[0]?.[0] === 1;
    const started = performance.now();
    try {
      if (!wasQueryOnly) database.exec("PRAGMA query_only = ON");
      const result = runStatement(database, sql, bound, queryOptions.maxRows, started + timeoutMs);
      return { ...result, ms: performance.now() - started };
    } catch (error) {
      if (error instanceof StatementDeadlineError) throw new QueryTimeoutError(timeoutMs);
      throw new QueryFailedError(error instanceof Error ? error.message : String(error), { cause: error });
    } finally {
      if (!wasQueryOnly) database.exec("PRAGMA query_only = OFF");
    }
  };

  return {
    dialect: "sqlite",
    query,
    meta: () => readMeta(query),
    tableRowCounts: () => countContractRows(query),
    close: async () => {
      closed = true;
      if (options.closeDatabase) database.close();
    },
  };
}
