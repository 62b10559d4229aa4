/** The embedded default engine: the dataset file opened by sql.js in a small pool of worker threads. */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { Engine } from "./engine.ts";
import { DEFAULT_SQLJS_WORKERS } from "./engine-defaults.ts";
import { threadWorkerFactory } from "./statement-worker.ts";
import { createWorkerPoolEngine } from "./worker-pool-engine.ts";

const WORKER_URL = new URL("./sqljs-worker.mjs", import.meta.url);

/** How to open the sql.js engine. */
export interface SqlJsEngineOptions {
  /** The dataset file written by `npm run data`; read once per engine into memory the workers share, never written. */
  dbPath: string;
  /** Worker threads, all reading the one copy of the dataset in shared memory (default 2). */
  workers?: number;
  /** Timeout for queries that do not set one (default 30 s). */
  defaultTimeoutMs?: number;
  /** Results of repeated statements kept in memory (default 256; 0 turns the cache off). The file never changes under a running engine. */
  resultCacheEntries?: number;
}

/**
 * The dataset file read into shared memory, or undefined when it cannot be read (each worker then opens the path
 * itself and reports why it cannot).
 */
function readIntoSharedMemory(dbPath: string): Uint8Array | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(dbPath, "r");
    const bytes = new Uint8Array(new SharedArrayBuffer(fstatSync(descriptor).size));
    for (let offset = 0; offset < bytes.length; ) {
      const read = readSync(descriptor, bytes, offset, bytes.length - offset, offset);
      if (read === 0) return undefined; // the file shrank while being read
      offset += read;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * Hands every worker the same copy of the dataset: the file is read once (at the first worker) into a
 * SharedArrayBuffer that each worker's in-memory file system uses as the database file, instead of one copy per
 * worker (about 200 MB each at scale 1). The workers open it read-only (query_only), so it is never written; a worker
 * started later (after a timeout) gets the same bytes as the others, as the file never changes under a running engine.
 */
function sharedDatasetWorkerData(): (dbPath: string) => Record<string, unknown> {
  let shared: { dbPath: string; bytes: Uint8Array } | undefined;
  return (dbPath) => {
    if (shared?.dbPath !== dbPath) {
      const bytes = readIntoSharedMemory(dbPath);
      if (!bytes) return {};
      shared = { dbPath, bytes };
    }
    return { sharedBytes: shared.bytes };
  };
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
    spawnWorker: threadWorkerFactory(WORKER_URL, sharedDatasetWorkerData()),
    label: "sql.js",
  });
}
