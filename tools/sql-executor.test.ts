// executeGuarded against a real sql.js dataset file: refusals never reach the engine nor change the file, and pii comes back masked on every path.
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInMemoryEngine } from "./engines/in-memory-engine.ts";
import type { Engine, QueryResult } from "./engines/engine.ts";
import { createCarelessFileEngine, runUnguarded } from "./sql-guard/__fixtures__/careless-file-engine.ts";
import type { CarelessEngine } from "./sql-guard/__fixtures__/careless-file-engine.ts";
import { BAD_STATEMENTS, GOOD_STATEMENTS, SCALE_ONE_ROW_COUNTS } from "./sql-guard/__fixtures__/statement-catalogue.ts";
import { createTinyDatabase, TINY_PII, writeTinyDatasetFile } from "./sql-guard/__fixtures__/tiny-dataset.ts";
import { defaultGuardPolicy, SqlGuardError } from "./sql-guard/index.ts";
import type { GuardPolicy } from "./sql-guard/index.ts";
import { executeGuarded, guardPolicyFor } from "./sql-executor.ts";

const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");
const RAW_PII: readonly string[] = [...TINY_PII.idNumbers, ...TINY_PII.phones];

let directory: string;
let datasetPath: string;
let originalHash: string;
let engine: CarelessEngine;
let policy: GuardPolicy;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "lendlens-guard-"));
  datasetPath = join(directory, "tiny.sqlite");
  await writeTinyDatasetFile(datasetPath);
  originalHash = sha256(datasetPath);
  engine = await createCarelessFileEngine(datasetPath);
  policy = await guardPolicyFor(engine);
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Every cell of a result as text, to search for raw pii. */
const cellsOf = (rows: unknown[][]): string[] => rows.flat().map((value) => String(value));

describe("refused statements against a dataset file", () => {
  const bad = BAD_STATEMENTS.filter((statement) => !statement.dialects || statement.dialects.includes("sqlite"));

  it("the careless test engine would change the file if a statement reached it unguarded", async () => {
    const copy = join(directory, "copy.sqlite");
    copyFileSync(datasetPath, copy);
    const careless = await createCarelessFileEngine(copy);
    await careless.query("DELETE FROM loans");
    expect(sha256(copy)).not.toBe(originalHash);
    await runUnguarded(copy, "DROP TABLE customers");
    expect(sha256(copy)).not.toBe(originalHash);
  });

  it(`refuses all ${bad.length} bad statements before the engine, and the file's hash is unchanged`, async () => {
    // The cost bound judges the row counts it is given: scale-1 counts, as a production dataset would report.
    const scaleOne = defaultGuardPolicy("sqlite", { tableRowCounts: SCALE_ONE_ROW_COUNTS });
    for (const statement of bad) {
      const attempt = executeGuarded(engine, statement.sql, [], { policy: scaleOne });
      await expect(attempt, statement.name).rejects.toBeInstanceOf(SqlGuardError);
      await expect(attempt, statement.name).rejects.toMatchObject({ code: statement.code });
    }
    expect(engine.executed).toEqual([]);
    expect(sha256(datasetPath)).toBe(originalHash);
  });

  it("runs the good statements, and the file's hash is still unchanged", async () => {
    const good = GOOD_STATEMENTS.filter((statement) => statement.dialects.includes("sqlite"));
    for (const statement of good) {
      const executed = await executeGuarded(engine, statement.sql, statement.params ?? [], { policy });
      expect(executed.rowCount, statement.name).toBe(executed.rows.length);
      for (const cell of cellsOf(executed.rows)) expect(RAW_PII, statement.name).not.toContain(cell);
    }
    expect(sha256(datasetPath)).toBe(originalHash);
  });
});

