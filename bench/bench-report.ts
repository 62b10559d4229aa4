/** Turns a benchmark run into the goal lines, the console table and bench/report.md. */
import {
  ANSWERS_PER_SECOND_GOAL,
  GENERATOR_MEMORY_GOAL_MB,
  GENERATOR_SECONDS_GOAL,
  LOAD_CLIENTS_FOR_GOAL,
  NATIVE_RATIO_GOAL,
  SERVER_MEMORY_GOAL_MB,
  STARTUP_SECONDS_GOAL,
  check,
  p95GoalMs,
} from "./bench-goals.ts";
import type { GoalLine, Verdict } from "./bench-goals.ts";
import { ENGINE_NAMES, nativeRatios } from "./bench-results.ts";
import type { BenchResults, ScaleResults, ServerResults } from "./bench-results.ts";
import type { QuestionBenchResult } from "./question-bench.ts";
import { median, summarize } from "./percentiles.ts";

const milliseconds = (value: number) => (Number.isNaN(value) ? "–" : value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);
const megabytes = (value: number) => (Number.isNaN(value) ? "–" : `${Math.round(value)} MB`);
const verdictText = (verdict: Verdict) => (verdict === "met" ? "met" : verdict === "missed" ? "**MISSED**" : "–");

/** The summary: every figure with its goal, in the order of the issue. */
export function goalLines(results: BenchResults): GoalLine[] {
  const lines: GoalLine[] = [];
  for (const scaleResults of results.scales) {
    const { scale, generator } = scaleResults;
    const hasGoal = scale === 1;
    if ("skipped" in generator) {
      lines.push({ section: "1 generator", figure: `scale ${scale} time, peak memory`, value: `not measured: ${generator.skipped}`, goal: hasGoal ? `≤ ${GENERATOR_SECONDS_GOAL} s, ≤ ${GENERATOR_MEMORY_GOAL_MB} MB` : "none set", verdict: hasGoal ? "missed" : "none" });
    } else {
      lines.push({ section: "1 generator", figure: `scale ${scale} time (CPU time)`, value: `${generator.seconds.toFixed(1)} s (${generator.cpuSeconds.toFixed(1)} s)`, goal: hasGoal ? `≤ ${GENERATOR_SECONDS_GOAL} s` : "none set", verdict: hasGoal ? check(generator.seconds, GENERATOR_SECONDS_GOAL) : "none" });
      lines.push({ section: "1 generator", figure: `scale ${scale} peak memory`, value: megabytes(generator.peakRssMb), goal: hasGoal ? `≤ ${GENERATOR_MEMORY_GOAL_MB} MB` : "none set", verdict: hasGoal ? check(generator.peakRssMb, GENERATOR_MEMORY_GOAL_MB) : "none" });
    }
  }
  for (const scaleResults of results.scales) {
    for (const run of scaleResults.runs) {
      const totals = summarize(run.questions.map((question) => question.totalMs));
      const goal = p95GoalMs(scaleResults.scale);
      lines.push({
        section: "2 per question",
        figure: `scale ${scaleResults.scale}, ${ENGINE_NAMES[run.engine]}: p50 / p95 / max (${totals.count} questions)`,
        value: `${milliseconds(totals.p50)} / ${milliseconds(totals.p95)} / ${milliseconds(totals.max)}`,
        goal: `p95 < ${goal} ms`,
        verdict: check(totals.p95, goal, "below"),
      });
    }
  }
  for (const scaleResults of results.scales) {
    for (const run of scaleResults.runs) {
      const ratios = nativeRatios(scaleResults, run).map((entry) => entry.ratio);
      lines.push({
        section: "3 vs native SQLite",
        figure: `scale ${scaleResults.scale}, ${ENGINE_NAMES[run.engine]}: median ratio (${ratios.length} questions with SQL)`,
        value: Number.isNaN(median(ratios)) ? "–" : `${median(ratios).toFixed(2)}×`,
        goal: `< ${NATIVE_RATIO_GOAL}×`,
        verdict: check(median(ratios), NATIVE_RATIO_GOAL, "below"),
      });
    }
  }
  for (const { engine, server } of results.servers) lines.push(...serverGoalLines(ENGINE_NAMES[engine], server));
  return lines;
}

