/** The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas (z.toJSONSchema, JSON Schema 2020-12). */
import { z } from "zod";
import { Answer } from "../../agent/answer/answer.ts";
import {
  AuditResponse,
  ChatRequestBody,
  ConversationDetail,
  ConversationList,
  ErrorResponse,
  FeedbackRequestBody,
  FeedbackResponse,
  HealthResponse,
  SemanticLayerResponse,
  WhoAmIResponse,
} from "./api-schemas.ts";

/** A zod schema as an OpenAPI 3.1 schema object (requests as their input shape, responses as their output shape). */
function schemaOf(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

const json = (name: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${name}` } } });
const errorResponse = (description: string) => ({ description, content: json("Error") });

const COMMON_ERRORS = {
  "401": errorResponse("No API key, an unknown key, or the demo key from another machine"),
  "429": { ...errorResponse("Rate limit of this key exceeded"), headers: { "Retry-After": { schema: { type: "integer" }, description: "seconds to wait" } } },
};

/** Builds the document. */
export function openApiDocument(version: string) {
  const security = [{ bearer: [] }, { apiKeyHeader: [] }];
  return {
    openapi: "3.1.0",
    info: {
      title: "LendLens API",
      version,
      description:
        "Ask questions about retail lending in Chinese or English and get the answer object (text, numbers, SQL, chart, 口径). " +
        "Authenticate with `Authorization: Bearer <api key>`. Roles: staff (own branch only), manager (all branches), admin (also the audit log). " +
        "The WebSocket /api/chat/stream streams progress events; see docs/api.md.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "an API key" },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key" },
      },
      schemas: {
        ChatRequest: schemaOf(ChatRequestBody, "input"),
        Answer: schemaOf(Answer, "output"),
        FeedbackRequest: schemaOf(FeedbackRequestBody, "input"),
        Feedback: schemaOf(FeedbackResponse, "output"),
        ConversationList: schemaOf(ConversationList, "output"),
        Conversation: schemaOf(ConversationDetail, "output"),
        SemanticLayer: schemaOf(SemanticLayerResponse, "output"),
        Health: schemaOf(HealthResponse, "output"),
        WhoAmI: schemaOf(WhoAmIResponse, "output"),
        Audit: schemaOf(AuditResponse, "output"),
        Error: schemaOf(ErrorResponse, "output"),
      },
    },
    security,
    paths: {
      "/api/chat": {
        post: {
          summary: "Ask one question",
          description:
            "Returns the answer object. Answers with status answered, clarify or unsupported come with HTTP 200; an answer with status error " +
            "comes with the HTTP status of its error code (400 empty question, 422 refused query, 503 database or LLM unavailable, 504 timeout, 500 internal). " +
            "X-Answer-Index and X-Message-Id identify the answer for feedback.",
          requestBody: { required: true, content: json("ChatRequest") },
          responses: {
            "200": { description: "The answer", content: json("Answer") },
            "400": errorResponse("Malformed JSON or an invalid request"),
            "404": errorResponse("conversation_id is not one of the caller's conversations"),
            "413": errorResponse("Body larger than the limit (64 KB by default)"),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/conversations": {
        get: { summary: "The caller's conversations, most recent first", responses: { "200": { description: "Conversations", content: json("ConversationList") }, ...COMMON_ERRORS } },
      },
      "/api/conversations/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: {
          summary: "One of the caller's conversations with every turn",
          responses: { "200": { description: "The conversation", content: json("Conversation") }, "404": errorResponse("No such conversation for this caller"), ...COMMON_ERRORS },
        },
        delete: { summary: "Deletes one of the caller's conversations", responses: { "204": { description: "Deleted" }, "404": errorResponse("No such conversation for this caller"), ...COMMON_ERRORS } },
      },
      "/api/feedback": {
        post: {
          summary: "Rate an answer (up or down) with an optional comment",
          requestBody: { required: true, content: json("FeedbackRequest") },
          responses: { "201": { description: "Stored", content: json("Feedback") }, "400": errorResponse("Invalid request"), "404": errorResponse("No such conversation or answer"), ...COMMON_ERRORS },
        },
      },
      "/api/semantic-layer": {
        get: { summary: "Metrics, terms and dimensions with their names and 口径", responses: { "200": { description: "The semantic layer", content: json("SemanticLayer") }, ...COMMON_ERRORS } },
      },
      "/api/me": { get: { summary: "Who the key belongs to", responses: { "200": { description: "The caller", content: json("WhoAmI") }, ...COMMON_ERRORS } } },
      "/api/audit": {
        get: {
          summary: "Recent audited questions, newest first (admin only)",
          parameters: [
            { name: "user", in: "query", schema: { type: "string" } },
            { name: "status", in: "query", schema: { type: "string", enum: ["answered", "clarify", "unsupported", "error"] } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 } },
          ],
          responses: { "200": { description: "Audit entries", content: json("Audit") }, "403": errorResponse("Not an admin"), ...COMMON_ERRORS },
        },
      },
      "/api/health": { get: { summary: "Liveness and dataset reachability", security: [], responses: { "200": { description: "Healthy", content: json("Health") }, "503": { description: "Dataset unreachable", content: json("Health") } } } },
      "/api/openapi.json": { get: { summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1" } } } },
    },
  };
}
