/** Tests of tool-argument parsing and of the relative-time examples the system prompt states. */
import { describe, expect, it } from "vitest";
import { ToolArgumentsError } from "./llm-planner-errors.ts";
import { relativeTimeExamples } from "./system-prompt.ts";
import { parseToolArguments } from "./tool-arguments.ts";

describe("parseToolArguments", () => {
  it.each([
    ['{"query":"逾期率"}', { query: "逾期率" }],
    ["", {}],
    ["  ", {}],
  ])("parses %j", (text, expected) => {
    expect(parseToolArguments("describe_semantic_layer", text)).toEqual(expected);
  });

  it.each([
    ['{"query": {"kind": "aggre', undefined, /truncated/],
    ['{"query": "x"', "length", /truncated/],
    ["{query: overdue_rate}", "stop", /not valid JSON/],
    ['["overdue_rate"]', "stop", /must be a JSON object/],
    ["42", "stop", /must be a JSON object/],
  ])("refuses %j (finish reason %s)", (text, finishReason, message) => {
    let caught: unknown;
    try {
      parseToolArguments("plan_query", text, finishReason);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ToolArgumentsError);
    expect((caught as ToolArgumentsError).messages.en).toMatch(message);
  });
});

describe("relativeTimeExamples", () => {
  it.each([
    ["2026-06-30", ['"last month / 上月" = 2026-05-01..2026-05-31', '"last 3 months / 近三个月" = 2026-04-01..2026-06-30']],
    ["2026-01-15", ['"last month / 上月" = 2025-12-01..2025-12-31', '"last 3 months / 近三个月" = 2025-11-01..2026-01-15', '"this year / 今年" = 2026-01-01..2026-01-15']],
    ["2024-03-31", ['"last month / 上月" = 2024-02-01..2024-02-29']],
  ])("resolves against %s", (asOfDate, expected) => {
    const text = relativeTimeExamples(asOfDate);
    for (const example of expected) expect(text).toContain(example);
  });
});
