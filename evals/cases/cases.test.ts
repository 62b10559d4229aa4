// Checks the cases themselves: valid lines, the promised coverage, and gold SQL and gold tool calls that run and return data.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { caseTurns, loadCases } from "../scorer/eval-case.ts";
import type { EvalCase } from "../scorer/eval-case.ts";
import { GoldDatabase } from "../scorer/gold-database.ts";
import { ensureDatasets } from "../datasets/eval-datasets.ts";
import { SCORING_TOOL_NAMES } from "../../tools/scoring/registry.ts";
import { allCases } from "./authoring/all-cases.ts";
import { CASE_FILES, splitText } from "./build-cases.ts";

const FOLDER = new URL(".", import.meta.url).pathname;
const cases = loadCases(FOLDER);

describe("the case files", () => {
  it("match the authoring sources (regenerate with npx tsx evals/cases/build-cases.ts)", () => {
    const authored = allCases();
    expect(readFileSync(CASE_FILES.dev, "utf8")).toBe(splitText(authored, "dev"));
    expect(readFileSync(CASE_FILES.test, "utf8")).toBe(splitText(authored, "test"));
  });

  it("hold at least 400 cases, about half in each language, in both splits", () => {
    const count = (predicate: (evalCase: EvalCase) => boolean) => cases.filter(predicate).length;
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(count((evalCase) => evalCase.language === "zh") / cases.length).toBeGreaterThan(0.4);
    expect(count((evalCase) => evalCase.language === "en") / cases.length).toBeGreaterThan(0.4);
    expect(count((evalCase) => evalCase.split === "test")).toBeGreaterThan(150);
    expect(count((evalCase) => evalCase.split === "dev")).toBeGreaterThan(150);
  });

  it("have at least 40 multi-turn sessions and at least 15% must-not-answer cases", () => {
    expect(cases.filter((evalCase) => evalCase.category === "multi_turn").length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((evalCase) => evalCase.expect !== "answer").length / cases.length).toBeGreaterThanOrEqual(0.15);
  });

  it("cover every category that has cases in both splits", () => {
    const categories = new Set(cases.map((evalCase) => evalCase.category));
    for (const category of categories) {
      const splits = new Set(cases.filter((evalCase) => evalCase.category === category).map((evalCase) => evalCase.split));
      expect([category, [...splits].sort()]).toEqual([category, ["dev", "test"]]);
    }
  });

  it("ask every scoring tool in both languages", () => {
    const asked = new Set(cases.flatMap((evalCase) => ("gold_tool" in evalCase && evalCase.gold_tool ? [`${evalCase.gold_tool.name} ${evalCase.language}`] : [])));
    const expected = SCORING_TOOL_NAMES.flatMap((name) => [`${name} en`, `${name} zh`]);
    expect([...asked].sort()).toEqual(expected.sort());
  });

  it("name every time word of DOMAIN.md", () => {
    const text = cases.flatMap((evalCase) => caseTurnsText(evalCase)).join("\n");
    for (const word of ["本月", "当月", "上月", "上个月", "本季度", "上季度", "今年", "去年", "近3个月", "最近12个月", "未来30天", "this month", "last month", "this quarter", "last quarter", "this year", "last year", "last 3 months", "next 14 days"]) {
      expect(text, word).toContain(word);
    }
  });
});

function caseTurnsText(evalCase: EvalCase): string[] {
  return caseTurns(evalCase).map((turn) => turn.question);
}

describe("gold SQL", () => {
  let databases: GoldDatabase[] = [];
  beforeAll(async () => {
    const datasets = await ensureDatasets();
    databases = await Promise.all(datasets.map((dataset) => GoldDatabase.open(dataset.path)));
  });

  const withSql = cases.flatMap((evalCase) => caseTurns(evalCase).map((turn, index) => ({ evalCase, turn, index }))).filter((entry) => entry.turn.goldSql);

  it("runs without error on every dataset, and answerable gold returns data on at least one", () => {
    const problems: string[] = [];
    for (const { evalCase, turn, index } of withSql) {
      let hasData = false;
      for (const database of databases) {
        try {
          const result = database.query(turn.goldSql as string);
          if (result.rows.some((row) => row.some((cell) => cell !== null))) hasData = true;
        } catch (error) {
          problems.push(`${evalCase.id} turn ${index + 1} on ${database.asOfDate}: ${(error as Error).message}`);
        }
      }
      if (!hasData) problems.push(`${evalCase.id} turn ${index + 1}: no data on any dataset`);
    }
    expect(problems).toEqual([]);
  });

  it("only reads: every gold statement is a single SELECT or WITH", () => {
    const writes = withSql.filter(({ turn }) => !/^\s*(SELECT|WITH)\b/i.test(turn.goldSql as string) || /;\s*\S/.test(turn.goldSql as string)).map(({ evalCase }) => evalCase.id);
    expect(writes).toEqual([]);
  });

  const withTool = cases.flatMap((evalCase) => caseTurns(evalCase).map((turn, index) => ({ evalCase, turn, index }))).filter((entry) => entry.turn.goldTool);

  it("runs every gold tool call without error on every dataset, returning rows on at least one", async () => {
    const problems: string[] = [];
    for (const { evalCase, turn, index } of withTool) {
      let hasRows = false;
      for (const database of databases) {
        try {
          if ((await database.runTool(turn.goldTool as NonNullable<typeof turn.goldTool>)).rows.length > 0) hasRows = true;
        } catch (error) {
          problems.push(`${evalCase.id} turn ${index + 1} on ${database.asOfDate}: ${(error as Error).message}`);
        }
      }
      if (!hasRows) problems.push(`${evalCase.id} turn ${index + 1}: no rows on any dataset`);
    }
    expect(problems).toEqual([]);
  });

  it("ordered cases say ORDER BY in their gold SQL", () => {
    const missing = withSql.filter(({ turn }) => turn.ordered && !/ORDER BY/i.test(turn.goldSql as string)).map(({ evalCase }) => evalCase.id);
    expect(missing).toEqual([]);
  });
});
