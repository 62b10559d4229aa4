/**
 * `npm run bench [-- --scales 1,5] [--quick] [--reuse-datasets] [--engines sqljs,native-sqlite] [--clients 8,32,64] [--load-seconds 30]`:
 * generator, per-question (per embedded engine), native SQLite, server load and start-up figures next to their goals;
 * prints a table, writes bench/report.md.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { createRequire } from "node:module";
import initSqlJs from "sql.js";
import { EmbeddedEngineKind } from "../tools/engines/engine-kind.ts";
import { nativeSqliteProblem } from "../tools/engines/native-sqlite-engine.ts";
import type { BenchResults, EngineServerResults, MachineInfo, ScaleResults, ServerResults } from "./bench-results.ts";
import { consoleTable, goalLines, renderReportMarkdown } from "./bench-report.ts";
import { timeGenerator } from "./generator-bench.ts";
import { LOAD_CLIENTS_FOR_GOAL } from "./bench-goals.ts";
import { runLoadLevel } from "./load-bench.ts";
import { timeNatively } from "./native-sqlite.ts";
import { runQuestionBench } from "./question-bench.ts";
import type { QuestionBenchResult } from "./question-bench.ts";
import { loadWorkload } from "./question-workload.ts";
import { postChat, startServerProcess } from "./server-process.ts";

const BENCH_FOLDER = fileURLToPath(new URL(".", import.meta.url));
const CACHE_FOLDER = join(BENCH_FOLDER, ".cache");
const FINDINGS_FILE = join(BENCH_FOLDER, "findings.md");

/** The command-line options after --quick defaults are applied. */
interface BenchOptions {
  scales: number[];
  quick: boolean;
  reuseDatasets: boolean;
  clients: number[];
  loadSeconds: number;
  load: boolean;
  /** Keep every n-th question. */
  every: number;
  /** The embedded engines to measure, sql.js first. */
  engines: EmbeddedEngineKind[];
  /** Eval categories left out of the workload (default none). */
  excludeCategories: string[];
  report: string | false;
}

function numberList(text: string): number[] {
  const values = text.split(",").map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((value) => !Number.isFinite(value) || value <= 0)) throw new Error(`expected positive numbers separated by commas, got "${text}"`);
  return values;
}

