/**
 * The same questions give the same answers on PostgreSQL as on sql.js: a generated dataset (scale 0.02) loaded
 * into a throwaway database, asked through the pipeline and through `npm run ask` with DATABASE_URL.
 * Skipped, loudly, without TEST_DATABASE_URL.
 */
import { createThrowawayDatabase } from "../../tools/engines/__fixtures__/throwaway-database.ts";
import type { ThrowawayDatabase } from "../../tools/engines/__fixtures__/throwaway-database.ts";
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../answer/answer.ts";
import { QueryPlan } from "../plan/query-plan.ts";
import type { Planner } from "../planner/planner.ts";
import { generateDataset } from "../../schema/generator/generate-dataset.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { createInMemoryEngine } from "../../tools/engines/in-memory-engine.ts";
import { createPostgresEngine } from "../../tools/engines/postgres-engine.ts";
import { loadIntoPostgres } from "../../tools/engines/postgres-loader.ts";
import { runAskCommand } from "../cli/ask-command.ts";
import { createAsk } from "./ask-pipeline.ts";

const adminUrl = process.env.TEST_DATABASE_URL;

/** Plans asked on both engines, one per result shape. */
const PLANS: Record<string, unknown> = {
  single: { query: { kind: "aggregate", metrics: ["overdue_rate", "outstanding_balance"] } },
  grouped: { query: { kind: "aggregate", metrics: ["loan_count"], dimensions: [{ id: "city" }], order: [{ by: "city", direction: "asc" }] } },
  trend: { query: { kind: "aggregate", metrics: ["disbursement_amount"], dimensions: [{ id: "time", grain: "month" }], time: { start: "2026-01-01", end: "2026-06-30" } } },
  compared: { query: { kind: "aggregate", metrics: ["approval_rate"], time: { start: "2026-06-01", end: "2026-06-30" }, compareTo: { start: "2026-05-01", end: "2026-05-31" } } },
  list: { query: { kind: "list", entity: "customers", filters: [{ kind: "term", term: "high_value" }, { kind: "term", term: "rising_repayment_risk" }] } },
  empty: { query: { kind: "list", entity: "customers", filters: [{ kind: "compare", attribute: "annual_income", op: "gt", value: 1e13 }] } },
};

/** A planner that looks the question up in PLANS. */
const planner: Planner = {
  name: "fixed",
  async plan(question) {
    return { status: "plan", language: "zh", plan: QueryPlan.parse(PLANS[question]), confidence: 1 };
  },
};

/** Equal answers: same text, columns and rows (numbers within a relative 1e-9). */
function expectSameAnswer(actual: Answer, expected: Answer): void {
  expect(actual.status).toBe(expected.status);
  expect(actual.text).toBe(expected.text);
  expect(actual.columns).toEqual(expected.columns);
  expect(actual.row_count).toBe(expected.row_count);
  actual.rows.forEach((row, rowIndex) =>
    row.forEach((value, columnIndex) => {
      const wanted = expected.rows[rowIndex][columnIndex];
      if (typeof wanted === "number") expect(Math.abs((value as number) - wanted)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wanted)));
      else expect(value).toBe(wanted);
    }),
  );
}

if (adminUrl === undefined) {
  console.warn("Ask pipeline PostgreSQL tests SKIPPED: TEST_DATABASE_URL is not set (run `source .ci/postgres.sh` to start one).");
  describe("ask pipeline on PostgreSQL", () => {
    it.skip("SKIPPED: TEST_DATABASE_URL is not set (source .ci/postgres.sh)", () => undefined);
  });
} else {
  describe("ask pipeline on PostgreSQL", () => {
    let database: ThrowawayDatabase;
    let source: Database;
    let sqlite: Engine;
    let postgres: Engine;

    beforeAll(async () => {
      database = await createThrowawayDatabase(adminUrl, "lendlens_ask");
      source = await generateDataset({ seed: 3, scale: 0.02 });
      sqlite = createInMemoryEngine(source);
      await loadIntoPostgres(source, database.url);
      postgres = await createPostgresEngine({ url: database.url });
    });

    afterAll(async () => {
      await postgres?.close();
      source?.close();
      await database?.drop();
    });

    it.each(Object.keys(PLANS))("%s: the same answer as sql.js", async (name) => {
      const onSqlite = await createAsk({ engine: sqlite, planner })(name);
      const onPostgres = await createAsk({ engine: postgres, planner })(name);
      expect(onSqlite.status).toBe("answered");
      expect(onSqlite.row_count > 0).toBe(name !== "empty");
      expectSameAnswer(onPostgres, onSqlite);
    });

    it("npm run ask reads PostgreSQL when DATABASE_URL is set", async () => {
      let stdout = "";
      const code = await runAskCommand(["--json", "single"], { stdout: (text) => (stdout += text), stderr: () => undefined, environment: { DATABASE_URL: database.url }, planner });
      expect(code).toBe(0);
      const expected = await createAsk({ engine: sqlite, planner })("single");
      expectSameAnswer(JSON.parse(stdout) as Answer, expected);
    });
  });
}
