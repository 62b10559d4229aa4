/** The CI gate on an eval report: the test split must reach the product's promised accuracy, precision and recall. */
import type { EvalReport } from "./eval-report.ts";

/** The bars (never lowered; raise the planner instead). */
export const GATE = { executionAccuracy: 0.9, precision: 0.98, mustNotAnswerRecall: 0.95 } as const;

/** The gate's verdict and one line per bar. */
export interface GateResult {
  passed: boolean;
  lines: string[];
}

/** Checks the test split of a report against {@link GATE}; a missing figure or a missing test split fails. */
export function checkGate(report: EvalReport): GateResult {
  const figures = report.bySplit.test;
  if (!figures) return { passed: false, lines: ["FAIL: the report has no test-split cases"] };
  const checks: [string, number | null, number][] = [
    ["execution accuracy", figures.executionAccuracy, GATE.executionAccuracy],
    ["precision when answering", figures.precision, GATE.precision],
    ["must-not-answer recall", figures.mustNotAnswerRecall, GATE.mustNotAnswerRecall],
  ];
  const lines = checks.map(([name, value, bar]) => `${value !== null && value >= bar ? "PASS" : "FAIL"}: ${name} ${value === null ? "–" : `${(value * 100).toFixed(1)}%`} (bar ${(bar * 100).toFixed(0)}%)`);
  return { passed: lines.every((line) => line.startsWith("PASS")), lines };
}
