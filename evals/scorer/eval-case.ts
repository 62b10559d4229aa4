/** The shape of one eval case (a line of evals/cases/*.jsonl) and the loader that validates them. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { SCORING_TOOL_NAMES } from "../../tools/scoring/registry.ts";

/** What the product must do with a case. */
export const EXPECTATIONS = ["answer", "clarify", "unsupported", "masked"] as const;

/** Kinds of question, for the per-category figures. */
export const CATEGORIES = [
  "metric", "group_by", "top_n", "list", "time", "term", "compare", "trend", "multi_turn",
  "out_of_scope", "write", "ambiguous", "pii", "tool",
] as const;

const baseCase = z.object({
  id: z.string().min(1),
  split: z.enum(["dev", "test"]),
  language: z.enum(["zh", "en"]),
  category: z.enum(CATEGORIES),
  ordered: z.boolean().default(false),
  expect: z.enum(EXPECTATIONS),
  note: z.string().optional(),
});

/**
 * A scoring tool call as gold: the scorer runs the tool (tools/scoring/registry.ts, as the product does) on each
 * dataset and compares the answer's rows with the tool's rows; `columns` keeps only those of the tool's columns.
 */
export const goldToolSchema = z
  .object({
    name: z.enum(SCORING_TOOL_NAMES),
    args: z.record(z.string(), z.unknown()).default({}),
    columns: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

/** A gold tool call. */
export type GoldTool = z.infer<typeof goldToolSchema>;

const singleTurnCase = baseCase.extend({
  question: z.string().min(1),
  gold_sql: z.string().min(1).optional(),
  gold_tool: goldToolSchema.optional(),
});

const multiTurnCase = baseCase.extend({
  questions: z.array(z.string().min(1)).min(2),
  gold_sql: z.array(z.string().min(1)).min(2),
  /** Per turn: what the product must do (default: the case's `expect` for the last turn, "answer" before). */
  expects: z.array(z.enum(EXPECTATIONS)).optional(),
  /** Per turn: whether row order matters (default: the case's `ordered`). */
  ordered_turns: z.array(z.boolean()).optional(),
});

/** One eval case, single-turn or multi-turn. */
export const evalCaseSchema = z.union([singleTurnCase.strict(), multiTurnCase.strict()]).superRefine((value, context) => {
  if ("questions" in value && value.gold_sql.length !== value.questions.length) {
    context.addIssue({ code: "custom", message: "gold_sql needs one statement per turn" });
  }
  if ("question" in value && value.expect === "answer" && value.gold_sql === undefined && value.gold_tool === undefined) {
    context.addIssue({ code: "custom", message: "answerable cases need gold_sql or gold_tool" });
  }
  if ("question" in value && value.gold_sql !== undefined && value.gold_tool !== undefined) {
    context.addIssue({ code: "custom", message: "a case has gold_sql or gold_tool, not both" });
  }
});

/** One eval case. */
export type EvalCase = z.infer<typeof evalCaseSchema>;

/** One turn of a case, with what it expects. */
export interface EvalTurn {
  question: string;
  goldSql?: string;
  /** Instead of goldSql: the scoring tool call whose rows are the gold result. */
  goldTool?: GoldTool;
  expect: (typeof EXPECTATIONS)[number];
  ordered: boolean;
}

/** The questions of a case in order (one for single-turn cases). */
export function caseQuestions(evalCase: EvalCase): string[] {
  return "questions" in evalCase ? evalCase.questions : [evalCase.question];
}

/** The turns of a case with their gold SQL (or gold tool call) and expectation. */
export function caseTurns(evalCase: EvalCase): EvalTurn[] {
  if ("questions" in evalCase) {
    return evalCase.questions.map((question, index) => ({
      question,
      goldSql: evalCase.gold_sql[index],
      expect: evalCase.expects?.[index] ?? (index === evalCase.questions.length - 1 ? evalCase.expect : "answer"),
      ordered: evalCase.ordered_turns?.[index] ?? evalCase.ordered,
    }));
  }
  return [{ question: evalCase.question, goldSql: evalCase.gold_sql, ...(evalCase.gold_tool ? { goldTool: evalCase.gold_tool } : {}), expect: evalCase.expect, ordered: evalCase.ordered }];
}

/** True when the case must not be answered with plain data (clarify, unsupported, or masked PII). */
export function isMustNotAnswer(evalCase: EvalCase): boolean {
  return evalCase.expect !== "answer";
}

/** Loads and validates every case in the *.jsonl files of a folder; throws with the file and line on bad lines. */
export function loadCases(folder: string): EvalCase[] {
  const cases: EvalCase[] = [];
  const seen = new Set<string>();
  for (const name of readdirSync(folder).filter((file) => file.endsWith(".jsonl")).sort()) {
    const lines = readFileSync(join(folder, name), "utf8").split("\n");
    lines.forEach((line, index) => {
      if (line.trim() === "") return;
      const parsed = evalCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${name}:${index + 1}: ${parsed.error.message}`);
      if (seen.has(parsed.data.id)) throw new Error(`${name}:${index + 1}: duplicate id ${parsed.data.id}`);
      seen.add(parsed.data.id);
      cases.push(parsed.data);
    });
  }
  return cases;
}
