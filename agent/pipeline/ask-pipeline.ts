/**
 * The one ask pipeline every entry point uses: question → planner → plan → compilePlan → executeGuarded →
 * composer → answer, validated against the answer schema before it is returned. Every failure becomes an answer
 * with status "error"; clarify and unsupported pass through with their texts, choices and suggestions.
 */
import { compilePlan } from "../compiler/compile-plan.ts";
import type { CompiledColumn, CompiledQuery } from "../compiler/compiled-query.ts";
import { Answer } from "../answer/answer.ts";
import type { AnswerInput } from "../answer/answer.ts";
import { chartAndActions } from "../answer/chart-and-actions.ts";
import { composeAnswer } from "../answer/compose-answer.ts";
import type { AnswerFrame, ComposeRequest } from "../answer/compose-answer.ts";
import { asLendLensError, clarifyAnswer, errorAnswer, unsupportedAnswer } from "../answer/status-answers.ts";
import { QueryPlan } from "../plan/query-plan.ts";
import type { ConversationTurn, Language, Planner, PlannerOutcome } from "../planner/planner.ts";
import { detectLanguage } from "../planner/offline/detect-language.ts";
import { createOfflinePlanner } from "../planner/offline/offline-planner.ts";
import { LendLensError } from "../../schema/errors.ts";
import { semanticLayer as projectSemanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import type { SemanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { executeGuarded } from "../../tools/sql-executor.ts";
import type { GuardPolicy } from "../../tools/sql-guard/guard-policy.ts";
import { createInMemoryConversationStore, newConversationId } from "./conversation-store.ts";
import type { ConversationStore } from "./conversation-store.ts";
import { loadDatasetState } from "./dataset-state.ts";
import type { DatasetState } from "./dataset-state.ts";
import { suggestFollowUps } from "./follow-up-suggestions.ts";
import type { ProgressEvent } from "./progress-event.ts";
import { runToolStep } from "./run-tool-step.ts";
import { ToolRunnerRegistry } from "./tool-runner.ts";

/** The default per-query timeout, milliseconds. */
export const DEFAULT_ASK_TIMEOUT_MS = 10_000;

/** How the pipeline is built: one engine, a planner, and optional overrides. */
export interface AskPipelineOptions {
  engine: Engine;
  /** Default: the offline planner. */
  planner?: Planner;
  /** Default: the project's semantic layer. */
  semanticLayer?: SemanticLayer;
  /** Default: the engine dialect's policy with its table row counts. */
  guardPolicy?: GuardPolicy;
  /** Per-statement timeout (default 10 s). */
  timeoutMs?: number;
  /** Default: an in-memory store. */
  conversations?: ConversationStore;
  /** Runners of tool steps; without one for a tool, the answer is "unsupported". */
  toolRunners?: ToolRunnerRegistry;
  /** Restricts every query to one branch. */
  scope?: { branchId: string };
  /**
   * Whether answered questions offer follow-ups that plan to an answer (answer.follow_ups). Default true, but only
   * when the planner is the offline planner: the candidates are never planned by an LLM.
   */
  followUps?: boolean;
  /** Called with every failure turned into an error answer (for logs; the answer itself never shows internals). */
  onError?: (error: unknown, context: { question: string; conversationId: string; plan?: QueryPlan }) => void;
}

/** Per-question options. */
export interface AskRequestOptions {
  /** Continue this conversation (its earlier turns are the planner's history). */
  conversationId?: string;
  /** Answer in this language instead of the question's. */
  language?: Language;
  /** Who asks (conversations are kept per user). */
  user?: string;
  /** Called as the pipeline moves on; errors thrown here are ignored. */
  onProgress?: (event: ProgressEvent) => void;
}

/** Answers one question. Never throws: failures come back as answers with status "error". */
export type Ask = (question: string, options?: AskRequestOptions) => Promise<Answer>;

/** A raw-SQL plan step as a compiled query: the statement as written, no parameters, columns known after it runs. */
function rawSqlQuery(sql: string): CompiledQuery {
  return { sql, params: [], columns: [], definitions: [] };
}

/** Columns of a raw-SQL result, labelled by their names. */
function rawSqlColumns(names: readonly string[]): CompiledColumn[] {
  return names.map((name) => ({ name, label: { zh: name, en: name }, role: "attribute", memberId: name }));
}

/** Whether a suggested plan would run: it is a valid plan, its tool has a runner, and it compiles (no SQL is run). */
function runnablePlan(candidate: unknown, compileOptions: Parameters<typeof compilePlan>[1], toolRunners: ToolRunnerRegistry): boolean {
  const parsed = QueryPlan.safeParse(candidate);
  if (!parsed.success) return false;
  const query = parsed.data.query;
  if (query.kind === "tool") return toolRunners.get(query.tool) !== undefined;
  if (query.kind === "sql") return true;
  try {
    compilePlan(parsed.data, compileOptions);
    return true;
  } catch {
    return false;
  }
}

const round = (milliseconds: number) => Math.round(milliseconds * 100) / 100;

/** Thrown when a question is empty. */
class EmptyQuestionError extends LendLensError {
  constructor() {
    super("EMPTY_QUESTION", { zh: "请输入一个问题。", en: "Please type a question." });
  }
}

/** Thrown when the planner's plan is not a valid query plan. */
class InvalidPlanError extends LendLensError {
  constructor(problems: string) {
    super("PLAN_INVALID", { zh: `查询计划无效:${problems}`, en: `The query plan is invalid: ${problems}` }, { audience: "internal", details: { problems } });
  }
}

/** Thrown when the compiled columns and the executed columns disagree. */
class ResultShapeError extends LendLensError {
  constructor(expected: number, actual: number) {
    super(
      "RESULT_SHAPE",
      { zh: `查询结果的列数(${actual})与计划(${expected})不一致`, en: `The result has ${actual} columns, the plan ${expected}` },
      { audience: "internal", details: { expected, actual } },
    );
  }
}

/**
 * Builds the ask function over one engine. Dataset facts (as-of date, dataset values, guard policy) are read once,
 * on the first question.
 */
export function createAsk(options: AskPipelineOptions): Ask {
  const engine = options.engine;
  const layer = options.semanticLayer ?? projectSemanticLayer();
  const conversations = options.conversations ?? createInMemoryConversationStore();
  const toolRunners = options.toolRunners ?? new ToolRunnerRegistry();
  const timeoutMs = options.timeoutMs ?? DEFAULT_ASK_TIMEOUT_MS;
  let planner = options.planner;
  let datasetState: Promise<DatasetState> | undefined;

  const dataset = (): Promise<DatasetState> => {
    datasetState ??= loadDatasetState(engine, layer, options.guardPolicy).catch((error: unknown) => {
      datasetState = undefined; // let the next question try again
      throw error;
    });
    return datasetState;
  };

  return async function ask(question, requestOptions = {}) {
    const started = performance.now();
    const timings: Record<string, number> = { sql_ms: 0 };
    const progress = (event: ProgressEvent) => {
      try {
        requestOptions.onProgress?.(event);
      } catch {
        // A broken listener must not break the answer.
      }
    };
    const trimmed = question.trim();
    const frame: AnswerFrame = {
      question,
      language: requestOptions.language ?? detectLanguage(trimmed),
      conversationId: "",
      asOfDate: null,
      planner: null,
      confidence: null,
    };
    let plan: QueryPlan | undefined;
    const reportError = (failure: unknown) => {
      try {
        options.onError?.(failure, { question, conversationId: frame.conversationId, plan });
      } catch {
        // Logging must not break the answer.
      }
    };
    const finish = (answer: AnswerInput): Answer => {
      const total = { ...answer.timings, ...Object.fromEntries(Object.entries(timings).map(([key, value]) => [key, round(value)])) };
      const complete = { ...answer, timings: { ...total, total_ms: round(performance.now() - started) } };
      const parsed = Answer.safeParse(complete);
      if (parsed.success) return parsed.data;
      // Our own bug: report it, and answer with an error that is certain to be valid.
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      const invalid = new LendLensError("ANSWER_INVALID", { zh: `答案对象不合规:${problems}`, en: `The answer object is invalid: ${problems}` }, { audience: "internal" });
      reportError(invalid);
      return Answer.parse(errorAnswer({ ...frame, question: String(question) }, invalid, { sql_ms: 0, total_ms: complete.timings.total_ms }));
    };
    let executedSql: string[] = [];
    const record = async (status: ConversationTurn["status"], keptPlan?: QueryPlan) => {
      if (!frame.conversationId) return;
      await conversations.append(frame.conversationId, { question: trimmed, language: frame.language, status, ...(keptPlan ? { plan: keptPlan } : {}) });
    };

    try {
      const conversation = await conversations.open(requestOptions.conversationId, requestOptions.user);
      frame.conversationId = conversation.id;
      if (!trimmed) throw new EmptyQuestionError();
      const state = await dataset();
      frame.asOfDate = state.asOfDate;

      progress({ type: "planning" });
      planner ??= createOfflinePlanner();
      const activePlanner: Planner = planner;
      frame.planner = activePlanner.name;
      const planningStarted = performance.now();
      const plannerContext = { semanticLayer: layer, asOfDate: state.asOfDate, datasetValues: state.datasetValues, history: conversation.history };
      const outcome: PlannerOutcome = await activePlanner.plan(trimmed, {
        ...plannerContext,
        // The LLM planner's own steps (tool calls, exploratory SQL) reach the stream as they happen.
        onProgress: (event) => {
          if (event.type !== "planning") progress(event);
        },
      });
      timings.planning_ms = performance.now() - planningStarted;
      frame.language = requestOptions.language ?? outcome.language;
      frame.confidence = outcome.confidence;

      if (outcome.status === "clarify") {
        await record("clarify");
        return finish(clarifyAnswer(frame, outcome.question, outcome.choices, { sql_ms: 0, total_ms: 0 }));
      }
      if (outcome.status === "unsupported") {
        await record("unsupported");
        return finish(unsupportedAnswer(frame, outcome.message, outcome.suggestions, { sql_ms: 0, total_ms: 0 }));
      }

      const parsedPlan = QueryPlan.safeParse(outcome.plan);
      if (!parsedPlan.success) throw new InvalidPlanError(parsedPlan.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
      plan = parsedPlan.data;
      progress({ type: "plan", plan, confidence: outcome.confidence });
      const naming = { semanticLayer: layer, datasetValues: state.datasetValues, language: frame.language };
      const base = { frame, naming, asOfDate: state.asOfDate, plan };
      // Follow-up suggestions are planned by the offline planner only (an LLM is never asked). They need only the
      // plan, so they start now and their planning overlaps the statement running in the engine's worker; they are
      // used only if the question ends up answered.
      const suggestions =
        options.followUps !== false && activePlanner.name === "offline"
          ? suggestFollowUps({
              planner: activePlanner,
              context: plannerContext,
              answered: { question: trimmed, language: frame.language, status: "answered", plan },
              runnable: (candidate) => runnablePlan(candidate, { dialect: engine.dialect, asOfDate: state.asOfDate, language: frame.language, semanticLayer: layer, scope: options.scope }, toolRunners),
            }).catch((): string[] => [])
          : undefined;

      let request: ComposeRequest;
      if (plan.query.kind === "tool") {
        const step = await runToolStep({
          engine,
          registry: toolRunners,
          query: plan.query,
          context: { semanticLayer: layer, asOfDate: state.asOfDate, language: frame.language, datasetValues: state.datasetValues, policy: state.policy, timeoutMs, query: plan.query, user: requestOptions.user, scope: options.scope },
          onSql: (sql) => progress({ type: "sql", sql }),
        });
        if (step.status === "unsupported") {
          await record("unsupported");
          return finish(unsupportedAnswer(frame, step.message, [], { sql_ms: 0, total_ms: 0 }));
        }
        executedSql = step.sql;
        timings.sql_ms = step.sqlMs;
        timings.tool_ms = step.toolMs;
        progress({ type: "rows", rowCount: step.rowCount, ms: step.sqlMs });
        request = { ...base, ...step.compose, timings: { sql_ms: step.sqlMs } };
      } else {
        const compileStarted = performance.now();
        const compiled =
          plan.query.kind === "sql"
            ? rawSqlQuery(plan.query.sql)
            : compilePlan(plan, { dialect: engine.dialect, asOfDate: state.asOfDate, language: frame.language, semanticLayer: layer, scope: options.scope });
        timings.compile_ms = performance.now() - compileStarted;
        progress({ type: "sql", sql: compiled.sql });
        const executed = await executeGuarded(engine, compiled.sql, compiled.params, { policy: state.policy, timeoutMs });
        executedSql = [executed.sql];
        timings.sql_ms = executed.ms;
        timings.guard_ms = executed.guardMs;
        progress({ type: "rows", rowCount: executed.rowCount, ms: executed.ms });
        if (plan.query.kind === "sql") compiled.columns = rawSqlColumns(executed.columns);
        if (executed.columns.length !== compiled.columns.length) throw new ResultShapeError(compiled.columns.length, executed.columns.length);
        request = {
          ...base,
          compiled,
          sql: executedSql,
          rows: executed.rows,
          rowCount: executed.rowCount,
          truncated: executed.truncated,
          timings: { sql_ms: executed.ms },
        };
      }

      progress({ type: "composing" });
      const composeStarted = performance.now();
      const composed = composeAnswer(request);
      const visuals = await chartAndActions({
        engine,
        asOfDate: state.asOfDate,
        language: frame.language,
        plan,
        columns: composed.columns.map((column, index) => ({ ...column, ...(request.compiled.columns[index] ?? {}), label: column.label })),
        rows: composed.rows,
        title: composed.definitions.map((definition) => definition.name).join(" / ") || composed.question,
      });
      composed.chart = visuals.chart;
      composed.actions = visuals.actions;
      timings.compose_ms = performance.now() - composeStarted;
      let followUps: string[] = [];
      if (suggestions && composed.status === "answered") {
        // The time the answer waited for its suggestions (most of their planning ran while the SQL did).
        const suggestStarted = performance.now();
        followUps = await suggestions;
        timings.follow_ups_ms = performance.now() - suggestStarted;
      }
      const answer = finish({ ...composed, ...(followUps.length > 0 ? { follow_ups: followUps } : {}), timings: { ...composed.timings, total_ms: 0 } });
      await record(answer.status, answer.status === "answered" ? plan : undefined);
      return answer;
    } catch (failure) {
      const error = asLendLensError(failure);
      reportError(failure);
      // Even when the conversation store failed, the answer names a conversation.
      frame.conversationId ||= requestOptions.conversationId || newConversationId();
      await record("error").catch(() => undefined);
      const failed = errorAnswer(frame, error, { sql_ms: 0, total_ms: 0 }, executedSql);
      // The plan is no data: it shows what the question was taken to mean.
      return finish(plan ? { ...failed, plan: plan as unknown as Record<string, unknown> } : failed);
    }
  };
}
