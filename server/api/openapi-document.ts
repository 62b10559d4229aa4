/** The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas (z.toJSONSchema, JSON Schema 2020-12). */
import { z } from "zod";
import { Answer } from "../../agent/answer/answer.ts";
import { SavedQuestion, Subscription } from "../../agent/subscriptions/subscription.ts";
import { ConfirmSubscriptionBody, CreateSubscriptionBody, ProposeSubscriptionBody, UpdateSubscriptionBody } from "../subscriptions/subscription-api-schemas.ts";
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
        CreateSubscriptionRequest: schemaOf(CreateSubscriptionBody, "input"),
        UpdateSubscriptionRequest: schemaOf(UpdateSubscriptionBody, "input"),
        ProposeSubscriptionRequest: schemaOf(ProposeSubscriptionBody, "input"),
        ConfirmSubscriptionRequest: schemaOf(ConfirmSubscriptionBody, "input"),
        // As the API shows it: with the schedule in words and the next run time; the (recursive) plan as an object.
        Subscription: schemaOf(
          Subscription.extend({
            question: SavedQuestion.extend({ plan: z.record(z.string(), z.unknown()).describe("the saved query plan (docs/query-plan.md)") }),
            schedule_text: z.string(),
            next_run_at: z.string().nullable(),
          }),
          "output",
        ),
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
            "X-Answer-Index and X-Message-Id identify the answer for feedback. " +
            "A subscription request (a schedule and a delivery verb: '每天早上8点推送……', 'every Monday at 9 send me …') is not answered with data: " +
            "the answer carries `subscription_proposal` (the question without the schedule words, planned and previewed; the schedule in words and cron; " +
            "the time zone; the condition) and nothing is saved until POST /api/subscriptions/confirm with its id. A request without a time or schedule " +
            "gets status clarify ('几点推送?') with choices that complete it. The WebSocket stream answers the same way. See docs/subscriptions.md. " +
            "An answered question may carry `follow_ups` (optional, at most 3, in the answer's language): follow-up questions planned (no SQL) as the next " +
            "turn of this conversation that plan to a different answer; send one as `message` with the same `conversation_id`. Absent when the " +
            "planner is an LLM or hybrid planner, and on other statuses.",
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
      "/api/subscriptions": {
        get: { summary: "The caller's subscriptions", responses: { "200": { description: "{ subscriptions: Subscription[] }" }, ...COMMON_ERRORS } },
        post: {
          summary: "Subscribe to a question (asked now for its plan) or to an answered turn of a conversation",
          requestBody: { required: true, content: json("CreateSubscriptionRequest") },
          responses: { "201": { description: "Saved", content: json("Subscription") }, "400": errorResponse("Invalid request"), "404": errorResponse("No such conversation or answer"), "422": errorResponse("The question cannot be answered now, or the schedule is invalid"), ...COMMON_ERRORS },
        },
      },
      "/api/subscriptions/proposals": {
        post: {
          summary: "Read a message ('每天早上8点推送……') as a subscription proposal; nothing is saved until it is confirmed",
          requestBody: { required: true, content: json("ProposeSubscriptionRequest") },
          responses: { "201": { description: "The proposal (id, draft, description, preview)" }, "422": errorResponse("No schedule in the message, or its question cannot be answered"), ...COMMON_ERRORS },
        },
      },
      "/api/subscriptions/proposals/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        delete: { summary: "Withdraws one of the caller's proposals (取消 in the chat)", responses: { "204": { description: "Withdrawn" }, "404": errorResponse("No such open proposal for this caller"), ...COMMON_ERRORS } },
      },
      "/api/subscriptions/confirm": {
        post: {
          summary: "Saves a proposal (from the chat's subscription_proposal.id or POST /api/subscriptions/proposals) as a subscription",
          requestBody: { required: true, content: json("ConfirmSubscriptionRequest") },
          responses: { "201": { description: "Saved", content: json("Subscription") }, "404": errorResponse("No such open proposal for this caller (confirmed, withdrawn, expired or another user's)"), ...COMMON_ERRORS },
        },
      },
      "/api/subscriptions/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: { summary: "One of the caller's subscriptions", responses: { "200": { description: "The subscription", content: json("Subscription") }, "404": errorResponse("No such subscription for this caller"), ...COMMON_ERRORS } },
        patch: {
          summary: "Changes, pauses or resumes a subscription",
          requestBody: { required: true, content: json("UpdateSubscriptionRequest") },
          responses: { "200": { description: "The subscription", content: json("Subscription") }, "404": errorResponse("No such subscription for this caller"), ...COMMON_ERRORS },
        },
        delete: { summary: "Deletes a subscription", responses: { "204": { description: "Deleted" }, "404": errorResponse("No such subscription for this caller"), ...COMMON_ERRORS } },
      },
      "/api/subscriptions/{id}/run": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        post: { summary: "Runs a subscription now", responses: { "201": { description: "The run" }, "404": errorResponse("No such subscription for this caller"), ...COMMON_ERRORS } },
      },
      "/api/subscriptions/{id}/runs": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: { summary: "A subscription's runs, newest first", responses: { "200": { description: "{ runs }" }, "404": errorResponse("No such subscription for this caller"), ...COMMON_ERRORS } },
      },
      "/api/subscriptions/{id}/deliveries": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: { summary: "A subscription's webhook deliveries with every attempt", responses: { "200": { description: "{ deliveries }" }, "404": errorResponse("No such subscription for this caller"), ...COMMON_ERRORS } },
      },
      "/api/inbox": {
        get: {
          summary: "The caller's inbox (runs and digests), newest first, and the unread count",
          parameters: [
            { name: "unread", in: "query", schema: { type: "string", enum: ["true", "false"] } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500 } },
          ],
          responses: { "200": { description: "{ items, unread }" }, ...COMMON_ERRORS },
        },
      },
      "/api/inbox/{id}/read": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        post: { summary: "Marks an inbox item read", responses: { "200": { description: "The item" }, "404": errorResponse("No such item for this caller"), ...COMMON_ERRORS } },
      },
      "/api/inbox/read-all": { post: { summary: "Marks every inbox item read", responses: { "204": { description: "Done" }, ...COMMON_ERRORS } } },
      "/api/digest": { get: { summary: "A preview of the caller's daily digest", responses: { "200": { description: "The digest" }, ...COMMON_ERRORS } } },
      "/api/health": { get: { summary: "Liveness and dataset reachability", security: [], responses: { "200": { description: "Healthy", content: json("Health") }, "503": { description: "Dataset unreachable", content: json("Health") } } } },
      "/api/openapi.json": { get: { summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1" } } } },
    },
  };
}
