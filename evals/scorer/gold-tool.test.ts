// Tool cases: gold_tool validates, the scorer runs the tool through the registry and grades answers against its rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFallbackDataset } from "../datasets/fallback-dataset.ts";
import type { EvalDataset } from "../datasets/eval-datasets.ts";
import type { AnswerProvider } from "../providers/answer-provider.ts";
import type { ScoredAnswer } from "./answer-shape.ts";
import { caseTurns, evalCaseSchema } from "./eval-case.ts";
import type { EvalCase, EvalTurn, GoldTool } from "./eval-case.ts";
import { GoldDatabase } from "./gold-database.ts";
import { gradeTurn } from "./grade-turn.ts";
import type { PiiIndex } from "./pii-leaks.ts";
import { runEvals } from "./run-evals.ts";

const AS_OF_DATE = "2026-06-30";
let folder: string;
let path: string;
let gold: GoldDatabase;
const pii: PiiIndex = { phones: new Set(), idNumbers: new Set() };

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "evals-gold-tool-"));
  path = join(folder, "small.db");
  await writeFallbackDataset(path, { seed: 5, scale: 0.01, asOfDate: AS_OF_DATE });
  gold = await GoldDatabase.open(path);
});
afterAll(() => {
  gold.close();
  rmSync(folder, { recursive: true, force: true });
});

const toolCase = (goldTool: unknown, extra: Record<string, unknown> = {}) => ({
  id: "tool-zh-001", split: "dev", language: "zh", category: "tool", ordered: true, expect: "answer", question: "高价值客户中预警分最高的5位", gold_tool: goldTool, ...extra,
});
const answered = (rows: unknown[][]): ScoredAnswer => ({ status: "answered", rows });
const warningTool: GoldTool = { name: "early_warning", args: { value_tier: "high", limit: 5 } };
const turn = (goldTool: GoldTool, ordered = true): EvalTurn => ({ question: "q", expect: "answer", ordered, goldTool });

describe("the gold_tool case form", () => {
  it.each<[name: string, value: unknown, valid: boolean]>([
    ["a tool call", toolCase({ name: "churn_risk", args: { limit: 20 } }), true],
    ["a tool call with columns kept", toolCase({ name: "churn_risk", args: {}, columns: ["customer_id", "churn_probability"] }), true],
    ["arguments default to none", toolCase({ name: "risk_trend" }), true],
    ["an unknown tool", toolCase({ name: "credit_limit", args: {} }), false],
    ["gold_sql and gold_tool together", toolCase({ name: "churn_risk", args: {} }, { gold_sql: "SELECT 1" }), false],
    ["an answerable case with neither", toolCase(undefined), false],
  ])("%s", (_name, value, valid) => {
    expect(evalCaseSchema.safeParse(value).success).toBe(valid);
  });

  it("gives the turn its tool call", () => {
    const evalCase = evalCaseSchema.parse(toolCase({ name: "churn_risk", args: { value_tier: "high" } }));
    expect(caseTurns(evalCase)).toEqual([{ question: "高价值客户中预警分最高的5位", goldSql: undefined, goldTool: { name: "churn_risk", args: { value_tier: "high" } }, expect: "answer", ordered: true }]);
  });
});

describe("grading against a gold tool call", () => {
  it("runs the tool on the dataset and keeps the named columns", async () => {
    const result = await gold.runTool(warningTool);
    expect(result.columns).toEqual(["customer_id", "value_tier", "score", "pd", "max_dpd", "signals"]);
    expect(result.rows.length).toBe(5);
    expect(new Set(result.rows.map((row) => row[1]))).toEqual(new Set(["high"]));
    const kept = await gold.runTool({ ...warningTool, columns: ["score", "customer_id"] });
    expect(kept.columns).toEqual(["score", "customer_id"]);
    expect(kept.rows).toEqual(result.rows.map((row) => [row[2], row[0]]));
  });

  it("grades the tool's rows correct, with extra columns, other column order and probabilities as percentages", async () => {
    const { rows } = await gold.runTool(warningTool);
    expect(gradeTurn(turn(warningTool), answered(rows), gold, pii).verdict).toBe("correct");
    const reshaped = rows.map((row) => ["预警", row[5], (row[3] as number) * 100, row[4], row[2], row[1], row[0]]);
    expect(gradeTurn(turn(warningTool), answered(reshaped), gold, pii)).toMatchObject({ verdict: "correct", reason: "match" });
  });

  it("grades other customers, a missing column or the wrong order wrong", async () => {
    const { rows } = await gold.runTool(warningTool);
    const everyone = await gold.runTool({ name: "early_warning", args: { limit: 5 } });
    expect(everyone.rows.map((row) => row[0])).not.toEqual(rows.map((row) => row[0]));
    expect(gradeTurn(turn(warningTool), answered(everyone.rows), gold, pii).verdict).toBe("wrong");
    expect(gradeTurn(turn(warningTool), answered(rows.map((row) => row.slice(0, 3))), gold, pii)).toMatchObject({ verdict: "wrong", reason: "no answer column has the values of gold column pd" });
    const distinctScores = new Set(rows.map((row) => row[2])).size > 1;
    expect(distinctScores).toBe(true);
    expect(gradeTurn(turn(warningTool), answered([...rows].reverse()), gold, pii).verdict).toBe("wrong");
    expect(gradeTurn(turn(warningTool, false), answered([...rows].reverse()), gold, pii).verdict).toBe("correct");
  });

  it("abstains (never blames the product) when the gold tool call fails or was not run", async () => {
    const bad: GoldTool = { name: "early_warning", args: { limit: -1 } };
    await expect(gold.runTool(bad)).rejects.toThrow();
    expect(gradeTurn(turn(bad), answered([["C000001"]]), gold, pii)).toMatchObject({ verdict: "abstained" });
    expect(gradeTurn(turn({ name: "churn_risk", args: { limit: 7 } }), answered([["C000001"]]), gold, pii).reason).toContain("was not run");
  });
});

describe("runEvals with a tool case", () => {
  const evalCase = evalCaseSchema.parse(toolCase({ name: "customer_value", args: { limit: 3 }, columns: ["customer_id", "expected_value"] })) as EvalCase;

  /** A provider answering with the tool's own rows, optionally changed. */
  const provider = (change: (rows: unknown[][]) => unknown[][]): AnswerProvider => ({
    name: "tool-oracle",
    async answer(_questions, dataset) {
      const database = await GoldDatabase.open(dataset.path);
      try {
        const { rows } = await database.runTool({ name: "customer_value", args: { limit: 3 } });
        return [{ status: "answered", rows: change(rows) }];
      } finally {
        database.close();
      }
    },
  });

  it("scores the right answer correct and a wrong one wrong", async () => {
    const datasets: EvalDataset[] = [{ seed: 5, scale: 0.01, asOfDate: AS_OF_DATE, path, source: "fallback" }];
    const right = await runEvals({ cases: [evalCase], provider: provider((rows) => rows), datasets });
    expect(right[0].verdict).toBe("correct");
    const wrong = await runEvals({ cases: [evalCase], provider: provider((rows) => rows.map((row) => row.map((cell) => (typeof cell === "number" ? cell * 1.1 : cell)))), datasets });
    expect(wrong[0].verdict).toBe("wrong");
  });
});
