/** How cases are written before they become JSONL lines: the fields of a case minus its id and split. */
import type { EvalCase, GoldTool } from "../../scorer/eval-case.ts";
import { evalCaseSchema } from "../../scorer/eval-case.ts";

/** A case as authored; `build-cases.ts` gives it an id and a split. */
export type AuthoredCase = DistributiveOmit<EvalCase, "id" | "split">;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type Category = EvalCase["category"];

/** A single-turn answerable case. */
export function answer(category: Category, language: "zh" | "en", question: string, goldSql: string, ordered = false): AuthoredCase {
  return { category, language, question, gold_sql: goldSql, ordered, expect: "answer" };
}

/** A multi-turn session: questions asked in one conversation, with one gold statement per turn. */
export function session(language: "zh" | "en", turns: [string, string][], options: { orderedTurns?: boolean[] } = {}): AuthoredCase {
  return {
    category: "multi_turn",
    language,
    questions: turns.map(([question]) => question),
    gold_sql: turns.map(([, sql]) => sql),
    ordered: false,
    ...(options.orderedTurns ? { ordered_turns: options.orderedTurns } : {}),
    expect: "answer",
  };
}

/** A case that must not be answered with data: clarify, unsupported (outside the model, writes) or masked PII. */
export function refuse(category: Category, language: "zh" | "en", question: string, expect: "clarify" | "unsupported" | "masked", goldSql?: string): AuthoredCase {
  return { category, language, question, ordered: false, expect, ...(goldSql ? { gold_sql: goldSql } : {}) };
}

/** A single-turn question a scoring tool answers: the gold is that tool call's rows (ranked lists are ordered). */
export function toolAnswer(language: "zh" | "en", question: string, goldTool: GoldTool, ordered = true): AuthoredCase {
  return { category: "tool", language, question, gold_tool: goldTool, ordered, expect: "answer" };
}

/** A batch of dev-only cases with ids `<prefix>-<category>-<language>-NNN`, numbered within each category and language. */
export function devBatch(prefix: string, cases: readonly AuthoredCase[]): EvalCase[] {
  const counters = new Map<string, number>();
  return cases.map((authored) => {
    const group = `${authored.category}-${authored.language}`;
    const position = (counters.get(group) ?? 0) + 1;
    counters.set(group, position);
    return evalCaseSchema.parse({ id: `${prefix}-${group}-${String(position).padStart(3, "0")}`, split: "dev", ...authored });
  });
}
