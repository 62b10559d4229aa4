/** Batch 4 of fresh dev-only cases, written by an independent examiner from shared/DOMAIN.md alone (issue 5). */
import type { EvalCase } from "../../scorer/eval-case.ts";
import { evalCaseSchema } from "../../scorer/eval-case.ts";
import type { AuthoredCase } from "./authored-case.ts";

const CASES: AuthoredCase[] = [];

/** Batch 4 of fresh dev-only cases, ids `fresh4-<category>-<language>-NNN`. */
export function freshDevCases4(): EvalCase[] {
  const counters = new Map<string, number>();
  return CASES.map((authored) => {
    const group = `${authored.category}-${authored.language}`;
    const position = (counters.get(group) ?? 0) + 1;
    counters.set(group, position);
    return evalCaseSchema.parse({ id: `fresh4-${group}-${String(position).padStart(3, "0")}`, split: "dev", ...authored });
  });
}
