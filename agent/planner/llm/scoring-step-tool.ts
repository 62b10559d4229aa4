/**
 * Scoring tools offered to the model: calling one with valid arguments ends planning with a "tool" plan step,
 * which the pipeline's tool runner executes, so the answer is the same answer object as for any plan.
 */
import type { z } from "zod";
import type { BilingualMessage } from "../../../schema/errors.ts";
import { defineSelfValidatingTool } from "./planner-tool.ts";
import type { PlannerTool } from "./planner-tool.ts";
import { planConfidence } from "./planning-session.ts";
import { ToolArgumentsError } from "./llm-planner-errors.ts";

/** What the planner needs of a scoring tool (tools/scoring): its name, description and argument schema. */
export interface PlannerScoringTool {
  readonly name: string;
  readonly description: BilingualMessage | string;
  readonly input: z.ZodType;
}

/** The planner tool for one scoring tool. */
export function scoringStepTool(tool: PlannerScoringTool): PlannerTool {
  const description = typeof tool.description === "string" ? tool.description : `${tool.description.en} (${tool.description.zh})`;
  return defineSelfValidatingTool({
    name: tool.name,
    description: `${description} Calling this tool answers the question with its result table.`,
    input: tool.input,
    async run(args, session) {
      const parsed = tool.input.safeParse(args ?? {});
      if (!parsed.success) throw new ToolArgumentsError(tool.name, parsed.error.issues.map((issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`));
      return {
        kind: "final",
        outcome: {
          status: "plan",
          language: session.language,
          plan: { version: 1, query: { kind: "tool", tool: tool.name, args: (args ?? {}) as Record<string, unknown>, filters: [] } },
          confidence: planConfidence(session.repairs),
        },
      };
    },
  });
}
