/**
 * The answer's optional `subscription_proposal` field: a subscription read from a chat message ("每天早上8点推送……"),
 * planned and previewed but not saved; POST /api/subscriptions/confirm with its id saves it.
 */
import { z } from "zod";
import { Schedule } from "./schedule.ts";
import { SubscriptionCondition } from "./subscription-condition.ts";

const AnswerCellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** How a preview column's numbers are shown (the answer columns' formats). */
const AnswerColumnFormat = z.enum(["count", "money", "rate", "hours", "number", "score", "probability"]);

/** A subscription waiting for the user's confirmation, as the chat answer carries it. */
export const AnswerSubscriptionProposal = z
  .object({
    /** Pass to POST /api/subscriptions/confirm as proposal_id. */
    id: z.string().min(1),
    /** The question asked at each run: the message without its schedule and delivery words. */
    question: z.string().min(1),
    schedule: Schedule,
    /** The schedule in words, in the answer's language ("每天 08:00 (Asia/Shanghai)"). */
    schedule_text: z.string().min(1),
    /** The schedule as a cron pattern (minute hour day month weekday) in `time_zone`. */
    cron: z.string().min(1),
    time_zone: z.string().min(1),
    /** When a run is delivered; null: every run. */
    condition: SubscriptionCondition.nullable(),
    /** The condition in words ("当任何分行逾期率超过3%时"), null when there is none. */
    condition_text: z.string().nullable(),
    /** The plan restated in words (the question's interpretation). */
    plan_summary: z.string(),
    /** The question's query plan, saved with the subscription. */
    plan: z.record(z.string(), z.unknown()),
    /** What the question answers now: its short text, row count and first rows. */
    preview: z
      .object({
        text: z.string(),
        row_count: z.number().int().nonnegative(),
        columns: z.array(z.object({ name: z.string(), label: z.string(), format: AnswerColumnFormat.optional() }).strict()),
        rows: z.array(z.array(AnswerCellValue)),
      })
      .strict(),
    /** After this instant the proposal can no longer be confirmed. */
    expires_at: z.string(),
  })
  .strict();
export type AnswerSubscriptionProposal = z.infer<typeof AnswerSubscriptionProposal>;
