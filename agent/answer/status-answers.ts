/** Answers without a result: a clarifying question with choices, an honest "unsupported", or an error. */
import { LendLensError } from "../../schema/errors.ts";
import type { ClarifyChoice } from "../planner/planner.ts";
import type { AnswerInput } from "./answer.ts";
import type { AnswerFrame } from "./compose-answer.ts";

/** The empty result part every non-answer shares. */
function emptyResult(frame: AnswerFrame, timings: AnswerInput["timings"]) {
  return {
    question: frame.question,
    language: frame.language,
    sql: [],
    columns: [],
    rows: [],
    row_count: 0,
    chart: null,
    actions: [],
    definitions: [],
    tools: [],
    as_of_date: frame.asOfDate,
    conversation_id: frame.conversationId,
    timings,
    confidence: frame.confidence,
    planner: frame.planner,
  };
}

/** Status "clarify": one short question and the choices to pick from. */
export function clarifyAnswer(frame: AnswerFrame, question: string, choices: ClarifyChoice[], timings: AnswerInput["timings"]): AnswerInput {
  const options = choices.map((choice) => choice.label).join(frame.language === "zh" ? " / " : " / ");
  return {
    ...emptyResult(frame, timings),
    status: "clarify",
    text: question,
    interpretation: options ? (frame.language === "zh" ? `可选：${options}` : `Choices: ${options}`) : "",
    choices,
  };
}

/** Status "unsupported": why, plainly, and questions that can be answered instead. */
export function unsupportedAnswer(frame: AnswerFrame, message: string, suggestions: string[], timings: AnswerInput["timings"], interpretation = ""): AnswerInput {
  const zh = frame.language === "zh";
  const tail = suggestions.length > 0 ? (zh ? `可以试试：${suggestions.map((text) => `“${text}”`).join("、")}` : ` You could ask: ${suggestions.map((text) => `"${text}"`).join(", ")}`) : "";
  return { ...emptyResult(frame, timings), status: "unsupported", text: `${message}${tail}`, interpretation, suggestions };
}

/** A failure as a LendLensError: unknown failures become INTERNAL_ERROR, their message kept out of the answer. */
export function asLendLensError(error: unknown): LendLensError {
  if (error instanceof LendLensError) return error;
  if (LendLensError.is(error)) return error;
  return new LendLensError(
    "INTERNAL_ERROR",
    { zh: "处理这个问题时发生内部错误。", en: "An internal error occurred while answering this question." },
    { audience: "internal", cause: error },
  );
}

/** The message shown for an error: the error's own for user errors; a plain sentence with the code for internal ones. */
export function errorMessages(error: LendLensError): { zh: string; en: string } {
  if (error.audience === "user") return { zh: error.messages.zh, en: error.messages.en };
  return {
    zh: `抱歉，处理这个问题时出错了（错误代码 ${error.code}）。请换个问法或稍后再试。`,
    en: `Sorry, something went wrong while answering this question (error code ${error.code}). Please rephrase it or try again later.`,
  };
}

/** Status "error": a clear message in the question's language, the code kept, no partial data. */
export function errorAnswer(frame: AnswerFrame, failure: unknown, timings: AnswerInput["timings"], executedSql: string[] = [], interpretation = ""): AnswerInput {
  const error = asLendLensError(failure);
  const messages = errorMessages(error);
  return {
    ...emptyResult(frame, timings),
    sql: executedSql,
    status: "error",
    text: messages[frame.language],
    interpretation,
    error: { code: error.code, audience: error.audience, messages },
  };
}
