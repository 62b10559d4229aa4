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
import { nativeRatios } from "./bench-results.ts";
import type { BenchResults, ScaleResults } from "./bench-results.ts";
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
    const totals = summarize(scaleResults.questions.questions.map((question) => question.totalMs));
    const goal = p95GoalMs(scaleResults.scale);
    lines.push({
      section: "2 per question",
      figure: `scale ${scaleResults.scale} p50 / p95 / max (${totals.count} questions)`,
      value: `${milliseconds(totals.p50)} / ${milliseconds(totals.p95)} / ${milliseconds(totals.max)}`,
      goal: `p95 < ${goal} ms`,
      verdict: check(totals.p95, goal, "below"),
    });
  }
  for (const scaleResults of results.scales) {
    const ratios = nativeRatios(scaleResults).map((entry) => entry.ratio);
    lines.push({
      section: "3 vs native SQLite",
      figure: `scale ${scaleResults.scale} median ratio (${ratios.length} questions with SQL)`,
      value: Number.isNaN(median(ratios)) ? "–" : `${median(ratios).toFixed(2)}×`,
      goal: `< ${NATIVE_RATIO_GOAL}×`,
      verdict: check(median(ratios), NATIVE_RATIO_GOAL, "below"),
    });
  }
  const server = results.server;
  if (!server.measured) {
    lines.push({ section: "4 server load", figure: "answers/s, latency, errors, RSS", value: `not measured: ${server.reason}`, goal: `≥ ${ANSWERS_PER_SECOND_GOAL}/s with ${LOAD_CLIENTS_FOR_GOAL} clients, 0 errors, RSS < ${SERVER_MEMORY_GOAL_MB} MB`, verdict: "missed" });
    lines.push({ section: "5 start-up", figure: "to the first answer", value: `not measured: ${server.reason}`, goal: `< ${STARTUP_SECONDS_GOAL} s`, verdict: "missed" });
    return lines;
  }
  const atScaleOne = server.scale === 1;
  for (const level of server.levels) {
    const throughputGoal = level.clients === LOAD_CLIENTS_FOR_GOAL && atScaleOne;
    lines.push({
      section: "4 server load",
      figure: `${level.clients} clients, scale ${server.scale}: answers/s (p50 / p95 / p99)`,
      value: `${level.answersPerSecond.toFixed(1)}/s (${milliseconds(level.latency.p50)} / ${milliseconds(level.latency.p95)} / ${milliseconds(level.latency.p99)})`,
      goal: throughputGoal ? `≥ ${ANSWERS_PER_SECOND_GOAL}/s` : "none set",
      verdict: throughputGoal ? check(level.answersPerSecond, ANSWERS_PER_SECOND_GOAL, "atLeast") : "none",
    });
    lines.push({ section: "4 server load", figure: `${level.clients} clients: errors`, value: `${level.errors} of ${level.answers + level.errors}`, goal: "0", verdict: level.errors === 0 ? "met" : "missed" });
    lines.push({ section: "4 server load", figure: `${level.clients} clients: server RSS (peak)`, value: `${megabytes(level.rssMb)} (${megabytes(level.peakRssMb)})`, goal: `< ${SERVER_MEMORY_GOAL_MB} MB`, verdict: check(level.peakRssMb, SERVER_MEMORY_GOAL_MB, "below") });
  }
  if (server.journalsInMemory) {
    const level = server.journalsInMemory;
    lines.push({
      section: "4 server load",
      figure: `diagnostic: ${level.clients} clients, journals in /dev/shm: answers/s (p95), errors`,
      value: `${level.answersPerSecond.toFixed(1)}/s (${milliseconds(level.latency.p95)}), ${level.errors} errors`,
      goal: "none set",
      verdict: "none",
    });
  }
  lines.push({
    section: "5 start-up",
    figure: `to the first answer, scale ${server.scale} (listening after ${(server.listeningMs / 1000).toFixed(1)} s)`,
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

/** The per-step breakdown of one scale (p50 / p95 / max per step). */
function breakdownTable(scaleResults: ScaleResults): string[] {
  const questions = scaleResults.questions.questions;
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

/** The slowest questions of one scale with their split and native time. */
function slowestTable(scaleResults: ScaleResults, count: number): string[] {
  const ratios = new Map(nativeRatios(scaleResults).map((entry) => [entry.timing.id, entry]));
  const slowest = [...scaleResults.questions.questions].sort((left, right) => right.totalMs - left.totalMs).slice(0, count);
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
function perQuestionTable(scaleResults: ScaleResults): string[] {
  const ratios = new Map(nativeRatios(scaleResults).map((entry) => [entry.timing.id, entry]));
  const lines = ["| id | status | end to end | SQL | native | ratio |", "|---|---|---|---|---|---|"];
  for (const timing of scaleResults.questions.questions) {
    const ratio = ratios.get(timing.id);
    const native = scaleResults.native.get(timing.id);
    const nativeText = ratio ? milliseconds(ratio.nativeMs) : native?.error ? `error: ${escapeCell(native.error).slice(0, 60)}` : "no SQL";
    lines.push(`| ${timing.id} | ${timing.status} | ${milliseconds(timing.totalMs)} | ${milliseconds(timing.sqlMs)} | ${nativeText} | ${ratio ? `${ratio.ratio.toFixed(2)}×` : "–"} |`);
  }
  return lines;
}

/** Ratio spread of one scale, to show where the overhead lies (fast statements have large ratios). */
function ratioSpread(scaleResults: ScaleResults): string {
  const ratios = nativeRatios(scaleResults);
  const quick = ratios.filter((entry) => entry.nativeMs < 5).map((entry) => entry.ratio);
  const slow = ratios.filter((entry) => entry.nativeMs >= 5).map((entry) => entry.ratio);
  const sqlOnly = ratios.map((entry) => entry.timing.sqlMs / entry.nativeMs);
  return (
    `median ratio ${median(ratios.map((entry) => entry.ratio)).toFixed(2)}× over ${ratios.length} questions; ` +
    `${quick.length} with native time under 5 ms: median ${median(quick).toFixed(1)}×; ${slow.length} at 5 ms or more: median ${median(slow).toFixed(2)}×; ` +
    `SQL alone (sql.js in its worker vs native): median ${median(sqlOnly).toFixed(2)}×`
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
      `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}; SQLite ${machine.sqljsSqlite} in sql.js, ${machine.nativeSqlite} native (python3). ` +
      `Load average ${machine.loadBefore.toFixed(1)} at the start, ${machine.loadAfter.toFixed(1)} at the end (other work on the machine slows every figure).`,
    "",
    "Regenerate with `npm run bench` (`-- --quick` for a fast smoke run, `-- --scales 1` for one scale).",
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
    `- Per question: the ${results.questionCount} single-turn eval questions (evals/cases), each asked once, in file order, through \`createAssistant\` (offline planner, sql.js engine with its default worker count) after one warm-up question. ` +
      "The split comes from `answer.timings`: planning, compile (+ the guard, re-timed on the executed statements), SQL (time inside the worker), composition (text, chart, actions); “other” is the rest (worker messaging, answer validation, conversation store).",
    "- Native SQLite: the statements of `answer.sql` with the parameters the engine received, run by python3's sqlite3 module read-only on the same file (every row fetched); " +
      "median of the timed runs after one warm-up (scale ≥ 5: one run, no warm-up, to keep the run short). The ratio is our end-to-end time over that native time; questions without SQL (clarify, unsupported) are left out.",
    `- Server: \`server/main.ts\` started as a child process on a free loopback port with DB_PATH at the dataset, one manager API key and the rate limit lifted; ` +
      `each level runs N clients for ${results.loadSeconds} s, each with one POST /api/chat in flight, cycling through the eval questions. An error is a non-200 response, a network failure or an answer with status "error". RSS and its peak (VmHWM) from /proc.`,
    "- Start-up: from spawning the server to its first answer (POST /api/chat), with the dataset file already generated.",
    "",
  );
  for (const scaleResults of results.scales) {
    out.push(`## Scale ${scaleResults.scale}`, "");
    if (!("skipped" in scaleResults.generator)) out.push(`Generator: ${scaleResults.generator.summary || "done"}; ${scaleResults.generator.seconds.toFixed(1)} s wall, ${scaleResults.generator.cpuSeconds.toFixed(1)} s CPU, peak ${megabytes(scaleResults.generator.peakRssMb)}.`, "");
    out.push(
      `Engine open: ${milliseconds(scaleResults.questions.engineOpenMs)} (${scaleResults.questions.workers} workers, each reading the file); first question ${milliseconds(scaleResults.questions.firstQuestionMs)}.`,
      "",
    );
    out.push(...breakdownTable(scaleResults), "");
    const statuses = new Map<string, string[]>();
    for (const timing of scaleResults.questions.questions) statuses.set(timing.status, [...(statuses.get(timing.status) ?? []), timing.id]);
    const errors = statuses.get("error") ?? [];
    out.push(
      `Answer statuses: ${[...statuses].map(([status, ids]) => `${status} ${ids.length}`).join(", ")}${errors.length > 0 ? ` (errors: ${errors.join(", ")})` : ""}.`,
      "",
    );
    out.push(`Native SQLite: ${ratioSpread(scaleResults)}.`, "");
    out.push("Slowest questions:", "", ...slowestTable(scaleResults, 12), "");
    out.push("<details><summary>Every question</summary>", "", ...perQuestionTable(scaleResults), "", "</details>", "");
  }
  const server = results.server;
  out.push("## Server load", "");
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
  return `${out.join("\n").trimEnd()}\n`;
}
