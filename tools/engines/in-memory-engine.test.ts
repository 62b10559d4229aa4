/** Tests of the in-process engine over a caller's sql.js Database: read-only queries, maxRows, best-effort timeout. */
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSmallDataset } from "./__fixtures__/small-dataset.ts";
import { EngineUnavailableError, QueryFailedError, QueryTimeoutError } from "./engine-errors.ts";
import { createInMemoryEngine } from "./in-memory-engine.ts";

let database: Database;

beforeAll(async () => {
  database = await buildSmallDataset();
});

afterAll(() => database?.close());

describe("in-memory engine", () => {
  it("answers bound queries with SQLite's value shapes", async () => {
    const engine = createInMemoryEngine(database);
    const result = await engine.query("SELECT loan_id, principal, closed_date FROM loans WHERE customer_id = ?", ["C000002"]);
    expect(result.rows).toEqual([["L0000002", 50000, null]]);
    expect(engine.dialect).toBe("sqlite");
    expect(await engine.meta()).toMatchObject({ as_of_date: "2026-06-30" });
    expect((await engine.tableRowCounts()).branches).toBe(3);
  });

  it("truncates at maxRows", async () => {
    const result = await createInMemoryEngine(database).query("SELECT branch_id FROM branches ORDER BY branch_id", [], { maxRows: 2 });
    expect(result).toMatchObject({ rows: [["BR01"], ["BR02"]], truncated: true });
  });

  it("refuses writes through the engine but leaves the caller's database writable", async () => {
    const engine = createInMemoryEngine(database);
    await expect(engine.query("DELETE FROM branches")).rejects.toBeInstanceOf(QueryFailedError);
    expect(database.exec("SELECT COUNT(*) FROM branches")[0]?.values).toEqual([[3]]);
    database.run("CREATE TEMP TABLE scratch (x)"); // the caller still owns a writable database
    database.run("DROP TABLE scratch");
  });

  it("stops, best-effort, a query that keeps returning rows past its timeout", async () => {
    const endless = "WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter) SELECT n FROM counter";
    const started = performance.now();
    await expect(createInMemoryEngine(database).query(endless, [], { timeoutMs: 200 })).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(performance.now() - started).toBeLessThan(1200);
  });

  it("closes without closing the caller's database unless asked to", async () => {
    const engine = createInMemoryEngine(database);
    await engine.close();
    await expect(engine.query("SELECT 1")).rejects.toBeInstanceOf(EngineUnavailableError);
    expect(database.exec("SELECT 1")[0]?.values).toEqual([[1]]);

    const owned = await buildSmallDataset();
    await createInMemoryEngine(owned, { closeDatabase: true }).close();
    expect(() => owned.exec("SELECT 1")).toThrow();
  });
});
