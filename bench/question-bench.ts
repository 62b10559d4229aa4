/**
 * Per-question timings: every workload question answered once through the configured assistant (offline planner,
 * sql.js workers) on one dataset, split into planning, compile + guard, SQL and composition, with the statements
 * that ran recorded for the native SQLite comparison.
 */
import type { Answer } from "../agent/answer/answer.ts";
import { loadConfiguration } from "../agent/config.ts";
import { createAssistant } from "../agent/pipeline/create-assistant.ts";
import type { EmbeddedEngineKind } from "../tools/engines/engine-kind.ts";
import { createNativeSqliteEngine } from "../tools/engines/native-sqlite-engine.ts";
import { createSqlJsEngine } from "../tools/engines/sqljs-engine.ts";
import { guardPolicyFor } from "../tools/sql-executor.ts";
import { checkStatement } from "../tools/sql-guard/guard-sql.ts";
import type { GuardPolicy } from "../tools/sql-guard/guard-policy.ts";
import { recordingEngine } from "./recording-engine.ts";
import type { RecordedStatement } from "./recording-engine.ts";
import type { WorkloadQuestion } from "./question-workload.ts";

/** One question's figures, milliseconds. */
export interface QuestionTiming {
  id: string;
  question: string;
  category: string;
  status: Answer["status"];
  totalMs: number;
  planningMs: number;
  /** compilePlan plus the SQL guard, as the pipeline timed them (answer.timings.compile_ms + guard_ms). */
  compileGuardMs: number;
  /** Time inside the database for the answer's statements (answer.timings.sql_ms). */
  sqlMs: number;
  /** composeAnswer plus chart and actions (answer.timings.compose_ms). */
  composeMs: number;
  /** The rest: worker messaging, dataset facts, answer validation, the conversation store. */
  otherMs: number;
  /** The answer's statements (answer.sql) with their parameters, as the engine received them. */
  statements: RecordedStatement[];
  /** Statements run besides answer.sql (e.g. the actions' eligibility check). */
  extraStatements: number;
}

/** The figures of one dataset on one engine. */
export interface QuestionBenchResult {
  dbPath: string;
  engine: EmbeddedEngineKind;
  workers: number;
  /** Opening the engine (every worker reading the file), milliseconds. */
  engineOpenMs: number;
  /** The first question (dataset facts read, code paths warmed), milliseconds; not in `questions`. */
  firstQuestionMs: number;
  questions: QuestionTiming[];
}

const WARM_UP_QUESTION = "目前贷款余额一共多少?";

/** The agent configuration the benchmark runs with: offline planner, the dataset file, the default worker count. */
export function benchConfiguration(dbPath: string) {
  return loadConfiguration({ DB_PATH: dbPath, LLM_MODE: "offline", SQLJS_WORKERS: process.env.SQLJS_WORKERS });
}

/** Times the guard's check (without its memory) on statements already executed: an upper bound of what the run cost. */
function guardMs(statements: readonly RecordedStatement[], policy: GuardPolicy, check: (sql: string, policy: GuardPolicy) => unknown): number {
  let total = 0;
  for (const statement of statements) {
    const started = performance.now();
    try {
      check(statement.sql, policy);
    } catch {
      // A refused statement still cost the guard its time.
    }
    total += performance.now() - started;
  }
  return total;
}

/** Answers every question once, in order, on `engineKind` (default sql.js), and returns the per-question figures. */
export async function runQuestionBench(
  dbPath: string,
  questions: readonly WorkloadQuestion[],
  log: (line: string) => void = () => undefined,
  engineKind: EmbeddedEngineKind = "sqljs",
): Promise<QuestionBenchResult> {
  const configuration = benchConfiguration(dbPath);
  const openStarted = performance.now();
  // The result cache is off: every figure is the cost of answering a question the first time.
  const open = engineKind === "native-sqlite" ? createNativeSqliteEngine : createSqlJsEngine;
  const inner = await open({ dbPath, workers: configuration.sqljsWorkers, resultCacheEntries: 0 });
  const engineOpenMs = performance.now() - openStarted;
  const engine = recordingEngine(inner);
  try {
    const ask = createAssistant({ engine, configuration });
    const firstStarted = performance.now();
    await ask(WARM_UP_QUESTION);
    const firstQuestionMs = performance.now() - firstStarted;
    engine.take();
    const policy = await guardPolicyFor(engine);
    const timings: QuestionTiming[] = [];
    for (const [index, item] of questions.entries()) {
      const answer = await ask(item.question);
      const recorded = engine.take();
      const executed = new Set(answer.sql);
      const statements = recorded.filter((statement) => executed.has(statement.sql));
      // Tool steps guard inside the tool: their guard time is re-timed on the executed statements.
      const guardTime = answer.timings.guard_ms ?? guardMs(statements, policy, checkStatement);
      const compileGuardMs = (answer.timings.compile_ms ?? 0) + guardTime;
      const planningMs = answer.timings.planning_ms ?? 0;
      const composeMs = answer.timings.compose_ms ?? 0;
      const sqlMs = answer.timings.sql_ms;
      timings.push({
        id: item.id,
        question: item.question,
        category: item.category,
        status: answer.status,
        totalMs: answer.timings.total_ms,
        planningMs,
        compileGuardMs,
        sqlMs,
        composeMs,
        otherMs: Math.max(0, answer.timings.total_ms - planningMs - compileGuardMs - sqlMs - composeMs),
        statements,
        extraStatements: recorded.length - statements.length,
      });
      if ((index + 1) % 100 === 0) log(`${index + 1}/${questions.length} questions`);
    }
    return { dbPath, engine: engineKind, workers: configuration.sqljsWorkers, engineOpenMs, firstQuestionMs, questions: timings };
  } finally {
    await engine.close();
  }
}
