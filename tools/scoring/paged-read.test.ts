/** Keyset paging of the scoring tools' inputs: every row comes back once, in key order, past page sizes and row caps. */
import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import type { Engine } from "../engines/engine.ts";
import { createInMemoryEngine } from "../engines/in-memory-engine.ts";
import { PAGE_ROWS, readAllRecords, readAllRows } from "./paged-read.ts";
import { PagedReadKeyError, ScoringInputTruncatedError } from "./scoring-errors.ts";
import { queryRows } from "./scoring-query.ts";

/** A table of `customers` x 3 months, keyed by (customer_id, month). */
async function monthlyEngine(customers: number): Promise<Engine> {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  database.run("CREATE TABLE m (customer_id TEXT, month TEXT, aum REAL, PRIMARY KEY (customer_id, month))");
  database.run("BEGIN");
  const insert = database.prepare("INSERT INTO m VALUES (?, ?, ?)");
  for (let index = customers; index >= 1; index--) {
    for (const month of ["2026-03", "2026-01", "2026-02"]) insert.run([`C${String(index).padStart(6, "0")}`, month, index]);
  }
  insert.free();
  database.run("COMMIT");
  return createInMemoryEngine(database, { closeDatabase: true });
}

/** An engine that cuts every result at `cap` rows and says so, as the SQL guard's LIMIT maxRows + 1 does. */
function capped(engine: Engine, cap: number): Engine & { statements: number } {
  const wrapper = {
    ...engine,
    statements: 0,
    async query(sql: string, params?: readonly unknown[]) {
      wrapper.statements++;
      const result = await engine.query(sql, params);
      return { ...result, rows: result.rows.slice(0, cap), truncated: result.rows.length > cap };
    },
  };
  return wrapper;
}

describe("readAllRows", () => {
  it.each<[name: string, customers: number, cap: number | null]>([
    ["fewer rows than a page", 100, null],
    ["several pages", Math.ceil((2.5 * PAGE_ROWS) / 3), null],
    ["a row cap below the page size", 2000, 1234],
  ])("%s", async (_name, customers, cap) => {
    const base = await monthlyEngine(customers);
    const engine = cap === null ? capped(base, Number.MAX_SAFE_INTEGER) : capped(base, cap);
    const rows = await readAllRows(engine, { key: ["customer_id", "month"], columns: ["aum"], from: "m", where: ["month >= ?"], params: ["2026-02"] });
    expect(rows).toHaveLength(customers * 2);
    const keys = rows.map((row) => `${String(row[0])}|${String(row[1])}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows[0]).toEqual(["C000001", "2026-02", 1]);
    const pageSize = Math.min(PAGE_ROWS, cap ?? PAGE_ROWS);
    expect(engine.statements).toBe(Math.floor((customers * 2) / pageSize) + 1);
    await base.close();
  });
});

describe("readAllRecords", () => {
  it("reads an aggregated query whole in pages keyed by its groups, as records", async () => {
    const base = await monthlyEngine(1000);
    const engine = capped(base, 300);
    const records = await readAllRecords(engine, { key: ["customer_id"], columns: ["SUM(aum) AS total", "COUNT(*) AS months"], from: "m", groupBy: ["customer_id"] });
    expect(records).toHaveLength(1000);
    expect(records[0]).toEqual({ customer_id: "C000001", total: 3, months: 3 });
    expect(records[999]).toEqual({ customer_id: "C001000", total: 3000, months: 3 });
    expect(engine.statements).toBe(4);
    await base.close();
  });

  it("refuses a key that does not identify the rows (paging would skip rows at a page boundary)", async () => {
    const base = await monthlyEngine(10);
    await expect(readAllRows(capped(base, 4), { key: ["customer_id"], columns: ["month"], from: "m" })).rejects.toBeInstanceOf(PagedReadKeyError);
    await base.close();
  });
});

describe("queryRows", () => {
  it("throws a typed, bilingual error rather than return rows a cap cut short", async () => {
    const base = await monthlyEngine(10);
    const error = await queryRows(capped(base, 5), "SELECT customer_id FROM m").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScoringInputTruncatedError);
    expect((error as ScoringInputTruncatedError).code).toBe("SCORING_INPUT_TRUNCATED");
    expect((error as ScoringInputTruncatedError).messages.zh).toContain("截断");
    expect(await queryRows(capped(base, 30), "SELECT customer_id FROM m")).toHaveLength(30);
    await base.close();
  });
});
