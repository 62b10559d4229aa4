/**
 * The churn model through the guarded runner (a new wrapper per call): a second call on the same dataset reuses the
 * trained model and reports the statements that built it, while another dataset file, a regenerated file, another
 * as-of date or other settings train anew.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { semanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import { generateDataset, writeDataset } from "../../schema/generator/generate-dataset.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { createInMemoryEngine } from "../../tools/engines/in-memory-engine.ts";
import { createSqlJsEngine } from "../../tools/engines/sqljs-engine.ts";
import { churnModelTrainings } from "../../tools/scoring/churn-model-cache.ts";
import { runScoringTool } from "../../tools/scoring/registry.ts";
import { DEFAULT_SCORING_SETTINGS } from "../../tools/scoring/scoring-settings.ts";
import { guardPolicyFor } from "../../tools/sql-executor.ts";
import { scoringToolRunners } from "./scoring-tool-runners.ts";
import type { ToolRunResult } from "./tool-runner.ts";

const AS_OF_DATE = "2026-06-30";
const ARGS = { limit: 10 };

let directory: string;
const opened: Engine[] = [];

/** Opens a sql.js engine over `dbPath` and closes it after the suite. */
async function open(dbPath: string): Promise<Engine> {
  const engine = await createSqlJsEngine({ dbPath, workers: 1 });
  opened.push(engine);
  return engine;
}

/** Asks churn_risk through the pipeline's runner: guarded, with a fresh wrapper around `engine` on every call. */
async function askChurn(engine: Engine, asOfDate = AS_OF_DATE): Promise<ToolRunResult> {
  const runner = scoringToolRunners().get("churn_risk");
  return runner!.run(engine, ARGS, {
    semanticLayer: semanticLayer(),
    asOfDate,
    language: "en",
    datasetValues: {},
    policy: await guardPolicyFor(engine),
    timeoutMs: 30_000,
    query: { kind: "tool", tool: "churn_risk", args: ARGS, filters: [] },
  });
}

/** Runs `call` and returns how many churn models it trained. */
async function trainingsDuring(call: () => Promise<unknown>): Promise<number> {
  const before = churnModelTrainings();
  await call();
  return churnModelTrainings() - before;
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "lendlens-churn-cache-"));
  await writeDataset({ out: join(directory, "a.db"), seed: 5, scale: 0.05, asOf: AS_OF_DATE });
  await writeDataset({ out: join(directory, "b.db"), seed: 6, scale: 0.05, asOf: AS_OF_DATE });
});

afterAll(async () => {
  await Promise.all(opened.map((engine) => engine.close()));
  rmSync(directory, { recursive: true, force: true });
});

describe("churn model cache through the guarded runner", () => {
  it("trains once per dataset file: a second call, and another engine on the unchanged file, reuse the model", async () => {
    const engine = await open(join(directory, "a.db"));
    let first: ToolRunResult | undefined;
    expect(await trainingsDuring(async () => (first = await askChurn(engine)))).toBe(1);
    expect(first!.sql.length, "the first call read the history through the guard").toBeGreaterThan(0);

    let second: ToolRunResult | undefined;
    expect(await trainingsDuring(async () => (second = await askChurn(engine)))).toBe(0);
    expect(second!.rows).toEqual(first!.rows);
    // Nothing ran, yet the numbers come from the statements that built the model: they are reported again, as executed.
    expect(second!.sql).toEqual(first!.sql);

    const reopened = await open(join(directory, "a.db"));
    expect(reopened.datasetVersion).toBe(engine.datasetVersion);
    let third: ToolRunResult | undefined;
    expect(await trainingsDuring(async () => (third = await askChurn(reopened)))).toBe(0);
    expect(third!.sql).toEqual(first!.sql);
  });

  it("reports the model's statements to concurrent callers that share one training", async () => {
    const engine = await open(join(directory, "a.db"));
    let answers: ToolRunResult[] = [];
    expect(await trainingsDuring(async () => (answers = await Promise.all([askChurn(engine, "2026-04-30"), askChurn(engine, "2026-04-30")])))).toBe(1);
    const [one, other] = answers;
    expect(one.sql.length).toBeGreaterThan(0);
    expect(other.sql).toEqual(one.sql);
    expect(other.rows).toEqual(one.rows);
  });

  it("trains again for another as-of date and other churn settings on the same engine", async () => {
    const engine = await open(join(directory, "a.db"));
    await askChurn(engine);
    expect(await trainingsDuring(() => askChurn(engine, "2026-05-31"))).toBe(1);
    const settings = { ...DEFAULT_SCORING_SETTINGS, churn: { ...DEFAULT_SCORING_SETTINGS.churn, horizon_months: 2 } };
    expect(await trainingsDuring(() => runScoringTool("churn_risk", ARGS, { engine, asOfDate: AS_OF_DATE, settings }))).toBe(1);
  });

  it("trains again for a different dataset file", async () => {
    const engine = await open(join(directory, "b.db"));
    expect(engine.datasetVersion).not.toBe(opened[0].datasetVersion);
    expect(await trainingsDuring(() => askChurn(engine))).toBe(1);
    expect(await trainingsDuring(() => askChurn(engine))).toBe(0);
  });

  it("trains again when the file was rewritten in place at the same path", async () => {
    const path = join(directory, "rewritten.db");
    copyFileSync(join(directory, "a.db"), path);
    const before = await open(path);
    await askChurn(before);
    // Same path and inode, new contents (another seed's dataset).
    copyFileSync(join(directory, "b.db"), path);
    const after = await open(path);
    expect(after.datasetVersion).not.toBe(before.datasetVersion);
    expect(await trainingsDuring(() => askChurn(after))).toBe(1);
  });

  it("reuses the model through the same engine object when the engine has no dataset version", async () => {
    const engine = createInMemoryEngine(await generateDataset({ seed: 5, scale: 0.05, asOf: AS_OF_DATE }), { closeDatabase: true });
    opened.push(engine);
    expect(engine.datasetVersion).toBeUndefined();
    expect(await trainingsDuring(() => askChurn(engine))).toBe(1);
    expect(await trainingsDuring(() => askChurn(engine))).toBe(0);
    // A wrapper object without a version is another dataset as far as the cache can tell: never a stale model.
    expect(await trainingsDuring(() => askChurn({ ...engine, query: (...args) => engine.query(...args) }))).toBe(1);
  });
});
