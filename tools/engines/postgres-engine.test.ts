/**
 * Tests of the PostgreSQL loader and engine against a throwaway database: the same SELECTs return the same rows
 * as sql.js, writes are refused, statement_timeout stops slow statements. Skipped, loudly, without TEST_DATABASE_URL.
 */
import pg from "pg";
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TABLES } from "../../schema/tables.ts";
import { buildSmallDataset } from "./__fixtures__/small-dataset.ts";
import type { Engine } from "./engine.ts";
import { QueryFailedError, QueryTimeoutError } from "./engine-errors.ts";
import { createInMemoryEngine } from "./in-memory-engine.ts";
import { openEngine } from "./open-engine.ts";
import { createPostgresEngine } from "./postgres-engine.ts";
import { loadIntoPostgres } from "./postgres-loader.ts";
import type { LoadProgress } from "./postgres-loader.ts";

const adminUrl = process.env.TEST_DATABASE_URL;
const SCHEMA = "lendlens";

/** A SELECT written once with `?` placeholders; `postgres` only where the dialects differ. */
interface ComparisonCase {
  name: string;
  sql: string;
  params?: unknown[];
}

const COMPARISONS: ComparisonCase[] = [
  // Every column of every table: the type parsers must give SQLite's shapes (dates as text, money as numbers).
  ...TABLES.map((table) => ({ name: `all of ${table.name}`, sql: `SELECT * FROM ${table.name} ORDER BY ${table.primaryKey.join(", ")}` })),
  { name: "counts and sums", sql: "SELECT COUNT(*), SUM(outstanding_balance), AVG(principal) FROM loans WHERE status = ?", params: ["active"] },
  {
    name: "overdue rate",
    sql: "SELECT SUM(CASE WHEN current_dpd > 0 THEN outstanding_balance ELSE 0 END) / SUM(outstanding_balance) FROM loans WHERE status = ?",
    params: ["active"],
  },
  {
    name: "grouped join",
    sql: "SELECT c.city, COUNT(*), SUM(l.principal) FROM loans l JOIN customers c ON c.customer_id = l.customer_id GROUP BY c.city ORDER BY c.city",
  },
  { name: "date range parameters", sql: "SELECT COUNT(*), SUM(due_amount) FROM repayments WHERE due_date BETWEEN ? AND ?", params: ["2026-06-01", "2026-07-31"] },
  { name: "timestamps", sql: "SELECT application_id, applied_at, decided_at FROM applications WHERE applied_at >= ? ORDER BY 1", params: ["2026-06-01 00:00:00"] },
  { name: "months and averages", sql: "SELECT month, AVG(pd), MAX(score) FROM risk_scores GROUP BY month ORDER BY month" },
  { name: "comparisons as 1/0", sql: "SELECT customer_id, annual_income > ? AS rich FROM customers ORDER BY 1", params: [50000] },
  { name: "distinct counts and nulls", sql: "SELECT COUNT(DISTINCT customer_id), COUNT(loan_id), MIN(resolved_date) FROM risk_alerts" },
  {
    name: "approval rate",
    sql: "SELECT 1.0 * SUM(CASE WHEN decision = 'approved' THEN 1 ELSE 0 END) / SUM(CASE WHEN decision IN ('approved', 'rejected') THEN 1 ELSE 0 END) FROM applications",
  },
];

/** `?` → `$1, $2, ...` (the test statements hold no `?` inside strings). */
function toPostgresPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/** Equal rows, numbers within 1e-6 (relative for large sums: NUMERIC is exact, REAL is not). */
function expectSameRows(actual: unknown[][], expected: unknown[][]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((row, rowIndex) => {
    const expectedRow = expected[rowIndex] ?? [];
    expect(row).toHaveLength(expectedRow.length);
    row.forEach((value, columnIndex) => {
      const wanted = expectedRow[columnIndex];
      if (typeof wanted === "number") {
        expect(typeof value, `row ${rowIndex} column ${columnIndex}`).toBe("number");
        expect(Math.abs((value as number) - wanted)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(wanted)));
      } else {
        expect(value, `row ${rowIndex} column ${columnIndex}`).toBe(wanted);
      }
    });
  });
}