describe("masking on every path that returns rows", () => {
  const paths: [string, string, readonly unknown[]][] = [
    ["bare columns", "SELECT customer_id, id_number, phone FROM customers ORDER BY customer_id", []],
    ["aliased columns", "SELECT customer_id, id_number AS document, phone AS \"手机\" FROM customers ORDER BY customer_id", []],
    ["SELECT *", "SELECT * FROM customers WHERE customer_id <> ?", ["none"]],
    ["qualified star in a join", "SELECT l.loan_id, c.* FROM loans l JOIN customers c ON c.customer_id = l.customer_id", []],
    ["CTE", "WITH borrowers AS (SELECT DISTINCT customer_id FROM loans) SELECT c.phone, c.id_number FROM customers c JOIN borrowers b ON b.customer_id = c.customer_id", []],
    ["CTE carrying pii", "WITH x AS (SELECT customer_id, phone AS contact, id_number FROM customers) SELECT contact, id_number FROM x", []],
    ["derived table", "SELECT d.p, d.i FROM (SELECT phone AS p, id_number AS i FROM customers WHERE value_tier IN ('high', 'medium')) d", []],
    ["star over a derived table", "SELECT * FROM (SELECT phone, id_number FROM customers) AS d", []],
    ["UNION ALL", "SELECT phone, id_number FROM customers WHERE city = 'Shanghai' UNION ALL SELECT phone, id_number FROM customers WHERE city = 'Beijing'", []],
    ["window and aggregate beside pii", "SELECT c.phone, count(*) OVER () AS customers, c.id_number FROM customers c", []],
    ["correlated subquery beside pii", "SELECT c.phone, (SELECT count(*) FROM loans l WHERE l.customer_id = c.customer_id) AS loans, c.id_number FROM customers c", []],
  ];

  it.each(paths)("%s", async (_name, sql, params) => {
    const executed = await executeGuarded(engine, sql, params, { policy });
    expect(executed.rowCount).toBeGreaterThan(0);
    const cells = cellsOf(executed.rows);
    for (const raw of RAW_PII) expect(cells.some((cell) => cell.includes(raw))).toBe(false);
    expect(cells.some((cell) => /^1\d{2}\*{4}\d{4}$/.test(cell))).toBe(true);
    expect(cells.some((cell) => /^\d{3}\*{11}[\dX]{4}$/.test(cell))).toBe(true);
    expect(Object.values(executed.masked).sort()).toEqual(["id_number", "phone"]);
  });

  it("masks the exact example values", async () => {
    const executed = await executeGuarded(engine, "SELECT id_number, phone FROM customers WHERE customer_id = ?", ["C000001"], { policy });
    expect(executed.rows).toEqual([["310***********123X", "138****5678"]]);
    expect(executed.columns).toEqual(["id_number", "phone"]);
  });

  it("also masks a column the engine names like a pii column", async () => {
    // Seven characters are too short to keep a prefix and a suffix: starred whole.
    const executed = await executeGuarded(engine, "SELECT customer_id AS phone FROM customers WHERE customer_id = 'C000001'", [], { policy });
    expect(executed.masked).toEqual({ 0: "phone" });
    expect(executed.rows).toEqual([["*******"]]);
  });
});

describe("executeGuarded", () => {
  it("reports what ran, and truncates at maxRows with the extra row the guard asked for", async () => {
    const small = { ...policy, maxRows: 2 };
    const executed = await executeGuarded(engine, "SELECT loan_id FROM loans ORDER BY loan_id", [], { policy: small });
    expect(executed.sql).toBe("SELECT loan_id FROM loans ORDER BY loan_id\nLIMIT 3");
    expect(executed.rows).toEqual([["L0001"], ["L0002"]]);
    expect(executed.truncated).toBe(true);
    const exact = await executeGuarded(engine, "SELECT loan_id FROM loans ORDER BY loan_id LIMIT 2", [], { policy: small });
    expect(exact.truncated).toBe(false);
    expect(exact.params).toEqual([]);
    expect(exact.tables).toEqual(["loans"]);
    expect(exact.ms).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ["too few parameters", "SELECT loan_id FROM loans WHERE status = ?", []],
    ["too many parameters", "SELECT loan_id FROM loans", ["active"]],
    ["an object parameter", "SELECT loan_id FROM loans WHERE status = ?", [{ toString: (): string => "active" }]],
  ])("refuses %s before the engine", async (_name, sql, params) => {
    const before = engine.executed.length;
    await expect(executeGuarded(engine, sql, params, { policy })).rejects.toMatchObject({ code: "GUARD_PARAMETERS" });
    expect(engine.executed.length).toBe(before);
  });

  it("refuses a policy of another dialect as an internal error", async () => {
    await expect(executeGuarded(engine, "SELECT 1", [], { policy: defaultGuardPolicy("postgres") })).rejects.toMatchObject({
      code: "GUARD_DIALECT_MISMATCH",
      audience: "internal",
    });
  });

  it.each<[string, QueryResult]>([
    ["another column at a pii position", { columns: [{ name: "customer_id" }, { name: "city" }], rows: [["C000001", "13812345678"]], truncated: false, ms: 1 }],
    ["fewer columns than the guard expects", { columns: [{ name: "customer_id" }], rows: [["13812345678"]], truncated: false, ms: 1 }],
  ])("withholds rows when the engine returns %s", async (_name, result) => {
    const stub: Engine = { ...engine, query: async () => result };
    await expect(executeGuarded(stub, "SELECT customer_id, phone FROM customers", [], { policy })).rejects.toMatchObject({ code: "GUARD_RESULT_SHAPE", audience: "internal" });
  });
});

describe("with the project's in-memory sql.js engine", () => {
  it("masks pii and refuses a write", async () => {
    const database = await createTinyDatabase();
    const inMemory = createInMemoryEngine(database, { closeDatabase: true });
    try {
      const memoryPolicy = await guardPolicyFor(inMemory);
      const executed = await executeGuarded(inMemory, "SELECT c.*, l.loan_id FROM customers c JOIN loans l USING (customer_id) ORDER BY l.loan_id", [], { policy: memoryPolicy, timeoutMs: 5_000 });
      expect(executed.rowCount).toBe(3);
      expect(executed.rows[0].slice(0, 4)).toEqual(["C000001", "张三", "310***********123X", "138****5678"]);
      await expect(executeGuarded(inMemory, "DELETE FROM loans", [], { policy: memoryPolicy })).rejects.toMatchObject({ code: "GUARD_NOT_SELECT" });
      expect((await inMemory.tableRowCounts()).loans).toBe(3);
    } finally {
      await inMemory.close();
    }
  });
});
