/** The sql.js workers share one copy of the dataset: memory grows by one copy, not one per worker, and stays read-only. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import initSqlJs from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "./engine.ts";
import { createSqlJsEngine } from "./sqljs-engine.ts";

const directory = mkdtempSync(join(tmpdir(), "lendlens-shared-"));
const dbPath = join(directory, "padded.sqlite");
/** The file's size: large enough that a copy per worker would show plainly in the process's memory. */
const FILE_MB = 48;
const WORKERS = 4;

beforeAll(async () => {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  database.exec("CREATE TABLE pad (n INTEGER PRIMARY KEY, payload BLOB)");
  database.exec(`WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ${FILE_MB * 16}) INSERT INTO pad SELECT n, randomblob(65536) FROM k`);
  database.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('as_of_date', '2026-06-30')");
  writeFileSync(dbPath, database.export());
  database.close();
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("sql.js engine: one shared copy of the dataset", () => {
  let engine: Engine | undefined;
  afterAll(async () => {
    await engine?.close();
  });

  it(`${WORKERS} workers over a ${FILE_MB} MB file add about one copy of it to the process's memory, not ${WORKERS}`, async () => {
    const before = process.memoryUsage().rss;
    engine = await createSqlJsEngine({ dbPath, workers: WORKERS, resultCacheEntries: 0 });
    // Every worker reads every page of the file (a full scan of the blobs).
    const totals = await Promise.all(Array.from({ length: WORKERS * 2 }, () => engine!.query("SELECT COUNT(*), SUM(LENGTH(payload)) FROM pad")));
    for (const total of totals) expect(total.rows).toEqual([[FILE_MB * 16, FILE_MB * 16 * 65536]]);
    const grownMb = (process.memoryUsage().rss - before) / 1e6;
    // One copy plus each worker's wasm heap and thread (about 10-20 MB each); a copy per worker would be ≥ 4 × 48 MB.
    expect(grownMb).toBeLessThan(FILE_MB * 2 + WORKERS * 20);
  });

  it("the shared copy is never written: a write is refused and every worker still reads the same rows", async () => {
    await expect(engine!.query("UPDATE meta SET value = 'x'")).rejects.toThrow(/readonly|read-only|query_only/i);
    await expect(engine!.query("DELETE FROM pad")).rejects.toThrow();
    const reads = await Promise.all(Array.from({ length: WORKERS * 2 }, () => engine!.query("SELECT value FROM meta WHERE key = 'as_of_date'")));
    for (const read of reads) expect(read.rows).toEqual([["2026-06-30"]]);
  });
});
