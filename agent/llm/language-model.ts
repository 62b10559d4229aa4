/**
 * The small interface the planner talks to a language model through: chat messages in, one assistant message
 * (text and/or tool calls) out. One implementation speaks the OpenAI chat-completions protocol to any endpoint.
 */

/** A tool call the model asked for; `arguments` is the raw JSON text the model wrote (maybe broken). */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** One chat message. */
export type ChatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string }
  | { role: "assistant"; content: string | null; toolCalls?: ToolCall[] }
  | { role: "tool"; toolCallId: string; content: string };

/** The assistant's message. */
export type AssistantMessage = Extract<ChatMessage, { role: "assistant" }>;

/** A tool offered to the model: its name, what it does, and its arguments as JSON schema. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** One request to the model. */
export interface GenerateRequest {
  messages: readonly ChatMessage[];
  tools?: readonly ToolSpec[];
  signal?: AbortSignal;
}

/** The model's reply. `finishReason` "length" means the reply (and its tool arguments) may be cut off. */
export interface GenerateResult {
  message: AssistantMessage;
  toolCalls: ToolCall[];
  finishReason?: string;
}

/** A chat model with tool calling. */
export interface LanguageModel {
  /** e.g. "openai-compatible:gpt-4o-mini", for logs and the answer's planner field. */
  readonly name: string;
  /**
   * Sends the conversation and returns the model's next message.
   * @throws LlmUnavailableError when the endpoint cannot be reached or keeps failing.
   */
  generate(request: GenerateRequest): Promise<GenerateResult>;
}
