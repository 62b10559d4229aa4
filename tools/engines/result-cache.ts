/**
 * A bounded, least-recently-used cache of statement results for an engine whose dataset cannot change while it runs
 * (the sql.js engine reads its file once): repeated questions skip the database. Failures are never cached.
 */
import type { QueryResult } from "./engine.ts";

/** How much the cache may hold. */
export interface ResultCacheLimits {
  /** Results kept; 0 turns the cache off. */
  maxEntries: number;
  /** Cells (rows × columns) kept over all results; a larger result is not cached. */
  maxCells: number;
}

/** Default limits: a few hundred results, a quarter of a million cells (about 10-20 MB at most). */
export const DEFAULT_RESULT_CACHE_LIMITS: ResultCacheLimits = { maxEntries: 256, maxCells: 250_000 };

interface CacheEntry {
  result: QueryResult;
  cells: number;
}

const cellsOf = (result: QueryResult) => result.rows.length * Math.max(1, result.columns.length);

/** Each caller gets its own row arrays, so one caller's changes never reach another's answer. */
function copyOf(result: QueryResult): QueryResult {
  return { columns: result.columns.map((column) => ({ ...column })), rows: result.rows.map((row) => [...row]), truncated: result.truncated, ms: 0 };
}

/** The cache; keys are the statement, its parameters and the row limit. */
export class ResultCache {
  private readonly entries = new Map<string, CacheEntry>();
  private cells = 0;
  private hitCount = 0;
  private missCount = 0;

  constructor(private readonly limits: ResultCacheLimits = DEFAULT_RESULT_CACHE_LIMITS) {}

  /** The key of one statement run. */
  static keyOf(sql: string, params: readonly unknown[], maxRows: number | undefined): string {
    return JSON.stringify([sql, params, maxRows ?? null]);
  }

  /** A copy of the cached result (ms 0: no time was spent in the database), or undefined. */
  get(key: string): QueryResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.missCount += 1;
      return undefined;
    }
    this.hitCount += 1;
    // Re-inserting moves the entry to the most recently used end of the Map's order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return copyOf(entry.result);
  }

  /** Keeps a copy of a result, evicting the least recently used ones to stay within the limits. */
  set(key: string, result: QueryResult): void {
    const cells = cellsOf(result);
    if (this.limits.maxEntries <= 0 || cells > this.limits.maxCells) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.cells -= previous.cells;
    }
    this.entries.set(key, { result: { ...copyOf(result), ms: result.ms }, cells });
    this.cells += cells;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.cells <= this.limits.maxCells) break;
      this.entries.delete(oldestKey);
      this.cells -= oldest.cells;
    }
  }

  /** Entries, cells, hits and misses so far. */
  get stats(): { entries: number; cells: number; hits: number; misses: number } {
    return { entries: this.entries.size, cells: this.cells, hits: this.hitCount, misses: this.missCount };
  }
}
