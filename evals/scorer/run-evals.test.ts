// End-to-end tests of the runner with in-process fake providers on two small stand-in datasets, and the batch output parser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDatasets } from "../datasets/eval-datasets.ts";
import type { EvalDataset } from "../datasets/eval-datasets.ts";
import type { AnswerProvider } from "../providers/answer-provider.ts";
import { errorSummary, parseBatchOutput } from "../providers/batch-cli-provider.ts";
import type { ScoredAnswer } from "./answer-shape.ts";
import type { EvalCase } from "./eval-case.ts";
import { caseTurns } from "./eval-case.ts";
import { buildReport, renderReportMarkdown } from "./eval-report.ts";
import { GoldDatabase } from "./gold-database.ts";
import { datasetLabel, runEvals } from "./run-evals.ts";

const CASES: EvalCase[] = [
  { id: "rate", split: "test", language: "en", category: "metric", ordered: false, expect: "answer", question: "overdue rate", gold_sql: "SELECT SUM(CASE WHEN current_dpd > 0 THEN outstanding_balance ELSE 0 END) / SUM(outstanding_balance) FROM loans WHERE status = 'active'" },
  { id: "month", split: "test", language: "zh", category: "time", ordered: false, expect: "answer", question: "本月放款", gold_sql: "SELECT SUM(principal) FROM loans WHERE substr(disbursed_date, 1, 7) = substr(:as_of, 1, 7)" },
  { id: "top", split: "dev", language: "en", category: "top_n", ordered: true, expect: "answer", question: "top 3 branches by balance", gold_sql: "SELECT branch_id, SUM(outstanding_balance) AS b FROM loans WHERE status = 'active' GROUP BY branch_id ORDER BY b DESC LIMIT 3" },
  { id: "session", split: "dev", language: "zh", category: "multi_turn", ordered: false, expect: "answer", questions: ["各城市客户数", "只看上海"], gold_sql: ["SELECT city, COUNT(*) FROM customers GROUP BY city", "SELECT COUNT(*) FROM customers WHERE city = 'Shanghai'"] },
  { id: "vague", split: "test", language: "zh", category: "ambiguous", ordered: false, expect: "clarify", question: "余额多少" },
];

let folder: string;
let datasets: EvalDataset[];
const golds = new Map<string, GoldDatabase>();

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "evals-run-"));
  datasets = await ensureDatasets([{ seed: 3, asOfDate: "2026-06-30", scale: 0.01 }, { seed: 4, asOfDate: "2025-12-31", scale: 0.01 }], { cacheDir: folder, standInOnly: true });
  for (const dataset of datasets) golds.set(dataset.path, await GoldDatabase.open(dataset.path));
});
afterAll(() => {
  for (const gold of golds.values()) gold.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A provider that answers by running the gold SQL (an oracle), with a hook to distort its rows. */
function oracle(name: string, distort: (rows: unknown[][], id: string) => unknown[][] = (rows) => rows): AnswerProvider {
  return {
    name,
    async answer(questions, dataset) {
      const evalCase = CASES.find((candidate) => caseTurns(candidate).map((turn) => turn.question).join("|") === questions.join("|")) as EvalCase;
      const gold = golds.get(dataset.path) as GoldDatabase;
      return caseTurns(evalCase).map((turn): ScoredAnswer => {
        if (!turn.goldSql) return { status: "clarify", text: "贷款余额还是存款(AUM)?", timings: { total_ms: 5 } };
        return { status: "answered", rows: distort(gold.query(turn.goldSql).rows, evalCase.id), timings: { total_ms: 20 }, chart: null };
      });
    },
  };
}

describe("runEvals", () => {
  it("scores an oracle as fully correct on every dataset", async () => {
    const results = await runEvals({ cases: CASES, provider: oracle("oracle"), datasets });
    expect(results.map((result) => [result.evalCase.id, result.verdict])).toEqual(CASES.map((evalCase) => [evalCase.id, "correct"]));
    const report = buildReport(results, { provider: "oracle", datasets, labels: datasets.map(datasetLabel) });
    expect(report.overall).toMatchObject({ executionAccuracy: 1, precision: 1, mustNotAnswerRecall: 1, rs10: 1, interactionMatch: 1, latencyP50Ms: 20 });
    expect(renderReportMarkdown(report, ["PASS: x"])).toContain("| overall | 5 | 100.0% (4/4)");
    expect(report.overall.errors).toBe(0);
  });

  it("accepts rates given as percentages, and fails a wrong number on one dataset", async () => {
    const percent = await runEvals({ cases: CASES.slice(0, 1), provider: oracle("percent", (rows) => rows.map((row) => row.map((cell) => (cell as number) * 100))), datasets });
    expect(percent[0].verdict).toBe("correct");
    let calls = 0;
    const liar = oracle("liar", (rows, id) => (id === "month" && calls++ === 1 ? rows.map((row) => row.map((cell) => (cell as number) + 1)) : rows));
    const results = await runEvals({ cases: CASES.slice(1, 2), provider: liar, datasets });
    expect(results[0].verdict).toBe("wrong");
    expect(results[0].datasets.map((grade) => grade.verdict)).toEqual(["correct", "wrong"]);
  });

  it("lists dev failures in the report but only counts the held-out test split's", async () => {
    const reversed = await runEvals({ cases: CASES.slice(0, 3), provider: oracle("off by one", (rows) => rows.map((row) => row.map((cell) => (typeof cell === "number" ? cell + 1 : cell)))), datasets });
    expect(reversed.map((result) => result.verdict)).toEqual(["wrong", "wrong", "wrong"]);
    const markdown = renderReportMarkdown(buildReport(reversed, { provider: "off by one", datasets, labels: datasets.map(datasetLabel) }), []);
    expect(markdown).toContain("| top | dev | wrong |");
    expect(markdown).not.toContain("overdue rate |");
    expect(markdown).not.toContain("本月放款 |");
    expect(markdown).toContain("2 failure(s) of the test split are counted above but not listed");
  });

  it("fails a top-N answer in the wrong order", async () => {
    const results = await runEvals({ cases: [CASES[2]], provider: oracle("reversed", (rows) => [...rows].reverse()), datasets });
    expect(results[0].verdict).toBe("wrong");
  });

  it("reports a provider that throws as abstained errors, never as correct", async () => {
    const broken: AnswerProvider = { name: "broken", answer: async () => { throw new Error("not ready"); } };
    const results = await runEvals({ cases: CASES, provider: broken, datasets });
    expect(new Set(results.map((result) => result.verdict))).toEqual(new Set(["abstained"]));
    expect(results[0].datasets[0].turns[0].reason).toContain("not ready");
    expect(buildReport(results, { provider: "broken", datasets, labels: datasets.map(datasetLabel) }).overall.errors).toBe(CASES.length);
  });
});

describe("batch CLI output", () => {
  it("reads answer lines and skips log lines", () => {
    const stdout = ['> lendlens ask', '{"id":"a","answer":{"status":"answered","rows":[[1]]}}', "not json {", '{"id":"b","answers":[{"status":"clarify"},{"status":"answered","rows":[]}]}'].join("\n");
    const parsed = parseBatchOutput(stdout);
    expect([...parsed.keys()]).toEqual(["a", "b"]);
    expect(parsed.get("b")).toHaveLength(2);
  });

  it("picks the error line out of stderr", () => {
    expect(errorSummary("at x\nTypeError: boom\n    at y\nNode.js v20", "fallback")).toBe("TypeError: boom");
    expect(errorSummary("", "fallback")).toBe("fallback");
  });
});
