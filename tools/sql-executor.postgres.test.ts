// executeGuarded on PostgreSQL: accepted statements (with the appended LIMIT) really run, pii comes back masked, refusals never reach the server. Skipped, loudly, without TEST_DATABASE_URL.
import { createThrowawayDatabase } from "./engines/__fixtures__/throwaway-database.ts";
import type { ThrowawayDatabase } from "./engines/__fixtures__/throwaway-database.ts";
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "./engines/engine.ts";
import { createPostgresEngine } from "./engines/postgres-engine.ts";
import { loadIntoPostgres } from "./engines/postgres-loader.ts";
import { BAD_STATEMENTS, GOOD_STATEMENTS, SCALE_ONE_ROW_COUNTS } from "./sql-guard/__fixtures__/statement-catalogue.ts";
import { createTinyDatabase, TINY_PII } from "./sql-guard/__fixtures__/tiny-dataset.ts";
import { defaultGuardPolicy, SqlGuardError } from "./sql-guard/index.ts";
import { executeGuarded, guardPolicyFor } from "./sql-executor.ts";

const adminUrl = process.env.TEST_DATABASE_URL;
const SCHEMA = "guard_test";

if (adminUrl === undefined) {
  console.warn("Guarded executor PostgreSQL tests SKIPPED: TEST_DATABASE_URL is not set (run `source .ci/postgres.sh` to start one).");
  describe("executeGuarded on PostgreSQL", () => {
    it.skip("SKIPPED: TEST_DATABASE_URL is not set (source .ci/postgres.sh)", () => undefined);
  });
} else {
  describe("executeGuarded on PostgreSQL", () => {
    let database: ThrowawayDatabase;
    let source: Database;
    let engine: Engine;
    const executed: string[] = [];

    beforeAll(async () => {
      database = await createThrowawayDatabase(adminUrl, "lendlens_guard");
      source = await createTinyDatabase();
      await loadIntoPostgres(source, database.url, { schema: SCHEMA });
      const postgres = await createPostgresEngine({ url: database.url, schema: SCHEMA, poolSize: 2 });
      // Records what reaches the server.
      engine = { ...postgres, dialect: postgres.dialect, query: (sql, params, options) => (executed.push(sql), postgres.query(sql, params, options)), close: () => postgres.close() };
    });

    afterAll(async () => {
      await engine?.close();
      source?.close();
      await database?.drop();
    });

    it("runs every accepted PostgreSQL statement of the catalogue, LIMIT included, with pii masked", async () => {
      const policy = await guardPolicyFor(engine);
      for (const statement of GOOD_STATEMENTS.filter((candidate) => candidate.dialects.includes("postgres"))) {
        const result = await executeGuarded(engine, statement.sql, statement.params ?? [], { policy, timeoutMs: 10_000 });
        const cells = result.rows.flat().map(String);
        for (const raw of [...TINY_PII.idNumbers, ...TINY_PII.phones]) expect(cells, statement.name).not.toContain(raw);
      }
    });

    it("masks the example values as on SQLite", async () => {
      const policy = await guardPolicyFor(engine);
      const result = await executeGuarded(engine, "SELECT c.*, l.loan_id FROM customers c JOIN loans l USING (customer_id) WHERE c.customer_id = $1", ["C000001"], { policy });
      expect(result.rows[0].slice(0, 4)).toEqual(["C000001", "张三", "310***********123X", "138****5678"]);
      expect(result.sql).toBe("SELECT c.*, l.loan_id FROM customers c JOIN loans l USING (customer_id) WHERE c.customer_id = $1\nLIMIT 10001");
    });

    it("refuses every bad PostgreSQL statement before the server", async () => {
      const before = executed.length;
      const policy = defaultGuardPolicy("postgres", { tableRowCounts: SCALE_ONE_ROW_COUNTS });
      for (const statement of BAD_STATEMENTS.filter((candidate) => !candidate.dialects || candidate.dialects.includes("postgres"))) {
        const attempt = executeGuarded(engine, statement.sql, [], { policy });
        await expect(attempt, statement.name).rejects.toBeInstanceOf(SqlGuardError);
        await expect(attempt, statement.name).rejects.toMatchObject({ code: statement.code });
      }
      expect(executed.length).toBe(before);
      expect((await engine.tableRowCounts()).loans).toBe(3);
    });
  });
}
