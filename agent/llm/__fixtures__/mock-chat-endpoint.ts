/** An msw mock of an OpenAI-compatible POST {baseURL}/chat/completions: scripted replies, every request recorded. */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import type { SetupServer } from "msw/node";

/** The base URL tests point the model at; nothing listens there, msw answers. */
export const TEST_BASE_URL = "http://llm.test/v1";

/** The parts of a chat-completions request the tests look at. */
export interface RecordedChatRequest {
  model: string;
  messages: { role: string; content?: string | null; tool_call_id?: string; tool_calls?: { id: string; function: { name: string; arguments: string } }[] }[];
  tools?: { type: string; function: { name: string; description: string; parameters: Record<string, unknown> } }[];
  authorization: string | null;
}

/** One scripted reply: a response, or a function of the request giving one. */
export type ScriptedReply = Response | ((request: RecordedChatRequest) => Response | Promise<Response>);

/** A tool call as a test writes it: arguments as an object (sent as JSON) or as raw text (to send broken JSON). */
export interface ScriptedToolCall {
  name: string;
  arguments: unknown;
}

let callCounter = 0;

/** A completion whose message calls the given tools. */
export function toolCallReply(calls: ScriptedToolCall[], finishReason = "tool_calls"): Response {
  return completion(
    {
      role: "assistant",
      content: null,
      tool_calls: calls.map((call) => ({
        id: `call_${++callCounter}`,
        type: "function",
        function: { name: call.name, arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments) },
      })),
    },
    finishReason,
  );
}

/** A completion with text only. */
export function textReply(text: string): Response {
  return completion({ role: "assistant", content: text }, "stop");
}

/** An HTTP error with an OpenAI-style error body. */
export function errorReply(status: number, headers: Record<string, string> = {}): Response {
  return HttpResponse.json({ error: { message: `scripted ${status}`, type: "server_error", code: null } }, { status, headers });
}

function completion(message: Record<string, unknown>, finishReason: string): Response {
  return HttpResponse.json({
    id: `chatcmpl-${callCounter}`,
    object: "chat.completion",
    created: 1_780_000_000,
    model: "mock",
    choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
}

/** The mock endpoint: call listen() in beforeAll, reset() in afterEach, close() in afterAll. */
export interface MockChatEndpoint {
  readonly server: SetupServer;
  /** Every request received, in order. */
  readonly requests: RecordedChatRequest[];
  /** Queues replies, used one per request in order. */
  script(...replies: ScriptedReply[]): void;
  /** Replies queued but never requested. */
  remaining(): number;
  listen(): void;
  reset(): void;
  close(): void;
}

/** Creates the mock. A request beyond the script gets a 599 and is counted in `requests` like any other. */
export function createMockChatEndpoint(baseUrl = TEST_BASE_URL): MockChatEndpoint {
  const requests: RecordedChatRequest[] = [];
  let queue: ScriptedReply[] = [];
  const server = setupServer(
    http.post(`${baseUrl}/chat/completions`, async ({ request }) => {
      const body = (await request.json()) as Omit<RecordedChatRequest, "authorization">;
      const recorded = { ...body, authorization: request.headers.get("authorization") };
      requests.push(recorded);
      const next = queue.shift();
      if (!next) return HttpResponse.json({ error: { message: "no scripted reply left" } }, { status: 599 });
      return typeof next === "function" ? next(recorded) : next;
    }),
  );
  return {
    server,
    requests,
    script: (...replies) => queue.push(...replies),
    remaining: () => queue.length,
    listen: () => server.listen({ onUnhandledRequest: "error" }),
    reset: () => {
      queue = [];
      requests.length = 0;
      server.resetHandlers();
    },
    close: () => server.close(),
  };
}
