// Tests of turn grading (abstention, must-not-answer, masked PII, leaks), verdict combining, figures and the gate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFallbackDataset } from "../datasets/fallback-dataset.ts";
import type { ScoredAnswer } from "./answer-shape.ts";
import { answerRows, toScoredAnswer } from "./answer-shape.ts";
import type { EvalTurn } from "./eval-case.ts";
import { GoldDatabase } from "./gold-database.ts";
import { combineVerdicts, gradeTurn } from "./grade-turn.ts";
import type { PiiIndex } from "./pii-leaks.ts";
import { findPiiLeaks } from "./pii-leaks.ts";
import { checkGate } from "./check-gate.ts";
import type { EvalReport } from "./eval-report.ts";
import { computeFigures, quantile } from "./figures.ts";
import type { CaseResult } from "./run-evals.ts";

let folder: string;
let gold: GoldDatabase;
const pii: PiiIndex = { phones: new Set(["13812345678"]), idNumbers: new Set(["31010119900101123X"]) };

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "evals-grade-"));
  await writeFallbackDataset(join(folder, "small.db"), { seed: 5, scale: 0.01, asOfDate: "2026-06-30" });
  gold = await GoldDatabase.open(join(folder, "small.db"));
});
afterAll(() => {
  gold.close();
  rmSync(folder, { recursive: true, force: true });
});

const turn = (overrides: Partial<EvalTurn>): EvalTurn => ({ question: "q", expect: "answer", ordered: false, goldSql: "SELECT COUNT(*) FROM branches", ...overrides });
const answered = (rows: unknown[][], extra: Partial<ScoredAnswer> = {}): ScoredAnswer => ({ status: "answered", rows, ...extra });

describe("gradeTurn", () => {
  it.each([
    ["right rows", turn({}), answered([[16]]), "correct"],
    ["wrong rows", turn({}), answered([[15]]), "wrong"],
    ["extra label column", turn({}), answered([["支行数", 16]]), "correct"],
    ["clarify on an answerable question", turn({}), { status: "clarify", text: "which?" } as ScoredAnswer, "abstained"],
    ["error", turn({}), { status: "error", text: "boom" } as ScoredAnswer, "abstained"],
    ["unsupported where expected", turn({ expect: "unsupported", goldSql: undefined }), { status: "unsupported" } as ScoredAnswer, "correct"],
    ["clarify where unsupported expected (still no data)", turn({ expect: "unsupported", goldSql: undefined }), { status: "clarify" } as ScoredAnswer, "correct"],
    ["answered where clarify expected", turn({ expect: "clarify", goldSql: undefined }), answered([[1]]), "wrong"],
    ["masked case refused", turn({ expect: "masked", goldSql: undefined }), { status: "unsupported" } as ScoredAnswer, "correct"],
    ["masked case answered without PII", turn({ expect: "masked", goldSql: undefined }), answered([["C000001", "138****5678"]]), "correct"],
    ["masked case leaking a phone", turn({ expect: "masked", goldSql: undefined }), answered([["C000001", "13812345678"]]), "wrong"],
    ["answerable case leaking an id number in the text", turn({}), answered([[16]], { text: "身份证 31010119900101123X" }), "wrong"],
    ["a customer name as a label is not a leak", turn({}), answered([[16, "张伟"]]), "correct"],
  ])("%s", (_name, caseTurn, answer, verdict) => {
    expect(gradeTurn(caseTurn, answer, gold, pii).verdict).toBe(verdict);
  });

  it("compares masked answers with masked gold values", () => {
    const sql = "SELECT substr(phone, 1, 3) || '****' || substr(phone, 8, 4) FROM customers WHERE customer_id = 'C000012'";
    const masked = String(gold.query(sql).rows[0][0]);
    expect(masked).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(gradeTurn(turn({ expect: "masked", goldSql: sql }), answered([[masked]]), gold, pii).verdict).toBe("correct");
    expect(gradeTurn(turn({ expect: "masked", goldSql: sql }), answered([["1**********"]]), gold, pii).verdict).toBe("wrong");
  });

  it("binds :as_of to the dataset's as-of date", () => {
    expect(gold.query("SELECT :as_of").rows).toEqual([["2026-06-30"]]);
  });

  it("reports latency from the answer's timings", () => {
    expect(gradeTurn(turn({}), answered([[16]], { timings: { total_ms: 42 } }), gold, pii).latencyMs).toBe(42);
  });
});

