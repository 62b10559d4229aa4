/**
 * Turns of a conversation that got no plan (declined, clarified, failed) still belong to it: a follow-up said after
 * one may build on what it asked, so the previous plan alone is not the conversation's state.
 */
import type { ConversationTurn } from "../planner.ts";

/** Why a follow-up after an unanswered turn is declined, and how to ask instead. */
export const BUILDS_ON_UNANSWERED = {
  zh: "上一个问题没能回答,这个追问可能沿用了它的条件,我无法确定该带上哪些条件。请把完整的条件在一个问题里说出来(例如“只看消费贷,按城市看逾期率”)。",
  en: "The previous question could not be answered, and this follow-up may build on what it asked, so I cannot tell which conditions to keep. Please ask with all the conditions in one question (for example \"overdue rate by city for consumer loans only\").",
};

/**
 * Whether a turn after the last planned one got no plan: a follow-up then may carry a refinement (只看消费类贷款,
 * 其中目前在贷的) that the last plan lacks, and answering from that plan would silently drop it.
 */
export function unansweredSinceLastPlan(history: readonly ConversationTurn[]): boolean {
  const lastPlanned = history.findLastIndex((turn) => turn.plan !== undefined);
  return lastPlanned >= 0 && history.slice(lastPlanned + 1).some((turn) => turn.plan === undefined);
}
