/**
 * Runs one subscription at one scheduled time, exactly once per key (subscription id + scheduled time): the owner's
 * role and branch looked up now, the saved question re-planned and answered with that scope, the run audited, the
 * condition evaluated, and when it holds the answer put in the owner's inbox and POSTed to each webhook.
 */
import { createHash } from "node:crypto";
import type { Answer } from "../../agent/answer/answer.ts";
import type { ToolRunnerRegistry } from "../../agent/pipeline/tool-runner.ts";
import type { Planner } from "../../agent/planner/planner.ts";
import { answerHeadlines } from "../../agent/subscriptions/answer-headlines.ts";
import { evaluateCondition } from "../../agent/subscriptions/subscription-condition.ts";
import { runSavedQuestion } from "../../agent/subscriptions/run-saved-question.ts";
import type { Subscription } from "../../agent/subscriptions/subscription.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import type { AuditLog } from "../store/audit-log.ts";
import type { PersistentConversationStore } from "../store/persistent-conversation-store.ts";
import type { OwnerDirectory } from "./owner-directory.ts";
import type { AnswerSummary, DeliveryRecord, InboxItem, RunRecord } from "./subscription-records.ts";
import type { SubscriptionStore } from "./subscription-store.ts";
import { deliverWebhook } from "./webhook-delivery.ts";
import type { RetryPolicy } from "./webhook-delivery.ts";

/** Rows an inbox item or a webhook body carries (row_count keeps the full count). */
export const MAX_DELIVERED_ROWS = 200;

/** What runs are built from. */
export interface SubscriptionRunnerOptions {
  store: SubscriptionStore;
  engine: Engine;
  conversations: PersistentConversationStore;
  audit?: AuditLog;
  owners: OwnerDirectory;
  now: () => Date;
  fetch: typeof fetch;
  sleep: (milliseconds: number) => Promise<void>;
  retry: RetryPolicy;
  /** Re-plans saved questions (default the offline planner; null runs saved plans unchanged). */
  replanner?: Planner | null;
  toolRunners?: ToolRunnerRegistry;
  timeoutMs?: number;
  onError?: (error: unknown, context: Record<string, unknown>) => void;
}

/** The key of a run: the subscription and the scheduled time. */
export const runKeyOf = (subscriptionId: string, scheduledFor: string) => `${subscriptionId}@${scheduledFor}`;

/** A short, URL-safe id derived from a key (the same key always gives the same id). */
export const idFromKey = (prefix: string, key: string) => `${prefix}_${createHash("sha256").update(key).digest("hex").slice(0, 20)}`;

/** The link back to a conversation in the web chat. */
export const conversationLink = (conversationId: string) => `/?conversation=${encodeURIComponent(conversationId)}`;

/** The answer as the inbox and webhooks carry it. */
export function summarizeAnswer(answer: Answer): AnswerSummary {
  return {
    question: answer.question,
    status: answer.status,
    text: answer.text,
    interpretation: answer.interpretation,
    columns: answer.columns,
    rows: answer.rows.slice(0, MAX_DELIVERED_ROWS),
    row_count: answer.row_count,
    as_of_date: answer.as_of_date,
    conversation_id: answer.conversation_id,
  };
}

/** Runs subscriptions. */
export class SubscriptionRunner {
  constructor(private readonly options: SubscriptionRunnerOptions) {}

  /**
   * Runs the subscription for `scheduledFor` unless a run of that key exists (finished, or started before a restart
   * and resumed through `resume`). Returns the run, or the existing one.
   */
  async run(subscription: Subscription, scheduledFor: string, extra: { missed?: number; manual?: boolean; resume?: boolean } = {}): Promise<RunRecord> {
    const { store, now } = this.options;
    const key = runKeyOf(subscription.id, scheduledFor);
    const finished = store.run(key);
    if (finished) return finished;
    if (store.hasRun(key) && !extra.resume) throw new Error(`run ${key} is in progress`);
    const startedAt = now().toISOString();
    if (!extra.resume) store.startRun({ key, subscription_id: subscription.id, scheduled_for: scheduledFor, ...(extra.manual ? { manual: true } : {}) }, startedAt);
    const base: RunRecord = {
      key,
      id: idFromKey("run", key),
      subscription_id: subscription.id,
      owner: subscription.owner,
      scheduled_for: scheduledFor,
      missed_occurrences: extra.missed ?? 0,
      manual: extra.manual ?? false,
      started_at: startedAt,
      finished_at: startedAt,
      status: "skipped",
      role: null,
      branch_id: null,
      plan_source: null,
      answer_status: null,
      as_of_date: null,
      row_count: 0,
      condition: null,
      headlines: [],
      conversation_id: null,
      inbox_item_id: null,
      deliveries: [],
      error: null,
    };
    let record: RunRecord;
    try {
      record = await this.execute(subscription, base);
    } catch (error) {
      this.options.onError?.(error, { subscription: subscription.id, key });
      record = { ...base, status: "failed", error: error instanceof Error ? error.message : String(error) };
    }
    record.finished_at = now().toISOString();
    store.finishRun(record);
    return record;
  }

