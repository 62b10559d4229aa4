/** Every scoring tool by name, for the planners and the tool-calling agent. */
import { churnRiskTool } from "./churn-risk.ts";
import { customerValueTool } from "./customer-value.ts";
import { earlyWarningTool } from "./early-warning.ts";
import { nextBestProductTool } from "./next-best-product.ts";
import { preDueRiskTool } from "./pre-due-risk.ts";
import { riskTrendTool } from "./risk-trend.ts";
import type { ScoringContext } from "./scoring-tool.ts";

/** The six scoring tools, keyed by their names. */
export const SCORING_TOOLS = {
  risk_trend: riskTrendTool,
  early_warning: earlyWarningTool,
  pre_due_risk: preDueRiskTool,
  customer_value: customerValueTool,
  churn_risk: churnRiskTool,
  next_best_product: nextBestProductTool,
} as const;

/** A scoring tool name. */
export type ScoringToolName = keyof typeof SCORING_TOOLS;

/** The names of the scoring tools, in registry order. */
export const SCORING_TOOL_NAMES = Object.keys(SCORING_TOOLS) as ScoringToolName[];

/** True when `name` is a scoring tool. */
export function isScoringToolName(name: string): name is ScoringToolName {
  return Object.hasOwn(SCORING_TOOLS, name);
}

/** Runs a scoring tool by name with unchecked arguments (the tool validates them and throws InvalidScoringInputError). */
export function runScoringTool(name: ScoringToolName, args: unknown, context: ScoringContext): Promise<unknown> {
  const tool = SCORING_TOOLS[name] as { run(args: unknown, context: ScoringContext): Promise<unknown> };
  return tool.run(args, context);
}
