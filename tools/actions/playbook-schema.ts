/** The zod shape of playbook rules: facts in an answer (terms, tools, metrics, row values) mapped to actions. */
import { z } from "zod";

const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

/** A condition on one column of the answer's rows. */
export const RowCondition = z
  .object({
    column: z.string().describe("a column name of the answer's rows, e.g. current_dpd"),
    op: z.enum(["gt", "gte", "lt", "lte", "eq", "ne", "in"]),
    value: z.union([z.number(), z.string(), z.array(z.union([z.string(), z.number()]))]),
  })
  .strict();
export type RowCondition = z.infer<typeof RowCondition>;

/** One playbook rule. */
export const PlaybookRule = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    title: Bilingual,
    /** Why, with {count} (rows it applies to) and {names} (the first few targets) filled in. */
    reason: Bilingual,
    priority: z.enum(["high", "medium", "low"]),
    owner: z.enum(["relationship_manager", "risk", "collections", "marketing", "branch_manager"]),
    /** When the rule applies to an answer at all. Every listed condition must hold. */
    when: z
      .object({
        termsAll: z.array(z.string()).optional().describe("all these terms filter the question"),
        termsAny: z.array(z.string()).optional().describe("at least one of these terms filters the question"),
        tool: z.string().optional().describe("the answer comes from this scoring tool"),
        metric: z.string().optional().describe("the answer shows this metric"),
        dimension: z.string().optional().describe("the answer is grouped by this dimension"),
        columnsAll: z.array(z.string()).optional().describe("the rows have all these columns"),
        minRows: z.number().int().min(1).default(1),
      })
      .strict(),
    /** Which rows the action is for (all of them when empty). */
    rows: z.array(RowCondition).default([]),
    /** Pick only the best or worst row by a column (the top channel, the worst branch). */
    pick: z.object({ by: z.string(), direction: z.enum(["max", "min"]) }).strict().optional(),
    /** What the action lists: customers, branches, channels or nothing. */
    target: z.enum(["customers", "branches", "channels", "none"]),
    /** Marketing actions never reach a customer with a current overdue or risk grade E. */
    marketing: z.boolean().default(false),
  })
  .strict();
export type PlaybookRule = z.infer<typeof PlaybookRule>;
export const Playbook = z.array(PlaybookRule).min(1);