/** Sections 4 and 5 for the server on one engine. */
function serverGoalLines(engineName: string, server: ServerResults): GoalLine[] {
  const lines: GoalLine[] = [];
  if (!server.measured) {
    lines.push({ section: "4 server load", figure: `${engineName}: answers/s, latency, errors, RSS`, value: `not measured: ${server.reason}`, goal: `≥ ${ANSWERS_PER_SECOND_GOAL}/s with ${LOAD_CLIENTS_FOR_GOAL} clients, 0 errors, RSS < ${SERVER_MEMORY_GOAL_MB} MB`, verdict: "missed" });
    lines.push({ section: "5 start-up", figure: `${engineName}: to the first answer`, value: `not measured: ${server.reason}`, goal: `< ${STARTUP_SECONDS_GOAL} s`, verdict: "missed" });
    return lines;
  }
  const atScaleOne = server.scale === 1;
  for (const level of server.levels) {
    const throughputGoal = level.clients === LOAD_CLIENTS_FOR_GOAL && atScaleOne;
    lines.push({
      section: "4 server load",
      figure: `${engineName}, ${level.clients} clients, scale ${server.scale}: answers/s (p50 / p95 / p99)`,
      value: `${level.answersPerSecond.toFixed(1)}/s (${milliseconds(level.latency.p50)} / ${milliseconds(level.latency.p95)} / ${milliseconds(level.latency.p99)})`,
      goal: throughputGoal ? `≥ ${ANSWERS_PER_SECOND_GOAL}/s` : "none set",
      verdict: throughputGoal ? check(level.answersPerSecond, ANSWERS_PER_SECOND_GOAL, "atLeast") : "none",
    });
    lines.push({ section: "4 server load", figure: `${engineName}, ${level.clients} clients: errors`, value: `${level.errors} of ${level.answers + level.errors}`, goal: "0", verdict: level.errors === 0 ? "met" : "missed" });
    lines.push({
      section: "4 server load",
      figure: `${engineName}, ${level.clients} clients: server RSS with its worker processes (peak)`,
      value: `${megabytes(level.rssMb)} (${megabytes(level.peakRssMb)})`,
      goal: `< ${SERVER_MEMORY_GOAL_MB} MB`,
      verdict: check(level.peakRssMb, SERVER_MEMORY_GOAL_MB, "below"),
    });
  }
  if (server.journalsInMemory) {
    const level = server.journalsInMemory;
    lines.push({
      section: "4 server load",
      figure: `${engineName}, diagnostic: ${level.clients} clients, journals in /dev/shm: answers/s (p95), errors`,
      value: `${level.answersPerSecond.toFixed(1)}/s (${milliseconds(level.latency.p95)}), ${level.errors} errors`,
      goal: "none set",
      verdict: "none",
    });
  }
  lines.push({
    section: "5 start-up",
    figure: `${engineName}: to the first answer, scale ${server.scale} (listening after ${(server.listeningMs / 1000).toFixed(1)} s)`,
    value: `${(server.firstAnswerMs / 1000).toFixed(1)} s (${server.firstAnswerStatus})`,
    goal: `< ${STARTUP_SECONDS_GOAL} s`,
    verdict: check(server.firstAnswerMs / 1000, STARTUP_SECONDS_GOAL, "below"),
  });
  return lines;
}

/** A plain-text table for the terminal. */
export function consoleTable(lines: readonly GoalLine[]): string {
  const rows = [["section", "figure", "value", "goal", "verdict"], ...lines.map((line) => [line.section, line.figure, line.value, line.goal, line.verdict === "none" ? "–" : line.verdict])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? "")].length)));
  const format = (row: string[]) => row.map((cell, column) => cell + " ".repeat(Math.max(0, (widths[column] ?? 0) - [...cell].length))).join("  ");
  return [format(rows[0]!), widths.map((width) => "-".repeat(width)).join("  "), ...rows.slice(1).map(format)].join("\n");
}

