/** The subscription and inbox API as the web chat calls it, and the request a subscribe form's values make. */
import type { ApiClient } from "./api-client.ts";

/** When a subscription runs (the server's schedule shapes). */
export type ScheduleView =
  | { kind: "daily"; time: string; weekdays_only?: boolean }
  | { kind: "weekly"; weekday: number; time: string }
  | { kind: "monthly"; day: number | "last"; time: string }
  | { kind: "cron"; expression: string };

/** When a run's answer is delivered; null: always. */
export type ConditionView = { kind: "row_count"; op: "gt"; value: number } | { kind: "metric"; metric: string; op: "gt" | "lt"; value: number } | null;

/** A subscription as GET /api/subscriptions lists it (the fields the page uses). */
export interface SubscriptionView {
  id: string;
  name: string;
  active: boolean;
  schedule: ScheduleView;
  schedule_text: string;
  time_zone: string;
  next_run_at: string | null;
  secret?: string;
  deliveries: { inbox: boolean; webhooks: { url: string }[] };
}

/** One run (the fields the page uses). */
export interface RunView {
  id: string;
  status: "delivered" | "held" | "failed" | "skipped";
  finished_at: string;
  error: string | null;
}

/** One inbox item (the fields the page uses). */
export interface InboxItemView {
  id: string;
  kind: "run" | "digest";
  title: string;
  text: string;
  link: string | null;
  answer: { conversation_id: string; question: string } | null;
  created_at: string;
  read_at: string | null;
}

/** The body of POST /api/subscriptions from an answered turn. */
export interface CreateSubscriptionRequest {
  conversation_id: string;
  answer_index: number;
  name?: string;
  schedule: ScheduleView;
  condition: ConditionView;
  deliveries: { inbox: true; webhooks: { url: string }[] };
}

/** What the subscribe form holds, as text (as the inputs give it). */
export interface SubscribeFormValues {
  name: string;
  kind: "daily" | "weekly" | "monthly" | "cron";
  time: string;
  weekday: string;
  day: string;
  cron: string;
  condition: "none" | "rows" | "above" | "below";
  metric: string;
  threshold: string;
  webhookUrl: string;
}

/** The schedule the form's values describe. */
export function scheduleOf(values: SubscribeFormValues): ScheduleView {
  const time = /^\d{2}:\d{2}$/.test(values.time) ? values.time : "08:00";
  if (values.kind === "weekly") return { kind: "weekly", weekday: Number(values.weekday) || 0, time };
  if (values.kind === "monthly") return { kind: "monthly", day: values.day === "last" ? "last" : Math.min(31, Math.max(1, Math.trunc(Number(values.day)) || 1)), time };
  if (values.kind === "cron") return { kind: "cron", expression: values.cron.trim() };
  return { kind: "daily", time };
}

/** The condition the form's values describe. */
export function conditionOf(values: SubscribeFormValues): ConditionView {
  if (values.condition === "rows") return { kind: "row_count", op: "gt", value: 0 };
  if ((values.condition === "above" || values.condition === "below") && values.metric && values.threshold.trim() !== "" && Number.isFinite(Number(values.threshold))) {
    return { kind: "metric", metric: values.metric, op: values.condition === "above" ? "gt" : "lt", value: Number(values.threshold) };
  }
  return null;
}

/** The POST /api/subscriptions body for an answered turn and the form's values. */
export function subscriptionRequest(conversationId: string, answerIndex: number, values: SubscribeFormValues): CreateSubscriptionRequest {
  const url = values.webhookUrl.trim();
  return {
    conversation_id: conversationId,
    answer_index: answerIndex,
    ...(values.name.trim() ? { name: values.name.trim().slice(0, 200) } : {}),
    schedule: scheduleOf(values),
    condition: conditionOf(values),
    deliveries: { inbox: true, webhooks: url ? [{ url }] : [] },
  };
}

/** The subscription calls over one signed-in client. */
export class SubscriptionApi {
  constructor(private readonly api: ApiClient) {}

  /** POST /api/subscriptions. */
  async create(body: CreateSubscriptionRequest): Promise<SubscriptionView> {
    return (await this.api.request("POST", "/api/subscriptions", body)) as SubscriptionView;
  }

  /** POST /api/subscriptions/confirm: saves a proposal the chat made from a message ("每天早上8点推送……"). */
  async confirmProposal(proposalId: string): Promise<SubscriptionView> {
    return (await this.api.request("POST", "/api/subscriptions/confirm", { proposal_id: proposalId })) as SubscriptionView;
  }

  /** DELETE /api/subscriptions/proposals/:id: withdraws a proposal (it can no longer be confirmed). */
  async withdrawProposal(proposalId: string): Promise<void> {
    await this.api.request("DELETE", `/api/subscriptions/proposals/${encodeURIComponent(proposalId)}`);
  }

  /** GET /api/subscriptions. */
  async list(): Promise<SubscriptionView[]> {
    const payload = (await this.api.request("GET", "/api/subscriptions")) as { subscriptions?: SubscriptionView[] } | null;
    return payload?.subscriptions ?? [];
  }

  /** PATCH /api/subscriptions/:id {active}. */
  async setActive(id: string, active: boolean): Promise<SubscriptionView> {
    return (await this.api.request("PATCH", `/api/subscriptions/${encodeURIComponent(id)}`, { active })) as SubscriptionView;
  }

  /** DELETE /api/subscriptions/:id. */
  async remove(id: string): Promise<void> {
    await this.api.request("DELETE", `/api/subscriptions/${encodeURIComponent(id)}`);
  }

  /** POST /api/subscriptions/:id/run: runs it now and resolves the run. */
  async runNow(id: string): Promise<RunView> {
    return (await this.api.request("POST", `/api/subscriptions/${encodeURIComponent(id)}/run`)) as RunView;
  }

  /** GET /api/subscriptions/:id/runs, newest first. */
  async runs(id: string): Promise<RunView[]> {
    const payload = (await this.api.request("GET", `/api/subscriptions/${encodeURIComponent(id)}/runs`)) as { runs?: RunView[] } | null;
    return payload?.runs ?? [];
  }

  /** GET /api/inbox: the items, newest first, and the unread count. */
  async inbox(): Promise<{ items: InboxItemView[]; unread: number }> {
    const payload = (await this.api.request("GET", "/api/inbox?limit=100")) as { items?: InboxItemView[]; unread?: number } | null;
    return { items: payload?.items ?? [], unread: payload?.unread ?? 0 };
  }

  /** POST /api/inbox/:id/read. */
  async markRead(id: string): Promise<void> {
    await this.api.request("POST", `/api/inbox/${encodeURIComponent(id)}/read`);
  }

  /** POST /api/inbox/read-all. */
  async markAllRead(): Promise<void> {
    await this.api.request("POST", "/api/inbox/read-all");
  }
}

/** The conversation an inbox item links to: its answer's, else the `?conversation=` of its link. */
export function conversationOfItem(item: InboxItemView): string | null {
  if (item.answer?.conversation_id) return item.answer.conversation_id;
  const match = /[?&]conversation=([^&#]+)/.exec(item.link ?? "");
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
