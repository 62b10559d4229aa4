/** Tests of the OpenAI-compatible model against an msw endpoint: wire format, retries, Retry-After, clear failures. */
import { delay, http, HttpResponse } from "msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMockChatEndpoint, errorReply, TEST_BASE_URL, textReply, toolCallReply } from "./__fixtures__/mock-chat-endpoint.ts";
import { LlmUnavailableError } from "./llm-errors.ts";
import { createOpenAiCompatibleModel } from "./openai-compatible-model.ts";

const endpoint = createMockChatEndpoint();
beforeAll(() => endpoint.listen());
afterEach(() => endpoint.reset());
afterAll(() => endpoint.close());

/** A model whose waits are recorded instead of slept. */
function testModel(options: { timeoutMs?: number; apiKey?: string } = {}) {
  const waits: number[] = [];
  const model = createOpenAiCompatibleModel({
    model: "test-model",
    baseUrl: TEST_BASE_URL,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs ?? 2_000,
    sleep: async (milliseconds) => {
      waits.push(milliseconds);
    },
  });
  return { model, waits };
}

const question = [{ role: "user" as const, content: "逾期率是多少?" }];

async function failure(promise: Promise<unknown>): Promise<LlmUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LlmUnavailableError);
  return error as LlmUnavailableError;
}

describe("createOpenAiCompatibleModel", () => {
  it("sends messages and tools in the OpenAI format and reads tool calls back", async () => {
    endpoint.script(toolCallReply([{ name: "plan_query", arguments: { query: { kind: "aggregate", metrics: ["overdue_rate"] } } }]));
    const { model } = testModel({ apiKey: "sk-test" });
    const result = await model.generate({
      messages: [
        { role: "system", content: "rules" },
        { role: "user", content: "hi" },
        { role: "assistant", content: null, toolCalls: [{ id: "c1", name: "describe_semantic_layer", arguments: "{\"query\":\"逾期\"}" }] },
        { role: "tool", toolCallId: "c1", content: "{}" },
      ],
      tools: [{ name: "plan_query", description: "plan", parameters: { type: "object", properties: {} } }],
    });
    expect(model.name).toBe("openai-compatible:test-model");
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0].name).toBe("plan_query");
    expect(JSON.parse(result.toolCalls[0].arguments)).toEqual({ query: { kind: "aggregate", metrics: ["overdue_rate"] } });
    expect(result.finishReason).toBe("tool_calls");
    const sent = endpoint.requests[0];
    expect(sent.model).toBe("test-model");
    expect(sent.authorization).toBe("Bearer sk-test");
    expect(sent.tools?.[0]).toMatchObject({ type: "function", function: { name: "plan_query" } });
    expect(sent.messages[2].tool_calls?.[0]).toMatchObject({ id: "c1", function: { name: "describe_semantic_layer" } });
    expect(sent.messages[3]).toMatchObject({ role: "tool", tool_call_id: "c1" });
  });

  it("retries a 429 and then succeeds, with exponential backoff", async () => {
    endpoint.script(errorReply(429), textReply("ok"));
    const { model, waits } = testModel();
    const result = await model.generate({ messages: question });
    expect(result.message.content).toBe("ok");
    expect(endpoint.requests).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(400);
    expect(waits[0]).toBeLessThanOrEqual(600);
  });

  it("honours a small Retry-After", async () => {
    endpoint.script(errorReply(429, { "retry-after": "2" }), errorReply(503), textReply("ok"));
    const { model, waits } = testModel();
    await model.generate({ messages: question });
    expect(waits[0]).toBe(2000);
    expect(waits[1]).toBeGreaterThanOrEqual(800); // second backoff: 1 s ± jitter
    expect(endpoint.requests).toHaveLength(3);
  });

  it("does not wait for a long Retry-After: fails at once with a rate-limit error", async () => {
    endpoint.script(errorReply(429, { "retry-after": "3600" }), textReply("never"));
    const { model } = testModel();
    const error = await failure(model.generate({ messages: question }));
    expect(error.reason).toBe("rate_limited");
    expect(endpoint.requests).toHaveLength(1);
  });

  it("gives up after 3 attempts of 500 with a clear bilingual error", async () => {
    endpoint.script(errorReply(500), errorReply(502), errorReply(500), textReply("too late"));
    const { model, waits } = testModel();
    const error = await failure(model.generate({ messages: question }));
    expect(endpoint.requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(error).toMatchObject({ code: "LLM_UNAVAILABLE", reason: "server_error", attempts: 3, status: 500, audience: "user" });
    expect(error.messages.en).toMatch(/kept returning server errors \(HTTP 500\) after 3 attempts/);
    expect(error.messages.zh).toMatch(/大模型服务持续返回服务器错误/);
  });

  it("does not retry a rejected request (401)", async () => {
    endpoint.script(errorReply(401), textReply("never"));
    const { model } = testModel();
    const error = await failure(model.generate({ messages: question }));
    expect(error).toMatchObject({ reason: "rejected", status: 401, attempts: 1 });
    expect(error.messages.en).toMatch(/API key/);
  });

  it("reports an unreachable endpoint after retrying", async () => {
    endpoint.server.use(http.post(`${TEST_BASE_URL}/chat/completions`, () => HttpResponse.error()));
    const { model, waits } = testModel();
    const error = await failure(model.generate({ messages: question }));
    expect(error).toMatchObject({ reason: "unreachable", attempts: 3 });
    expect(waits).toHaveLength(2);
    expect(error.messages.en).toMatch(/cannot be reached.*still answered offline/);
  });

  it("times out a slow endpoint per attempt", async () => {
    endpoint.server.use(
      http.post(`${TEST_BASE_URL}/chat/completions`, async () => {
        await delay(1_000);
        return textReply("slow");
      }),
    );
    const { model } = testModel({ timeoutMs: 100 });
    const error = await failure(model.generate({ messages: question }));
    expect(error).toMatchObject({ reason: "timeout", attempts: 3 });
  });

  it("reports a reply that is not a chat completion", async () => {
    endpoint.script(new HttpResponse("<html>proxy error</html>", { status: 200, headers: { "content-type": "text/html" } }));
    const { model } = testModel();
    const error = await failure(model.generate({ messages: question }));
    expect(error.reason).toBe("malformed_response");
  });

  it("stops when the caller aborts", async () => {
    endpoint.script(textReply("ok"));
    const { model } = testModel();
    const controller = new AbortController();
    controller.abort();
    await expect(model.generate({ messages: question, signal: controller.signal })).rejects.not.toBeInstanceOf(LlmUnavailableError);
  });
});
