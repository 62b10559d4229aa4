/** The parts of the answer object (shared/ANSWER.md) the scorer reads, validated leniently so any product version can be scored. */
import { z } from "zod";

/** An answer as the scorer sees it; unknown fields are kept. */
export const scoredAnswerSchema = z.looseObject({
  status: z.enum(["answered", "clarify", "unsupported", "error"]),
  text: z.string().nullish(),
  rows: z.array(z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())])).nullish(),
  columns: z.array(z.looseObject({ name: z.string() })).nullish(),
  sql: z.union([z.array(z.string()), z.string()]).nullish(),
  chart: z.unknown().optional(),
  timings: z.looseObject({ total_ms: z.number().optional() }).nullish(),
});

/** An answer as the scorer sees it. */
export type ScoredAnswer = z.infer<typeof scoredAnswerSchema>;

/** An "error" answer made by the evals when the product gave none (crash, timeout, bad output). */
export function providerFailure(message: string): ScoredAnswer {
  return { status: "error", text: message, rows: null, provider_failure: true };
}

/** Validates one answer; a malformed one becomes an error answer that says what was wrong. */
export function toScoredAnswer(value: unknown): ScoredAnswer {
  const parsed = scoredAnswerSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  return providerFailure(`malformed answer: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ").slice(0, 300)}`);
}

/** The answer's rows as arrays (rows given as objects are read in the order of `columns`, else of their keys). */
export function answerRows(answer: ScoredAnswer): unknown[][] {
  const columns = answer.columns?.map((column) => column.name);
  return (answer.rows ?? []).map((row) => {
    if (Array.isArray(row)) return row;
    return columns ? columns.map((name) => row[name]) : Object.values(row);
  });
}