const escapeCell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The per-step breakdown of one engine's run (p50 / p95 / max per step). */
function breakdownTable(run: QuestionBenchResult): string[] {
  const questions = run.questions;
  const steps: [string, (index: number) => number][] = [
    ["end to end", (index) => questions[index]!.totalMs],
    ["planning", (index) => questions[index]!.planningMs],
    ["compile + guard", (index) => questions[index]!.compileGuardMs],
    ["SQL (in the worker)", (index) => questions[index]!.sqlMs],
    ["composition (text, chart, actions)", (index) => questions[index]!.composeMs],
    ["other (messaging, validation, store)", (index) => questions[index]!.otherMs],
  ];
  const lines = ["| step | p50 | p95 | max | mean |", "|---|---|---|---|---|"];
  for (const [name, read] of steps) {
    const summary = summarize(questions.map((_, index) => read(index)));
    lines.push(`| ${name} | ${milliseconds(summary.p50)} | ${milliseconds(summary.p95)} | ${milliseconds(summary.max)} | ${milliseconds(summary.mean)} |`);
  }
  return lines;
}

/** The slowest questions of one engine's run with their split and native time. */
function slowestTable(scaleResults: ScaleResults, run: QuestionBenchResult, count: number): string[] {
  const ratios = new Map(nativeRatios(scaleResults, run).map((entry) => [entry.timing.id, entry]));
  const slowest = [...run.questions].sort((left, right) => right.totalMs - left.totalMs).slice(0, count);
  const lines = ["| id | question | total | planning | compile+guard | SQL | compose | native | ratio |", "|---|---|---|---|---|---|---|---|---|"];
  for (const timing of slowest) {
    const ratio = ratios.get(timing.id);
    lines.push(
      `| ${timing.id} | ${escapeCell(timing.question)} | ${milliseconds(timing.totalMs)} | ${milliseconds(timing.planningMs)} | ${milliseconds(timing.compileGuardMs)} | ${milliseconds(timing.sqlMs)} | ${milliseconds(timing.composeMs)} | ${ratio ? milliseconds(ratio.nativeMs) : "–"} | ${ratio ? `${ratio.ratio.toFixed(1)}×` : "–"} |`,
    );
  }
  return lines;
}

/** Every question's end-to-end time, native time and ratio (in a collapsed block). */
function perQuestionTable(scaleResults: ScaleResults, run: QuestionBenchResult): string[] {
  const ratios = new Map(nativeRatios(scaleResults, run).map((entry) => [entry.timing.id, entry]));
  const lines = ["| id | status | end to end | SQL | native | ratio |", "|---|---|---|---|---|---|"];
  for (const timing of run.questions) {
    const ratio = ratios.get(timing.id);
    const native = scaleResults.native.get(timing.id);
    const nativeText = ratio ? milliseconds(ratio.nativeMs) : native?.error ? `error: ${escapeCell(native.error).slice(0, 60)}` : "no SQL";
    lines.push(`| ${timing.id} | ${timing.status} | ${milliseconds(timing.totalMs)} | ${milliseconds(timing.sqlMs)} | ${nativeText} | ${ratio ? `${ratio.ratio.toFixed(2)}×` : "–"} |`);
  }
  return lines;
}

/** Ratio spread of one engine's run, to show where the overhead lies (fast statements have large ratios). */
function ratioSpread(scaleResults: ScaleResults, run: QuestionBenchResult): string {
  const ratios = nativeRatios(scaleResults, run);
  const quick = ratios.filter((entry) => entry.nativeMs < 5).map((entry) => entry.ratio);
  const slow = ratios.filter((entry) => entry.nativeMs >= 5).map((entry) => entry.ratio);
  const sqlOnly = ratios.map((entry) => entry.timing.sqlMs / entry.nativeMs);
  // Diagnostic only (the goal stays on the repeats): against native's first run, which prepares the statements as
  // our engines do for a statement they have not seen, and reads pages the repeats find cached.
  const againstFirst = ratios.flatMap((entry) => {
    const first = scaleResults.native.get(entry.timing.id)?.first_ms;
    return first === undefined ? [] : [entry.timing.totalMs / Math.max(first, 0.001)];
  });
  return (
    `median ratio ${median(ratios.map((entry) => entry.ratio)).toFixed(2)}× over ${ratios.length} questions; ` +
    `${quick.length} with native time under 5 ms: median ${median(quick).toFixed(1)}×; ${slow.length} at 5 ms or more: median ${median(slow).toFixed(2)}×; ` +
    `SQL alone (${ENGINE_NAMES[run.engine]} in its worker vs native): median ${median(sqlOnly).toFixed(2)}×` +
    (againstFirst.length > 0 ? `; diagnostic, against native's first run of each statement (prepared then, as our engines prepare a statement they have not seen): median ${median(againstFirst).toFixed(2)}×` : "")
  );
}