function parseOptions(argv: string[]): BenchOptions {
  const program = new Command("bench")
    .description("LendLens speed, memory and load figures next to their goals")
    .option("--scales <list>", "dataset scales, comma-separated (default 1,5; --quick: 0.2)")
    .option("--quick", "smoke run: scale 0.2, every 4th question, 5 s per load level, 8 and 32 clients")
    .option("--reuse-datasets", "reuse bench/.cache/scale-S.db when present (the generator is then not timed)")
    .option("--clients <list>", "concurrent clients per load level (default 8,32,64)")
    .option("--load-seconds <n>", "seconds per load level (default 30; --quick: 5)")
    .option("--engines <list>", "embedded engines, comma-separated (default: sqljs, and native-sqlite when better-sqlite3 loads)")
    .option("--exclude <categories>", "eval categories to leave out, comma-separated (e.g. tool: the scoring-tool questions, seconds each at scale 5)")
    .option("--no-load", "skip the server load and start-up figures")
    .option("--report <file>", "where to write the Markdown report (default bench/report.md; --quick: bench/.cache/report-quick.md)")
    .option("--no-report", "do not write the report")
    .parse(argv.filter((argument, index) => !(argument === "--" && index === 2)));
  const flags = program.opts<{ scales?: string; quick?: boolean; reuseDatasets?: boolean; engines?: string; exclude?: string; clients?: string; loadSeconds?: string; load: boolean; report: string | boolean }>();
  const quick = flags.quick === true;
  const loadSeconds = flags.loadSeconds === undefined ? (quick ? 5 : 30) : Number(flags.loadSeconds);
  if (!Number.isFinite(loadSeconds) || loadSeconds <= 0) throw new Error("--load-seconds must be a positive number");
  const defaultReport = quick ? join(CACHE_FOLDER, "report-quick.md") : join(BENCH_FOLDER, "report.md");
  return {
    scales: numberList(flags.scales ?? (quick ? "0.2" : "1,5")),
    quick,
    reuseDatasets: flags.reuseDatasets === true,
    clients: numberList(flags.clients ?? (quick ? "8,32" : "8,32,64")).map(Math.floor),
    loadSeconds,
    load: flags.load,
    every: quick ? 4 : 1,
    engines: engineList(flags.engines),
    excludeCategories: (flags.exclude ?? "")
      .split(",")
      .map((category) => category.trim())
      .filter(Boolean),
    report: flags.report === false ? false : typeof flags.report === "string" ? flags.report : defaultReport,
  };
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** The engines asked for, or sql.js plus native SQLite when better-sqlite3 loads; an engine that cannot load is an error. */
function engineList(text: string | undefined): EmbeddedEngineKind[] {
  const nativeProblem = nativeSqliteProblem();
  if (text === undefined) {
    if (nativeProblem) log(`native SQLite engine not measured: better-sqlite3 cannot load (${nativeProblem})`);
    return nativeProblem ? ["sqljs"] : ["sqljs", "native-sqlite"];
  }
  const engines = text.split(",").map((part) => EmbeddedEngineKind.parse(part.trim()));
  if (engines.includes("native-sqlite") && nativeProblem) throw new Error(`--engines native-sqlite: better-sqlite3 cannot load (${nativeProblem})`);
  return [...new Set(engines)];
}

/** The SQLite version inside better-sqlite3, or why it cannot load. */
function betterSqliteVersion(): string {
  try {
    const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => { prepare(sql: string): { pluck(): { get(): unknown } }; close(): void };
    const database = new Database(":memory:");
    const version = String(database.prepare("SELECT sqlite_version()").pluck().get());
    database.close();
    return version;
  } catch {
    return "not installed";
  }
}

async function machineInfo(): Promise<MachineInfo> {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  const sqljsSqlite = String(database.exec("SELECT sqlite_version()")[0]?.values[0]?.[0] ?? "?");
  database.close();
  let nativeSqlite = "unavailable";
  try {
    nativeSqlite = execFileSync("python3", ["-c", "import sqlite3; print(sqlite3.sqlite_version)"], { encoding: "utf8" }).trim();
  } catch {
    // Reported as unavailable; the native figures will say why.
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown CPU",
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.versions.node,
    sqljsSqlite,
    engineSqlite: betterSqliteVersion(),
    nativeSqlite,
    loadBefore: loadavg()[0] ?? Number.NaN,
    loadAfter: Number.NaN,
  };
}

/** Generator, per-question and native figures of one scale. */
async function benchScale(scale: number, options: BenchOptions): Promise<ScaleResults> {
  const dbPath = join(CACHE_FOLDER, `scale-${scale}.db`);
  let generator: ScaleResults["generator"];
  if (options.reuseDatasets && existsSync(dbPath)) {
    generator = { skipped: "dataset reused (--reuse-datasets)" };
    log(`scale ${scale}: reusing ${dbPath}`);
  } else {
    log(`scale ${scale}: generating ${dbPath}`);
    generator = await timeGenerator(scale, dbPath, log);
    log(`scale ${scale}: generated in ${generator.seconds.toFixed(1)} s, peak ${Math.round(generator.peakRssMb)} MB`);
  }
  const workload = loadWorkload({ every: options.every, excludeCategories: options.excludeCategories });
  const runs = [];
  for (const engine of options.engines) {
    log(`scale ${scale}: asking ${workload.length} questions on ${engine}`);
    runs.push(await runQuestionBench(dbPath, workload, (line) => log(`scale ${scale}, ${engine}: ${line}`), engine));
  }
  // Scale 5 statements take seconds natively: one run each keeps the whole bench within minutes.
  const nativeRepeats = scale >= 5 ? 1 : 3;
  log(`scale ${scale}: native SQLite, ${nativeRepeats} run(s) per question`);
  // Every engine runs the same statements (one compiler, one dialect): they are timed natively once, from the first run.
  const first = runs[0] as QuestionBenchResult;
  const items = first.questions.filter((question) => question.statements.length > 0).map((question) => ({ id: question.id, statements: question.statements.map(({ sql, params }) => ({ sql, params })) }));
  const native = await timeNatively(dbPath, items, { repeats: nativeRepeats, warmUp: scale < 5 });
  return { scale, dbPath, generator, runs, native, nativeRepeats };
}

/** Start-up and load levels against a server child on the dataset of `scale`, its journals in `stateRoot`. */
async function benchServer(
  engine: EmbeddedEngineKind,
  scale: number,
  questions: readonly string[],
  options: BenchOptions,
  stateRoot: string,
  clientLevels: readonly number[],
): Promise<ServerResults> {
  const dbPath = join(CACHE_FOLDER, `scale-${scale}.db`);
  const stateDir = join(stateRoot, `lendlens-bench-state-${process.pid}`);
  mkdirSync(stateDir, { recursive: true });
  let server;
  try {
    server = await startServerProcess({ dbPath, stateDir, environment: { LENDLENS_ENGINE: engine } });
  } catch (error) {
    rmSync(stateDir, { recursive: true, force: true });
    return { measured: false, reason: `server not available (${error instanceof Error ? error.message.split("\n")[0] : String(error)})` };
  }
  try {
    const first = await postChat(server.url, questions[0] as string);
    const firstAnswerMs = performance.now() - server.spawnedAt;
    const firstAnswerRssMb = server.memory().rssMb;
    log(`server: listening after ${(server.listeningMs / 1000).toFixed(1)} s, first answer after ${(firstAnswerMs / 1000).toFixed(1)} s`);
    const levels = [];
    for (const clients of clientLevels) {
      log(`server (${engine}): ${clients} clients for ${options.loadSeconds} s (journals in ${stateRoot})`);
      const level = await runLoadLevel(server, questions, clients, options.loadSeconds * 1000);
      log(`server (${engine}): ${clients} clients: ${level.answersPerSecond.toFixed(1)} answers/s, p95 ${Math.round(level.latency.p95)} ms, ${level.errors} errors, RSS ${Math.round(level.rssMb)} MB`);
      levels.push(level);
    }
    return { measured: true, scale, listeningMs: server.listeningMs, firstAnswerMs, firstAnswerStatus: first.answerStatus ?? `http ${first.httpStatus}`, firstAnswerRssMb, levels, excluded: [] };
  } finally {
    await server.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/**
 * The server figures: start-up and the load levels with the journals in the cache folder (on disk, as deployed),
 * then the same levels up to the diagnostic one (32 clients) with the journals in /dev/shm (memory), which shows what
 * the journals' fsync costs.
 * Questions that answer with status "error" even when asked alone are left out of the mix (product failures, not load).
 */
async function serverFigures(engine: EmbeddedEngineKind, scaleResults: ScaleResults, options: BenchOptions): Promise<ServerResults> {
  const run = scaleResults.runs.find((entry) => entry.engine === engine) ?? (scaleResults.runs[0] as QuestionBenchResult);
  const failing = new Set(run.questions.filter((question) => question.status === "error").map((question) => question.id));
  const workload = loadWorkload({ every: options.every, excludeCategories: options.excludeCategories });
  const questions = workload.filter((item) => !failing.has(item.id)).map((item) => item.question);
  const excluded = workload.filter((item) => failing.has(item.id)).map((item) => `${item.id}: ${item.question}`);
  const onDisk = await benchServer(engine, scaleResults.scale, questions, options, CACHE_FOLDER, options.clients);
  if (!onDisk.measured) return onDisk;
  const diagnosticClients = options.clients.includes(LOAD_CLIENTS_FOR_GOAL) ? LOAD_CLIENTS_FOR_GOAL : (options.clients[0] as number);
  // The diagnostic runs on the default engine only: it isolates the journals, which every engine shares.
  if (engine === options.engines[0] && existsSync("/dev/shm")) {
    // The same levels up to the diagnostic one, so that its result cache is as warm as the on-disk server's was.
    const levels = options.clients.slice(0, options.clients.indexOf(diagnosticClients) + 1);
    const inMemory = await benchServer(engine, scaleResults.scale, questions, options, "/dev/shm", levels);
    if (inMemory.measured) onDisk.journalsInMemory = inMemory.levels.at(-1);
    else log(`server: the diagnostic with journals in /dev/shm was not measured: ${inMemory.reason}`);
  }
  return { ...onDisk, excluded };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv);
  mkdirSync(CACHE_FOLDER, { recursive: true });
  const startedAt = new Date();
  const machine = await machineInfo();
  const scales: ScaleResults[] = [];
  for (const scale of options.scales) scales.push(await benchScale(scale, options));
  const serverScale = scales.find((entry) => entry.scale === 1) ?? (scales[0] as ScaleResults);
  const servers: EngineServerResults[] = [];
  for (const engine of options.engines) {
    servers.push({ engine, server: options.load ? await serverFigures(engine, serverScale, options) : { measured: false, reason: "skipped (--no-load)" } });
  }
  machine.loadAfter = loadavg()[0] ?? Number.NaN;
  const results: BenchResults = { startedAt, finishedAt: new Date(), quick: options.quick, excludedCategories: options.excludeCategories, questionCount: scales[0]?.runs[0]?.questions.length ?? 0, loadSeconds: options.loadSeconds, machine, scales, servers };
  console.log(consoleTable(goalLines(results)));
  if (options.report) {
    const notes = existsSync(FINDINGS_FILE) ? readFileSync(FINDINGS_FILE, "utf8").split("\n").filter((line) => line.startsWith("- ")).map((line) => line.slice(2)) : [];
    writeFileSync(options.report, renderReportMarkdown(results, notes));
    log(`wrote ${options.report}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
