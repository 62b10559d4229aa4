/** Typed errors the LLM planner's tools throw; the agent loop sends them back to the model for repair. */
import { LendLensError } from "../../../schema/errors.ts";

/** A tool's arguments are not valid JSON or do not match its schema. */
export class ToolArgumentsError extends LendLensError {
  readonly tool: string;
  readonly problems: string[];
  constructor(tool: string, problems: string[]) {
    super(
      "LLM_TOOL_ARGUMENTS",
      { zh: `工具 ${tool} 的参数无效:${problems.join(";")}`, en: `Invalid arguments for ${tool}: ${problems.join("; ")}` },
      { audience: "internal", details: { tool, problems } },
    );
    this.tool = tool;
    this.problems = problems;
  }
}

/** The model called a tool that does not exist. */
export class UnknownToolError extends LendLensError {
  constructor(tool: string, available: string[]) {
    super(
      "LLM_UNKNOWN_TOOL",
      { zh: `没有名为 ${tool} 的工具,可用:${available.join(", ")}`, en: `There is no tool named ${tool}; available: ${available.join(", ")}` },
      { audience: "internal", details: { tool, suggestions: available } },
    );
  }
}

/** A plan filters a dimension on a value it does not have; carries the allowed values closest to it. */
export class UnknownDimensionValueError extends LendLensError {
  readonly dimension: string;
  readonly value: string;
  readonly suggestions: string[];
  constructor(dimension: string, value: string, suggestions: string[]) {
    const list = suggestions.join(", ");
    super(
      "UNKNOWN_DIMENSION_VALUE",
      {
        zh: `维度 ${dimension} 没有取值 “${value}”${list ? `,可选:${list}` : ""}`,
        en: `Dimension ${dimension} has no value "${value}"${list ? `; allowed values include: ${list}` : ""}`,
      },
      { details: { dimension, value, suggestions } },
    );
    this.dimension = dimension;
    this.value = value;
    this.suggestions = suggestions;
  }
}
