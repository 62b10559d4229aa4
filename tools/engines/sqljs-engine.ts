/** The embedded default engine: the dataset file opened by sql.js in a small pool of worker threads. */
import type { Engine } from "./engine.ts";
import { DEFAULT_SQLJS_WORKERS } from "./engine-defaults.ts";
import { threadWorkerFactory } from "./statement-worker.ts";
import { createWorkerPoolEngine } from "./worker-pool-engine.ts";

const WORKER_URL = new URL("./sqljs-worker.mjs", import.meta.url);

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
export function createSqlJsEngine(options: SqlJsEngineOptions): Promise<Engine> {
  return createWorkerPoolEngine({
    dbPath: options.dbPath,
    workers: options.workers ?? DEFAULT_SQLJS_WORKERS,
    defaultTimeoutMs: options.defaultTimeoutMs,
    resultCacheEntries: options.resultCacheEntries,
    spawnWorker: threadWorkerFactory(WORKER_URL),
    label: "sql.js",
  });
}
