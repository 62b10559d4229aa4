/**
 * Delivers one signed JSON POST to a webhook, retried with exponential backoff; every attempt is saved, and a
 * delivery that never got a 2xx stays "failed" and visible (GET /api/subscriptions/:id/deliveries).
 */
import type { DeliveryAttempt, DeliveryRecord } from "./subscription-records.ts";
import { SIGNATURE_HEADER, signBody } from "./webhook-signature.ts";

/** Retry policy of webhook deliveries. */
export interface RetryPolicy {
  /** Attempts in all (default 3). */
  attempts: number;
  /** Wait before the second attempt; doubled before each further one (default 1 s). */
  baseDelayMs: number;
  /** Per-attempt timeout (default 10 s). */
  timeoutMs: number;
}

/** The default policy: 3 attempts, waiting 1 s then 2 s, 10 s per attempt. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 1000, timeoutMs: 10_000 };

/** What a delivery needs from its surroundings (injected in tests). */
export interface DeliveryEnvironment {
  fetch: typeof fetch;
  sleep: (milliseconds: number) => Promise<void>;
  now: () => Date;
  retry: RetryPolicy;
  /** Called after every attempt with the updated record (the store saves it). */
  save: (delivery: DeliveryRecord) => void;
}

/** Waits, with a real timer. */
export const realSleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/** POSTs `body` until a 2xx answer or the attempts run out; returns the final record. */
export async function deliverWebhook(delivery: DeliveryRecord, body: string, secret: string, environment: DeliveryEnvironment): Promise<DeliveryRecord> {
  const record: DeliveryRecord = { ...delivery, attempts: [...delivery.attempts] };
  const signature = signBody(body, secret);
  for (let attempt = record.attempts.length; attempt < environment.retry.attempts; attempt++) {
    if (attempt > 0) await environment.sleep(environment.retry.baseDelayMs * 2 ** (attempt - 1));
    const started = performance.now();
    const result: DeliveryAttempt = { at: environment.now().toISOString(), status_code: null, error: null, ms: 0 };
    try {
      const response = await environment.fetch(record.url, {
        method: "POST",
        headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signature, "X-LendLens-Delivery": record.id, "user-agent": "LendLens-Webhook/1" },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(environment.retry.timeoutMs),
      });
      result.status_code = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status >= 300) result.error = `HTTP ${response.status}`;
    } catch (error) {
      result.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    result.ms = Math.round(performance.now() - started);
    record.attempts.push(result);
    record.status = result.error === null ? "delivered" : attempt + 1 >= environment.retry.attempts ? "failed" : "pending";
    record.updated_at = result.at;
    environment.save(record);
    if (record.status === "delivered") return record;
  }
  if (record.status === "pending") {
    record.status = "failed";
    environment.save(record);
  }
  return record;
}
