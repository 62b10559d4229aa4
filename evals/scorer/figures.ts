/** The figures of an eval run: execution accuracy, precision, abstention, must-not-answer recall, RS(10), multi-turn, latency, charts. */
import { isMustNotAnswer } from "./eval-case.ts";
import type { CaseResult } from "./run-evals.ts";

/** TrustSQL's reliability score penalty for a wrong answer. */
export const WRONG_PENALTY = 10;

/** Figures for one group of cases; rates are fractions, null when their denominator is zero. */
export interface Figures {
  cases: number;
  answerable: number;
  correctAnswerable: number;
  /** Correct answerable cases / answerable cases. */
  executionAccuracy: number | null;
  answered: number;
  correctAnswered: number;
  /** Correct among cases where the product gave data. */
  precision: number | null;
  /** Answerable cases where the product gave no data (clarify, unsupported or error). */
  abstentionRate: number | null;
  mustNotAnswer: number;
  mustNotAnswerCorrect: number;
  /** Must-not-answer cases handled right (clarify/unsupported, or PII masked). */
  mustNotAnswerRecall: number | null;
  wrong: number;
  /** Cases where some turn came back with status "error" (or no answer at all). */
  errors: number;
  /** Reliability score: (+1 correct, 0 abstained, -10 wrong) / cases. */
  rs10: number | null;
  sessions: number;
  /** Multi-turn: turns correct / turns. */
  questionMatch: number | null;
  /** Multi-turn: sessions with every turn correct / sessions. */
  interactionMatch: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  charts: number;
  /** Charts that compile / non-null charts. */
  chartValidity: number | null;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** The q-th quantile (0..1) by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Computes the figures of a group of case results. */
export function computeFigures(results: readonly CaseResult[]): Figures {
  const answerable = results.filter((result) => !isMustNotAnswer(result.evalCase));
  const mustNot = results.filter((result) => isMustNotAnswer(result.evalCase));
  const answered = results.filter((result) => result.answered);
  const correct = results.filter((result) => result.verdict === "correct");
  const wrong = results.filter((result) => result.verdict === "wrong");
  const sessions = results.filter((result) => result.evalCase.category === "multi_turn" || result.turnsCorrect.length > 1);
  const turns = sessions.flatMap((result) => result.turnsCorrect);
  const latencies = results.flatMap((result) => result.latenciesMs);
  const charts = results.reduce((sum, result) => sum + result.charts.total, 0);
  const validCharts = results.reduce((sum, result) => sum + result.charts.valid, 0);
  const correctAnswerable = answerable.filter((result) => result.verdict === "correct").length;
  return {
    cases: results.length,
    answerable: answerable.length,
    correctAnswerable,
    executionAccuracy: ratio(correctAnswerable, answerable.length),
    answered: answered.length,
    correctAnswered: answered.filter((result) => result.verdict === "correct").length,
    precision: ratio(answered.filter((result) => result.verdict === "correct").length, answered.length),
    abstentionRate: ratio(answerable.filter((result) => result.verdict === "abstained").length, answerable.length),
    mustNotAnswer: mustNot.length,
    mustNotAnswerCorrect: mustNot.filter((result) => result.verdict === "correct").length,
    mustNotAnswerRecall: ratio(mustNot.filter((result) => result.verdict === "correct").length, mustNot.length),
    wrong: wrong.length,
    errors: results.filter((result) => result.datasets.some((grade) => grade.turns.some((turn) => turn.status === "error"))).length,
    rs10: ratio(correct.length - WRONG_PENALTY * wrong.length, results.length),
    sessions: sessions.length,
    questionMatch: ratio(turns.filter(Boolean).length, turns.length),
    interactionMatch: ratio(sessions.filter((result) => result.turnsCorrect.every(Boolean)).length, sessions.length),
    latencyP50Ms: quantile(latencies, 0.5),
    latencyP95Ms: quantile(latencies, 0.95),
    charts,
    chartValidity: ratio(validCharts, charts),
  };
}