describe("helpers", () => {
  it("combines verdicts: any wrong is wrong, all correct is correct, else abstained", () => {
    expect(combineVerdicts(["correct", "correct"])).toBe("correct");
    expect(combineVerdicts(["correct", "abstained"])).toBe("abstained");
    expect(combineVerdicts(["abstained", "wrong"])).toBe("wrong");
    expect(combineVerdicts([])).toBe("abstained");
  });

  it("reads rows given as objects in column order, and turns malformed answers into errors", () => {
    expect(answerRows({ status: "answered", columns: [{ name: "b" }, { name: "a" }], rows: [{ a: 1, b: 2 }] })).toEqual([[2, 1]]);
    expect(toScoredAnswer({ status: "maybe" }).status).toBe("error");
  });

  it("ignores a phone number echoed in the question", () => {
    expect(findPiiLeaks({ status: "unsupported", question: "13812345678 是谁" } as ScoredAnswer, pii)).toEqual([]);
  });

  it("takes nearest-rank quantiles", () => {
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 0.95)).toBe(19);
    expect(quantile([], 0.5)).toBeNull();
  });
});

/** A case result with just what the figures read. */
function result(id: string, split: "dev" | "test", expect: "answer" | "clarify", verdict: CaseResult["verdict"], answeredFlag: boolean, turnsCorrect = [verdict === "correct"]): CaseResult {
  const evalCase = turnsCorrect.length > 1
    ? { id, split, language: "zh" as const, category: "multi_turn" as const, ordered: false, expect, questions: turnsCorrect.map(() => "q"), gold_sql: turnsCorrect.map(() => "SELECT 1") }
    : { id, split, language: "zh" as const, category: "metric" as const, ordered: false, expect, question: "q", gold_sql: "SELECT 1" };
  return { evalCase, verdict, answered: answeredFlag, turnsCorrect, datasets: [], latenciesMs: [10], charts: { total: 0, valid: 0 } };
}

describe("figures and gate", () => {
  const results = [
    result("a", "test", "answer", "correct", true),
    result("b", "test", "answer", "wrong", true),
    result("c", "test", "answer", "abstained", false),
    result("d", "test", "clarify", "correct", false),
    result("e", "test", "answer", "abstained", true, [true, false]),
  ];

  it("computes accuracy, precision, abstention, recall, RS(10) and multi-turn match", () => {
    const figures = computeFigures(results);
    expect(figures.executionAccuracy).toBeCloseTo(1 / 4);
    expect(figures.precision).toBeCloseTo(1 / 3);
    expect(figures.abstentionRate).toBeCloseTo(2 / 4);
    expect(figures.mustNotAnswerRecall).toBe(1);
    expect(figures.rs10).toBeCloseTo((2 - 10) / 5);
    expect(figures.questionMatch).toBeCloseTo(1 / 2);
    expect(figures.interactionMatch).toBe(0);
  });

  it("fails the gate below the bars and passes above them", () => {
    const report = (figures: ReturnType<typeof computeFigures>) => ({ bySplit: { test: figures } }) as unknown as EvalReport;
    expect(checkGate(report(computeFigures(results))).passed).toBe(false);
    const good = [result("a", "test", "answer", "correct", true), result("d", "test", "clarify", "correct", false)];
    expect(checkGate(report(computeFigures(good)))).toEqual({ passed: true, lines: expect.any(Array) });
    expect(checkGate({ bySplit: {} } as unknown as EvalReport).passed).toBe(false);
  });
});
