/**
 * The composer: turns an executed plan (compiled columns, definitions, rows) into the answer object — the short
 * text, the interpretation with the 口径 and date range, labelled columns, rows, definitions and timings.
 */
import type { CompiledQuery } from "../compiler/compiled-query.ts";
import type { QueryPlan } from "../plan/query-plan.ts";
import type { Language } from "../planner/planner.ts";
import type { AnswerDefinition, AnswerInput, AnswerTool } from "./answer.ts";
import { answerCell, answerColumns } from "./answer-columns.ts";
import { answerText } from "./answer-text.ts";
import { interpretPlan } from "./interpretation.ts";
import type { NamingContext } from "./member-names.ts";
import { planDefinitions } from "./plan-definitions.ts";

/** What every answer carries regardless of its status. */
export interface AnswerFrame {
  question: string;
  language: Language;
  conversationId: string;
  asOfDate: string | null;
  planner: string | null;
  confidence: number | null;
}

/** An executed plan, ready to be composed. */
export interface ComposeRequest {
  frame: AnswerFrame;
  naming: NamingContext;
  asOfDate: string;
  plan: QueryPlan;
  compiled: Pick<CompiledQuery, "columns" | "definitions" | "period">;
  /** Statements as executed, in order. */
  sql: string[];
  rows: readonly (readonly unknown[])[];
  rowCount: number;
  truncated: boolean;
  tools?: AnswerTool[];
  /** A short answer written by a tool step, used instead of the composed one. */
  text?: string;
  /** Durations measured so far (sql_ms, planning_ms, ...); compose_ms and total_ms are added by the caller. */
  timings: { sql_ms: number } & Record<string, number>;
}

/** The compiler's definitions in the answer's language; the plan's own when the compiler gave none. */
function definitionsFor(request: ComposeRequest): AnswerDefinition[] {
  const language = request.naming.language;
  if (request.compiled.definitions.length === 0) return planDefinitions(request.naming, request.plan);
  return request.compiled.definitions.map((definition) => ({
    id: definition.id,
    name: definition.names[language][0],
    formula: definition.formula,
    description: definition.description[language],
  }));
}

/** Composes the answer of an executed plan (status "answered"); chart and actions are left for later steps. */
export function composeAnswer(request: ComposeRequest): Omit<AnswerInput, "timings"> & { timings: ComposeRequest["timings"] } {
  const { frame, naming } = request;
  const definitions = definitionsFor(request);
  const period = request.compiled.period ?? (request.plan.query.kind === "aggregate" || request.plan.query.kind === "list" ? request.plan.query.time : undefined);
  const view = {
    plan: request.plan,
    columns: request.compiled.columns,
    rows: request.rows,
    rowCount: request.rowCount,
    truncated: request.truncated,
    period: period ? { start: period.start, end: period.end } : undefined,
    asOfDate: request.asOfDate,
  };
  return {
    question: frame.question,
    language: frame.language,
    status: "answered",
    text: request.text ?? answerText(naming, view),
    interpretation: interpretPlan({ ...naming, asOfDate: request.asOfDate, period: view.period, definitions }, request.plan),
    sql: request.sql,
    columns: answerColumns(request.compiled.columns, request.rows, frame.language),
    rows: request.rows.map((row) => row.map(answerCell)),
    row_count: request.rowCount,
    chart: null,
    actions: [],
    definitions,
    tools: request.tools ?? [],
    as_of_date: frame.asOfDate,
    conversation_id: frame.conversationId,
    timings: request.timings,
    confidence: frame.confidence,
    plan: request.plan as unknown as Record<string, unknown>,
    period: view.period ?? null,
    truncated: request.truncated,
    planner: frame.planner,
    error: null,
  };
}
