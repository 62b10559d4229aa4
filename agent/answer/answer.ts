/**
 * The answer object of ../shared/ANSWER.md as one zod schema: every entry point (chat, HTTP, WebSocket, CLI, evals)
 * returns an object this schema accepts. Fields may be added here, never renamed.
 */
import { z } from "zod";
import { AnswerSubscriptionProposal } from "../subscriptions/answer-subscription-proposal.ts";

/** The languages answers are written in. */
export const AnswerLanguage = z.enum(["zh", "en"]);

/** What became of the question. */
export const AnswerStatus = z.enum(["answered", "clarify", "unsupported", "error"]);
export type AnswerStatus = z.infer<typeof AnswerStatus>;

/** How a column's values are shown (the semantic layer's formats); rates and probabilities are fractions. */
export const AnswerColumnFormat = z.enum(["count", "money", "rate", "hours", "number", "score", "probability"]);
export type AnswerColumnFormat = z.infer<typeof AnswerColumnFormat>;

/** A result column: its name in the rows, its value type and its label in the answer's language. */
export const AnswerColumn = z
  .object({
    name: z.string().min(1),
    type: z.enum(["text", "number", "date"]),
    label: z.string().min(1),
    /** Added: how numbers of this column are shown (a rate 0.042 reads 4.2%). */
    format: AnswerColumnFormat.optional(),
  })
  .strict();
export type AnswerColumn = z.infer<typeof AnswerColumn>;

/** One cell: numbers as JSON numbers (rates as fractions), dates as 'YYYY-MM-DD' text, or null. */
export const AnswerCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type AnswerCell = z.infer<typeof AnswerCell>;

/** A suggested follow-up action (filled in by the actions step); extra fields are kept. */
export const AnswerAction = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  reason: z.string(),
  priority: z.enum(["high", "medium", "low"]),
  customer_ids: z.array(z.string()).optional(),
});
export type AnswerAction = z.infer<typeof AnswerAction>;

/** A definition (口径) the answer used: a metric or term with its formula. */
export const AnswerDefinition = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    formula: z.string().min(1),
    /** Added: the description in the answer's language. */
    description: z.string().optional(),
  })
  .strict();
export type AnswerDefinition = z.infer<typeof AnswerDefinition>;

/** A tool step that ran, with its arguments and duration. */
export const AnswerTool = z.object({ name: z.string().min(1), args: z.record(z.string(), z.unknown()), ms: z.number().nonnegative() }).strict();
export type AnswerTool = z.infer<typeof AnswerTool>;

/** A choice offered by a clarifying question; `message` is what the chat sends when it is picked. */
export const AnswerChoice = z.object({ label: z.string().min(1), message: z.string().min(1) }).strict();
export type AnswerChoice = z.infer<typeof AnswerChoice>;

/** Why an answer has status "error": a stable code and the message in both languages. */
export const AnswerError = z
  .object({
    code: z.string().min(1),
    audience: z.enum(["user", "internal"]),
    messages: z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict(),
  })
  .strict();
export type AnswerError = z.infer<typeof AnswerError>;

/** Durations in milliseconds: total_ms and sql_ms always, other steps (planning_ms, compose_ms, ...) when they ran. */
export const AnswerTimings = z
  .object({ total_ms: z.number().nonnegative(), sql_ms: z.number().nonnegative() })
  .catchall(z.number().nonnegative());
export type AnswerTimings = z.infer<typeof AnswerTimings>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The answer object. */
export const Answer = z
  .object({
    question: z.string(),
    language: AnswerLanguage,
    status: AnswerStatus,
    /** The short answer in the question's language. */
    text: z.string().min(1),
    /** The plan restated in words, with the 口径 and the date range ("" when nothing was planned). */
    interpretation: z.string(),
    /** Every statement that ran, in order, exactly as executed. */
    sql: z.array(z.string()),
    columns: z.array(AnswerColumn),
    /** The primary result, complete up to 10,000 rows. */
    rows: z.array(z.array(AnswerCell)),
    /** Rows in the full result. */
    row_count: z.number().int().nonnegative(),
    /** A Vega-Lite specification, or null. */
    chart: z.record(z.string(), z.unknown()).nullable(),
    actions: z.array(AnswerAction),
    definitions: z.array(AnswerDefinition),
    tools: z.array(AnswerTool),
    as_of_date: IsoDate.nullable(),
    conversation_id: z.string().min(1),
    timings: AnswerTimings,
    // Added fields.
    /** 0..1: how sure the planner was that the plan means what was asked (null when nothing was planned). */
    confidence: z.number().min(0).max(1).nullable().default(null),
    /** Choices of a clarifying question (status "clarify"). */
    choices: z.array(AnswerChoice).default([]),
    /** Questions the assistant can answer instead (status "unsupported", or after an error). */
    suggestions: z.array(z.string()).default([]),
    /** The query plan that was run (null when there was none). */
    plan: z.record(z.string(), z.unknown()).nullable().default(null),
    /** The date range the numbers cover, when the query had one. */
    period: z.object({ start: IsoDate, end: IsoDate }).strict().nullable().default(null),
    /** True when the result had more rows than the 10,000 returned. */
    truncated: z.boolean().default(false),
    /** Which planner answered (offline, llm, ...). */
    planner: z.string().nullable().default(null),
    /** Why the status is "error" (null otherwise). */
    error: AnswerError.nullable().default(null),
    /** A subscription read from the message, waiting for confirmation (absent on other answers). */
    subscription_proposal: AnswerSubscriptionProposal.optional(),
    /** Follow-up questions, in the answer's language, that were planned in this conversation and plan to an answer (absent when none). */
    follow_ups: z.array(z.string().min(1)).max(3).optional(),
  })
  .strict()
  .superRefine((answer, context) => {
    const width = answer.columns.length;
    answer.rows.forEach((row, index) => {
      if (row.length !== width) context.addIssue({ code: "custom", path: ["rows", index], message: `row has ${row.length} cells, expected ${width}` });
    });
    if (answer.row_count < answer.rows.length) context.addIssue({ code: "custom", path: ["row_count"], message: "row_count is smaller than the rows returned" });
    if (answer.status === "error" && !answer.error) context.addIssue({ code: "custom", path: ["error"], message: "an error answer names its error" });
    if (answer.status === "error" && answer.rows.length > 0) context.addIssue({ code: "custom", path: ["rows"], message: "an error answer carries no rows" });
  });
export type Answer = z.infer<typeof Answer>;
/** The answer as built, before defaults of the added fields are filled in. */
export type AnswerInput = z.input<typeof Answer>;
