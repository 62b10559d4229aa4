/** plan_query: the model proposes a QueryPlan; once it validates and compiles, planning ends with status "plan". */
import { QueryPlan } from "../../plan/query-plan.ts";
import { validatePlan } from "./plan-validation.ts";
import { defineSelfValidatingTool } from "./planner-tool.ts";
import { planConfidence } from "./planning-session.ts";

/** The tool whose success is the planner's answer. Arguments are the QueryPlan itself. */
export const planQueryTool = defineSelfValidatingTool({
  name: "plan_query",
  description:
    "Submit the query plan that answers the question. It is validated and compiled; errors come back with the reason and valid alternatives. " +
    "Use kind 'aggregate' for metrics (optionally by dimensions), 'list' for rows of one entity, 'tool' for a scoring tool step with filters, " +
    "and 'sql' only when no plan can express the question (one read-only SELECT).",
  // Shown as the plan's schema; validated in run() so near-misses can be unwrapped first.
  input: QueryPlan,
  async run(args, session) {
    const plan = await validatePlan(args, session);
    return { kind: "final", outcome: { status: "plan", language: session.language, plan, confidence: planConfidence(session.repairs) } };
  },
});
