/**
 * Validation of a plan the model proposes, before it becomes the outcome: the QueryPlan schema, the compiler (unknown
 * members come back with the closest ids), dimension values, scoring-tool arguments, and the SQL guard for sql plans.
 */
import { checkDimensionValues } from "./dimension-values.ts";
import { compilePlan } from "../../compiler/compile-plan.ts";
import { QueryPlan } from "../../plan/query-plan.ts";
import { guardSql } from "../../../tools/sql-guard/guard-sql.ts";
import { ToolArgumentsError, UnknownToolError } from "./llm-planner-errors.ts";
import type { PlanningSession } from "./planning-session.ts";

/** Accepts the usual near-misses of a model: the query alone, or the plan wrapped in {"plan": ...}. */
export function unwrapPlan(input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const record = input as Record<string, unknown>;
  if ("plan" in record && !("query" in record) && Object.keys(record).length === 1) return record.plan;
  if ("kind" in record && !("query" in record)) return { version: 1, query: record };
  return input;
}

/**
 * Returns the validated plan.
 * @throws ToolArgumentsError (schema), UnknownMemberError / CompileError (compiler), UnknownDimensionValueError,
 * UnknownToolError, SqlGuardError — all sent back to the model for repair.
 */
export async function validatePlan(input: unknown, session: PlanningSession): Promise<QueryPlan> {
  const parsed = QueryPlan.safeParse(unwrapPlan(input));
  if (!parsed.success) {
    throw new ToolArgumentsError(
      "plan_query",
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "plan"}: ${issue.message}`),
    );
  }
  const plan = parsed.data;
  const query = plan.query;
  if (query.kind === "aggregate" || query.kind === "list") {
    compilePlan(plan, { dialect: session.engine.dialect, asOfDate: session.context.asOfDate, semanticLayer: session.semanticLayer, language: session.language });
    checkDimensionValues(query.filters, session.semanticLayer, session.context.datasetValues);
  } else if (query.kind === "tool") {
    const tool = session.scoringTools.find((candidate) => candidate.name === query.tool);
    if (!tool) throw new UnknownToolError(query.tool, session.scoringTools.map((candidate) => candidate.name));
    const args = tool.input.safeParse(query.args);
    if (!args.success) throw new ToolArgumentsError(query.tool, args.error.issues.map((issue) => `args.${issue.path.join(".")}: ${issue.message}`));
    checkDimensionValues(query.filters, session.semanticLayer, session.context.datasetValues);
  } else {
    guardSql(query.sql, await session.policy());
  }
  return plan;
}
