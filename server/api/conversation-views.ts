/** Conversations as the API shows them: a summary for the list, every turn with its answer for the detail. */
import type { FeedbackRecord } from "../store/feedback-store.ts";
import type { StoredConversation } from "../store/persistent-conversation-store.ts";

/** The message id of an answer: the conversation id, a slash, the answer's index. */
export function messageIdOf(conversationId: string, index: number): string {
  return `${conversationId}/${index}`;
}

/** A conversation in the list. */
export function conversationSummary(conversation: StoredConversation) {
  return {
    id: conversation.id,
    title: conversation.turns[0]?.question ?? "",
    created_at: conversation.createdAt,
    updated_at: conversation.updatedAt,
    turn_count: conversation.turns.length,
  };
}

/** A conversation with its turns, their answers (without rows) and the feedback given. */
export function conversationDetail(conversation: StoredConversation, feedback: readonly FeedbackRecord[]) {
  return {
    ...conversationSummary(conversation),
    turns: conversation.turns.map((turn, index) => ({
      index,
      message_id: messageIdOf(conversation.id, index),
      question: turn.question,
      language: turn.language,
      status: turn.status,
      at: turn.at,
      plan: (turn.plan as Record<string, unknown> | undefined) ?? null,
      answer: turn.answer ?? null,
    })),
    feedback: feedback.map(({ user: _user, ...shown }) => shown),
  };
}
