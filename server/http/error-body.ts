/** The JSON body of every error response: a stable code, the message in both languages, the request id. */
import { asLendLensError, errorMessages } from "../../agent/answer/status-answers.ts";

/** The error body; internal errors show only a generic message with their code (never a stack or internals). */
export function errorBody(error: unknown, requestId: string) {
  const typed = asLendLensError(error);
  const messages = errorMessages(typed);
  return { error: { code: typed.code, message: messages.en, messages, request_id: requestId } };
}