/** The whole report as Markdown; `notes` are the findings and what was changed. */
export function renderReportMarkdown(results: BenchResults, notes: readonly string[]): string {
  const lines = goalLines(results);
  const { machine } = results;
  const out: string[] = [];
  out.push("# LendLens benchmark report", "");
  out.push(
    `Run ${results.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC, ${Math.round((results.finishedAt.getTime() - results.startedAt.getTime()) / 1000)} s${results.quick ? " (**--quick**: a smoke run, not the figures of record)" : ""}. ` +
      `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}; SQLite ${machine.sqljsSqlite} in sql.js, ${machine.engineSqlite} in better-sqlite3, ${machine.nativeSqlite} native (python3). ` +
      `Load average ${machine.loadBefore.toFixed(1)} at the start, ${machine.loadAfter.toFixed(1)} at the end (other work on the machine slows every figure).`,
    "",
    "Regenerate with `npm run bench` (`-- --quick` for a fast smoke run, `-- --scales 1` for one scale, `-- --engines sqljs` for one engine).",
    "",
  );
  out.push("## Figures and goals", "", "| section | figure | value | goal | verdict |", "|---|---|---|---|---|");
  for (const line of lines) out.push(`| ${line.section} | ${escapeCell(line.figure)} | ${escapeCell(line.value)} | ${escapeCell(line.goal)} | ${verdictText(line.verdict)} |`);
  out.push("");
  if (notes.length > 0) {
    out.push("## Findings and changes", "");
    for (const note of notes) out.push(`- ${note}`);
    out.push("");
  }
  out.push("## How it was measured", "");
  out.push(
    `- Generator: \`npm run data\`'s command run in a child process (\`bench/generate-child.ts\`), wall time from spawn to exit, peak memory from the child's \`process.resourceUsage().maxRSS\` (worker threads included).`,
    `- Per question: the ${results.questionCount} single-turn eval questions (evals/cases${results.excludedCategories.length > 0 ? `; categories left out with --exclude: ${results.excludedCategories.join(", ")}` : ""}), each asked once, in file order, through \`createAssistant\` (offline planner) on each embedded engine (${results.scales[0]?.runs.map((run) => ENGINE_NAMES[run.engine]).join(", ") ?? "sql.js"}; default worker count, result cache off) after one warm-up question. ` +
      "The split comes from `answer.timings`: planning, compile (+ the guard, re-timed on the executed statements), SQL (time inside the worker), composition (text, chart, actions); “other” is the rest (worker messaging, answer validation, conversation store).",
    "- Native SQLite: the statements of `answer.sql` with the parameters the engine received, run by python3's sqlite3 module read-only on the same file (every row fetched); " +
      "median of the timed runs after one warm-up (scale ≥ 5: one run, no warm-up, to keep the run short); python keeps the prepared statement between runs, so the native time leaves out preparing it. The ratio is our end-to-end time over that native time; questions without SQL (clarify, unsupported) are left out.",
    `- Server: \`server/main.ts\` started as a child process on a free loopback port with DB_PATH at the dataset, one manager API key and the rate limit lifted; ` +
      `one server per engine (LENDLENS_ENGINE); each level runs N clients for ${results.loadSeconds} s, each with one POST /api/chat in flight, cycling through the eval questions. An error is a non-200 response, a network failure or an answer with status "error". ` +
      "RSS from /proc: the server process plus its child processes (the native engine's workers), and for the peak the sum of their VmHWM.",
    "- Start-up: from spawning the server to its first answer (POST /api/chat), with the dataset file already generated.",
    "",
  );
  for (const scaleResults of results.scales) {
    out.push(`## Scale ${scaleResults.scale}`, "");
    if (!("skipped" in scaleResults.generator)) out.push(`Generator: ${scaleResults.generator.summary || "done"}; ${scaleResults.generator.seconds.toFixed(1)} s wall, ${scaleResults.generator.cpuSeconds.toFixed(1)} s CPU, peak ${megabytes(scaleResults.generator.peakRssMb)}.`, "");
    for (const run of scaleResults.runs) {
      const name = ENGINE_NAMES[run.engine];
      out.push(`### Scale ${scaleResults.scale}, ${name}`, "");
      out.push(`Engine open: ${milliseconds(run.engineOpenMs)} (${run.workers} workers); first question ${milliseconds(run.firstQuestionMs)}.`, "");
      out.push(...breakdownTable(run), "");
      const statuses = new Map<string, string[]>();
      for (const timing of run.questions) statuses.set(timing.status, [...(statuses.get(timing.status) ?? []), timing.id]);
      const errors = statuses.get("error") ?? [];
      out.push(
        `Answer statuses: ${[...statuses].map(([status, ids]) => `${status} ${ids.length}`).join(", ")}${errors.length > 0 ? ` (errors: ${errors.join(", ")})` : ""}.`,
        "",
      );
      out.push(`Native SQLite: ${ratioSpread(scaleResults, run)}.`, "");
      out.push("Slowest questions:", "", ...slowestTable(scaleResults, run, 12), "");
      out.push("<details><summary>Every question</summary>", "", ...perQuestionTable(scaleResults, run), "", "</details>", "");
    }
  }
  for (const { engine, server } of results.servers) out.push(...serverSection(ENGINE_NAMES[engine], server));
  return `${out.join("\n").trimEnd()}\n`;
}