  private async execute(subscription: Subscription, base: RunRecord): Promise<RunRecord> {
    const { store, owners } = this.options;
    const owner = owners(subscription.owner);
    if (!owner) return { ...base, status: "skipped", error: "OWNER_UNKNOWN" };
    const record: RunRecord = { ...base, role: owner.role, branch_id: owner.scope?.branchId ?? null };
    const { answer, planSource } = await runSavedQuestion({
      engine: this.options.engine,
      question: subscription.question,
      user: owner.user,
      ...(owner.scope ? { scope: owner.scope } : {}),
      ...(this.options.replanner === undefined ? {} : { replanner: this.options.replanner }),
      conversations: this.options.conversations,
      ...(this.options.toolRunners ? { toolRunners: this.options.toolRunners } : {}),
      ...(this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs }),
      onError: (error) => this.options.onError?.(error, { subscription: subscription.id, key: base.key }),
    });
    this.options.conversations.recordAnswer(answer.conversation_id, answer);
    this.audit(subscription, record, answer);
    Object.assign(record, {
      plan_source: planSource,
      answer_status: answer.status,
      as_of_date: answer.as_of_date,
      row_count: answer.row_count,
      headlines: answerHeadlines(answer),
      conversation_id: answer.conversation_id,
    });
    if (answer.status !== "answered") return { ...record, status: "failed", error: answer.error?.code ?? answer.status.toUpperCase() };

    const previous = store.runsOf(subscription.id).find((run) => run.condition?.value !== null && run.condition?.value !== undefined && run.key !== base.key);
    record.condition = evaluateCondition(subscription.condition, answer, previous?.condition?.value ?? null);
    if (!record.condition.met) return { ...record, status: "held" };

    const summary = summarizeAnswer(answer);
    const link = conversationLink(answer.conversation_id);
    if (subscription.deliveries.inbox) {
      const item: InboxItem = {
        id: idFromKey("inbox", base.key),
        user: subscription.owner,
        kind: "run",
        subscription_id: subscription.id,
        run_id: base.id,
        title: subscription.name,
        text: answer.text,
        answer: summary,
        link,
        created_at: this.options.now().toISOString(),
        read_at: null,
      };
      store.addInboxItem(item);
      record.inbox_item_id = item.id;
    }
    const body = JSON.stringify({
      type: "subscription.run",
      subscription_id: subscription.id,
      subscription_name: subscription.name,
      run_id: base.id,
      scheduled_for: base.scheduled_for,
      language: subscription.question.language,
      condition: record.condition,
      link,
      answer: summary,
    });
    for (const [index, target] of subscription.deliveries.webhooks.entries()) {
      const id = idFromKey("dlv", `${base.key}#${index}#${target.url}`);
      const existing = store.delivery(id);
      const at = this.options.now().toISOString();
      const delivery: DeliveryRecord = existing ?? { id, run_key: base.key, subscription_id: subscription.id, owner: subscription.owner, url: target.url, status: "pending", attempts: [], created_at: at, updated_at: at };
      const final =
        delivery.status === "delivered"
          ? delivery
          : await deliverWebhook({ ...delivery, status: "pending", attempts: [] }, body, subscription.secret, {
              fetch: this.options.fetch,
              sleep: this.options.sleep,
              now: this.options.now,
              retry: this.options.retry,
              save: (updated) => store.saveDelivery(updated),
            });
      record.deliveries.push({ id, url: target.url, status: final.status });
    }
    const anyFailed = record.deliveries.some((delivery) => delivery.status !== "delivered");
    return { ...record, status: anyFailed ? "failed" : "delivered", error: anyFailed ? "WEBHOOK_FAILED" : null };
  }

  /** The run in the audit log, as the owner asked it, on the "subscription" channel. */
  private audit(subscription: Subscription, record: RunRecord, answer: Answer): void {
    this.options.audit?.append({
      at: this.options.now().toISOString(),
      request_id: record.id,
      channel: "subscription",
      user: subscription.owner,
      role: record.role ?? "unknown",
      branch_id: record.branch_id,
      question: subscription.question.text,
      conversation_id: answer.conversation_id,
      status: answer.status,
      error_code: answer.error?.code ?? null,
      plan: answer.plan,
      sql: answer.sql,
      row_count: answer.row_count,
      timings: answer.timings,
    });
  }
}
