/** Runs cases against a provider on several datasets and grades every turn (execution-based, "test-suite" style). */
import type { EvalDataset } from "../datasets/eval-datasets.ts";
import type { AnswerProvider, ProviderCase, ProviderDataset } from "../providers/answer-provider.ts";
import { providerFailure } from "./answer-shape.ts";
import type { ScoredAnswer } from "./answer-shape.ts";
import { chartCompiles } from "./chart-validity.ts";
import { caseQuestions, caseTurns } from "./eval-case.ts";
import type { EvalCase } from "./eval-case.ts";
import { GoldDatabase } from "./gold-database.ts";
import { combineVerdicts, gradeTurn } from "./grade-turn.ts";
import type { TurnGrade, Verdict } from "./grade-turn.ts";
import type { PiiIndex } from "./pii-leaks.ts";

/** A case's grades on one dataset. */
export interface DatasetGrade {
  dataset: string;
  verdict: Verdict;
  turns: TurnGrade[];
}

/** A case's result across all datasets. */
export interface CaseResult {
  evalCase: EvalCase;
  /** correct only if correct on every dataset; wrong if wrong on any. */
  verdict: Verdict;
  /** The product gave data on at least one turn of one dataset. */
  answered: boolean;
  /** Per turn: correct on every dataset. */
  turnsCorrect: boolean[];
  datasets: DatasetGrade[];
  latenciesMs: number[];
  charts: { total: number; valid: number };
}

/** Options of {@link runEvals}. */
export interface RunEvalsOptions {
  cases: EvalCase[];
  provider: AnswerProvider;
  datasets: EvalDataset[];
  /** Conversations answered at once when the provider has no batch mode. */
  concurrency?: number;
  log?: (line: string) => void;
}

/** The label of a dataset in reports. */
export function datasetLabel(dataset: EvalDataset): string {
  return `seed ${dataset.seed} / as-of ${dataset.asOfDate}`;
}

async function answerAll(provider: AnswerProvider, cases: EvalCase[], dataset: ProviderDataset, concurrency: number): Promise<Map<string, ScoredAnswer[]>> {
  const items: ProviderCase[] = cases.map((evalCase) => ({ id: evalCase.id, questions: caseQuestions(evalCase) }));
  if (provider.answerBatch) return provider.answerBatch(items, dataset);
  const answers = new Map<string, ScoredAnswer[]>();
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      const started = performance.now();
      try {
        const result = await provider.answer(item.questions, dataset);
        const elapsed = (performance.now() - started) / Math.max(1, item.questions.length);
        for (const answer of result) if (answer.timings?.total_ms === undefined) answer.measured_ms = elapsed;
        answers.set(item.id, result);
      } catch (error) {
        answers.set(item.id, item.questions.map(() => providerFailure(`provider threw: ${(error as Error).message}`)));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return answers;
}

function piiIndex(gold: GoldDatabase): PiiIndex {
  return {
    phones: new Set(gold.values("customers", "phone")),
    idNumbers: new Set(gold.values("customers", "id_number").map((value) => value.toUpperCase())),
  };
}

/** Runs every gold tool call of the cases on one dataset, so grading can read their rows; a failure is graded later. */
async function runGoldTools(gold: GoldDatabase, cases: readonly EvalCase[]): Promise<void> {
  for (const evalCase of cases) {
    for (const turn of caseTurns(evalCase)) {
      if (turn.goldTool) await gold.runTool(turn.goldTool).catch(() => undefined);
    }
  }
}

/** Answers every case on every dataset and grades it. */
export async function runEvals(options: RunEvalsOptions): Promise<CaseResult[]> {
  const perCase = new Map<string, { grades: DatasetGrade[]; latencies: number[]; charts: { total: number; valid: number } }>();
  for (const evalCase of options.cases) perCase.set(evalCase.id, { grades: [], latencies: [], charts: { total: 0, valid: 0 } });
  for (const dataset of options.datasets) {
    const label = datasetLabel(dataset);
    options.log?.(`asking ${options.provider.name} ${options.cases.length} cases on ${label}`);
    const answers = await answerAll(options.provider, options.cases, { path: dataset.path, asOfDate: dataset.asOfDate }, options.concurrency ?? 4);
    const gold = await GoldDatabase.open(dataset.path);
    try {
      const pii = piiIndex(gold);
      await runGoldTools(gold, options.cases);
      for (const evalCase of options.cases) {
        const turns = caseTurns(evalCase);
        const caseAnswers = answers.get(evalCase.id) ?? [];
        const entry = perCase.get(evalCase.id) as { grades: DatasetGrade[]; latencies: number[]; charts: { total: number; valid: number } };
        const grades = turns.map((turn, index) => gradeTurn(turn, caseAnswers[index] ?? providerFailure("no answer for this turn"), gold, pii));
        for (const grade of grades) if (grade.latencyMs !== undefined) entry.latencies.push(grade.latencyMs);
        for (const answer of caseAnswers) {
          const compiles = chartCompiles(answer.chart);
          if (compiles === null) continue;
          entry.charts.total += 1;
          if (compiles) entry.charts.valid += 1;
        }
        entry.grades.push({ dataset: label, verdict: combineVerdicts(grades.map((grade) => grade.verdict)), turns: grades });
      }
    } finally {
      gold.close();
    }
  }
  return options.cases.map((evalCase) => {
    const entry = perCase.get(evalCase.id) as { grades: DatasetGrade[]; latencies: number[]; charts: { total: number; valid: number } };
    const turnCount = caseTurns(evalCase).length;
    return {
      evalCase,
      verdict: combineVerdicts(entry.grades.map((grade) => grade.verdict)),
      answered: entry.grades.some((grade) => grade.turns.some((turn) => turn.answered)),
      turnsCorrect: Array.from({ length: turnCount }, (_, index) => entry.grades.length > 0 && entry.grades.every((grade) => grade.turns[index]?.verdict === "correct")),
      datasets: entry.grades,
      latenciesMs: entry.latencies,
      charts: entry.charts,
    };
  });
}
