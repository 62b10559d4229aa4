/** Typed errors of the LLM layer: the endpoint is unavailable, or the agent loop could not reach a valid plan. */
import { LendLensError } from "../../schema/errors.ts";

/** Why the endpoint gave no usable reply. */
export type LlmUnavailableReason = "unreachable" | "timeout" | "rate_limited" | "server_error" | "rejected" | "malformed_response";

const UNAVAILABLE_MESSAGES: Record<LlmUnavailableReason, { zh: string; en: string }> = {
  unreachable: { zh: "无法连接到大模型服务", en: "The language model endpoint cannot be reached" },
  timeout: { zh: "大模型服务响应超时", en: "The language model endpoint timed out" },
  rate_limited: { zh: "大模型服务请求过于频繁(429),重试后仍被限流", en: "The language model endpoint kept rate-limiting requests (429)" },
  server_error: { zh: "大模型服务持续返回服务器错误", en: "The language model endpoint kept returning server errors" },
  rejected: { zh: "大模型服务拒绝了请求(请检查 API Key、模型名称和地址)", en: "The language model endpoint rejected the request (check the API key, model name and base URL)" },
  malformed_response: { zh: "大模型服务返回了无法识别的内容", en: "The language model endpoint returned a reply that could not be read" },
};

/**
 * The LLM endpoint is unreachable, timed out or kept failing after retries. User audience: the message says what
 * happened and that the offline planner still answers common questions.
 */
export class LlmUnavailableError extends LendLensError {
  readonly reason: LlmUnavailableReason;
  readonly attempts: number;
  readonly status?: number;

  constructor(reason: LlmUnavailableReason, options: { attempts: number; status?: number; detail?: string; cause?: unknown }) {
    const base = UNAVAILABLE_MESSAGES[reason];
    const status = options.status === undefined ? "" : ` (HTTP ${options.status})`;
    const tries = options.attempts > 1 ? `,已尝试 ${options.attempts} 次` : "";
    const triesEn = options.attempts > 1 ? ` after ${options.attempts} attempts` : "";
    super(
      "LLM_UNAVAILABLE",
      {
        zh: `${base.zh}${status}${tries}。常见问题仍可由离线解析回答,请稍后再试。`,
        en: `${base.en}${status}${triesEn}. Common questions are still answered offline; please try again later.`,
      },
      { audience: "user", details: { reason, attempts: options.attempts, status: options.status, detail: options.detail }, cause: options.cause },
    );
    this.reason = reason;
    this.attempts = options.attempts;
    this.status = options.status;
  }
}

/** Why the agent loop stopped without an outcome. */
export type LlmPlanningFailure = "repairs_exhausted" | "round_limit";

/** The model did not produce a valid plan within the repair or round limit; the pipeline answers with status "error". */
export class LlmPlanningError extends LendLensError {
  readonly failure: LlmPlanningFailure;

  constructor(failure: LlmPlanningFailure, details: { rounds: number; repairs: number; lastProblem?: string }) {
    const last = details.lastProblem ? `(${details.lastProblem})` : "";
    const lastEn = details.lastProblem ? ` (${details.lastProblem})` : "";
    const messages =
      failure === "repairs_exhausted"
        ? {
            zh: `大模型多次给出无效的查询${last},未能理解这个问题。请换个说法,或指明具体指标与时间。`,
            en: `The language model kept proposing invalid queries${lastEn}, so the question was not understood. Please rephrase it or name the metric and period.`,
          }
        : {
            zh: `大模型在 ${details.rounds} 轮工具调用内没有得出查询,已停止。请把问题问得更具体一些。`,
            en: `The language model did not settle on a query within ${details.rounds} tool rounds and was stopped. Please ask a more specific question.`,
          };
    super("LLM_PLANNING_FAILED", messages, { audience: "user", details: { failure, ...details } });
    this.failure = failure;
  }
}
