/** Parsing of the raw argument text a model wrote for a tool call: broken or cut-off JSON becomes a typed error. */
import { ToolArgumentsError } from "./llm-planner-errors.ts";

/**
 * Parses the arguments as a JSON object (empty text counts as {}).
 * @throws ToolArgumentsError saying whether the text was cut off (finish reason "length") or is not JSON at all.
 */
export function parseToolArguments(tool: string, text: string, finishReason?: string): unknown {
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ToolArgumentsError(tool, ["the arguments must be a JSON object"]);
    return value;
  } catch (error) {
    if (error instanceof ToolArgumentsError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const cutOff = finishReason === "length" || /unexpected end|unterminated/i.test(reason);
    throw new ToolArgumentsError(tool, [
      cutOff
        ? `the arguments JSON is truncated (${reason}); send the complete JSON object again, shorter if needed`
        : `the arguments are not valid JSON (${reason}); send one JSON object`,
    ]);
  }
}
