/** When to retry a failed model request and how long to wait: exponential backoff, Retry-After when it is small. */

/** Retry settings of the OpenAI-compatible model. */
export interface RetryPolicy {
  /** Attempts in all, including the first (default 3). */
  maxAttempts: number;
  /** The first backoff; doubled for every further attempt (default 500 ms). */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited for: the request fails instead (default 10 s). */
  maxRetryAfterMs: number;
}

/** The defaults. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxRetryAfterMs: 10_000 };

/** 429 and 5xx are worth retrying; other statuses (400, 401, 404) will fail the same way again. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * The Retry-After header in milliseconds (seconds or an HTTP date; also the retry-after-ms header some servers
 * send), or undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const milliseconds = headers.get("retry-after-ms");
  if (milliseconds && Number.isFinite(Number(milliseconds))) return Math.max(0, Number(milliseconds));
  const value = headers.get("retry-after");
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before attempt `attempt + 1` (attempt is 1-based): the server's Retry-After when given,
 * otherwise base × 2^(attempt-1) with a little jitter. Undefined means: do not retry (Retry-After too long).
 */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, serverDelayMs?: number, random: () => number = Math.random): number | undefined {
  if (serverDelayMs !== undefined) return serverDelayMs <= policy.maxRetryAfterMs ? serverDelayMs : undefined;
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
