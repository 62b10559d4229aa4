// Tool questions end to end: the configured assistant (offline planner) routes them to scoring tools on a generated dataset.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfiguration } from "../../config.ts";
import { createAssistant } from "../../pipeline/create-assistant.ts";
import type { Ask } from "../../pipeline/ask-pipeline.ts";
import { writeDataset } from "../../../schema/generator/generate-dataset.ts";
import type { Engine } from "../../../tools/engines/engine.ts";
import { createSqlJsEngine } from "../../../tools/engines/sqljs-engine.ts";

let directory: string;
let engine: Engine;
let ask: Ask;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "lendlens-tool-routing-"));
  const dbPath = join(directory, "dataset.db");
  await writeDataset({ out: dbPath, seed: 5, scale: 0.05, asOf: "2026-06-30" });
  engine = await createSqlJsEngine({ dbPath, workers: 1 });
  ask = createAssistant({ engine, configuration: loadConfiguration({}) });
}, 60_000);

afterAll(async () => {
  await engine?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe("tool questions through the assistant", () => {
  it.each<[question: string, tool: string, args: Record<string, unknown>, language: "zh" | "en", action: string]>([
    ["下周需要提醒还款的客户", "pre_due_risk", { days: 7 }, "zh", "pre_due_reminder_ranked"],
    ["who should we cross-sell auto loans to", "next_best_product", { category: "auto" }, "en", "cross_sell"],
    ["高价值客户中预警分最高的20位", "early_warning", { value_tier: "high", limit: 20 }, "zh", "freeze_limits"],
  ])("%s is answered by %s with rows and actions", async (question, tool, args, language, action) => {
    const answer = await ask(question);
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.language).toBe(language);
    expect(answer.tools[0]?.name).toBe(tool);
    expect(answer.tools[0]?.args).toMatchObject(args);
    expect(answer.rows.length).toBeGreaterThan(0);
    expect(answer.columns.some((column) => column.name === "customer_id")).toBe(true);
    // Arguments read from the question narrow the rows: every row has the asked value tier or product category.
    for (const name of ["value_tier", "category"] as const) {
      const index = answer.columns.findIndex((column) => column.name === name);
      if (args[name] !== undefined) expect(new Set(answer.rows.map((row) => row[index])), name).toEqual(new Set([args[name]]));
    }
    if (typeof args.limit === "number") expect(answer.rows.length).toBeLessThanOrEqual(args.limit);
    expect(answer.actions.map((entry) => entry.id)).toContain(action);
    const customers = new Set(answer.rows.map((row) => row[answer.columns.findIndex((column) => column.name === "customer_id")]));
    for (const entry of answer.actions) {
      expect(entry.title.length).toBeGreaterThan(0);
      expect(entry.reason.length).toBeGreaterThan(0);
      // Actions name customers of the answer, never anyone else.
      for (const customer of entry.customer_ids ?? []) expect(customers.has(customer), `${entry.id} ${customer}`).toBe(true);
    }
  });
});
