/** Progress events of the ask pipeline, streamed to clients (WebSocket) while a question is answered. */
import type { QueryPlan } from "../plan/query-plan.ts";

/** One step of the pipeline: planning started, a planner's tool call (LLM), the plan, a statement about to run, rows back, composing. */
export type ProgressEvent =
  | { type: "planning" }
  | { type: "tool_call"; tool: string; round: number }
  | { type: "plan"; plan: QueryPlan; confidence: number }
  | { type: "sql"; sql: string }
  | { type: "rows"; rowCount: number; ms: number }
  | { type: "composing" };
