/**
 * The LLM planner inside the ask pipeline on a generated dataset: a question outside the offline planner's reach is
 * answered through the LLM with the same answer object; a follow-up carries the earlier plan; a failing endpoint
 * gives a clear error answer (llm mode) or the offline answer (hybrid mode).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMockChatEndpoint, errorReply, TEST_BASE_URL, toolCallReply } from "../../llm/__fixtures__/mock-chat-endpoint.ts";
import { loadLlmConfig } from "../../llm/llm-config.ts";
import { createAsk } from "../../pipeline/ask-pipeline.ts";
import { createOfflinePlanner } from "../offline/offline-planner.ts";
import { openGeneratedDataset } from "./__fixtures__/generated-dataset.ts";
import type { GeneratedDataset } from "./__fixtures__/generated-dataset.ts";
import { mockEndpointModel } from "./__fixtures__/planner-fixtures.ts";
import { createPlannerFromConfig } from "./planner-from-config.ts";

const endpoint = createMockChatEndpoint();
let dataset: GeneratedDataset;
beforeAll(async () => {
  endpoint.listen();
  dataset = await openGeneratedDataset();
}, 60_000);
afterEach(() => endpoint.reset());
afterAll(async () => {
  endpoint.close();
  await dataset.close();
});

function ask(mode: "llm" | "hybrid") {
  const planner = createPlannerFromConfig(loadLlmConfig({ LLM_MODE: mode, OPENAI_BASE_URL: TEST_BASE_URL }), {
    engine: dataset.engine,
    offline: createOfflinePlanner(),
    model: mockEndpointModel(),
  });
  return createAsk({ engine: dataset.engine, planner });
}

const QUESTION = "最近风控这块整体感觉怎么样";

describe("the LLM planner in the ask pipeline", () => {
  it("answers a question outside the offline planner's reach with the same answer object", async () => {
    endpoint.script(
      toolCallReply([{ name: "describe_semantic_layer", arguments: { query: "不良率 逾期率" } }]),
      toolCallReply([{ name: "plan_query", arguments: { query: { kind: "aggregate", metrics: ["npl_ratio", "overdue_rate"] } } }]),
    );
    const answer = await ask("hybrid")(QUESTION);
    expect(answer.status).toBe("answered");
    expect(answer.language).toBe("zh");
    expect(answer.rows).toHaveLength(1);
    expect(typeof answer.rows[0][0]).toBe("number");
    expect(answer.definitions.map((definition) => definition.id)).toEqual(["npl_ratio", "overdue_rate"]);
    expect(answer.sql[0]).toMatch(/^SELECT/);
    expect(endpoint.requests).toHaveLength(2);
  });

  it("sends the earlier plan back as a plan on a follow-up", async () => {
    const askLlm = ask("llm");
    endpoint.script(toolCallReply([{ name: "plan_query", arguments: { query: { kind: "aggregate", metrics: ["npl_ratio"] } } }]));
    const first = await askLlm("不良率是多少");
    endpoint.script(toolCallReply([{ name: "plan_query", arguments: { query: { kind: "aggregate", metrics: ["npl_ratio"], dimensions: [{ id: "region" }] } } }]));
    const second = await askLlm("按区域拆开看", { conversationId: first.conversation_id });
    expect(second.status).toBe("answered");
    expect(second.columns.map((column) => column.name)).toContain("region");
    const history = endpoint.requests[1].messages.find((message) => message.role === "assistant" && message.tool_calls);
    expect(JSON.parse(String(history?.tool_calls?.[0].function.arguments))).toMatchObject({ query: { kind: "aggregate", metrics: ["npl_ratio"] } });
  });

  it("llm mode: a failing endpoint becomes an error answer with a clear message", async () => {
    endpoint.script(errorReply(503), errorReply(503), errorReply(503));
    const answer = await ask("llm")(QUESTION);
    expect(answer.status).toBe("error");
    expect(answer.text).toMatch(/大模型服务持续返回服务器错误/);
    expect(answer.rows).toEqual([]);
  });

  it("hybrid mode: a failing endpoint leaves the offline planner's answer", async () => {
    endpoint.script(errorReply(503), errorReply(503), errorReply(503));
    const answer = await ask("hybrid")(QUESTION);
    expect(answer.status).toBe("unsupported");
    expect(answer.text).toMatch(/没能准确理解/);
  });
});
