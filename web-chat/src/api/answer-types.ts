/** The answer object's types as the browser sees them (the agent's zod schema is the single source; types only). */
import type { Answer, AnswerAction, AnswerCell, AnswerChoice, AnswerColumn, AnswerDefinition } from "../../../agent/answer/answer.ts";

export type { Answer, AnswerAction, AnswerCell, AnswerChoice, AnswerColumn, AnswerDefinition };

/** An action as sent by the server: the contract's fields plus the optional owners and targets. */
export type ActionView = AnswerAction & {
  owner?: string;
  branch_ids?: string[];
  channels?: string[];
};
