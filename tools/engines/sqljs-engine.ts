/** The embedded default engine: the dataset file opened by sql.js in a small pool of worker threads. */
import { existsSync } from "node:fs";
import { countContractRows, readMeta, rememberSuccess } from "./dataset-catalog.ts";
import type { Engine, QueryOptions, QueryResult } from "./engine.ts";
import { DEFAULT_QUERY_TIMEOUT_MS, DEFAULT_SQLJS_WORKERS } from "./engine-defaults.ts";
import { EngineUnavailableError } from "./engine-errors.ts";
import { DEFAULT_RESULT_CACHE_LIMITS, ResultCache } from "./result-cache.ts";
import { toSqliteParams } from "./sqlite-params.ts";
import { SqlJsWorkerPool } from "./sqljs-worker-pool.ts";

/** How to open the sql.js engine. */
export interface SqlJsEngineOptions {
  /** The dataset file written by `npm run data`; read once per worker, never written. */
  dbPath: string;
  /** Worker threads, each with its own copy of the dataset in memory (default 2). */
  workers?: number;
  /** Timeout for queries that do not set one (default 30 s). */
  defaultTimeoutMs?: number;
  /** Results of repeated statements kept in memory (default 256; 0 turns the cache off). The file never changes under a running engine. */
  resultCacheEntries?: number;
}

/**
 * Opens the dataset in `workers` threads and resolves once every one of them can answer.
 * A query past its timeout is stopped by terminating its worker (a QueryTimeoutError), a fresh worker
 * replaces it, and queries on the other workers go on. When every worker is busy, queries wait in a queue.
 */
export async function createSqlJsEngine(options: SqlJsEngineOptions): Promise<Engine> {
  if (!existsSync(options.dbPath)) throw new EngineUnavailableError(`dataset file not found: ${options.dbPath} (run npm run data)`);
  const workers = Math.max(1, Math.floor(options.workers ?? DEFAULT_SQLJS_WORKERS));
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const pool = new SqlJsWorkerPool(options.dbPath, workers);
  await pool.start();

  const cache = new ResultCache({ ...DEFAULT_RESULT_CACHE_LIMITS, maxEntries: options.resultCacheEntries ?? DEFAULT_RESULT_CACHE_LIMITS.maxEntries });

  const query = async (sql: string, params: readonly unknown[] = [], queryOptions: QueryOptions = {}): Promise<QueryResult> => {
    const sqliteParams = toSqliteParams(params);
    const key = ResultCache.keyOf(sql, sqliteParams, queryOptions.maxRows);
    const cached = cache.get(key);
    if (cached) return cached;
    const answer = await pool.run({
      sql,
      params: sqliteParams,
      maxRows: queryOptions.maxRows,
      timeoutMs: queryOptions.timeoutMs ?? defaultTimeoutMs,
    });
    const result = { columns: answer.columns, rows: answer.rows, truncated: answer.truncated, ms: answer.ms };
    cache.set(key, result);
    return result;
  };

  // The file never changes under a running engine, so meta and counts are read once.
  return {
    dialect: "sqlite",
    query,
    meta: rememberSuccess(() => readMeta(query)),
    tableRowCounts: rememberSuccess(() => countContractRows(query)),
    close: () => pool.close(),
  };
}

