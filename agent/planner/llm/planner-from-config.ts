/** Chooses the planner the configuration asks for: offline, hybrid (offline first, then the LLM) or llm. */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Engine } from "../../../tools/engines/engine.ts";
import type { GuardPolicy } from "../../../tools/sql-guard/guard-policy.ts";
import type { LanguageModel } from "../../llm/language-model.ts";
import type { LlmConfig } from "../../llm/llm-config.ts";
import { createOpenAiCompatibleModel } from "../../llm/openai-compatible-model.ts";
import { createHybridPlanner } from "../hybrid-planner.ts";
import type { Planner } from "../planner.ts";
import { createLlmPlanner } from "./llm-planner.ts";
import type { PlannerScoringTool } from "./scoring-step-tool.ts";

/** What the planners are built from besides the configuration. */
export interface PlannerDependencies {
  engine: Engine;
  /** The offline planner (createOfflinePlanner()). */
  offline: Planner;
  /** Default: the OpenAI-compatible model of the configuration. */
  model?: LanguageModel;
  scoringTools?: readonly PlannerScoringTool[];
  semanticLayer?: SemanticLayer;
  guardPolicy?: GuardPolicy;
  queryTimeoutMs?: number;
  /** Told when hybrid mode falls back to the offline outcome. */
  onFallback?: (error: unknown, question: string) => void;
}

/** The model a configuration describes (no request is made until a question needs it). */
export function modelFromConfig(config: LlmConfig): LanguageModel {
  return createOpenAiCompatibleModel({
    model: config.model,
    ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
    ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
    timeoutMs: config.timeoutMs,
  });
}

/** Offline mode returns the offline planner untouched (no network); hybrid and llm build the LLM planner. */
export function createPlannerFromConfig(config: LlmConfig, dependencies: PlannerDependencies): Planner {
  if (config.mode === "offline") return dependencies.offline;
  const llm = createLlmPlanner({
    model: dependencies.model ?? modelFromConfig(config),
    engine: dependencies.engine,
    config,
    ...(dependencies.semanticLayer ? { semanticLayer: dependencies.semanticLayer } : {}),
    ...(dependencies.scoringTools ? { tools: dependencies.scoringTools } : {}),
    ...(dependencies.guardPolicy ? { guardPolicy: dependencies.guardPolicy } : {}),
    ...(dependencies.queryTimeoutMs === undefined ? {} : { queryTimeoutMs: dependencies.queryTimeoutMs }),
  });
  if (config.mode === "llm") return llm;
  return createHybridPlanner(dependencies.offline, llm, { minConfidence: config.minConfidence, ...(dependencies.onFallback ? { onFallback: dependencies.onFallback } : {}) });
}
