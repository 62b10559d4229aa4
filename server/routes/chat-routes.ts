/**
 * POST /api/chat: one question, the answer object back (its HTTP status follows its error code when it failed); a
 * subscription request gets a proposal to confirm (answer.subscription_proposal) instead of data.
 */
import { Router } from "express";
import { principalOf } from "../auth/auth-middleware.ts";
import { answerChatMessage } from "../chat/answer-chat-message.ts";
import { ChatRequestBody } from "../api/api-schemas.ts";
import { messageIdOf } from "../api/conversation-views.ts";
import { httpStatusOfAnswer } from "../http/error-status.ts";
import { parseRequest } from "../http/parse-request.ts";
import type { ServerContext } from "../server-context.ts";

/** The chat route. */
export function chatRoutes(context: ServerContext): Router {
  const router = Router();
  router.post("/api/chat", async (request, response) => {
    const body = parseRequest(ChatRequestBody, request.body);
    const { answer, answerIndex } = await answerChatMessage(context, principalOf(response), {
      message: body.message,
      ...(body.conversation_id === undefined ? {} : { conversationId: body.conversation_id }),
      ...(body.language ? { language: body.language } : {}),
      requestId: String(response.locals.requestId),
      channel: "http",
    });
    if (answerIndex !== null) {
      response.setHeader("X-Answer-Index", String(answerIndex));
      response.setHeader("X-Message-Id", messageIdOf(answer.conversation_id, answerIndex));
    }
    response.status(httpStatusOfAnswer(answer)).json(answer);
  });
  return router;
}
