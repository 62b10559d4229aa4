/** What the tools of one planning run share: the question, the dataset, the guard policy, limits and progress. */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Engine } from "../../../tools/engines/engine.ts";
import type { GuardPolicy } from "../../../tools/sql-guard/guard-policy.ts";
import type { Language, PlannerContext, PlannerProgressEvent } from "../planner.ts";
import type { PlannerScoringTool } from "./scoring-step-tool.ts";

/** One planning run (one question). */
export interface PlanningSession {
  question: string;
  language: Language;
  context: PlannerContext;
  semanticLayer: SemanticLayer;
  engine: Engine;
  /** The guard policy every statement passes (read once per planner). */
  policy(): Promise<GuardPolicy>;
  /** Rows of a run_sql result shown to the model. */
  maxResultRows: number;
  /** Per exploration statement, milliseconds. */
  queryTimeoutMs: number;
  scoringTools: readonly PlannerScoringTool[];
  /** Repairs so far (lowers the confidence of the final plan). */
  repairs: number;
  emit(event: PlannerProgressEvent): void;
}

/** The confidence of a plan reached after `repairs` repairs: 0.9, less 0.1 per repair, never below 0.5. */
export function planConfidence(repairs: number): number {
  return Math.max(0.5, Math.round((0.9 - 0.1 * repairs) * 100) / 100);
}
