/** The zod schemas of the HTTP API's requests and responses (the answer object is agent/answer/answer.ts). */
import { z } from "zod";
import { Answer } from "../../agent/answer/answer.ts";

/** Longest question accepted, in characters. */
export const MAX_MESSAGE_CHARACTERS = 2_000;

const ConversationId = z.string().min(1).max(100).describe("a conversation id returned in an earlier answer (conversation_id)");

/** POST /api/chat. */
export const ChatRequestBody = z.object({
  message: z.string().min(1).max(MAX_MESSAGE_CHARACTERS).describe("the question, in Chinese or English"),
  conversation_id: ConversationId.optional().describe("continue this conversation (follow-up questions); omit to start a new one"),
  language: z.enum(["zh", "en"]).optional().describe("answer in this language instead of the question's"),
});
export type ChatRequestBody = z.infer<typeof ChatRequestBody>;

/** A message id: the conversation id, a slash, and the answer's index in it. */
export const MessageId = z.string().regex(/^[\w.:-]{1,100}\/\d{1,6}$/, "message ids look like <conversation_id>/<answer_index>");

/** POST /api/feedback. */
export const FeedbackRequestBody = z
  .object({
    conversation_id: ConversationId.optional(),
    answer_index: z.number().int().min(0).optional().describe("which answer of the conversation (0 = the first)"),
    message_id: MessageId.optional().describe("alternatively, the answer's message id (<conversation_id>/<answer_index>)"),
    rating: z.enum(["up", "down"]),
    comment: z.string().max(2_000).optional(),
  })
  .refine((body) => body.message_id !== undefined || (body.conversation_id !== undefined && body.answer_index !== undefined), {
    message: "give conversation_id and answer_index, or message_id",
  });
export type FeedbackRequestBody = z.infer<typeof FeedbackRequestBody>;

/** What a stored piece of feedback looks like. */
export const FeedbackResponse = z.object({
  id: z.string(),
  conversation_id: z.string(),
  answer_index: z.number().int(),
  rating: z.enum(["up", "down"]),
  comment: z.string().optional(),
  at: z.string(),
});

/** Every error response. */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string().describe("a stable code, e.g. UNAUTHORIZED, RATE_LIMITED, CONVERSATION_NOT_FOUND"),
    message: z.string().describe("the message in English"),
    messages: z.object({ zh: z.string(), en: z.string() }),
    request_id: z.string(),
  }),
});

/** A conversation in the list. */
export const ConversationSummary = z.object({
  id: z.string(),
  title: z.string().describe("the first question"),
  created_at: z.string(),
  updated_at: z.string(),
  turn_count: z.number().int(),
});

/** GET /api/conversations. */
export const ConversationList = z.object({ conversations: z.array(ConversationSummary) });

/** An answer as kept with its turn: the answer object with at most 200 rows (row_count is the full count). */
export const StoredAnswerSchema = Answer;

/** One turn of a conversation. */
export const ConversationTurnView = z.object({
  index: z.number().int(),
  message_id: z.string(),
  question: z.string(),
  language: z.enum(["zh", "en"]),
  status: z.enum(["answered", "clarify", "unsupported", "error"]),
  at: z.string(),
  plan: z.record(z.string(), z.unknown()).nullable(),
  answer: StoredAnswerSchema.nullable(),
});

/** GET /api/conversations/:id. */
export const ConversationDetail = ConversationSummary.extend({
  turns: z.array(ConversationTurnView),
  feedback: z.array(FeedbackResponse),
});

/** GET /api/health. */
export const HealthResponse = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  uptime_s: z.number(),
  dataset: z.object({ dialect: z.string(), as_of_date: z.string().nullable(), reachable: z.boolean() }),
});

/** GET /api/me: who the key belongs to. */
export const WhoAmIResponse = z.object({ user: z.string(), role: z.enum(["staff", "manager", "admin"]), branch_id: z.string().nullable() });

const NamesView = z.object({ zh: z.array(z.string()), en: z.array(z.string()) });
const BilingualView = z.object({ zh: z.string(), en: z.string() });

/** GET /api/semantic-layer: metrics, terms and dimensions with their 口径 and names. */
export const SemanticLayerResponse = z.object({
  as_of_date: z.string().nullable(),
  metrics: z.array(
    z.object({ id: z.string(), names: NamesView, description: BilingualView, formula: z.string(), format: z.string(), direction: z.string(), entity: z.string() }),
  ),
  terms: z.array(z.object({ id: z.string(), names: NamesView, description: BilingualView, formula: z.string(), entity: z.string() })),
  dimensions: z.array(
    z.object({
      id: z.string(),
      names: NamesView,
      description: BilingualView.nullable(),
      type: z.string(),
      values: z.array(z.object({ value: z.string(), zh: z.string(), en: z.string() })),
    }),
  ),
  entities: z.array(z.object({ id: z.string(), names: NamesView })),
});

/** One audit entry. */
export const AuditEntrySchema = z.object({
  at: z.string(),
  request_id: z.string(),
  channel: z.enum(["http", "websocket", "mcp", "subscription"]),
  user: z.string(),
  role: z.string(),
  branch_id: z.string().nullable(),
  question: z.string(),
  conversation_id: z.string().nullable(),
  status: z.string(),
  error_code: z.string().nullable(),
  plan: z.record(z.string(), z.unknown()).nullable(),
  sql: z.array(z.string()),
  row_count: z.number().int(),
  timings: z.record(z.string(), z.number()),
});

/** GET /api/audit query. */
export const AuditQueryParameters = z.object({
  user: z.string().optional(),
  status: z.enum(["answered", "clarify", "unsupported", "error"]).optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});

/** GET /api/audit. */
export const AuditResponse = z.object({ entries: z.array(AuditEntrySchema) });

/** WebSocket client messages. */
export const StreamClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("auth"), api_key: z.string().min(1) }),
  z.object({
    type: z.literal("ask"),
    message: z.string().min(1).max(MAX_MESSAGE_CHARACTERS),
    conversation_id: ConversationId.optional(),
    language: z.enum(["zh", "en"]).optional(),
    request_id: z.string().min(1).max(100).optional().describe("echoed on every event of this question"),
  }),
  z.object({ type: z.literal("ping") }),
]);
export type StreamClientMessage = z.infer<typeof StreamClientMessage>;