/** The server load section of one engine. */
function serverSection(engineName: string, server: ServerResults): string[] {
  const out: string[] = [];
  out.push(`## Server load, ${engineName}`, "");
  if (!server.measured) out.push(`Not measured: ${server.reason}.`, "");
  else {
    out.push(
      `Scale ${server.scale}. Listening ${(server.listeningMs / 1000).toFixed(1)} s after spawn; first answer after ${(server.firstAnswerMs / 1000).toFixed(1)} s, with ${megabytes(server.firstAnswerRssMb)} resident. ` +
        "The levels run one after the other on the same server, so the memory of one level carries into the next.",
      "",
    );
    out.push("| clients | seconds | answers | answers/s | p50 | p95 | p99 | max | errors | answer statuses | RSS (peak) |", "|---|---|---|---|---|---|---|---|---|---|---|");
    for (const level of server.levels) {
      const statuses = Object.entries(level.statuses)
        .map(([status, count]) => `${status} ${count}`)
        .join(", ");
      out.push(
        `| ${level.clients} | ${level.seconds.toFixed(1)} | ${level.answers} | ${level.answersPerSecond.toFixed(1)} | ${milliseconds(level.latency.p50)} | ${milliseconds(level.latency.p95)} | ${milliseconds(level.latency.p99)} | ${milliseconds(level.latency.max)} | ${level.errors} | ${statuses} | ${megabytes(level.rssMb)} (${megabytes(level.peakRssMb)}) |`,
      );
    }
    if (server.journalsInMemory) {
      const level = server.journalsInMemory;
      out.push(
        "",
        `Diagnostic, the same server with LENDLENS_STATE_DIR in /dev/shm (journals in memory, fsync nearly free), after the same levels before it: ${level.clients} clients, ${level.answersPerSecond.toFixed(1)} answers/s, ` +
          `p50 ${milliseconds(level.latency.p50)}, p95 ${milliseconds(level.latency.p95)}, p99 ${milliseconds(level.latency.p99)}, ${level.errors} errors, RSS ${megabytes(level.rssMb)}.`,
      );
    }
    if (server.excluded.length > 0) out.push("", `Left out of the mix (they answer with status "error" even when asked alone, at this scale): ${server.excluded.map(escapeCell).join("; ")}.`);
    const samples = [...server.levels, ...(server.journalsInMemory ? [server.journalsInMemory] : [])].flatMap((level) => level.errorSamples.map((sample) => `${level.clients} clients: ${sample}`));
    if (samples.length > 0) out.push("", "Error samples:", "", ...samples.map((sample) => `- ${escapeCell(sample)}`));
    out.push("");
  }
  return out;
}
