/** The Engine over a pool of statement workers that each open the same SQLite file: shared by sql.js and native SQLite. */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { countContractRows, readMeta, rememberSuccess } from "./dataset-catalog.ts";
import type { Engine, QueryOptions, QueryResult } from "./engine.ts";
import { DEFAULT_QUERY_TIMEOUT_MS } from "./engine-defaults.ts";
import { EngineUnavailableError } from "./engine-errors.ts";
import { DEFAULT_RESULT_CACHE_LIMITS, ResultCache } from "./result-cache.ts";
import { toSqliteParams } from "./sqlite-params.ts";
import type { StatementWorkerFactory } from "./statement-worker.ts";
import { StatementWorkerPool } from "./statement-worker-pool.ts";

/** The pool engine's settings. */
export interface WorkerPoolEngineOptions {
  dbPath: string;
  workers: number;
  defaultTimeoutMs?: number;
  /** Results of repeated statements kept in memory (0 turns the cache off). */
  resultCacheEntries?: number;
  spawnWorker: StatementWorkerFactory;
  /** "sql.js" or "native SQLite", for error messages. */
  label: string;
}

/**
 * Starts `workers` workers over `dbPath` and resolves once every one of them can answer. A query past its timeout
 * is stopped by terminating its worker (a QueryTimeoutError) and a fresh worker replaces it; queries on the other
 * workers go on. When every worker is busy, queries wait in a queue.
 */
export async function createWorkerPoolEngine(options: WorkerPoolEngineOptions): Promise<Engine> {
  if (!existsSync(options.dbPath)) throw new EngineUnavailableError(`dataset file not found: ${options.dbPath} (run npm run data)`);
  // Taken before the workers read the file, so the version names the data they hold.
  const datasetVersion = fileVersion(options.dbPath);
  const workers = Math.max(1, Math.floor(options.workers));
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const pool = new StatementWorkerPool(options.dbPath, workers, { spawnWorker: options.spawnWorker, label: options.label });
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
    datasetVersion,
    query,
    meta: rememberSuccess(() => readMeta(query)),
    tableRowCounts: rememberSuccess(() => countContractRows(query)),
    close: () => pool.close(),
  };
}

/** The file's identity and last change at open: a regenerated, replaced or copied file is another dataset version. */
function fileVersion(dbPath: string): string {
  const stat = statSync(dbPath, { bigint: true });
  return `sqlite-file:${resolve(dbPath)}:${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}
