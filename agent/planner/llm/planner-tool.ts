/**
 * A tool of the LLM planner: defined once with zod (validated arguments, JSON schema for the model) and a run()
 * that either returns data for the model or ends the loop with a planner outcome.
 */
import { z } from "zod";
import type { ToolSpec } from "../../llm/language-model.ts";
import type { PlannerOutcome } from "../planner.ts";
import type { PlanningSession } from "./planning-session.ts";

/** What one tool call produced: data the model reads next, or the final outcome of planning. */
export type ToolStep = { kind: "result"; content: unknown } | { kind: "final"; outcome: PlannerOutcome };

/** One planner tool. Errors are thrown (typed LendLensErrors); the loop sends repairable ones back to the model. */
export interface PlannerTool {
  readonly name: string;
  readonly description: string;
  /** The arguments: shown to the model as JSON schema and checked before run() unless `validatesItself`. */
  readonly input: z.ZodType;
  /** run() gets the raw arguments and validates them itself (to accept near-misses first). */
  readonly validatesItself?: boolean;
  run(args: unknown, session: PlanningSession): Promise<ToolStep>;
}

/** Defines a tool with its argument type inferred from the zod schema. */
export function definePlannerTool<Schema extends z.ZodType>(tool: {
  name: string;
  description: string;
  input: Schema;
  run(args: z.infer<Schema>, session: PlanningSession): Promise<ToolStep>;
}): PlannerTool {
  return tool as PlannerTool;
}

/** Defines a tool that validates its raw arguments itself; `input` is only what the model is shown. */
export function defineSelfValidatingTool(tool: {
  name: string;
  description: string;
  input: z.ZodType;
  run(args: unknown, session: PlanningSession): Promise<ToolStep>;
}): PlannerTool {
  return { ...tool, validatesItself: true };
}

/** The tool as the model sees it: name, description and arguments as JSON schema (the input side of zod). */
export function toToolSpec(tool: PlannerTool): ToolSpec {
  const schema = z.toJSONSchema(tool.input, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const { $schema: _ignored, ...parameters } = schema;
  return { name: tool.name, description: tool.description, parameters: parameters.type === "object" ? parameters : { type: "object", properties: {} } };
}
