// Saved questions at run time: relative time words re-resolved against the current as-of date, the saved plan kept
// when re-planning changes its shape, and a staff owner's scope applied to every row.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryPlan } from "../plan/query-plan.ts";
import type { Planner } from "../planner/planner.ts";
import { writeDataset } from "../../schema/generator/generate-dataset.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { openEngine } from "../../tools/engines/open-engine.ts";
import { createAsk } from "../pipeline/ask-pipeline.ts";
import { runSavedQuestion } from "./run-saved-question.ts";
import type { SavedQuestion } from "./subscription.ts";

let directory: string;
let engine: Engine;

/** The engine with another as-of date in its meta table (the dataset moved on). */
const asOf = (date: string): Engine => Object.create(engine, { meta: { value: async () => ({ ...(await engine.meta()), as_of_date: date }) } }) as Engine;

async function saved(text: string): Promise<SavedQuestion> {
  const answer = await createAsk({ engine })(text);
  return { text, language: answer.language, plan: QueryPlan.parse(answer.plan), as_of_date: answer.as_of_date };
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "lendlens-saved-"));
  await writeDataset({ out: join(directory, "lendlens.db"), seed: 42, scale: 0.05 });
  engine = await openEngine({ dbPath: join(directory, "lendlens.db"), workers: 1 });
});

afterAll(async () => {
  await engine?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("runSavedQuestion", () => {
  it("re-resolves 本月 against the as-of date of each run", async () => {
    const question = await saved("本月放款金额");
    const june = await runSavedQuestion({ engine, question, user: "mary" });
    const may = await runSavedQuestion({ engine: asOf("2026-05-31"), question, user: "mary" });
    expect(june.planSource).toBe("replanned");
    expect(may.planSource).toBe("replanned");
    expect((june.answer.plan as QueryPlan).query).toMatchObject({ time: { start: "2026-06-01", end: "2026-06-30" } });
    expect((may.answer.plan as QueryPlan).query).toMatchObject({ time: { start: "2026-05-01", end: "2026-05-31" } });
    expect(may.answer.as_of_date).toBe("2026-05-31");
    expect(may.answer.rows[0][0]).not.toBe(june.answer.rows[0][0]);
  });

  it("runs the saved plan when re-planning gives another shape, or when told not to re-plan", async () => {
    const question = await saved("本月放款金额");
    const drifting: Planner = { name: "drifting", plan: async () => ({ status: "plan", language: "zh", confidence: 1, plan: QueryPlan.parse({ query: { kind: "aggregate", metrics: ["overdue_rate"] } }) }) };
    const drifted = await runSavedQuestion({ engine, question, user: "mary", replanner: drifting });
    expect(drifted.planSource).toBe("saved_shape_changed");
    expect(drifted.answer.plan).toEqual(question.plan);
    const unchanged = await runSavedQuestion({ engine: asOf("2026-05-31"), question, user: "mary", replanner: null });
    expect(unchanged.planSource).toBe("saved");
    expect((unchanged.answer.plan as QueryPlan).query).toMatchObject({ time: { start: "2026-06-01" } });
  });

  it("applies the owner's branch scope to every row, and refuses raw SQL for scoped owners", async () => {
    const question = await saved("各支行逾期率");
    const all = await runSavedQuestion({ engine, question, user: "mary" });
    const scoped = await runSavedQuestion({ engine, question, user: "alice", scope: { branchId: "BR01" } });
    expect(new Set(all.answer.rows.map((row) => row[0])).size).toBeGreaterThan(1);
    expect(scoped.answer.status).toBe("answered");
    expect(scoped.answer.rows.map((row) => row[0])).toEqual(["BR01"]);
    const raw: SavedQuestion = { text: "raw", language: "en", as_of_date: null, plan: QueryPlan.parse({ query: { kind: "sql", sql: "SELECT branch_id FROM loans", purpose: "branches" } }) };
    expect((await runSavedQuestion({ engine, question: raw, user: "alice", scope: { branchId: "BR01" } })).answer.status).toBe("unsupported");
  });
});
