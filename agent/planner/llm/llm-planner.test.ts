/**
 * Tests of the LLM planner's agent loop against an msw endpoint: tool-calling round trips in zh and en, repairs
 * (schema, compile, unknown members and values, broken JSON), limits, closing tools, history and scoring steps.
 */
import { z } from "zod";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMockChatEndpoint, errorReply, textReply, toolCallReply } from "../../llm/__fixtures__/mock-chat-endpoint.ts";
import type { RecordedChatRequest } from "../../llm/__fixtures__/mock-chat-endpoint.ts";
import { LlmPlanningError, LlmUnavailableError } from "../../llm/llm-errors.ts";
import type { QueryPlan } from "../../plan/query-plan.ts";
import type { PlannerOutcome } from "../planner.ts";
import { mockEndpointModel, plannerContext, stubEngine } from "./__fixtures__/planner-fixtures.ts";
import { createLlmPlanner } from "./llm-planner.ts";
import type { LlmPlannerOptions } from "./llm-planner.ts";

const endpoint = createMockChatEndpoint();
beforeAll(() => endpoint.listen());
afterEach(() => endpoint.reset());
afterAll(() => endpoint.close());

const riskTrendTool = {
  name: "risk_trend",
  description: { zh: "客户风险趋势", en: "Customers whose default probability is rising" },
  input: z.object({ months: z.number().int().min(1).max(24).default(6).describe("months of history") }).strict(),
};

function planner(overrides: Partial<LlmPlannerOptions> = {}) {
  return createLlmPlanner({ model: mockEndpointModel(), engine: stubEngine(), config: { maxToolRounds: 6, maxResultRows: 20 }, tools: [riskTrendTool], ...overrides });
}

/** The JSON content of the last message of a request (a tool result). */
function lastToolResult(request: RecordedChatRequest): Record<string, unknown> {
  const message = request.messages.at(-1);
  expect(message?.role).toBe("tool");
  return JSON.parse(String(message?.content)) as Record<string, unknown>;
}

function expectPlan(outcome: PlannerOutcome): QueryPlan {
  expect(outcome.status).toBe("plan");
  if (outcome.status !== "plan") throw new Error("not a plan");
  return outcome.plan;
}

const overdueByBranchLastMonth = {
  version: 1,
  query: { kind: "aggregate", metrics: ["overdue_rate"], dimensions: [{ id: "branch" }], time: { start: "2026-05-01", end: "2026-05-31" } },
};

describe("createLlmPlanner: round trips", () => {
  it("answers a Chinese question: describe_semantic_layer, then plan_query", async () => {
    endpoint.script(
      toolCallReply([{ name: "describe_semantic_layer", arguments: { query: "逾期率 分行" } }]),
      (request) => {
        // The retrieval result the model reads names the metric with its 口径.
        const found = lastToolResult(request) as { metrics: { id: string; formula: string }[]; dimensions: { id: string; values?: unknown[] }[] };
        expect(found.metrics[0].id).toBe("overdue_rate");
        expect(found.metrics[0].formula).toMatch(/current_dpd > 0/);
        expect(found.dimensions.find((dimension) => dimension.id === "branch")?.values).toHaveLength(2);
        return toolCallReply([{ name: "plan_query", arguments: overdueByBranchLastMonth }]);
      },
    );
    const context = plannerContext();
    const outcome = await planner().plan("上个月各分行的逾期率是多少?", context);
    expect(outcome).toMatchObject({ status: "plan", language: "zh", confidence: 0.9 });
    expect(expectPlan(outcome).query).toMatchObject({ kind: "aggregate", metrics: ["overdue_rate"], dimensions: [{ id: "branch" }], filters: [] });

    const first = endpoint.requests[0];
    const system = String(first.messages[0].content);
    expect(system).toContain("2026-06-30");
    expect(system).toContain("sqlite");
    expect(system).toContain('"last month / 上月" = 2026-05-01..2026-05-31');
    expect(system).toContain("overdue_rate(逾期率/overdue rate)");
    expect(system).not.toContain("SUM(outstanding_balance"); // formulas come from retrieval, not the prompt
    expect(first.messages.at(-1)).toMatchObject({ role: "user", content: "上个月各分行的逾期率是多少?" });
    const toolNames = first.tools?.map((tool) => tool.function.name);
    expect(toolNames).toEqual(["describe_semantic_layer", "plan_query", "run_sql", "risk_trend", "ask_clarification", "answer_unsupported"]);
    const planSchema = first.tools?.find((tool) => tool.function.name === "plan_query")?.function.parameters as { properties: Record<string, unknown> };
    expect(Object.keys(planSchema.properties)).toEqual(["version", "query"]);
    expect(context.events).toEqual([
      { type: "planning", planner: "llm:openai-compatible:mock-model" },
      { type: "tool_call", tool: "describe_semantic_layer", round: 1 },
      { type: "tool_call", tool: "plan_query", round: 2 },
    ]);
  });

  it("answers an English question in English", async () => {
    endpoint.script(
      toolCallReply([{ name: "describe_semantic_layer", arguments: { query: "approval rate channel" } }]),
      (request) => {
        const found = lastToolResult(request) as { metrics: { id: string }[]; dimensions: { id: string; values?: { value: string }[] }[] };
        expect(found.metrics[0].id).toBe("approval_rate");
        expect(found.dimensions[0].id).toBe("channel");
        expect(found.dimensions[0].values?.map((value) => value.value)).toContain("wechat");
        return toolCallReply([
          { name: "plan_query", arguments: { query: { kind: "aggregate", metrics: ["approval_rate"], dimensions: [{ id: "channel" }], time: { start: "2026-01-01", end: "2026-06-30" } } } },
        ]);
      },
    );
    const outcome = await planner().plan("What is the approval rate by channel this year?", plannerContext());
    expect(outcome).toMatchObject({ status: "plan", language: "en" });
    expect(expectPlan(outcome).query).toMatchObject({ metrics: ["approval_rate"], time: { start: "2026-01-01", end: "2026-06-30" } });
    expect(String(endpoint.requests[0].messages[0].content)).toContain("The user writes in English");
  });

  it("accepts the query alone or a wrapped plan without counting a repair", async () => {
    endpoint.script(toolCallReply([{ name: "plan_query", arguments: { plan: overdueByBranchLastMonth } }]));
    expect(await planner().plan("逾期率", plannerContext())).toMatchObject({ status: "plan", confidence: 0.9 });
    endpoint.script(toolCallReply([{ name: "plan_query", arguments: overdueByBranchLastMonth.query }]));
    expect(await planner().plan("逾期率", plannerContext())).toMatchObject({ status: "plan", confidence: 0.9 });
  });
});

