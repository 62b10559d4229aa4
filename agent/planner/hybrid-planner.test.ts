/**
 * Tests of the hybrid planner and of the planner chosen from the configuration: offline first with zero requests to
 * the endpoint, the LLM for what offline is unsure of, and the offline outcome when the endpoint is down.
 */
import { http } from "msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMockChatEndpoint, errorReply, TEST_BASE_URL, toolCallReply } from "../llm/__fixtures__/mock-chat-endpoint.ts";
import { loadLlmConfig } from "../llm/llm-config.ts";
import { LlmUnavailableError } from "../llm/llm-errors.ts";
import { createHybridPlanner } from "./hybrid-planner.ts";
import { mockEndpointModel, plannerContext, stubEngine } from "./llm/__fixtures__/planner-fixtures.ts";
import { createLlmPlanner } from "./llm/llm-planner.ts";
import { createPlannerFromConfig } from "./llm/planner-from-config.ts";
import { createOfflinePlanner } from "./offline/offline-planner.ts";
import type { Planner, PlannerOutcome } from "./planner.ts";

const endpoint = createMockChatEndpoint();
beforeAll(() => endpoint.listen());
afterEach(() => endpoint.reset());
afterAll(() => endpoint.close());

/** A stand-in for the offline planner: a fixed outcome per question, and a record of the questions asked. */
function fakeOfflinePlanner(outcomes: Record<string, PlannerOutcome>): Planner & { asked: string[] } {
  const asked: string[] = [];
  return {
    name: "offline",
    asked,
    async plan(question) {
      asked.push(question);
      return outcomes[question] ?? { status: "unsupported", language: "zh", reason: "not_understood", message: "没有理解这个问题。", suggestions: ["各分行逾期率"], confidence: 0.1 };
    },
  };
}

const overdueRatePlan = { version: 1 as const, query: { kind: "aggregate" as const, metrics: ["overdue_rate"], dimensions: [], filters: [], having: [], order: [] } };
const understood: PlannerOutcome = { status: "plan", language: "zh", plan: overdueRatePlan, confidence: 0.95 };
const unsure: PlannerOutcome = { status: "plan", language: "zh", plan: overdueRatePlan, confidence: 0.3 };
const offline = fakeOfflinePlanner({
  逾期率是多少: understood,
  风险怎么样: unsure,
  删除所有贷款: { status: "unsupported", language: "zh", reason: "write_request", message: "只能查询。", suggestions: [], confidence: 1 },
});
const llm = createLlmPlanner({ model: mockEndpointModel(), engine: stubEngine(), config: { maxToolRounds: 4, maxResultRows: 20 } });
const npl = { version: 1, query: { kind: "aggregate", metrics: ["npl_ratio"] } };

describe("createHybridPlanner", () => {
  it("answers an offline-understood question with zero requests to the endpoint", async () => {
    const outcome = await createHybridPlanner(offline, llm).plan("逾期率是多少", plannerContext());
    expect(outcome).toBe(understood);
    expect(endpoint.requests).toHaveLength(0);
  });

  it("does not ask the LLM to second-guess a write refusal", async () => {
    const outcome = await createHybridPlanner(offline, llm).plan("删除所有贷款", plannerContext());
    expect(outcome).toMatchObject({ status: "unsupported", reason: "write_request" });
    expect(endpoint.requests).toHaveLength(0);
  });

  it.each([
    ["a plan below the confidence threshold", "风险怎么样"],
    ["a question offline did not understand", "最近不良的情况如何"],
  ])("asks the LLM for %s", async (_case, question) => {
    endpoint.script(toolCallReply([{ name: "plan_query", arguments: npl }]));
    const outcome = await createHybridPlanner(offline, llm, { minConfidence: 0.6 }).plan(question, plannerContext());
    expect(outcome).toMatchObject({ status: "plan", plan: { query: { metrics: ["npl_ratio"] } } });
    expect(endpoint.requests).toHaveLength(1);
  });

  it("falls back to the offline outcome when the endpoint keeps failing", async () => {
    endpoint.script(errorReply(503), errorReply(503), errorReply(503));
    const failures: unknown[] = [];
    const outcome = await createHybridPlanner(offline, llm, { onFallback: (error) => failures.push(error) }).plan("风险怎么样", plannerContext());
    expect(outcome).toBe(unsure);
    expect(endpoint.requests).toHaveLength(3);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(LlmUnavailableError);
  });

  it("falls back when the endpoint is unreachable, keeping offline's own answer", async () => {
    endpoint.server.use(http.post(`${TEST_BASE_URL}/chat/completions`, () => Response.error()));
    const outcome = await createHybridPlanner(offline, llm).plan("看不懂的问题", plannerContext());
    expect(outcome).toMatchObject({ status: "unsupported", reason: "not_understood", message: "没有理解这个问题。" });
  });
});

describe("hybrid mode with the real offline planner", () => {
  const hybrid = () => createPlannerFromConfig(loadLlmConfig({ OPENAI_BASE_URL: TEST_BASE_URL }), { engine: stubEngine(), offline: createOfflinePlanner(), model: mockEndpointModel() });

  it.each([
    ["本月各分行的逾期率是多少?", "overdue_rate"],
    ["What is the approval rate by channel this year?", "approval_rate"],
  ])("answers %s offline with zero requests to the endpoint", async (question, metric) => {
    const outcome = await hybrid().plan(question, plannerContext());
    expect(outcome).toMatchObject({ status: "plan", plan: { query: { metrics: [metric] } } });
    expect(endpoint.requests).toHaveLength(0);
  });

  it("sends a question the offline planner does not understand to the endpoint", async () => {
    endpoint.script(toolCallReply([{ name: "plan_query", arguments: npl }]));
    const outcome = await hybrid().plan("最近风控这块整体感觉怎么样", plannerContext());
    expect(outcome).toMatchObject({ status: "plan", plan: { query: { metrics: ["npl_ratio"] } } });
    expect(endpoint.requests).toHaveLength(1);
  });
});

describe("createPlannerFromConfig", () => {
  const dependencies = { engine: stubEngine(), offline, model: mockEndpointModel() };

  it("offline mode is the offline planner itself: no network", async () => {
    const planner = createPlannerFromConfig(loadLlmConfig({}), dependencies);
    expect(planner).toBe(offline);
    await planner.plan("看不懂的问题", plannerContext());
    expect(endpoint.requests).toHaveLength(0);
  });

  it("a base URL alone means hybrid mode, offline first", async () => {
    const planner = createPlannerFromConfig(loadLlmConfig({ OPENAI_BASE_URL: TEST_BASE_URL }), dependencies);
    expect(planner.name).toBe("hybrid(offline, llm:openai-compatible:mock-model)");
    expect(await planner.plan("逾期率是多少", plannerContext())).toBe(understood);
    expect(endpoint.requests).toHaveLength(0);
  });

  it("llm mode always asks the model, through the configured endpoint", async () => {
    endpoint.script(toolCallReply([{ name: "plan_query", arguments: npl }]));
    const planner = createPlannerFromConfig(loadLlmConfig({ LLM_MODE: "llm", OPENAI_BASE_URL: TEST_BASE_URL, OPENAI_API_KEY: "sk-config", LLM_MODEL: "qwen-plus" }), {
      engine: stubEngine(),
      offline,
    });
    expect(planner.name).toBe("llm:openai-compatible:qwen-plus");
    expect(await planner.plan("逾期率是多少", plannerContext())).toMatchObject({ status: "plan", plan: { query: { metrics: ["npl_ratio"] } } });
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]).toMatchObject({ model: "qwen-plus", authorization: "Bearer sk-config" });
  });
});
