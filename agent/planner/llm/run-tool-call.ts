/**
 * Runs one tool call of the model: finds the tool, parses and validates its arguments, runs it. A repairable error
 * becomes a tool message explaining it (with valid alternatives); errors no repair can fix are thrown.
 */
import { LendLensError } from "../../../schema/errors.ts";
import type { ToolCall } from "../../llm/language-model.ts";
import type { PlannerOutcome } from "../planner.ts";
import { ToolArgumentsError, UnknownToolError } from "./llm-planner-errors.ts";
import type { PlannerTool } from "./planner-tool.ts";
import type { PlanningSession } from "./planning-session.ts";
import { parseToolArguments } from "./tool-arguments.ts";

/** The outcome of one call: planning is over, or a tool message for the model (with the problem when it failed). */
export type CallResult = { kind: "final"; outcome: PlannerOutcome } | { kind: "message"; content: string; problem?: string };

/** Codes of errors no repair can fix: planning stops and the error reaches the pipeline. */
const FATAL_CODES = new Set(["ENGINE_UNAVAILABLE", "LLM_UNAVAILABLE", "GUARD_DIALECT_MISMATCH", "CONFIGURATION_INVALID"]);

/** Tool results longer than this are cut (the model needs the gist, not megabytes). */
const MAX_TOOL_RESULT_CHARACTERS = 16_000;

/**
 * Runs the call.
 * @throws non-LendLens errors and fatal LendLens errors (engine or endpoint unavailable).
 */
export async function runToolCall(call: ToolCall, tools: ReadonlyMap<string, PlannerTool>, session: PlanningSession, finishReason?: string): Promise<CallResult> {
  try {
    const tool = tools.get(call.name);
    if (!tool) throw new UnknownToolError(call.name, [...tools.keys()]);
    const raw = parseToolArguments(call.name, call.arguments, finishReason);
    let args: unknown = raw;
    if (!tool.validatesItself) {
      const parsed = tool.input.safeParse(raw);
      if (!parsed.success) throw new ToolArgumentsError(call.name, parsed.error.issues.map((issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`));
      args = parsed.data;
    }
    const step = await tool.run(args, session);
    if (step.kind === "final") return step;
    const content = JSON.stringify(step.content);
    return { kind: "message", content: content.length <= MAX_TOOL_RESULT_CHARACTERS ? content : `${content.slice(0, MAX_TOOL_RESULT_CHARACTERS)}… (cut)` };
  } catch (error) {
    if (!LendLensError.is(error) || FATAL_CODES.has(error.code)) throw error;
    return { kind: "message", content: JSON.stringify({ error: repairReport(error) }), problem: error.messages.en };
  }
}

/** What the model is told about an error: code, reason, and the valid alternatives when there are some. */
function repairReport(error: LendLensError): Record<string, unknown> {
  const details = error.details ?? {};
  return {
    code: error.code,
    message: error.messages.en,
    ...(Array.isArray(details.suggestions) && details.suggestions.length > 0 ? { validAlternatives: details.suggestions } : {}),
    instruction: "Fix the arguments using only valid ids and values, then call the tool again.",
  };
}
