/**
 * What the chat (POST /api/chat and the WebSocket stream) does with a message: a subscription request
 * ("每天早上8点推送……", "every Monday at 9 send me …") gets a proposal to confirm or a clarifying question about its
 * schedule; every other message is a question for the ask pipeline.
 */
import { readSubscriptionMessage } from "../../agent/subscriptions/read-subscription-message.ts";
import type { Principal } from "../auth/principal.ts";
import type { ServerContext } from "../server-context.ts";
import { subscriptionsOf } from "../subscriptions/subscriptions-runtime.ts";
import type { ChatRequest, ChatResult } from "./chat-service.ts";

/**
 * Answers one chat message for the caller.
 * @throws ConversationNotFoundError when `conversationId` is not one of the caller's conversations.
 */
export async function answerChatMessage(context: ServerContext, principal: Principal, request: ChatRequest): Promise<ChatResult> {
  const reading = readSubscriptionMessage(request.message);
  if (reading.kind === "none") return context.chat.ask(principal, request);
  return subscriptionsOf(context).service.answerInChat(principal, request, reading);
}
