/** The registry lists the six tools; every input field is described (for tool calling) and bad arguments are typed errors. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Engine } from "../engines/engine.ts";
import { isScoringToolName, runScoringTool, SCORING_TOOL_NAMES, SCORING_TOOLS } from "./registry.ts";
import { InvalidScoringInputError } from "./scoring-errors.ts";

/** An engine that must never be reached: argument validation comes first. */
const unreachableEngine: Engine = {
  dialect: "sqlite",
  query: () => Promise.reject(new Error("the engine should not be queried")),
  meta: () => Promise.resolve({}),
  tableRowCounts: () => Promise.resolve({}),
  close: () => Promise.resolve(),
};

describe("scoring registry", () => {
  it("lists the six tools by their names", () => {
    expect(SCORING_TOOL_NAMES).toEqual(["risk_trend", "early_warning", "pre_due_risk", "customer_value", "churn_risk", "next_best_product"]);
    for (const name of SCORING_TOOL_NAMES) expect(SCORING_TOOLS[name].name).toBe(name);
    expect(isScoringToolName("churn_risk")).toBe(true);
    expect(isScoringToolName("toString")).toBe(false);
  });

  it.each(SCORING_TOOL_NAMES.map((name) => ({ name })))("$name: bilingual description, every input field described", ({ name }) => {
    const tool = SCORING_TOOLS[name];
    expect(tool.description.zh.length).toBeGreaterThan(10);
    expect(tool.description.en.length).toBeGreaterThan(10);
    const schema = z.toJSONSchema(tool.input, { io: "input" }) as { properties: Record<string, { description?: string }> };
    const fields = Object.entries(schema.properties);
    expect(fields.length).toBeGreaterThan(2);
    for (const [field, property] of fields) expect(property.description, `${name}.${field}`).toBeTruthy();
    expect(tool.input.safeParse({}).success).toBe(true);
  });

  it.each([
    { name: "risk_trend" as const, args: { months: 0 } },
    { name: "early_warning" as const, args: { min_score: 101 } },
    { name: "pre_due_risk" as const, args: { unknown_argument: 1 } },
    { name: "customer_value" as const, args: { order: "sideways" } },
    { name: "churn_risk" as const, args: { customer_ids: ["not-an-id"] } },
    { name: "next_best_product" as const, args: { category: "yacht" } },
  ])("$name refuses $args with InvalidScoringInputError", async ({ name, args }) => {
    const error = await runScoringTool(name, args, { engine: unreachableEngine, asOfDate: "2026-06-30" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidScoringInputError);
    expect((error as InvalidScoringInputError).code).toBe("SCORING_INVALID_INPUT");
    expect((error as InvalidScoringInputError).messages.zh).toContain(name);
  });
});
