/** Tests of the result cache: hits return copies, least recently used results go first, limits hold, and the sql.js engine uses it. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeSmallDatasetFile } from "./__fixtures__/small-dataset.ts";
import type { QueryResult } from "./engine.ts";
import { ResultCache } from "./result-cache.ts";
import { createSqlJsEngine } from "./sqljs-engine.ts";

const resultOf = (rows: unknown[][], ms = 5): QueryResult => ({ columns: [{ name: "a" }, { name: "b" }], rows, truncated: false, ms });

describe("ResultCache", () => {
  it("answers a repeated key with a copy whose time in the database is 0", () => {
    const cache = new ResultCache({ maxEntries: 4, maxCells: 100 });
    const key = ResultCache.keyOf("SELECT ?", [1], 10);
    expect(cache.get(key)).toBeUndefined();
    cache.set(key, resultOf([[1, "x"]]));
    const first = cache.get(key) as QueryResult;
    expect(first).toEqual(resultOf([[1, "x"]], 0));
    first.rows[0]![0] = "changed";
    expect(cache.get(key)?.rows).toEqual([[1, "x"]]);
    expect(cache.stats).toEqual({ entries: 1, cells: 2, hits: 2, misses: 1 });
  });

  it.each([
    { name: "statement", left: ResultCache.keyOf("SELECT 1", [], 10), right: ResultCache.keyOf("SELECT 2", [], 10) },
    { name: "parameters", left: ResultCache.keyOf("SELECT ?", ["1"], 10), right: ResultCache.keyOf("SELECT ?", [1], 10) },
    { name: "row limit", left: ResultCache.keyOf("SELECT 1", [], 10), right: ResultCache.keyOf("SELECT 1", [], undefined) },
  ])("keys differ by $name", ({ left, right }) => {
    expect(left).not.toBe(right);
  });

  it("evicts the least recently used entry beyond maxEntries", () => {
    const cache = new ResultCache({ maxEntries: 2, maxCells: 100 });
    cache.set("a", resultOf([[1, 1]]));
    cache.set("b", resultOf([[2, 2]]));
    cache.get("a"); // a is now the most recent
    cache.set("c", resultOf([[3, 3]]));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.rows).toEqual([[1, 1]]);
    expect(cache.get("c")?.rows).toEqual([[3, 3]]);
  });

  it("keeps within maxCells and skips results larger than the whole budget", () => {
    const cache = new ResultCache({ maxEntries: 10, maxCells: 12 });
    const rows = (count: number) => Array.from({ length: count }, (_, index) => [index, index]);
    cache.set("big", resultOf(rows(7))); // 14 cells
    expect(cache.get("big")).toBeUndefined();
    cache.set("one", resultOf(rows(2)));
    cache.set("two", resultOf(rows(2)));
    cache.set("three", resultOf(rows(2)));
    expect(cache.stats.cells).toBe(12);
    cache.set("four", resultOf(rows(1)));
    expect(cache.get("one")).toBeUndefined();
    expect(cache.get("two")?.rows).toEqual(rows(2));
    expect(cache.stats.cells).toBe(10);
  });

  it("keeps nothing when maxEntries is 0", () => {
    const cache = new ResultCache({ maxEntries: 0, maxCells: 100 });
    cache.set("a", resultOf([[1, 1]]));
    expect(cache.get("a")).toBeUndefined();
  });
});

describe("sql.js engine result cache", () => {
  const directory = mkdtempSync(join(tmpdir(), "lendlens-cache-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it.each([
    { entries: undefined, secondFromCache: true },
    { entries: 0, secondFromCache: false },
  ])("resultCacheEntries $entries: a repeated statement is answered from the cache: $secondFromCache", async ({ entries, secondFromCache }) => {
    const dbPath = join(directory, `dataset-${entries ?? "default"}.sqlite`);
    await writeSmallDatasetFile(dbPath);
    const engine = await createSqlJsEngine({ dbPath, workers: 1, ...(entries === undefined ? {} : { resultCacheEntries: entries }) });
    try {
      // Slow enough that a run in the worker never reports 0 ms.
      const sql = "WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < 200000) SELECT COUNT(*) AS n, ? AS tag FROM counter";
      const first = await engine.query(sql, ["x"]);
      const second = await engine.query(sql, ["x"]);
      expect(second.rows).toEqual(first.rows);
      expect(first.ms).toBeGreaterThan(0);
      expect(second.ms === 0).toBe(secondFromCache);
      const other = await engine.query(sql, ["y"]);
      expect(other.rows).toEqual([[200000, "y"]]);
      expect(other.ms).toBeGreaterThan(0);
    } finally {
      await engine.close();
    }
  });
});
