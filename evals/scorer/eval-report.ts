/** The report of an eval run: figures overall, per split, language and category, the failures, as data and as Markdown. */
import type { EvalDataset } from "../datasets/eval-datasets.ts";
import { computeFigures } from "./figures.ts";
import type { Figures } from "./figures.ts";
import type { CaseResult } from "./run-evals.ts";

/** One failing (wrong or abstained) case, for the report. */
export interface CaseFailure {
  id: string;
  split: string;
  category: string;
  verdict: "wrong" | "abstained";
  question: string;
  reason: string;
  /** The product's SQL on the failing turn, when it ran any. */
  sql?: string;
}

/** Everything the report shows. */
export interface EvalReport {
  provider: string;
  createdAt: string;
  datasets: { label: string; source: string }[];
  filter?: string;
  overall: Figures;
  bySplit: Record<string, Figures>;
  byLanguage: Record<string, Figures>;
  byCategory: Record<string, Figures>;
  failures: CaseFailure[];
}

function groupFigures(results: readonly CaseResult[], key: (result: CaseResult) => string): Record<string, Figures> {
  const groups = new Map<string, CaseResult[]>();
  for (const result of results) groups.set(key(result), [...(groups.get(key(result)) ?? []), result]);
  return Object.fromEntries([...groups.entries()].sort(([left], [right]) => left.localeCompare(right)).map(([name, members]) => [name, computeFigures(members)]));
}

function failureDetail(result: CaseResult): { reason: string; sql?: string } {
  for (const dataset of result.datasets) {
    const index = dataset.turns.findIndex((turn) => turn.verdict === result.verdict);
    if (index >= 0) {
      const turn = dataset.turns[index];
      return { reason: `${dataset.dataset}${dataset.turns.length > 1 ? `, turn ${index + 1}` : ""}: ${turn.reason}`, ...(turn.sql ? { sql: turn.sql } : {}) };
    }
  }
  return { reason: result.datasets[0]?.turns.find((turn) => turn.verdict !== "correct")?.reason ?? "" };
}

/** Builds the report of a run. */
export function buildReport(results: readonly CaseResult[], context: { provider: string; datasets: EvalDataset[]; filter?: string; labels: string[]; createdAt?: string }): EvalReport {
  return {
    provider: context.provider,
    createdAt: context.createdAt ?? new Date().toISOString(),
    datasets: context.datasets.map((dataset, index) => ({ label: context.labels[index], source: dataset.source })),
    filter: context.filter,
    overall: computeFigures(results),
    bySplit: groupFigures(results, (result) => result.evalCase.split),
    byLanguage: groupFigures(results, (result) => result.evalCase.language),
    byCategory: groupFigures(results, (result) => result.evalCase.category),
    failures: results
      .filter((result) => result.verdict !== "correct")
      .map((result) => ({
        id: result.evalCase.id,
        split: result.evalCase.split,
        category: result.evalCase.category,
        verdict: result.verdict as "wrong" | "abstained",
        question: "questions" in result.evalCase ? result.evalCase.questions.join(" → ") : result.evalCase.question,
        ...failureDetail(result),
      })),
  };
}

const percent = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)}%`);
const number = (value: number | null, digits = 2) => (value === null ? "–" : value.toFixed(digits));
const milliseconds = (value: number | null) => (value === null ? "–" : `${Math.round(value)} ms`);

const COLUMNS: [string, (figures: Figures) => string][] = [
  ["cases", (figures) => String(figures.cases)],
  ["exec. accuracy", (figures) => `${percent(figures.executionAccuracy)} (${figures.correctAnswerable}/${figures.answerable})`],
  ["precision", (figures) => `${percent(figures.precision)} (${figures.correctAnswered}/${figures.answered})`],
  ["abstention", (figures) => percent(figures.abstentionRate)],
  ["must-not recall", (figures) => `${percent(figures.mustNotAnswerRecall)} (${figures.mustNotAnswerCorrect}/${figures.mustNotAnswer})`],
  ["RS(10)", (figures) => number(figures.rs10)],
  ["errors", (figures) => String(figures.errors)],
  ["question match", (figures) => percent(figures.questionMatch)],
  ["interaction match", (figures) => percent(figures.interactionMatch)],
  ["p50", (figures) => milliseconds(figures.latencyP50Ms)],
  ["p95", (figures) => milliseconds(figures.latencyP95Ms)],
  ["chart validity", (figures) => (figures.charts === 0 ? "–" : `${percent(figures.chartValidity)} of ${figures.charts}`)],
];

/** A Markdown table of figures, one row per group. */
export function figuresTable(rows: [string, Figures][]): string {
  const header = `| group | ${COLUMNS.map(([name]) => name).join(" | ")} |`;
  const rule = `|${"---|".repeat(COLUMNS.length + 1)}`;
  return [header, rule, ...rows.map(([name, figures]) => `| ${name} | ${COLUMNS.map(([, cell]) => cell(figures)).join(" | ")} |`)].join("\n");
}

/** The summary table printed on the terminal: overall, splits, languages. */
export function summaryTable(report: EvalReport): string {
  return figuresTable([
    ["overall", report.overall],
    ...Object.entries(report.bySplit).map(([name, figures]) => [`split ${name}`, figures] as [string, Figures]),
    ...Object.entries(report.byLanguage).map(([name, figures]) => [`language ${name}`, figures] as [string, Figures]),
  ]);
}

/** The whole report as Markdown (evals/report.md). */
export function renderReportMarkdown(report: EvalReport, gateLines: string[]): string {
  const escape = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const fallback = report.datasets.some((dataset) => dataset.source === "fallback");
  const shown = report.failures.filter((failure) => failure.split !== "test");
  const heldOut = report.failures.filter((failure) => failure.split === "test");
  return [
    "# LendLens eval report",
    "",
    `Provider **${report.provider}**, ${report.createdAt.slice(0, 16).replace("T", " ")} UTC${report.filter ? `, filter \`${report.filter}\`` : ""}.`,
    `Datasets: ${report.datasets.map((dataset) => `${dataset.label} (${dataset.source})`).join("; ")}. A case is correct only if it is correct on every dataset.`,
    ...(fallback ? ["", "> Some datasets came from the evals' stand-in generator because `npm run data` was not available; regenerate once it is."] : []),
    "",
    "Execution accuracy is over answerable cases; precision is correct / answered (cases where data was given); abstention is over answerable cases;",
    "must-not-answer recall counts clarify/unsupported (or masked PII) on cases that must not be answered with data; RS(10) scores +1 correct, 0 abstained, -10 wrong.",
    "",
    "## Summary",
    "",
    summaryTable(report),
    "",
    "## Gate (test split)",
    "",
    ...gateLines.map((line) => `- ${line}`),
    "",
    "## By category",
    "",
    figuresTable(Object.entries(report.byCategory)),
    "",
    `## Failures (${report.failures.length})`,
    "",
    // The test split stays held out: its failures are counted, never shown, so nobody tunes the planner on them.
    ...(heldOut.length > 0 ? [`${heldOut.length} failure(s) of the test split are counted above but not listed (the split is held out).`, ""] : []),
    "| id | split | verdict | question | reason | product SQL |",
    "|---|---|---|---|---|---|",
    ...shown.map((failure) => `| ${failure.id} | ${failure.split} | ${failure.verdict} | ${escape(failure.question).slice(0, 120)} | ${escape(failure.reason).slice(0, 200)} | ${failure.sql ? `\`${escape(failure.sql).replace(/`/g, "'").slice(0, 240)}\`` : ""} |`),
    "",
  ].join("\n");
}
