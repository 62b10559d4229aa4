/**
 * Builds the assistant every entry point uses (CLI, server, MCP, evals) from the configuration: the planner the
 * configuration asks for (offline, hybrid or llm), the scoring tools as plan steps, and the ask pipeline over one engine.
 */
import type { Configuration } from "../config.ts";
import { createOfflinePlanner } from "../planner/offline/offline-planner.ts";
import { createPlannerFromConfig } from "../planner/llm/planner-from-config.ts";
import type { Planner } from "../planner/planner.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { SCORING_TOOLS } from "../../tools/scoring/registry.ts";
import { createAsk } from "./ask-pipeline.ts";
import { scoringToolRunners } from "./scoring-tool-runners.ts";
import type { Ask, AskPipelineOptions } from "./ask-pipeline.ts";

/** What the assistant is built from. */
export interface AssistantOptions extends Omit<AskPipelineOptions, "planner" | "engine" | "timeoutMs"> {
  engine: Engine;
  configuration: Configuration;
  /** Overrides the configured planner (tests). */
  planner?: Planner;
  /** Told when hybrid mode falls back to the offline answer because the LLM failed. */
  onLlmFallback?: (error: unknown, question: string) => void;
}

/** The configured planner: offline by default; hybrid or llm when an endpoint is configured. */
export function configuredPlanner(engine: Engine, configuration: Configuration, onFallback?: AssistantOptions["onLlmFallback"]): Planner {
  return createPlannerFromConfig(configuration.llm, {
    engine,
    offline: createOfflinePlanner(),
    queryTimeoutMs: configuration.queryTimeoutMs,
    scoringTools: Object.values(SCORING_TOOLS),
    ...(onFallback ? { onFallback } : {}),
  });
}

/** The ask function of the configured assistant. */
export function createAssistant(options: AssistantOptions): Ask {
  const { configuration, onLlmFallback, planner, ...rest } = options;
  return createAsk({
    ...rest,
    planner: planner ?? configuredPlanner(options.engine, configuration, onLlmFallback),
    toolRunners: rest.toolRunners ?? scoringToolRunners(),
    timeoutMs: configuration.queryTimeoutMs,
  });
}
