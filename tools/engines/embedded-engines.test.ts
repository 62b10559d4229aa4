/** One suite for both embedded engines (sql.js threads, native SQLite processes): bound queries, value shapes, maxRows, real timeouts, queueing, untouched file. */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { writeSmallDatasetFile } from "./__fixtures__/small-dataset.ts";
import type { Engine } from "./engine.ts";
import { EngineUnavailableError, QueryFailedError, QueryTimeoutError } from "./engine-errors.ts";
import { createNativeSqliteEngine, nativeSqliteProblem } from "./native-sqlite-engine.ts";
import { createSqlJsEngine } from "./sqljs-engine.ts";

// Counts to a billion: minutes of work for SQLite, so only the timeout can end it.
const SLOW_SQL = "WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < 1000000000) SELECT COUNT(*) FROM counter";

interface EngineUnderTest {
  name: string;
  create: (options: { dbPath: string; workers?: number; defaultTimeoutMs?: number }) => Promise<Engine>;
  skipReason?: string;
}

const nativeProblem = nativeSqliteProblem();
const ENGINES: EngineUnderTest[] = [
  { name: "sql.js", create: createSqlJsEngine },
  { name: "native SQLite", create: createNativeSqliteEngine, ...(nativeProblem ? { skipReason: `better-sqlite3 cannot load: ${nativeProblem}` } : {}) },
];
for (const { name, skipReason } of ENGINES) if (skipReason) console.warn(`SKIPPED: the ${name} engine tests (${skipReason})`);

const directory = mkdtempSync(join(tmpdir(), "lendlens-embedded-"));
const dbPath = join(directory, "dataset.sqlite");
const hashOf = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
let fileHash: string;

