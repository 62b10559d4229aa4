/** The one mapping from error codes (LendLensError) to HTTP statuses, used by the HTTP handler, the chat and the stream. */
import { LendLensError } from "../../schema/errors.ts";

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  ANSWER_NOT_FOUND: 404,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  MALFORMED_JSON: 400,
  REQUEST_INVALID: 400,
  EMPTY_QUESTION: 400,
  SCORING_INVALID_INPUT: 400,
  QUERY_TIMEOUT: 504,
  ENGINE_UNAVAILABLE: 503,
  LLM_UNAVAILABLE: 503,
};

/**
 * The HTTP status of an error: listed codes first; other user-fixable errors (guard refusals, plans that cannot be
 * compiled) are 422; everything else is 500.
 */
export function httpStatusOf(error: unknown): number {
  if (!LendLensError.is(error)) return 500;
  const listed = STATUS_BY_CODE[error.code];
  if (listed !== undefined) return listed;
  return error.audience === "user" ? 422 : 500;
}

/** The HTTP status of an answer: 200 unless its status is "error", then its error code's status. */
export function httpStatusOfAnswer(answer: { status: string; error: { code: string; audience: "user" | "internal" } | null }): number {
  if (answer.status !== "error" || !answer.error) return 200;
  const listed = STATUS_BY_CODE[answer.error.code];
  if (listed !== undefined) return listed;
  return answer.error.audience === "user" ? 422 : 500;
}
