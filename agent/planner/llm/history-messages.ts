/**
 * Earlier turns of the conversation as chat messages. A turn that was answered by a plan goes back as the
 * plan_query call that produced it, so the model sees the plan itself (JSON), not just the question's text.
 */
import type { ChatMessage } from "../../llm/language-model.ts";
import type { ConversationTurn } from "../planner.ts";

/** Turns older than this are left out (follow-ups refer to recent ones). */
const MAX_TURNS = 6;

/** The messages for the last turns, oldest first. */
export function historyMessages(history: readonly ConversationTurn[]): ChatMessage[] {
  const recent = history.slice(-MAX_TURNS);
  const offset = history.length - recent.length;
  return recent.flatMap((turn, index): ChatMessage[] => {
    const question: ChatMessage = { role: "user", content: turn.question };
    if (!turn.plan) return [question, { role: "assistant", content: `(earlier turn ended with status: ${turn.status}, no plan)` }];
    const id = `history_${offset + index + 1}`;
    return [
      question,
      { role: "assistant", content: null, toolCalls: [{ id, name: "plan_query", arguments: JSON.stringify(turn.plan) }] },
      { role: "tool", toolCallId: id, content: JSON.stringify({ accepted: true, status: turn.status }) },
    ];
  });
}
