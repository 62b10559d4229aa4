/** Every authored case with its id and split: ids by category and language, splits alternating within each group. */
import type { EvalCase } from "../../scorer/eval-case.ts";
import { evalCaseSchema } from "../../scorer/eval-case.ts";
import { GROUP_BY_CASES, TOP_N_CASES, COMPARE_CASES, TREND_CASES } from "./breakdown-cases.ts";
import { METRIC_CASES, TIME_CASES } from "./metric-cases.ts";
import { MULTI_TURN_CASES } from "./multi-turn-cases.ts";
import { AMBIGUOUS_CASES, OUT_OF_SCOPE_CASES, PII_CASES, WRITE_CASES } from "./must-not-answer-cases.ts";
import { LIST_CASES, TERM_CASES } from "./term-and-list-cases.ts";
import { COLLOQUIAL_CASES, COLLOQUIAL_REFUSALS, LATER_BREAKDOWNS } from "./colloquial-cases.ts";
import { freshDevCases } from "./fresh-dev-cases.ts";
import { TOOL_CASES } from "./tool-cases.ts";
import { freshDevCases2 } from "./fresh-dev-cases-2.ts";
import { freshDevCases3 } from "./fresh-dev-cases-3.ts";
import { freshDevCases4 } from "./fresh-dev-cases-4.ts";
import { freshDevCases5 } from "./fresh-dev-cases-5.ts";
import { freshDevCases6 } from "./fresh-dev-cases-6.ts";
import { freshDevCases7 } from "./fresh-dev-cases-7.ts";

const AUTHORED = [
  ...METRIC_CASES, ...TIME_CASES, ...GROUP_BY_CASES, ...TOP_N_CASES, ...COMPARE_CASES, ...TREND_CASES,
  ...TERM_CASES, ...LIST_CASES, ...MULTI_TURN_CASES,
  ...OUT_OF_SCOPE_CASES, ...WRITE_CASES, ...AMBIGUOUS_CASES, ...PII_CASES,
  // Appended last so that the ids of the cases above stay as they were.
  ...COLLOQUIAL_CASES, ...COLLOQUIAL_REFUSALS, ...LATER_BREAKDOWNS,
  ...TOOL_CASES,
];

/** All cases, validated, in authoring order. Within each category and language, even positions are dev, odd are test. */
export function allCases(): EvalCase[] {
  const counters = new Map<string, number>();
  return AUTHORED.map((authored) => {
    const group = `${authored.category}-${authored.language}`;
    const position = counters.get(group) ?? 0;
    counters.set(group, position + 1);
    const ordered = { id: `${group}-${String(position + 1).padStart(3, "0")}`, split: position % 2 === 0 ? "dev" : "test", ...authored };
    return evalCaseSchema.parse(ordered);
  }).concat(freshDevCases(), freshDevCases2(), freshDevCases3(), freshDevCases4(), freshDevCases5(), freshDevCases6(), freshDevCases7()); // Dev-only cases with their own ids, so the alternating split above is untouched.
}
