/** POST /api/feedback: a rating (up or down) and an optional comment on one answer of the caller's conversation. */
import { Router } from "express";
import { principalOf } from "../auth/auth-middleware.ts";
import { FeedbackRequestBody } from "../api/api-schemas.ts";
import { ConversationNotFoundError } from "../chat/chat-service.ts";
import { NotFoundError, RequestInvalidError } from "../http/http-errors.ts";
import { parseRequest } from "../http/parse-request.ts";
import type { ServerContext } from "../server-context.ts";

/** The feedback route. */
export function feedbackRoutes(context: ServerContext): Router {
  const router = Router();
  router.post("/api/feedback", (request, response) => {
    const body = parseRequest(FeedbackRequestBody, request.body);
    const user = principalOf(response).user;
    let conversationId = body.conversation_id;
    let answerIndex = body.answer_index;
    if (body.message_id !== undefined) {
      const slash = body.message_id.lastIndexOf("/");
      const fromMessage = { conversationId: body.message_id.slice(0, slash), answerIndex: Number(body.message_id.slice(slash + 1)) };
      if ((conversationId !== undefined && conversationId !== fromMessage.conversationId) || (answerIndex !== undefined && answerIndex !== fromMessage.answerIndex)) {
        throw new RequestInvalidError(["message_id: does not match conversation_id and answer_index"]);
      }
      conversationId = fromMessage.conversationId;
      answerIndex = fromMessage.answerIndex;
    }
    const conversation = conversationId === undefined ? undefined : context.conversations.get(conversationId, user);
    if (!conversation || answerIndex === undefined) throw new ConversationNotFoundError();
    if (answerIndex >= conversation.turns.length) throw new NotFoundError({ zh: "该回答", en: "The answer" }, "ANSWER_NOT_FOUND");
    const { user: _user, ...stored } = context.feedback.add({
      conversation_id: conversation.id,
      answer_index: answerIndex,
      rating: body.rating,
      ...(body.comment ? { comment: body.comment } : {}),
      user,
    });
    response.status(201).json(stored);
  });
  return router;
}
