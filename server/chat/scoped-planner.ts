/**
 * The planner for branch-scoped users: plans of kind "sql" (raw SQL written by the LLM) are declined, because the
 * branch scope is injected by the compiler and the SQL guard cannot yet scope a raw statement.
 */
import type { Planner, PlannerOutcome } from "../../agent/planner/planner.ts";

/** Wraps a planner so that raw-SQL plans become an honest "unsupported". */
export function refuseRawSqlPlans(planner: Planner): Planner {
  return {
    name: planner.name,
    async plan(question, context): Promise<PlannerOutcome> {
      const outcome = await planner.plan(question, context);
      if (outcome.status !== "plan" || outcome.plan.query.kind !== "sql") return outcome;
      const zh = outcome.language === "zh";
      return {
        status: "unsupported",
        language: outcome.language,
        reason: "out_of_scope",
        message: zh
          ? "这个问题需要自由编写的 SQL,支行员工账号暂不支持(只能查询本支行的数据)。请换成指标、维度或名单类的问法。"
          : "This question needs free-form SQL, which branch staff accounts cannot run (they see their own branch only). Please ask for a metric, a breakdown or a list instead.",
        suggestions: zh ? ["本月放款金额是多少?", "按产品看逾期率"] : ["How much did we disburse this month?", "Overdue rate by product"],
        confidence: outcome.confidence,
      };
    },
  };
}
