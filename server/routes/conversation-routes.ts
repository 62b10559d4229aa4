/** GET /api/conversations, GET and DELETE /api/conversations/:id: the caller's own conversations only (404 otherwise). */
import { Router } from "express";
import { principalOf } from "../auth/auth-middleware.ts";
import { ConversationNotFoundError } from "../chat/chat-service.ts";
import { conversationDetail, conversationSummary } from "../api/conversation-views.ts";
import type { ServerContext } from "../server-context.ts";

/** The conversation routes. */
export function conversationRoutes(context: ServerContext): Router {
  const router = Router();
  router.get("/api/conversations", (_request, response) => {
    response.json({ conversations: context.conversations.list(principalOf(response).user).map(conversationSummary) });
  });
  router.get("/api/conversations/:id", (request, response) => {
    const conversation = context.conversations.get(request.params.id, principalOf(response).user);
    if (!conversation) throw new ConversationNotFoundError();
    response.json(conversationDetail(conversation, context.feedback.forConversation(conversation.id)));
  });
  router.delete("/api/conversations/:id", (request, response) => {
    if (!context.conversations.delete(request.params.id, principalOf(response).user)) throw new ConversationNotFoundError();
    response.status(204).end();
  });
  return router;
}
