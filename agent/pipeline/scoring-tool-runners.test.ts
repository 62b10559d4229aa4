/** Scoring tools run as plan steps: guarded, recorded in the answer's SQL, with their table and actions. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QueryPlan } from "../plan/query-plan.ts";
import type { Planner } from "../planner/planner.ts";
import { writeDataset } from "../../schema/generator/generate-dataset.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { createSqlJsEngine } from "../../tools/engines/sqljs-engine.ts";
import { createAsk } from "./ask-pipeline.ts";
import { scoringToolRunners } from "./scoring-tool-runners.ts";

let directory: string;
let engine: Engine;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "lendlens-tools-"));
  const dbPath = join(directory, "dataset.db");
  await writeDataset({ out: dbPath, seed: 5, scale: 0.05, asOf: "2026-06-30" });
  engine = await createSqlJsEngine({ dbPath, workers: 1 });
});

afterAll(async () => {
  await engine?.close();
  rmSync(directory, { recursive: true, force: true });
});

const toolPlanner = (tool: string, args: Record<string, unknown>, limit?: number): Planner => ({
  name: "fixed",
  async plan() {
    const plan: QueryPlan = { version: 1, query: { kind: "tool", tool, args, filters: [], ...(limit ? { limit } : {}) } };
    return { status: "plan", language: "zh", plan, confidence: 0.9 };
  },
});

describe("scoring tools as plan steps", () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ["risk_trend", { only_rising: true }],
    ["early_warning", { value_tier: "high" }],
    ["pre_due_risk", {}],
    ["customer_value", {}],
    ["next_best_product", {}],
  ];
  it.each(cases)("%s answers with its table, guarded statements and the tool step", async (tool, args) => {
    const ask = createAsk({ engine, planner: toolPlanner(tool, args, 20), toolRunners: scoringToolRunners() });
    const answer = await ask("工具问题");
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.tools[0].name).toBe(tool);
    expect(answer.sql.length).toBeGreaterThan(0);
    expect(answer.rows.length).toBeLessThanOrEqual(20);
    expect(answer.columns.some((column) => column.name === "customer_id")).toBe(true);
  });

  it("routes high early-warning scores to the playbook", async () => {
    const ask = createAsk({ engine, planner: toolPlanner("early_warning", {}, 50), toolRunners: scoringToolRunners() });
    const answer = await ask("预警分最高的客户");
    const scoreIndex = answer.columns.findIndex((column) => column.name === "score");
    const high = answer.rows.filter((row) => Number(row[scoreIndex]) >= 70);
    const freeze = answer.actions.find((action) => action.id === "freeze_limits");
    if (high.length > 0) expect(freeze?.customer_ids?.length).toBe(new Set(high.map((row) => row[answer.columns.findIndex((column) => column.name === "customer_id")])).size);
    else expect(freeze).toBeUndefined();
  });
});