beforeAll(async () => {
  await writeSmallDatasetFile(dbPath);
  fileHash = hashOf(dbPath);
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.each(ENGINES)("$name engine", ({ create, skipReason }) => {
  let engine: Engine;
  beforeAll(async () => {
    if (!skipReason) engine = await create({ dbPath, workers: 2 });
  });
  afterAll(async () => {
    await engine?.close();
  });
  const it = skipReason ? vitestIt.skip : vitestIt;

  it.each([
    { sql: "SELECT customer_id FROM customers WHERE city = ? ORDER BY customer_id", params: ["Beijing"], rows: [["C000002"], ["C000004"]] },
    { sql: "SELECT COUNT(*) AS n FROM loans WHERE status = ? AND current_dpd > ?", params: ["active", 30], rows: [[1]] },
    { sql: "SELECT SUM(outstanding_balance) FROM loans WHERE disbursed_date >= ?", params: ["2025-01-01"], rows: [[1372345.67 + 49000.1]] },
    { sql: "SELECT ? || '-' || ?", params: ["a", 1], rows: [["a-1"]] },
    { sql: "SELECT COUNT(*) FROM campaign_touches WHERE applied = ?", params: [true], rows: [[2]] },
  ])("binds parameters: $sql", async ({ sql, params, rows }) => {
    const result = await engine.query(sql, params);
    expect(result.rows).toEqual(rows);
    expect(result.truncated).toBe(false);
  });

  it("runs a statement asked again (prepared once) with new parameters, after a failure and after a truncated read", async () => {
    const sql = "SELECT customer_id FROM customers WHERE city = ? ORDER BY customer_id";
    expect((await engine.query(sql, ["Beijing"], { maxRows: 1 })).rows).toEqual([["C000002"]]);
    await expect(engine.query(sql, ["Beijing", "one too many"])).rejects.toBeInstanceOf(QueryFailedError);
    expect((await engine.query(sql, ["Shanghai"])).rows).toEqual([["C000001"], ["C000003"]]);
    expect((await engine.query(sql, ["Beijing"])).rows).toEqual([["C000002"], ["C000004"]]);
  });

  it("keeps numbers, strings and nulls as they are, with column names", async () => {
    const result = await engine.query("SELECT customer_id, annual_income, churn_date, birth_date FROM customers WHERE customer_id = ?", ["C000001"]);
    expect(result.columns).toEqual([{ name: "customer_id" }, { name: "annual_income" }, { name: "churn_date" }, { name: "birth_date" }]);
    expect(result.rows).toEqual([["C000001", 240000.5, null, "1990-01-01"]]);
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });

  it.each([
    { maxRows: 0, length: 0, truncated: true },
    { maxRows: 2, length: 2, truncated: true },
    { maxRows: 4, length: 4, truncated: false },
    { maxRows: 10, length: 4, truncated: false },
  ])("stops reading after maxRows=$maxRows", async ({ maxRows, length, truncated }) => {
    const result = await engine.query("SELECT customer_id FROM customers ORDER BY customer_id", [], { maxRows });
    expect(result.rows).toHaveLength(length);
    expect(result.truncated).toBe(truncated);
    expect(result.rows[0]?.[0] ?? "C000001").toBe("C000001");
  });

  it.each([
    { name: "two statements", sql: "SELECT 1; DELETE FROM meta", params: [] },
    { name: "a write", sql: "INSERT INTO meta VALUES ('x', 'y')", params: [] },
    { name: "a syntax error", sql: "SELEC 1", params: [] },
    { name: "an unsupported parameter", sql: "SELECT ?", params: [{ not: "a value" }] },
  ])("refuses $name with a QueryFailedError", async ({ sql, params }) => {
    await expect(engine.query(sql, params)).rejects.toBeInstanceOf(QueryFailedError);
  });

  it("reads meta and row counts", async () => {
    expect(await engine.meta()).toMatchObject({ as_of_date: "2026-06-30", schema_version: "1" });
    expect(await engine.tableRowCounts()).toMatchObject({ customers: 4, loans: 2, repayments: 5, meta: 4 });
  });

  it("stops a slow query within its timeout + 1 s while queries sent meanwhile succeed", async () => {
    const started = performance.now();
    const slow = engine.query(SLOW_SQL, [], { timeoutMs: 1000 }).then(
      () => ({ error: undefined, at: performance.now() - started }),
      (error: unknown) => ({ error, at: performance.now() - started }),
    );
    const meanwhile = await Promise.all(Array.from({ length: 6 }, (_, index) => engine.query("SELECT ? * 2", [index])));
    expect(meanwhile.map((result) => result.rows[0]?.[0])).toEqual([0, 2, 4, 6, 8, 10]);
    expect(performance.now() - started).toBeLessThan(1000); // answered by the other worker, not after the timeout

    const outcome = await slow;
    expect(outcome.error).toBeInstanceOf(QueryTimeoutError);
    expect(outcome.error).toMatchObject({ code: "QUERY_TIMEOUT", audience: "user" });
    expect((outcome.error as QueryTimeoutError).messages.zh).toContain("1000");
    expect(outcome.at).toBeGreaterThanOrEqual(990);
    expect(outcome.at).toBeLessThan(2000);

    // The terminated worker was replaced: two slow queries at once both time out, so two workers exist again.
    const both = await Promise.allSettled([engine.query(SLOW_SQL, [], { timeoutMs: 300 }), engine.query(SLOW_SQL, [], { timeoutMs: 300 })]);
    expect(both.map((settled) => settled.status === "rejected" && settled.reason instanceof QueryTimeoutError)).toEqual([true, true]);
    expect((await engine.query("SELECT COUNT(*) FROM customers")).rows).toEqual([[4]]);
  });

  it("queues queries when every worker is busy and runs them on the replacement worker", async () => {
    const single = await create({ dbPath, workers: 1 });
    try {
      const started = performance.now();
      const slow = single.query(SLOW_SQL, [], { timeoutMs: 500 });
      const queued = single.query("SELECT COUNT(*) FROM loans");
      await expect(slow).rejects.toBeInstanceOf(QueryTimeoutError);
      expect((await queued).rows).toEqual([[2]]);
      expect(performance.now() - started).toBeLessThan(3000); // 500 ms timeout, then a fresh worker loads the file
    } finally {
      await single.close();
    }
  });

  it("rejects pending and later queries once closed", async () => {
    const closing = await create({ dbPath, workers: 1, defaultTimeoutMs: 5000 });
    const outcomes = Promise.allSettled([closing.query(SLOW_SQL), closing.query("SELECT 1")]);
    await closing.close();
    const [running, queued] = await outcomes;
    expect(running.status === "rejected" && running.reason).toBeInstanceOf(EngineUnavailableError);
    expect(queued.status === "rejected" && queued.reason).toBeInstanceOf(EngineUnavailableError);
    await expect(closing.query("SELECT 1")).rejects.toMatchObject({ code: "ENGINE_UNAVAILABLE" });
  });

  it.each([
    { name: "a missing file", path: join(directory, "missing.sqlite") },
    { name: "a file that is not a database", path: import.meta.filename },
  ])("refuses to open $name", async ({ path }) => {
    await expect(create({ dbPath: path })).rejects.toBeInstanceOf(EngineUnavailableError);
  });

  it("never writes the dataset file", async () => {
    await engine.query("INSERT INTO meta VALUES ('x', 'y')").catch(() => undefined);
    expect(hashOf(dbPath)).toBe(fileHash);
  });
});
