/**
 * The hybrid planner: the offline planner first; the LLM only when the offline outcome is not a confident plan.
 * When the LLM fails (unreachable, rate-limited, no valid plan), the offline outcome stands, so the offline
 * planner keeps answering while the endpoint is down.
 */
import type { Planner, PlannerContext, PlannerOutcome } from "./planner.ts";

/** Options of the hybrid planner. */
export interface HybridPlannerOptions {
  /** Offline plans at or above this confidence are used without the LLM (default 0.6). */
  minConfidence?: number;
  /** Told when the LLM failed and the offline outcome was used instead (for logs). */
  onFallback?: (error: unknown, question: string) => void;
}

/** Offline refusals that are policy, not lack of understanding: the LLM is not asked to second-guess them. */
const FINAL_REFUSALS = new Set(["write_request", "pii_request"]);

/** Creates the hybrid planner over an offline and an LLM planner. */
export function createHybridPlanner(offline: Planner, llm: Planner, options: HybridPlannerOptions = {}): Planner {
  const minConfidence = options.minConfidence ?? 0.6;
  return {
    name: `hybrid(${offline.name}, ${llm.name})`,
    async plan(question: string, context: PlannerContext): Promise<PlannerOutcome> {
      const offlineOutcome = await offline.plan(question, context);
      if (offlineOutcome.status === "plan" && offlineOutcome.confidence >= minConfidence) return offlineOutcome;
      if (offlineOutcome.status === "unsupported" && FINAL_REFUSALS.has(offlineOutcome.reason)) return offlineOutcome;
      try {
        return await llm.plan(question, context);
      } catch (error) {
        if (context.signal?.aborted) throw error;
        options.onFallback?.(error, question);
        return offlineOutcome;
      }
    },
  };
}