describe("createLlmPlanner: repairs", () => {
  it("repairs an invalid plan on the second try", async () => {
    endpoint.script(
      toolCallReply([{ name: "plan_query", arguments: { query: { kind: "aggregate", metrics: ["overdue_rate"], time: { start: "last month", end: "2026-05-31" } } } }]),
      (request) => {
        const { error } = lastToolResult(request) as { error: { code: string; message: string } };
        expect(error.code).toBe("LLM_TOOL_ARGUMENTS");
        expect(error.message).toMatch(/query\.time\.start/);
        return toolCallReply([{ name: "plan_query", arguments: overdueByBranchLastMonth }]);
      },
    );
    const outcome = await planner().plan("上个月的逾期率", plannerContext());
    expect(outcome).toMatchObject({ status: "plan", confidence: 0.8 });
    expect(endpoint.requests).toHaveLength(2);
  });

  it("answers a hallucinated metric with the valid ones, and the model uses one", async () => {
    endpoint.script(
      toolCallReply([{ name: "plan_query", arguments: { query: { kind: "aggregate", metrics: ["overdue_ratio"] } } }]),
      (request) => {
        const { error } = lastToolResult(request) as { error: { code: string; validAlternatives: string[] } };
        expect(error.code).toBe("UNKNOWN_MEMBER");
        expect(error.validAlternatives).toEqual(["overdue_rate", "overdue_30_rate", "overdue_90_rate"]);
        return toolCallReply([{ name: "plan_query", arguments: { query: { kind: "aggregate", metrics: [error.validAlternatives[0]] } } }]);
      },
    );
    const outcome = await planner().plan("What's the delinquency ratio?", plannerContext());
    expect(expectPlan(outcome).query).toMatchObject({ metrics: ["overdue_rate"] });
  });

  it.each([
    ["an enumeration label", { dimension: "city", values: ["上海"] }, ["Shanghai"]],
    ["a dataset value's name", { dimension: "branch", values: ["Shanghai Pudong"] }, ["BR01"]],
    ["a value that does not exist", { dimension: "value_tier", values: ["vip"] }, ["high", "low", "medium"]],
  ])("refuses %s as a dimension value, suggesting the stored keys", async (_case, filter, suggestions) => {
    endpoint.script(
      toolCallReply([{ name: "plan_query", arguments: { query: { kind: "aggregate", metrics: ["customer_count"], filters: [{ kind: "in", ...filter }] } } }]),
      (request) => {
        const { error } = lastToolResult(request) as { error: { code: string; validAlternatives: string[] } };
        expect(error.code).toBe("UNKNOWN_DIMENSION_VALUE");
        expect([...error.validAlternatives].sort()).toEqual(expect.arrayContaining(suggestions));
        return toolCallReply([{ name: "plan_query", arguments: { query: { kind: "aggregate", metrics: ["customer_count"], filters: [{ kind: "in", dimension: filter.dimension, values: [suggestions[0]] }] } } }]);
      },
    );
    const outcome = await planner().plan("客户数", plannerContext());
    expect(outcome).toMatchObject({ status: "plan", confidence: 0.8 });
  });

  it("sends a compile error back (a dimension that does not apply)", async () => {
    endpoint.script(
      toolCallReply([{ name: "plan_query", arguments: { query: { kind: "aggregate", metrics: ["approval_rate"], dimensions: [{ id: "risk_class" }] } } }]),
      (request) => {
        const { error } = lastToolResult(request) as { error: { code: string; message: string } };
        expect(error.code).toBe("PLAN_NOT_COMPILABLE");
        expect(error.message).toMatch(/risk_class/);
        return toolCallReply([{ name: "answer_unsupported", arguments: { reason: "not_understood", message: "审批不按五级分类统计。" } }]);
      },
    );
    expect(await planner().plan("按五级分类的审批通过率", plannerContext())).toMatchObject({ status: "unsupported", reason: "not_understood", suggestions: [] });
  });

  it.each([
    ["non-JSON arguments", "{query: overdue_rate}", "stop", /not valid JSON/],
    ["truncated arguments", '{"query":{"kind":"aggregate","metrics":["overdue_ra', "length", /truncated/],
  ])("sends %s back for repair", async (_case, broken, finishReason, message) => {
    endpoint.script(toolCallReply([{ name: "plan_query", arguments: broken }], finishReason), (request) => {
      const { error } = lastToolResult(request) as { error: { code: string; message: string } };
      expect(error.code).toBe("LLM_TOOL_ARGUMENTS");
      expect(error.message).toMatch(message);
      return toolCallReply([{ name: "plan_query", arguments: overdueByBranchLastMonth }]);
    });
    expect(await planner().plan("逾期率", plannerContext())).toMatchObject({ status: "plan", confidence: 0.8 });
  });

  it("sends an unknown tool back with the tools that exist", async () => {
    endpoint.script(toolCallReply([{ name: "execute_sql", arguments: { sql: "SELECT 1" } }]), (request) => {
      const { error } = lastToolResult(request) as { error: { code: string; validAlternatives: string[] } };
      expect(error.code).toBe("LLM_UNKNOWN_TOOL");
      expect(error.validAlternatives).toContain("run_sql");
      return toolCallReply([{ name: "plan_query", arguments: overdueByBranchLastMonth }]);
    });
    expect((await planner().plan("逾期率", plannerContext())).status).toBe("plan");
  });

  it("nudges a text reply towards a tool", async () => {
    endpoint.script(textReply("The overdue rate is 2.3%."), (request) => {
      expect(request.messages.at(-1)).toMatchObject({ role: "user", content: expect.stringMatching(/Call plan_query/) });
      return toolCallReply([{ name: "plan_query", arguments: overdueByBranchLastMonth }]);
    });
    expect(await planner().plan("overdue rate", plannerContext())).toMatchObject({ status: "plan", confidence: 0.8 });
  });

  it("gives up after 3 repairs with a clear typed error", async () => {
    const invalid = toolCallReply([{ name: "plan_query", arguments: { query: { kind: "aggregate", metrics: ["no_such_metric"] } } }]);
    endpoint.script(invalid, invalid.clone(), invalid.clone(), invalid.clone(), toolCallReply([{ name: "plan_query", arguments: overdueByBranchLastMonth }]));
    const error = await planner()
      .plan("逾期率", plannerContext())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmPlanningError);
    expect(error).toMatchObject({ code: "LLM_PLANNING_FAILED", failure: "repairs_exhausted", audience: "user" });
    expect((error as LlmPlanningError).messages.zh).toMatch(/请换个说法/);
    expect((error as LlmPlanningError).messages.en).toMatch(/no_such_metric/);
    expect(endpoint.requests).toHaveLength(4);
  });

  it("stops a model that keeps calling tools at the round limit", async () => {
    for (let index = 0; index < 5; index++) endpoint.script(toolCallReply([{ name: "describe_semantic_layer", arguments: { query: `逾期 ${index}` } }]));
    const error = await planner({ config: { maxToolRounds: 3, maxResultRows: 20 } })
      .plan("逾期率", plannerContext())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmPlanningError);
    expect(error).toMatchObject({ failure: "round_limit" });
    expect((error as LlmPlanningError).messages.en).toMatch(/within 3 tool rounds/);
    expect(endpoint.requests).toHaveLength(3);
  });

  it("lets an unavailable endpoint through as LlmUnavailableError", async () => {
    endpoint.script(errorReply(500), errorReply(500), errorReply(500));
    await expect(planner().plan("逾期率", plannerContext())).rejects.toBeInstanceOf(LlmUnavailableError);
  });
});