if (adminUrl === undefined) {
  console.warn("PostgreSQL engine tests SKIPPED: TEST_DATABASE_URL is not set (run `source .ci/postgres.sh` to start one).");
  describe("PostgreSQL engine and loader", () => {
    it.skip("SKIPPED: TEST_DATABASE_URL is not set (source .ci/postgres.sh)", () => undefined);
  });
} else {
  describe("PostgreSQL engine and loader", () => {
    // A database of its own, so that parallel test files never see each other's tables.
    const databaseName = `lendlens_test_${Math.random().toString(36).slice(2, 10)}`;
    const testUrl = new URL(adminUrl);
    testUrl.pathname = `/${databaseName}`;
    const url = testUrl.toString();
    const progress: LoadProgress[] = [];
    let source: Database;
    let sqlite: Engine;
    let postgres: Engine;

    const admin = async <T>(work: (client: pg.Client) => Promise<T>, connectTo = adminUrl): Promise<T> => {
      const client = new pg.Client({ connectionString: connectTo });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    };

    beforeAll(async () => {
      await admin((client) => client.query(`CREATE DATABASE ${databaseName}`));
      source = await buildSmallDataset();
      sqlite = createInMemoryEngine(source);
      await loadIntoPostgres(source, url, { schema: SCHEMA, batchRows: 2, onProgress: (step) => progress.push(step) });
      postgres = await createPostgresEngine({ url, schema: SCHEMA, poolSize: 3 });
    });

    afterAll(async () => {
      await postgres?.close();
      source?.close();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
    });

    it("loads every table and reports its progress", async () => {
      const phases = [...new Set(progress.map((step) => step.phase))];
      expect(phases).toEqual(["schema", "rows", "indexes", "analyze", "done"]);
      expect(progress).toContainEqual({ phase: "rows", table: "repayments", rowsDone: 5, rowsTotal: 5 });
      expect(await postgres.tableRowCounts()).toEqual(await sqlite.tableRowCounts());
      expect(await postgres.meta()).toEqual(await sqlite.meta());
      const types = await postgres.query(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'loans' AND column_name IN ('principal', 'disbursed_date') ORDER BY 1",
        [SCHEMA],
      );
      expect(types.rows).toEqual([["disbursed_date", "date"], ["principal", "numeric"]]);
    });

    it("reloads in place (drop and create) with the same result", async () => {
      const summary = await loadIntoPostgres(source, url, { schema: SCHEMA });
      expect(summary.rows).toEqual(await sqlite.tableRowCounts());
      expect(await postgres.tableRowCounts()).toEqual(summary.rows);
    });

    it("rolls a failed load back and leaves the previous contents in place", async () => {
      const broken = await buildSmallDataset();
      broken.run("DROP TABLE satisfaction_surveys");
      const error = await loadIntoPostgres(broken, url, { schema: SCHEMA }).catch((caught: unknown) => caught);
      broken.close();
      expect(error).toBeInstanceOf(QueryFailedError);
      expect((error as QueryFailedError).message).toContain("satisfaction_surveys");
      expect(await postgres.tableRowCounts()).toEqual(await sqlite.tableRowCounts());
    });

    it("serves a schema of views over the contract tables, as a bank maps its warehouse", async () => {
      await admin(async (client) => {
        await client.query("CREATE SCHEMA lendlens_views");
        for (const table of TABLES) await client.query(`CREATE VIEW lendlens_views.${table.name} AS SELECT * FROM ${SCHEMA}.${table.name}`);
      }, url);
      const views = await createPostgresEngine({ url, schema: "lendlens_views", poolSize: 1 });
      try {
        // Views have no reltuples: the counts come from the planner's estimate, exact here after ANALYZE.
        expect(await views.tableRowCounts()).toEqual(await sqlite.tableRowCounts());
        const sql = "SELECT branch_id, SUM(outstanding_balance) FROM loans GROUP BY branch_id ORDER BY branch_id";
        expectSameRows((await views.query(sql)).rows, (await sqlite.query(sql)).rows);
      } finally {
        await views.close();
      }
    });

    it.each(COMPARISONS)("returns the same rows as sql.js: $name", async ({ sql, params = [] }) => {
      const expected = await sqlite.query(sql, params);
      const actual = await postgres.query(toPostgresPlaceholders(sql), params);
      expect(expected.rows.length).toBeGreaterThan(0);
      expect(actual.columns.length).toBe(expected.columns.length);
      expectSameRows(actual.rows, expected.rows);
    });

    it.each([
      { maxRows: 2, rows: [["C000004"], ["C000003"]], truncated: true },
      { maxRows: 4, rows: [["C000004"], ["C000003"], ["C000002"], ["C000001"]], truncated: false },
    ])("keeps ORDER BY and truncates at maxRows=$maxRows", async ({ maxRows, rows, truncated }) => {
      const result = await postgres.query("SELECT customer_id FROM customers ORDER BY customer_id DESC;", [], { maxRows });
      expect(result).toMatchObject({ rows, truncated });
    });

    it.each([
      { name: "an INSERT", sql: "INSERT INTO meta VALUES ('x', 'y')", sqlState: "25006" },
      { name: "a write hidden in a function", sql: "SELECT lendlens_test_write()", sqlState: "25006" },
      { name: "a row lock", sql: "SELECT * FROM meta FOR UPDATE", sqlState: "25006" },
      { name: "a second statement", sql: "SELECT 1; DELETE FROM meta", sqlState: "42601" },
    ])("refuses $name (read-only transaction, one statement)", async ({ sql, sqlState }) => {
      await admin(
        (client) =>
          client.query(
            `CREATE OR REPLACE FUNCTION ${SCHEMA}.lendlens_test_write() RETURNS integer LANGUAGE sql AS $$ INSERT INTO ${SCHEMA}.meta VALUES ('w', 'w') RETURNING 1 $$`,
          ),
        url,
      );
      const error = await postgres.query(sql).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(QueryFailedError);
      expect((error as QueryFailedError).details).toMatchObject({ sqlState });
      expect(await postgres.meta()).toEqual(await sqlite.meta());
    });

    it("stops a slow statement with statement_timeout while queries sent meanwhile succeed", async () => {
      const started = performance.now();
      const slow = postgres.query("SELECT pg_sleep(5)", [], { timeoutMs: 700 }).catch((caught: unknown) => caught);
      const meanwhile = await Promise.all([1, 2, 3].map((value) => postgres.query("SELECT $1::int * 2", [value])));
      expect(meanwhile.map((result) => result.rows[0]?.[0])).toEqual([2, 4, 6]);
      const error = await slow;
      expect(error).toBeInstanceOf(QueryTimeoutError);
      expect(performance.now() - started).toBeLessThan(1700);
      expect((await postgres.query("SELECT COUNT(*) FROM loans")).rows).toEqual([[2]]);
    });

    it("is what openEngine returns for a postgres:// DATABASE_URL", async () => {
      const opened = await openEngine({ databaseUrl: url, schema: SCHEMA, dbPath: "/ignored/when/a/url/is/set.sqlite" });
      try {
        expect(opened.dialect).toBe("postgres");
        expect((await opened.query("SELECT COUNT(*) FROM customers")).rows).toEqual([[4]]);
      } finally {
        await opened.close();
      }
    });
  });
}
