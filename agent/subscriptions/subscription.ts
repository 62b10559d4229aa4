/** The subscription model: a saved question (its text and plan), a schedule, an optional condition and deliveries. */
import { z } from "zod";
import { QueryPlan } from "../plan/query-plan.ts";
import { Schedule } from "./schedule.ts";
import { SubscriptionCondition } from "./subscription-condition.ts";

/** The bank's time zone when none is configured. */
export const DEFAULT_BANK_TIME_ZONE = "Asia/Shanghai";

/** A webhook target: answers are POSTed there as JSON, signed with the subscription's secret. */
export const WebhookTarget = z
  .object({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .describe("http(s) URL that receives the signed JSON POST"),
  })
  .strict();
export type WebhookTarget = z.infer<typeof WebhookTarget>;

/** Where a run's answer goes: the owner's inbox (always, unless turned off) and any webhooks. */
export const Deliveries = z
  .object({
    inbox: z.boolean().default(true),
    webhooks: z.array(WebhookTarget).max(5).default([]),
  })
  .strict();
export type Deliveries = z.infer<typeof Deliveries>;

/** The question a subscription asks: its text (re-planned at each run for relative time words) and its saved plan. */
export const SavedQuestion = z
  .object({
    text: z.string().min(1).max(2000),
    language: z.enum(["zh", "en"]),
    plan: QueryPlan,
    /** The as-of date the saved plan's absolute dates were resolved against. */
    as_of_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  })
  .strict();
export type SavedQuestion = z.infer<typeof SavedQuestion>;

/** A saved subscription. The owner's role and branch are looked up at each run, never stored. */
export const Subscription = z
  .object({
    id: z.string().min(1),
    owner: z.string().min(1),
    name: z.string().min(1).max(200),
    question: SavedQuestion,
    schedule: Schedule,
    time_zone: z.string().min(1),
    condition: SubscriptionCondition.nullable(),
    deliveries: Deliveries,
    /** The HMAC-SHA256 key of webhook signatures. */
    secret: z.string().min(16),
    active: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
    /** Occurrences after this instant are due: the creation, or the last change of the schedule or time zone. */
    starts_at: z.string(),
  })
  .strict();
export type Subscription = z.infer<typeof Subscription>;