describe("createLlmPlanner: other outcomes", () => {
  it("asks a clarifying question", async () => {
    endpoint.script(
      toolCallReply([
        {
          name: "ask_clarification",
          arguments: { question: "您说的风险是指逾期率还是不良率?", choices: [{ label: "逾期率", message: "各分行逾期率" }, { label: "不良率", message: "各分行不良率" }] },
        },
      ]),
    );
    expect(await planner().plan("各分行风险怎么样", plannerContext())).toMatchObject({
      status: "clarify",
      language: "zh",
      question: "您说的风险是指逾期率还是不良率?",
      choices: [{ label: "逾期率" }, { label: "不良率" }],
    });
  });

  it("declines a write request", async () => {
    endpoint.script(toolCallReply([{ name: "answer_unsupported", arguments: { reason: "write_request", message: "I can only read data.", suggestions: ["What is the overdue rate?"] } }]));
    expect(await planner().plan("Delete all churned customers", plannerContext())).toMatchObject({
      status: "unsupported",
      reason: "write_request",
      language: "en",
      suggestions: ["What is the overdue rate?"],
    });
  });

  it("turns a scoring tool call into a tool step, validating its arguments", async () => {
    endpoint.script(toolCallReply([{ name: "risk_trend", arguments: { months: 99 } }]), (request) => {
      const { error } = lastToolResult(request) as { error: { code: string; message: string } };
      expect(error.code).toBe("LLM_TOOL_ARGUMENTS");
      expect(error.message).toMatch(/months/);
      return toolCallReply([{ name: "risk_trend", arguments: { months: 3 } }]);
    });
    const outcome = await planner().plan("哪些客户风险在上升", plannerContext());
    expect(expectPlan(outcome).query).toEqual({ kind: "tool", tool: "risk_trend", args: { months: 3 }, filters: [] });
    const spec = endpoint.requests[0].tools?.find((tool) => tool.function.name === "risk_trend");
    expect(spec?.function.description).toMatch(/default probability is rising/);
    expect(spec?.function.parameters).toMatchObject({ properties: { months: { type: "integer", maximum: 24 } } });
  });

  it("guards a sql plan: a write is sent back, a SELECT is accepted", async () => {
    endpoint.script(
      toolCallReply([{ name: "plan_query", arguments: { query: { kind: "sql", sql: "DELETE FROM loans", purpose: "x" } } }]),
      (request) => {
        const { error } = lastToolResult(request) as { error: { code: string } };
        expect(error.code).toMatch(/^GUARD_/);
        return toolCallReply([
          { name: "plan_query", arguments: { query: { kind: "sql", sql: "SELECT branch_id, COUNT(*) AS loans FROM loans GROUP BY branch_id", purpose: "贷款笔数" } } },
        ]);
      },
    );
    const outcome = await planner().plan("每个支行多少笔贷款", plannerContext());
    expect(expectPlan(outcome).query).toMatchObject({ kind: "sql" });
  });

  it("puts earlier plans into the messages as plan_query calls with the JSON plan", async () => {
    endpoint.script(toolCallReply([{ name: "plan_query", arguments: overdueByBranchLastMonth }]));
    const earlier = { version: 1 as const, query: { kind: "aggregate" as const, metrics: ["overdue_rate"], dimensions: [], filters: [], having: [], order: [] } };
    await planner().plan("那按分行呢?", plannerContext({ history: [{ question: "逾期率是多少", language: "zh", plan: earlier, status: "answered" }, { question: "你好", language: "zh", status: "unsupported" }] }));
    const messages = endpoint.requests[0].messages;
    expect(messages.slice(1).map((message) => message.role)).toEqual(["user", "assistant", "tool", "user", "assistant", "user"]);
    const call = messages[2].tool_calls?.[0];
    expect(call?.function.name).toBe("plan_query");
    expect(JSON.parse(String(call?.function.arguments))).toEqual(earlier);
    expect(messages[3]).toMatchObject({ role: "tool", tool_call_id: call?.id });
  });
});
