/** The HTTP API as the web chat calls it: bearer-key requests, JSON in and out, failures as ApiError. */
import { ApiError } from "./api-error.ts";
import type { Answer } from "./answer-types.ts";
import { readConversationList, readConversationTurns } from "./api-shapes.ts";
import type { ConversationSummary, ConversationTurn } from "./api-shapes.ts";

/** An answer and, when the server says, its index in the conversation. */
export interface ChatReply {
  answer: Answer;
  answerIndex: number | null;
}

/** The message of an error payload: `{error: {message | messages}}`, `{message}`, in the interface language. */
function errorMessage(payload: unknown, language: "zh" | "en"): { message: string; code?: string } | null {
  if (typeof payload !== "object" || payload === null) return null;
  const record = payload as Record<string, unknown>;
  const error = (typeof record.error === "object" && record.error !== null ? record.error : record) as Record<string, unknown>;
  const messages = error.messages as Record<string, string> | undefined;
  const message = messages?.[language] ?? (typeof error.message === "string" ? error.message : undefined);
  const code = typeof error.code === "string" ? error.code : undefined;
  return message ? { message, ...(code ? { code } : {}) } : null;
}

/** The answer inside a chat reply: the answer itself, or `{answer, answer_index}`. */
export function readChatReply(payload: unknown): ChatReply {
  const record = payload as Record<string, unknown>;
  if (record && typeof record.answer === "object" && record.answer !== null) {
    return { answer: record.answer as Answer, answerIndex: typeof record.answer_index === "number" ? record.answer_index : null };
  }
  return { answer: payload as Answer, answerIndex: typeof record?.answer_index === "number" ? (record.answer_index as number) : null };
}

/** Whether a payload is an answer object (POST /api/chat sends error answers with a 4xx/5xx status). */
function isAnswer(payload: unknown): payload is Answer {
  if (typeof payload !== "object" || payload === null) return false;
  const record = payload as Record<string, unknown>;
  return typeof record.status === "string" && typeof record.text === "string" && typeof record.conversation_id === "string";
}

/** Calls the API with one key. */
export class ApiClient {
  constructor(
    readonly apiKey: string,
    private readonly language: () => "zh" | "en",
    private readonly baseUrl = "",
  ) {}

  /** One request; resolves the JSON body (null for 204), rejects with ApiError (public for the subscription API). */
  async request(method: string, path: string, body?: unknown, headers?: (headers: Headers) => void): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.apiKey}`, Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ApiError(0, error instanceof Error ? error.message : String(error));
    }
    const raw = await response.text();
    let payload: unknown;
    try {
      payload = raw ? JSON.parse(raw) : null;
    } catch {
      payload = null;
    }
    headers?.(response.headers);
    if (!response.ok && !isAnswer(payload)) {
      const found = errorMessage(payload, this.language());
      throw new ApiError(response.status, found?.message ?? `HTTP ${response.status}`, found?.code);
    }
    return payload;
  }

  /** POST /api/chat: asks one question. */
  async chat(message: string, conversationId?: string | null): Promise<ChatReply> {
    let headerIndex: number | null = null;
    const payload = await this.request("POST", "/api/chat", { message, ...(conversationId ? { conversation_id: conversationId } : {}) }, (headers) => {
      const index = headers.get("X-Answer-Index");
      headerIndex = index !== null && /^\d+$/.test(index) ? Number(index) : null;
    });
    const reply = readChatReply(payload);
    return { answer: reply.answer, answerIndex: reply.answerIndex ?? headerIndex };
  }

  /** GET /api/conversations. */
  async conversations(): Promise<ConversationSummary[]> {
    return readConversationList(await this.request("GET", "/api/conversations"));
  }

  /** GET /api/conversations/:id, as turns. */
  async conversation(id: string): Promise<ConversationTurn[]> {
    return readConversationTurns(await this.request("GET", `/api/conversations/${encodeURIComponent(id)}`));
  }

  /** DELETE /api/conversations/:id. */
  async deleteConversation(id: string): Promise<void> {
    await this.request("DELETE", `/api/conversations/${encodeURIComponent(id)}`);
  }

  /** POST /api/feedback. */
  async feedback(conversationId: string, answerIndex: number, rating: "up" | "down", comment?: string): Promise<void> {
    await this.request("POST", "/api/feedback", { conversation_id: conversationId, answer_index: answerIndex, rating, ...(comment ? { comment } : {}) });
  }

  /** GET /api/semantic-layer, as sent. */
  async semanticLayer(): Promise<unknown> {
    return this.request("GET", "/api/semantic-layer");
  }
}
