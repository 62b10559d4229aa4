/** Conditions on a run's answer that decide whether it is delivered: rows found, a metric past a threshold, a change. */
import { z } from "zod";
import type { Answer } from "../answer/answer.ts";

const Operator = z.enum(["gt", "gte", "lt", "lte"]);
/** How a metric column over several rows becomes one number. */
const Reduction = z.enum(["first", "max", "min", "sum"]);

/** A condition on the answer; a run whose condition does not hold is recorded but not delivered. */
export const SubscriptionCondition = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("row_count"), op: Operator.default("gt"), value: z.number().int().min(0).default(0) }).strict(),
  z
    .object({
      kind: z.literal("metric"),
      metric: z.string().min(1).describe("an answer column name (a metric id, e.g. overdue_rate)"),
      op: Operator,
      value: z.number().describe("rates as fractions (0.03 for 3%)"),
      of: Reduction.optional().describe("over several rows: max for gt/gte, min for lt/lte unless given"),
    })
    .strict(),
  z
    .object({
      kind: z.literal("change"),
      metric: z.string().min(1).optional().describe("an answer column name; omitted: the row count"),
      at_least: z.number().positive().describe("the smallest change that counts, in the metric's unit"),
      direction: z.enum(["up", "down", "any"]).default("any"),
      of: Reduction.optional(),
    })
    .strict(),
]);
export type SubscriptionCondition = z.infer<typeof SubscriptionCondition>;

/** What evaluating a condition found. */
export interface ConditionResult {
  met: boolean;
  /** The observed value (the row count or the metric), kept with the run so the next run can compare. */
  value: number | null;
  /** Why, in both languages. */
  reason: { zh: string; en: string };
}

/** One number of a metric column (null when the column is missing or has no numbers). */
export function metricValue(answer: Pick<Answer, "columns" | "rows">, metric: string, of: z.infer<typeof Reduction>): number | null {
  const index = answer.columns.findIndex((column) => column.name === metric);
  if (index < 0) return null;
  const numbers = answer.rows.map((row) => row[index]).filter((cell): cell is number => typeof cell === "number" && Number.isFinite(cell));
  if (numbers.length === 0) return null;
  if (of === "first") return numbers[0];
  if (of === "max") return Math.max(...numbers);
  if (of === "min") return Math.min(...numbers);
  return numbers.reduce((total, value) => total + value, 0);
}

const compare = (value: number, op: z.infer<typeof Operator>, threshold: number) =>
  op === "gt" ? value > threshold : op === "gte" ? value >= threshold : op === "lt" ? value < threshold : value <= threshold;

const SYMBOL = { gt: ">", gte: "≥", lt: "<", lte: "≤" } as const;

/**
 * Evaluates the condition on an answered run. `previous` is the value observed at the last run (for "change");
 * without one, a change condition is not met (nothing to compare with yet).
 */
export function evaluateCondition(condition: SubscriptionCondition | null, answer: Pick<Answer, "columns" | "rows" | "row_count">, previous: number | null): ConditionResult {
  if (!condition) return { met: true, value: answer.row_count, reason: { zh: "无条件,每次都推送", en: "no condition: always delivered" } };
  if (condition.kind === "row_count") {
    const met = compare(answer.row_count, condition.op, condition.value);
    const text = `${answer.row_count} ${SYMBOL[condition.op]} ${condition.value}`;
    return { met, value: answer.row_count, reason: { zh: `行数 ${text}${met ? " 成立" : " 不成立"}`, en: `row count ${text} is ${met}` } };
  }
  if (condition.kind === "metric") {
    const of = condition.of ?? (condition.op === "gt" || condition.op === "gte" ? "max" : "min");
    const value = metricValue(answer, condition.metric, of);
    if (value === null) return { met: false, value, reason: { zh: `答案中没有指标 ${condition.metric}`, en: `the answer has no metric ${condition.metric}` } };
    const met = compare(value, condition.op, condition.value);
    const text = `${condition.metric} ${value} ${SYMBOL[condition.op]} ${condition.value}`;
    return { met, value, reason: { zh: `${text}${met ? " 成立" : " 不成立"}`, en: `${text} is ${met}` } };
  }
  const value = condition.metric === undefined ? answer.row_count : metricValue(answer, condition.metric, condition.of ?? "first");
  const name = condition.metric ?? "row_count";
  if (value === null) return { met: false, value, reason: { zh: `答案中没有指标 ${name}`, en: `the answer has no metric ${name}` } };
  if (previous === null) return { met: false, value, reason: { zh: `首次运行,${name} = ${value},暂无可比较的上次结果`, en: `first run: ${name} = ${value}, nothing to compare with yet` } };
  const change = value - previous;
  const big = Math.abs(change) >= condition.at_least - 1e-12;
  const met = big && (condition.direction === "any" || (condition.direction === "up" ? change > 0 : change < 0));
  const text = `${name} ${previous} → ${value} (${change >= 0 ? "+" : ""}${round(change)})`;
  return { met, value, reason: { zh: `${text},阈值 ${condition.at_least}${met ? ",已达到" : ",未达到"}`, en: `${text}, threshold ${condition.at_least}: ${met ? "reached" : "not reached"}` } };
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
