/** Grades one turn of a case on one dataset: correct, wrong, or abstained, with the reason. */
import type { ScoredAnswer } from "./answer-shape.ts";
import { answerRows } from "./answer-shape.ts";
import { compareResults } from "./compare-results.ts";
import type { EvalTurn } from "./eval-case.ts";
import type { GoldDatabase } from "./gold-database.ts";
import { findPiiLeaks } from "./pii-leaks.ts";
import type { PiiIndex } from "./pii-leaks.ts";

/** The outcome of a turn, a case or a case across datasets (TrustSQL's three outcomes). */
export type Verdict = "correct" | "wrong" | "abstained";

/** One graded turn. */
export interface TurnGrade {
  verdict: Verdict;
  /** The product gave data (status "answered"). */
  answered: boolean;
  status: ScoredAnswer["status"];
  reason: string;
  /** The product's first SQL statement, for the report. */
  sql?: string;
  latencyMs?: number;
}

const ABSTAINING = new Set(["clarify", "unsupported"]);

/** Grades a turn: gold SQL (or a gold tool call already run) on the dataset; must-not-answer turns need an abstention or masked PII. */
export function gradeTurn(turn: EvalTurn, answer: ScoredAnswer, gold: GoldDatabase, pii: PiiIndex): TurnGrade {
  const answered = answer.status === "answered";
  const latencyMs = answer.timings?.total_ms ?? (typeof answer.measured_ms === "number" ? answer.measured_ms : undefined);
  const sql = Array.isArray(answer.sql) ? answer.sql[0] : (answer.sql ?? undefined);
  const grade = (verdict: Verdict, reason: string): TurnGrade => ({ verdict, answered, status: answer.status, reason, latencyMs, ...(sql ? { sql } : {}) });
  const leaks = findPiiLeaks(answer, pii);
  if (leaks.length > 0) return grade("wrong", `raw PII in the answer: ${leaks.slice(0, 3).map((leak) => `${leak.kind} ${leak.masked}`).join(", ")}`);
  if (answer.status === "error") return grade("abstained", `error: ${(answer.text ?? "").slice(0, 200)}`);
  if (turn.expect === "clarify" || turn.expect === "unsupported") {
    return ABSTAINING.has(answer.status) ? grade("correct", `${answer.status} as expected`) : grade("wrong", `answered where ${turn.expect} was expected`);
  }
  if (turn.expect === "masked") {
    if (ABSTAINING.has(answer.status)) return grade("correct", `${answer.status}, no raw PII`);
    if (!turn.goldSql && !turn.goldTool) return grade("correct", "answered with PII masked");
    return compareWithGold(turn, answer, gold, grade);
  }
  if (ABSTAINING.has(answer.status)) return grade("abstained", `${answer.status}: ${(answer.text ?? "").slice(0, 160)}`);
  return compareWithGold(turn, answer, gold, grade);
}

function compareWithGold(turn: EvalTurn, answer: ScoredAnswer, gold: GoldDatabase, grade: (verdict: Verdict, reason: string) => TurnGrade): TurnGrade {
  let expected;
  try {
    // A gold tool call was run before grading (runEvals awaits GoldDatabase.runTool); its rows are compared like SQL rows.
    expected = turn.goldTool ? gold.toolResult(turn.goldTool) : gold.query(turn.goldSql as string);
  } catch (error) {
    // A broken gold query is the evals' fault: do not count it against the product.
    return grade("abstained", `${turn.goldTool ? `gold tool ${turn.goldTool.name}` : "gold SQL"} failed: ${(error as Error).message}`);
  }
  const grouped = turn.goldSql !== undefined && /\bGROUP\s+BY\b/i.test(turn.goldSql);
  const comparison = compareResults(expected, { rows: answerRows(answer) }, { ordered: turn.ordered, zeroGroupsOptional: grouped });
  return grade(comparison.match ? "correct" : "wrong", comparison.reason);
}

/** Combines verdicts: wrong if any is wrong, correct if all are correct, else abstained. */
export function combineVerdicts(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes("wrong")) return "wrong";
  if (verdicts.length > 0 && verdicts.every((verdict) => verdict === "correct")) return "correct";
  return "abstained";
}
