/** Runs a tool step of a plan through its registered runner and shapes the result for the composer. */
import type { ComposeRequest } from "../answer/compose-answer.ts";
import type { AnswerColumnFormat } from "../answer/answer.ts";
import type { CompiledColumn } from "../compiler/compiled-query.ts";
import type { ToolQuery } from "../plan/query-plan.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import type { ToolRunContext, ToolRunnerRegistry, ToolRunResult } from "./tool-runner.ts";

const NUMBER_FORMATS: ReadonlySet<string> = new Set<AnswerColumnFormat>(["count", "money", "rate", "hours", "number", "score", "probability"]);

/** The outcome of a tool step: no runner for it, or its result ready to compose. */
export type ToolStepOutcome =
  | { status: "unsupported"; message: string }
  | {
      status: "ran";
      sql: string[];
      sqlMs: number;
      toolMs: number;
      rowCount: number;
      compose: Pick<ComposeRequest, "compiled" | "sql" | "rows" | "rowCount" | "truncated" | "tools" | "text">;
    };

/** What a tool step needs. */
export interface ToolStepRequest {
  engine: Engine;
  registry: ToolRunnerRegistry;
  query: ToolQuery;
  context: ToolRunContext;
  onSql?: (sql: string) => void;
}

/** Tool columns as compiled columns (attributes), keeping number formats the answer knows. */
function toolColumns(result: ToolRunResult): CompiledColumn[] {
  return result.columns.map((column) => ({
    name: column.name,
    label: column.label,
    role: "attribute",
    memberId: column.name,
    ...(column.format && NUMBER_FORMATS.has(column.format) ? { format: column.format as AnswerColumnFormat } : {}),
  }));
}

/** Runs the step; "unsupported" when no runner is registered for the tool. Runner errors propagate. */
export async function runToolStep(request: ToolStepRequest): Promise<ToolStepOutcome> {
  const { query, context } = request;
  const runner = request.registry.get(query.tool);
  if (!runner) {
    return {
      status: "unsupported",
      message:
        context.language === "zh"
          ? `分析工具“${query.tool}”暂未接入,无法回答这个问题。`
          : `The analysis tool "${query.tool}" is not available yet, so this question cannot be answered.`,
    };
  }
  const started = performance.now();
  const result = await runner.run(request.engine, query.args, context);
  const toolMs = performance.now() - started;
  for (const sql of result.sql) request.onSql?.(sql);
  const sqlMs = result.sqlMs ?? 0;
  return {
    status: "ran",
    sql: result.sql,
    sqlMs,
    toolMs,
    rowCount: result.rowCount,
    compose: {
      compiled: { columns: toolColumns(result), definitions: result.definitions?.map((definition) => ({ kind: "metric" as const, ...definition })) ?? [], period: result.period },
      sql: result.sql,
      rows: result.rows,
      rowCount: Math.max(result.rowCount, result.rows.length),
      truncated: result.truncated ?? false,
      tools: [{ name: query.tool, args: query.args, ms: Math.round(toolMs * 100) / 100 }],
      text: result.text?.[context.language],
    },
  };
}
