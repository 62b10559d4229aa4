/**
 * The chat answers to a subscription request: the proposal to confirm (no data rows; the preview is inside the
 * proposal), the clarifying question of an unclear schedule ("几点推送?"), and the refusal when the question itself
 * cannot be answered now. All are answer objects of ../shared/ANSWER.md.
 */
import { Answer } from "../answer/answer.ts";
import type { AnswerChoice } from "../answer/answer.ts";
import { clarifyAnswer } from "../answer/status-answers.ts";
import type { Language } from "../planner/planner.ts";
import type { AnswerSubscriptionProposal } from "./answer-subscription-proposal.ts";
import type { ScheduleChoice } from "./read-subscription-message.ts";

/** Rows of the answer shown in a proposal's preview. */
export const PREVIEW_ROWS = 5;

/** The preview a proposal carries: the answer's text, row count and first rows. */
export function proposalPreview(answer: Answer): AnswerSubscriptionProposal["preview"] {
  return {
    text: answer.text,
    row_count: answer.row_count,
    columns: answer.columns.map((column) => ({ name: column.name, label: column.label, ...(column.format ? { format: column.format } : {}) })),
    rows: answer.rows.slice(0, PREVIEW_ROWS),
  };
}

/**
 * The proposal answer: status "answered" with no rows of its own (the question is not answered, a subscription is
 * proposed), the question's SQL, plan, interpretation and definitions, and `subscription_proposal`.
 */
export function proposalAnswer(message: string, preview: Answer, proposal: AnswerSubscriptionProposal): Answer {
  const zh = preview.language === "zh";
  const condition = proposal.condition_text ? (zh ? `,${proposal.condition_text}推送` : `, ${proposal.condition_text}`) : "";
  const text = zh
    ? `要订阅吗?${proposal.schedule_text} 查询“${proposal.question}”${condition}。当前结果:${proposal.preview.text} 点“确认订阅”保存,点“取消”放弃。`
    : `Subscribe? ${proposal.schedule_text}: "${proposal.question}"${condition}. Now: ${proposal.preview.text} Press Confirm to save it, or Cancel.`;
  return Answer.parse({
    ...preview,
    question: message,
    status: "answered",
    text,
    columns: [],
    rows: [],
    row_count: 0,
    chart: null,
    actions: [],
    truncated: false,
    subscription_proposal: proposal,
  });
}

/** The clarifying question of an unclear request: "几点推送?" (no time), "多久推送一次?" (no schedule), "要推送什么?". */
export function scheduleClarifyAnswer(message: string, options: { language: Language; missing: "time" | "schedule" | "question"; question: string; choices: ScheduleChoice[]; asOfDate: string | null }): Answer {
  const zh = options.language === "zh";
  const text =
    options.missing === "question"
      ? zh
        ? "要推送什么?请说出要订阅的问题,例如“每天早上8点推送还款风险上升的高价值客户”。"
        : 'What should be sent? Say the question to subscribe to, e.g. "every day at 8 send me customers with rising repayment risk".'
      : options.missing === "time"
      ? zh
        ? `几点推送?订阅“${options.question}”需要一个时间,请选择或直接说,例如“每天早上8点推送……”。`
        : `What time should it be sent? Subscribing to "${options.question}" needs a time: pick one or say it, e.g. "every day at 8 send me …".`
      : zh
        ? "多久推送一次、几点推送?请选择,或直接说“每天早上8点推送……”“每周一早上9点发……”。"
        : 'How often, and at what time? Pick one, or say it, e.g. "every day at 8 send me …" or "every Monday at 9 send me …".';
  const choices: AnswerChoice[] = options.choices.map((choice) => ({ label: choice.label, message: choice.message }));
  const frame = { question: message, language: options.language, conversationId: "pending", asOfDate: options.asOfDate, planner: null, confidence: null };
  return Answer.parse(clarifyAnswer(frame, text, choices, { total_ms: 0, sql_ms: 0 }));
}

/**
 * The question of a subscription request could not be answered now, so there is nothing to subscribe to: its own
 * status and text (a clarify's choices carried over into whole subscription messages), with the reason first.
 */
export function notSubscribableAnswer(message: string, preview: Answer, bareQuestion: string): Answer {
  const zh = preview.language === "zh";
  const prefix = zh ? "这个问题现在无法回答,暂时不能订阅:" : "This question cannot be answered now, so it cannot be subscribed to yet: ";
  // A choice rewrites the question; put it back into the whole message so picking it still subscribes.
  const choices = message.includes(bareQuestion) ? preview.choices.map((choice) => ({ label: choice.label, message: message.replace(bareQuestion, choice.message) })) : [];
  const status = preview.status === "answered" ? "unsupported" : preview.status;
  return Answer.parse({ ...preview, question: message, status, text: `${prefix}${preview.text}`, choices, rows: [], columns: [], row_count: 0, chart: null, actions: [] });
}
