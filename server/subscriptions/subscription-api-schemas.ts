/** Request bodies and queries of the subscription and inbox API (zod, strict). */
import { z } from "zod";
import { Schedule } from "../../agent/subscriptions/schedule.ts";
import { Deliveries } from "../../agent/subscriptions/subscription.ts";
import { SubscriptionCondition } from "../../agent/subscriptions/subscription-condition.ts";

const TimeZone = z.string().min(1).max(64).describe("an IANA time zone; default the bank's (LENDLENS_TIME_ZONE, Asia/Shanghai)");

/** POST /api/subscriptions: a question (asked now, its plan saved) or an answered turn of the caller's conversation. */
export const CreateSubscriptionBody = z
  .object({
    name: z.string().min(1).max(200).optional(),
    question: z.string().min(1).max(2000).optional(),
    conversation_id: z.string().min(1).max(100).optional(),
    answer_index: z.number().int().min(0).optional(),
    schedule: Schedule,
    time_zone: TimeZone.optional(),
    condition: SubscriptionCondition.nullable().optional(),
    deliveries: Deliveries.optional(),
  })
  .strict()
  .refine((body) => (body.question === undefined) !== (body.conversation_id === undefined), { message: "give either question or conversation_id (with answer_index)" });
export type CreateSubscriptionBody = z.infer<typeof CreateSubscriptionBody>;

/** PATCH /api/subscriptions/:id. */
export const UpdateSubscriptionBody = z
  .object({
    name: z.string().min(1).max(200).optional(),
    schedule: Schedule.optional(),
    time_zone: TimeZone.optional(),
    condition: SubscriptionCondition.nullable().optional(),
    deliveries: Deliveries.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateSubscriptionBody = z.infer<typeof UpdateSubscriptionBody>;

/** POST /api/subscriptions/proposals: a chat message such as "每天早上8点推送……". */
export const ProposeSubscriptionBody = z
  .object({
    message: z.string().min(1).max(2000),
    time_zone: TimeZone.optional(),
    deliveries: Deliveries.optional(),
  })
  .strict();

/** POST /api/subscriptions/confirm: saves a proposal, optionally changed. */
export const ConfirmSubscriptionBody = z
  .object({
    proposal_id: z.string().min(1).max(100),
    name: z.string().min(1).max(200).optional(),
    condition: SubscriptionCondition.nullable().optional(),
    deliveries: Deliveries.optional(),
  })
  .strict();

/** GET /api/inbox query. */
export const InboxQueryParameters = z
  .object({
    unread: z.enum(["true", "false"]).optional(),
    limit: z.coerce.number<string>().int().min(1).max(500).optional(),
  })
  .strict();
