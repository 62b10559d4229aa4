/** Typed errors of the HTTP layer (auth, roles, limits, bad requests); the error handler maps their codes to statuses. */
import { LendLensError } from "../../schema/errors.ts";

/** No API key, or one the server does not know (401). */
export class UnauthorizedError extends LendLensError {
  constructor(reason: "missing" | "invalid" | "demo_remote") {
    const messages = {
      missing: { zh: "缺少 API 密钥:请用 Authorization: Bearer <密钥> 调用。", en: "An API key is required: send Authorization: Bearer <key>." },
      invalid: { zh: "API 密钥无效。", en: "The API key is not valid." },
      demo_remote: { zh: "演示密钥只能在本机(localhost)使用。", en: "The demo key works from localhost only." },
    }[reason];
    super("UNAUTHORIZED", messages, { details: { reason } });
  }
}

/** The key is valid but its role may not do this (403). */
export class ForbiddenError extends LendLensError {
  constructor(what: { zh: string; en: string }) {
    super("FORBIDDEN", { zh: `没有权限:${what.zh}`, en: `Not allowed: ${what.en}` });
  }
}

/** Nothing of that id for this user (404); another user's conversation reads the same as a missing one. */
export class NotFoundError extends LendLensError {
  constructor(what: { zh: string; en: string }, code = "NOT_FOUND") {
    super(code, { zh: `找不到${what.zh}。`, en: `${what.en} was not found.` });
  }
}

/** Too many requests for this key in the current window (429). */
export class RateLimitedError extends LendLensError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super("RATE_LIMITED", { zh: `请求过于频繁,请 ${retryAfterSeconds} 秒后再试。`, en: `Too many requests; try again in ${retryAfterSeconds} s.` }, { details: { retryAfterSeconds } });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The request body is larger than the limit (413). */
export class PayloadTooLargeError extends LendLensError {
  constructor(limitBytes: number) {
    super("PAYLOAD_TOO_LARGE", { zh: `请求体超过 ${limitBytes} 字节的上限。`, en: `The request body is larger than the ${limitBytes}-byte limit.` }, { details: { limitBytes } });
  }
}

/** The body is not valid JSON (400). */
export class MalformedJsonError extends LendLensError {
  constructor() {
    super("MALFORMED_JSON", { zh: "请求体不是有效的 JSON。", en: "The request body is not valid JSON." });
  }
}

/** The request does not match its schema (400); the problems name the fields. */
export class RequestInvalidError extends LendLensError {
  constructor(problems: string[]) {
    super("REQUEST_INVALID", { zh: `请求不合规:${problems.join(";")}`, en: `Invalid request: ${problems.join("; ")}` }, { details: { problems } });
  }
}
