/** What the subscription store keeps besides subscriptions: proposals, runs, inbox items, deliveries and digests. */
import type { Answer } from "../../agent/answer/answer.ts";
import type { Headline } from "../../agent/subscriptions/answer-headlines.ts";
import type { ConditionResult } from "../../agent/subscriptions/subscription-condition.ts";
import type { PlanSource } from "../../agent/subscriptions/run-saved-question.ts";
import type { Subscription } from "../../agent/subscriptions/subscription.ts";

/** A subscription read from a chat message, waiting for the user to confirm it. */
export interface SubscriptionProposal {
  id: string;
  user: string;
  message: string;
  /** The subscription as it will be saved (id, secret and dates are set on confirmation). */
  draft: Omit<Subscription, "id" | "secret" | "created_at" | "updated_at" | "starts_at" | "active">;
  /** The schedule in words, in the message's language. */
  description: string;
  /** The answer the question gets now. */
  preview: { status: Answer["status"]; text: string; row_count: number; conversation_id: string };
  created_at: string;
  expires_at: string;
}

/** How a run ended. */
export type RunStatus = "delivered" | "held" | "failed" | "skipped";

/** One run of a subscription at one scheduled time (key = subscription id + scheduled time). */
export interface RunRecord {
  key: string;
  id: string;
  subscription_id: string;
  owner: string;
  scheduled_for: string;
  /** Earlier occurrences missed while the server was down, folded into this run. */
  missed_occurrences: number;
  manual: boolean;
  started_at: string;
  finished_at: string;
  status: RunStatus;
  /** The owner's role and branch at run time (null when the owner has no key any more). */
  role: string | null;
  branch_id: string | null;
  plan_source: PlanSource | null;
  answer_status: Answer["status"] | null;
  as_of_date: string | null;
  row_count: number;
  condition: ConditionResult | null;
  headlines: Headline[];
  conversation_id: string | null;
  inbox_item_id: string | null;
  deliveries: { id: string; url: string; status: DeliveryStatus }[];
  /** Why a run was skipped or failed (the answer's error code, OWNER_UNKNOWN). */
  error: string | null;
}

/** The answer as the inbox and webhooks carry it (rows capped). */
export interface AnswerSummary {
  question: string;
  status: Answer["status"];
  text: string;
  interpretation: string;
  columns: Answer["columns"];
  rows: Answer["rows"];
  row_count: number;
  as_of_date: string | null;
  conversation_id: string;
}

/** A message in a user's in-app inbox: a run's answer or a digest. */
export interface InboxItem {
  id: string;
  user: string;
  kind: "run" | "digest";
  subscription_id: string | null;
  run_id: string | null;
  title: string;
  text: string;
  answer: AnswerSummary | null;
  /** Back to the full answer: "/?conversation=<id>". */
  link: string | null;
  /** Digest lines (kind "digest"). */
  lines?: unknown[];
  created_at: string;
  read_at: string | null;
}

/** A webhook delivery's state. */
export type DeliveryStatus = "pending" | "delivered" | "failed";

/** One POST attempt. */
export interface DeliveryAttempt {
  at: string;
  status_code: number | null;
  error: string | null;
  ms: number;
}

/** One webhook delivery of one run, with every attempt. */
export interface DeliveryRecord {
  id: string;
  run_key: string;
  subscription_id: string;
  owner: string;
  url: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  created_at: string;
  updated_at: string;
}

/** A digest that was sent: the values it showed, the baseline of the next one. */
export interface DigestRecord {
  key: string;
  user: string;
  scheduled_for: string;
  values: Record<string, number>;
  inbox_item_id: string;
  at: string;
}
