/**
 * The query-plan compiler: validates a plan against the semantic layer and writes one SELECT for SQLite or
 * PostgreSQL, every value bound as a parameter. Tool steps are not SQL: the tool runner runs them.
 */
import { semanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import { QueryPlan } from "../plan/query-plan.ts";
import type { QueryPlanInput } from "../plan/query-plan.ts";
import { compileAggregate } from "./compile-aggregate.ts";
import { CompileContext } from "./compile-context.ts";
import { compileError } from "./compile-error.ts";
import { compileList } from "./compile-list.ts";
import type { CompiledQuery, CompileOptions } from "./compiled-query.ts";
import { DIALECTS } from "./dialects/dialects.ts";
import { validateMembers } from "./validate-members.ts";

/**
 * Compiles a query plan to `{ sql, params, columns, definitions, period }`.
 * @throws UnknownMemberError for an id the semantic layer does not have (with the closest ids);
 * @throws CompileError when the plan asks something the members cannot answer (e.g. a dimension that does not
 * apply to the metric's entity), or for a tool step.
 */
export function compilePlan(plan: QueryPlan | QueryPlanInput, options: CompileOptions): CompiledQuery {
  const parsed = QueryPlan.safeParse(plan);
  if (!parsed.success)
    throw compileError("invalid_plan", `查询计划格式错误:${parsed.error.issues[0]?.message ?? ""}`, `the query plan is malformed: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  const query = parsed.data.query;
  if (query.kind === "tool")
    throw compileError("tool_step", "工具步骤由工具执行器运行,不编译为 SQL", "tool steps are run by the tool runner", { tool: query.tool });
  if (query.kind === "sql")
    throw compileError("raw_sql", "原始 SQL 步骤不经编译器,由流水线经 SQL 守卫直接运行", "raw SQL steps are not compiled: the pipeline runs them through the SQL guard");
  const layer = options.semanticLayer ?? semanticLayer();
  validateMembers(query, layer);
  const context = new CompileContext(
    layer,
    DIALECTS[options.dialect],
    options.asOfDate,
    options.language ?? "zh",
    query.referenceMonth,
    options.scope,
  );
  return query.kind === "aggregate" ? compileAggregate(query, context) : compileList(query, context);
}
