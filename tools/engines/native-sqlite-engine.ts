/** The native SQLite engine: the dataset file opened read-only by better-sqlite3 in a small pool of child processes. */
import { createRequire } from "node:module";
import type { Engine } from "./engine.ts";
import { DEFAULT_NATIVE_SQLITE_WORKERS } from "./engine-defaults.ts";
import { NativeSqliteMissingError } from "./engine-errors.ts";
import { processWorkerFactory } from "./statement-worker.ts";
import { createWorkerPoolEngine } from "./worker-pool-engine.ts";

const WORKER_URL = new URL("./native-sqlite-worker.mjs", import.meta.url);

/** How to open the native SQLite engine. */
export interface NativeSqliteEngineOptions {
  /** The dataset file written by `npm run data`; opened read-only by every worker, never copied into memory. */
  dbPath: string;
  /** Worker processes (default 2, like sql.js). */
  workers?: number;
  /** Timeout for queries that do not set one (default 30 s). */
  defaultTimeoutMs?: number;
  /** Results of repeated statements kept in memory (default 256; 0 turns the cache off). */
  resultCacheEntries?: number;
}

/** Why better-sqlite3 cannot be used here, or undefined when it loads (checked by opening an in-memory database). */
export function nativeSqliteProblem(): string | undefined {
  try {
    const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => { close(): void };
    new Database(":memory:").close();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}

/** True when better-sqlite3 is installed and its native addon loads. */
export function nativeSqliteAvailable(): boolean {
  return nativeSqliteProblem() === undefined;
}

/**
 * Opens the dataset in `workers` child processes with better-sqlite3 (read-only, `query_only`), with the sql.js
 * engine's promises: one statement, SQLite-shaped values, `maxRows` with `truncated`, the same three errors. A query past
 * its timeout is stopped by killing its process (a worker thread cannot interrupt native code) and a fresh one
 * replaces it. The workers share the OS page cache, so memory does not grow with a copy of the file per worker.
 * @throws NativeSqliteMissingError when better-sqlite3 is not installed or its addon did not build.
 */
export function createNativeSqliteEngine(options: NativeSqliteEngineOptions): Promise<Engine> {
  const problem = nativeSqliteProblem();
  if (problem !== undefined) return Promise.reject(new NativeSqliteMissingError(problem));
  return createWorkerPoolEngine({
    dbPath: options.dbPath,
    workers: options.workers ?? DEFAULT_NATIVE_SQLITE_WORKERS,
    defaultTimeoutMs: options.defaultTimeoutMs,
    resultCacheEntries: options.resultCacheEntries,
    spawnWorker: processWorkerFactory(WORKER_URL),
    label: "native SQLite",
  });
}
