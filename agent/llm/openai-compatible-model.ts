/**
 * The LanguageModel over any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, Ollama, Qwen, DeepSeek)
 * through the openai SDK, with our own retries: exponential backoff on 429 and 5xx, Retry-After honoured.
 */
import OpenAI from "openai";
import type { ChatCompletionMessageParam, ChatCompletionTool } from "openai/resources/chat/completions";
import type { ChatMessage, GenerateRequest, GenerateResult, LanguageModel, ToolCall, ToolSpec } from "./language-model.ts";
import { LlmUnavailableError } from "./llm-errors.ts";
import type { LlmUnavailableReason } from "./llm-errors.ts";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, retryAfterMs } from "./retry-policy.ts";
import type { RetryPolicy } from "./retry-policy.ts";

/** Where and how to reach the model. */
export interface OpenAiCompatibleModelOptions {
  model: string;
  /** Default https://api.openai.com/v1. */
  baseUrl?: string;
  /** Local servers (Ollama, vLLM) usually need none. */
  apiKey?: string;
  /** Per attempt, milliseconds (default 30 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Waits between attempts; tests pass a fake clock. */
  sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
}

const DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** Creates the model. No request is made until generate() is called. */
export function createOpenAiCompatibleModel(options: OpenAiCompatibleModelOptions): LanguageModel {
  const client = new OpenAI({
    // The SDK insists on a key; local OpenAI-compatible servers ignore it.
    apiKey: options.apiKey ?? "not-needed",
    baseURL: options.baseUrl ?? DEFAULT_BASE_URL,
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: 0,
    // Resolved per request, not at construction: fetch instrumentation installed later (msw, tracing) still applies.
    fetch: (input, init) => globalThis.fetch(input, init),
  });
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? abortableSleep;

  return {
    name: `openai-compatible:${options.model}`,
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      for (let attempt = 1; ; attempt++) {
        try {
          const completion = await client.chat.completions.create(
            {
              model: options.model,
              messages: request.messages.map(toOpenAiMessage),
              ...(request.tools && request.tools.length > 0 ? { tools: request.tools.map(toOpenAiTool), tool_choice: "auto" as const } : {}),
              temperature: 0,
            },
            request.signal ? { signal: request.signal } : undefined,
          );
          return fromCompletion(completion, attempt);
        } catch (error) {
          if (request.signal?.aborted || error instanceof OpenAI.APIUserAbortError) throw error;
          if (error instanceof LlmUnavailableError) throw error;
          const failure = classify(error);
          const delay = failure.retryable && attempt < policy.maxAttempts ? backoffDelayMs(policy, attempt, failure.serverDelayMs) : undefined;
          if (delay === undefined) {
            throw new LlmUnavailableError(failure.reason, { attempts: attempt, status: failure.status, detail: error instanceof Error ? error.message : String(error), cause: error });
          }
          await sleep(delay, request.signal);
        }
      }
    },
  };
}

/** What went wrong with one attempt. */
interface AttemptFailure {
  reason: LlmUnavailableReason;
  retryable: boolean;
  status?: number;
  serverDelayMs?: number;
}

function classify(error: unknown): AttemptFailure {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return { reason: "timeout", retryable: true };
  if (error instanceof OpenAI.APIConnectionError) return { reason: "unreachable", retryable: true };
  if (error instanceof OpenAI.APIError && typeof error.status === "number") {
    const status = error.status;
    return {
      reason: status === 429 ? "rate_limited" : status >= 500 ? "server_error" : "rejected",
      retryable: isRetryableStatus(status),
      status,
      serverDelayMs: retryAfterMs(error.headers),
    };
  }
  // A 200 whose body is not a chat completion (an HTML error page from a proxy, broken JSON).
  return { reason: "malformed_response", retryable: false };
}

function toOpenAiMessage(message: ChatMessage): ChatCompletionMessageParam {
  switch (message.role) {
    case "system":
    case "user":
      return { role: message.role, content: message.content };
    case "tool":
      return { role: "tool", tool_call_id: message.toolCallId, content: message.content };
    case "assistant":
      return {
        role: "assistant",
        content: message.content,
        ...(message.toolCalls && message.toolCalls.length > 0
          ? { tool_calls: message.toolCalls.map((call) => ({ id: call.id, type: "function" as const, function: { name: call.name, arguments: call.arguments } })) }
          : {}),
      };
  }
}

function toOpenAiTool(tool: ToolSpec): ChatCompletionTool {
  return { type: "function", function: { name: tool.name, description: tool.description, parameters: tool.parameters } };
}

function fromCompletion(completion: OpenAI.Chat.Completions.ChatCompletion, attempts: number): GenerateResult {
  const choice = (completion as Partial<OpenAI.Chat.Completions.ChatCompletion>).choices?.[0];
  if (!choice?.message) throw new LlmUnavailableError("malformed_response", { attempts, detail: "the reply has no choices" });
  const toolCalls: ToolCall[] = (choice.message.tool_calls ?? []).flatMap((call, index) =>
    call.type === "function" ? [{ id: call.id || `call_${index}`, name: call.function.name, arguments: call.function.arguments ?? "" }] : [],
  );
  return {
    message: { role: "assistant", content: choice.message.content ?? null, ...(toolCalls.length > 0 ? { toolCalls } : {}) },
    toolCalls,
    finishReason: choice.finish_reason ?? undefined,
  };
}

/** setTimeout as a promise that rejects when the signal aborts. */
function abortableSleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
