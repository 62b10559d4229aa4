/**
 * Through the SQL guard with a row cap far below their inputs, the scoring tools answer exactly as run directly on
 * the data: on sql.js always, on PostgreSQL when TEST_DATABASE_URL is set (skipped loudly otherwise).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "sql.js";
import { semanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import { generateDataset } from "../../schema/generator/generate-dataset.ts";
import { createThrowawayDatabase } from "../../tools/engines/__fixtures__/throwaway-database.ts";
import type { ThrowawayDatabase } from "../../tools/engines/__fixtures__/throwaway-database.ts";
import type { Engine, QueryOptions } from "../../tools/engines/engine.ts";
import { createInMemoryEngine } from "../../tools/engines/in-memory-engine.ts";
import { createPostgresEngine } from "../../tools/engines/postgres-engine.ts";
import { loadIntoPostgres } from "../../tools/engines/postgres-loader.ts";
import { runScoringTool, SCORING_TOOL_NAMES } from "../../tools/scoring/registry.ts";
import type { ScoringToolName } from "../../tools/scoring/registry.ts";
import { guardPolicyFor } from "../../tools/sql-executor.ts";
import { scoringToolRunners } from "./scoring-tool-runners.ts";
import type { ToolRunContext } from "./tool-runner.ts";

const AS_OF_DATE = "2026-06-30";
/** The guard's row cap in these tests: every tool reads more rows than this at scale 0.05. */
const ROW_CAP = 200;
const adminUrl = process.env.TEST_DATABASE_URL;

/** Every tool, asked for all of its rows, with arguments that widen its input where it has a window. */
const CASES: [tool: ScoringToolName, args: Record<string, unknown>][] = [
  ["risk_trend", { months: 12, limit: 10000 }],
  ["early_warning", { limit: 10000 }],
  ["pre_due_risk", { days: 60, limit: 10000 }],
  ["customer_value", { include_churned: true, limit: 10000 }],
  ["churn_risk", { limit: 10000 }],
  ["next_best_product", { per_customer: 3, limit: 10000 }],
];

/** The engine under the guard, counting the statements the cap cut short (proof that the cap was really hit). */
function cutCounting(base: Engine): Engine & { cut: number } {
  const wrapper = {
    ...base,
    cut: 0,
    async query(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      const result = await base.query(sql, params, options);
      if (result.truncated && options?.maxRows === ROW_CAP) wrapper.cut++;
      return result;
    },
  };
  return wrapper;
}

/** What the pipeline gives a tool step, with the guard capped at `maxRows`. */
async function runContext(engine: Engine, tool: ScoringToolName, args: Record<string, unknown>, maxRows: number): Promise<ToolRunContext> {
  return {
    semanticLayer: semanticLayer(),
    asOfDate: AS_OF_DATE,
    language: "en",
    datasetValues: {},
    policy: await guardPolicyFor(engine, { maxRows }),
    timeoutMs: 30_000,
    query: { kind: "tool", tool, args, filters: [] },
  };
}

/** The table-driven suite over one engine. */
function rowCapSuite(engineName: string, open: () => Promise<{ engine: Engine; close: () => Promise<void> }>): void {
  describe(`scoring tools through the SQL guard capped at ${ROW_CAP} rows (${engineName})`, () => {
    let engine: Engine;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ engine, close } = await open());
    });
    afterAll(() => close?.());

    it("covers every scoring tool", () => {
      expect(CASES.map(([tool]) => tool).sort()).toEqual([...SCORING_TOOL_NAMES].sort());
    });

    it.each(CASES)("%s: the guarded answer equals the direct run on the data", async (tool, args) => {
      const direct = (await runScoringTool(tool, args, { engine, asOfDate: AS_OF_DATE })) as { columns: { name: string }[]; rows: unknown[][]; row_count: number };
      const counting = cutCounting(engine);
      const runner = scoringToolRunners().get(tool);
      const guarded = await runner!.run(counting, args, await runContext(engine, tool, args, ROW_CAP));

      expect(counting.cut, "the cap cut some page short").toBeGreaterThan(0);
      expect(guarded.columns.map((column) => column.name)).toEqual(direct.columns.map((column) => column.name));
      expect(guarded.rowCount).toBe(direct.row_count);
      expect(guarded.rows.length).toBeGreaterThan(0);
      expect(guarded.rows).toEqual(direct.rows);
      expect(guarded.truncated).toBe(false);
    });
  });
}

rowCapSuite("sql.js", async () => {
  const engine = createInMemoryEngine(await generateDataset({ seed: 7, scale: 0.05, asOf: AS_OF_DATE }), { closeDatabase: true });
  return { engine, close: () => engine.close() };
});

if (!adminUrl) {
  console.warn("Scoring row-cap tests on PostgreSQL SKIPPED: TEST_DATABASE_URL is not set (run `source .ci/postgres.sh` to start one).");
  describe("scoring tools through the capped SQL guard (PostgreSQL)", () => {
    it.skip("SKIPPED: TEST_DATABASE_URL is not set (source .ci/postgres.sh)", () => undefined);
  });
} else {
  const url = adminUrl;
  rowCapSuite("PostgreSQL", async () => {
    const database: ThrowawayDatabase = await createThrowawayDatabase(url, "lendlens_row_cap");
    const source: Database = await generateDataset({ seed: 7, scale: 0.05, asOf: AS_OF_DATE });
    await loadIntoPostgres(source, database.url);
    source.close();
    const engine = await createPostgresEngine({ url: database.url, poolSize: 3 });
    return {
      engine,
      close: async () => {
        await engine.close();
        await database.drop();
      },
    };
  });
}
