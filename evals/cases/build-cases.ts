/** Writes evals/cases/dev.jsonl and test.jsonl from the authoring sources (run: npx tsx evals/cases/build-cases.ts). */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { allCases } from "./authoring/all-cases.ts";
import type { EvalCase } from "../scorer/eval-case.ts";

const FOLDER = dirname(fileURLToPath(import.meta.url));

/** The JSONL text of one split, one case per line. */
export function splitText(cases: EvalCase[], split: "dev" | "test"): string {
  return cases.filter((evalCase) => evalCase.split === split).map((evalCase) => JSON.stringify(evalCase)).join("\n") + "\n";
}

/** The files the cases live in. */
export const CASE_FILES = { dev: join(FOLDER, "dev.jsonl"), test: join(FOLDER, "test.jsonl") };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cases = allCases();
  for (const split of ["dev", "test"] as const) writeFileSync(CASE_FILES[split], splitText(cases, split));
  const count = (predicate: (evalCase: EvalCase) => boolean) => cases.filter(predicate).length;
  console.log(`${cases.length} cases: dev ${count((c) => c.split === "dev")}, test ${count((c) => c.split === "test")}, zh ${count((c) => c.language === "zh")}, en ${count((c) => c.language === "en")}, must-not-answer ${count((c) => c.expect !== "answer")}, multi-turn ${count((c) => c.category === "multi_turn")}`);
}
