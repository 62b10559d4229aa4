/** `npm run evals [-- --provider offline|openai] [--filter TEXT] [--split dev|test] [--gate]`: runs the evals, prints the table, writes evals/report.md. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { DEFAULT_DATASETS, REPOSITORY_ROOT, ensureDatasets } from "./datasets/eval-datasets.ts";
import type { DatasetSpec } from "./datasets/eval-datasets.ts";
import { createProvider, providerNames } from "./providers/provider-registry.ts";
import { checkGate } from "./scorer/check-gate.ts";
import { loadCases } from "./scorer/eval-case.ts";
import type { EvalCase } from "./scorer/eval-case.ts";
import { buildReport, renderReportMarkdown, summaryTable } from "./scorer/eval-report.ts";
import { datasetLabel, runEvals } from "./scorer/run-evals.ts";

/** Keeps cases whose id, category or question contains the filter text (case-insensitive). */
export function filterCases(cases: EvalCase[], filter?: string, split?: string): EvalCase[] {
  const needle = filter?.toLowerCase();
  return cases.filter((evalCase) => {
    if (split && evalCase.split !== split) return false;
    if (!needle) return true;
    const text = [evalCase.id, evalCase.category, evalCase.language, ...("questions" in evalCase ? evalCase.questions : [evalCase.question])].join(" ").toLowerCase();
    return text.includes(needle);
  });
}

/** Parses "seed:as-of,seed:as-of" into dataset specs. */
function parseDatasets(text: string, scale: number): DatasetSpec[] {
  return text.split(",").map((part) => {
    const [seed, asOfDate] = part.split(":");
    if (!/^\d+$/.test(seed ?? "") || !/^\d{4}-\d{2}-\d{2}$/.test(asOfDate ?? "")) throw new Error(`bad dataset "${part}" (want seed:YYYY-MM-DD)`);
    return { seed: Number(seed), asOfDate, scale };
  });
}

async function main(): Promise<void> {
  const program = new Command()
    .name("evals")
    .description("Execution-based evals of LendLens answers on several generated datasets")
    .option("--provider <name>", `the system under test (${providerNames().join(", ")})`, "offline")
    .option("--filter <text>", "only cases whose id, category or question contains this text")
    .option("--split <split>", "only the dev or the test split")
    .option("--datasets <list>", "seed:as-of pairs, comma-separated", DEFAULT_DATASETS.map((spec) => `${spec.seed}:${spec.asOfDate}`).join(","))
    .option("--scale <scale>", "dataset scale", String(DEFAULT_DATASETS[0].scale))
    .option("--report <file>", "where to write the Markdown report", join(REPOSITORY_ROOT, "evals", "report.md"))
    .option("--no-report", "do not write the report")
    .option("--gate", "exit with code 1 when the test split misses the gate")
    .parse(process.argv.filter((argument, index) => !(argument === "--" && index === 2)));
  const options = program.opts<{ provider: string; filter?: string; split?: string; datasets: string; scale: string; report: string | false; gate?: boolean }>();
  if (options.split && options.split !== "dev" && options.split !== "test") throw new Error("--split must be dev or test");
  if (options.provider === "openai" && !process.env.OPENAI_BASE_URL && !process.env.OPENAI_API_KEY) {
    console.error("The openai provider needs an endpoint: set OPENAI_BASE_URL and/or OPENAI_API_KEY (and LLM_MODEL).");
    process.exitCode = 2;
    return;
  }
  const log = (line: string) => console.error(`[evals] ${line}`);
  const cases = filterCases(loadCases(join(REPOSITORY_ROOT, "evals", "cases")), options.filter, options.split);
  if (cases.length === 0) throw new Error("no cases match");
  const provider = createProvider(options.provider, REPOSITORY_ROOT);
  const datasets = await ensureDatasets(parseDatasets(options.datasets, Number(options.scale)), { log });
  if (datasets.some((dataset) => dataset.source === "fallback")) log("WARNING: using the evals' stand-in datasets; the project's generator (npm run data) is not available");
  const results = await runEvals({ cases, provider, datasets, log });
  const report = buildReport(results, { provider: provider.name, datasets, filter: options.filter, labels: datasets.map(datasetLabel) });
  if (report.overall.errors > 0) log(`the product returned errors on ${report.overall.errors} of ${report.overall.cases} cases (see the failures in the report)`);
  const gate = checkGate(report);
  console.log(summaryTable(report));
  console.log("");
  for (const line of gate.lines) console.log(line);
  if (options.report) {
    writeFileSync(options.report, renderReportMarkdown(report, gate.lines));
    log(`wrote ${options.report}`);
  }
  if (options.gate && !gate.passed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
