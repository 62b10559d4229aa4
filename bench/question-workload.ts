/** The benchmark's workload: the single-turn questions of the eval cases (evals/cases/*.jsonl). */
import { fileURLToPath } from "node:url";
import { loadCases } from "../evals/scorer/eval-case.ts";

/** The folder of the eval cases. */
export const EVAL_CASES_FOLDER = fileURLToPath(new URL("../evals/cases", import.meta.url));

/** One benchmark question. */
export interface WorkloadQuestion {
  id: string;
  question: string;
  category: string;
  language: "zh" | "en";
}

/**
 * The single-turn eval questions in file order. `every` > 1 keeps every n-th one (for quick runs); the selection
 * is deterministic so two runs time the same questions. `excludeCategories` leaves whole categories out (e.g. "tool").
 */
export function loadWorkload(options: { every?: number; folder?: string; excludeCategories?: readonly string[] } = {}): WorkloadQuestion[] {
  const every = Math.max(1, Math.floor(options.every ?? 1));
  const questions: WorkloadQuestion[] = [];
  for (const evalCase of loadCases(options.folder ?? EVAL_CASES_FOLDER)) {
    if (!("question" in evalCase)) continue;
    if (options.excludeCategories?.includes(evalCase.category)) continue;
    questions.push({ id: evalCase.id, question: evalCase.question, category: evalCase.category, language: evalCase.language });
  }
  return questions.filter((_, index) => index % every === 0);
}
