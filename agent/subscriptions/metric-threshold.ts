/**
 * A threshold said in a subscription request ("当任何分行逾期率超过3%时", "when any branch's overdue rate passes 3%"):
 * the question whose metric is watched ("各分行逾期率", "overdue rate by branch"), the comparison and the value.
 */
import type { Language } from "../planner/planner.ts";
import type { QueryPlan } from "../plan/query-plan.ts";
import type { SubscriptionCondition } from "./subscription-condition.ts";

/** A threshold read from words, before the question is planned. */
export interface MetricThreshold {
  /** The question to ask at each run: the watched metric, grouped when the words said "any branch". */
  question: string;
  op: "gt" | "lt";
  /** Rates as fractions (3% → 0.03). */
  value: number;
  /** The condition in words, in the message's language. */
  text: string;
}

const ZH_THRESHOLD = /^(.+?)(?:的)?(超过|高于|大于|多于|突破|超出|低于|少于|小于|不足|跌破)\s*(\d+(?:\.\d+)?)\s*(%|%|个百分点|万|亿)?$/;
const ZH_ANY = /^(?:任何|任一|任意|哪个|哪家|某个|有)(?:一个|一家)?/;
const ZH_BELOW = /低于|少于|小于|不足|跌破/;
const EN_THRESHOLD =
  /^(.+?)\s+(?:is\s+|goes\s+|gets\s+|rises\s+|climbs\s+|falls\s+|drops\s+)?(above|over|exceeds?|passes|more than|greater than|higher than|below|under|less than|lower than)\s+(\d+(?:\.\d+)?)\s*(%|percent)?$/i;
const EN_BELOW = /below|under|less|lower/i;

/** The number the words give, with percent signs and 万/亿 applied. */
function scaled(number: string, unit: string | undefined): number {
  const value = Number(number);
  if (!unit) return value;
  if (/%|%|percent|百分点/i.test(unit)) return Math.round((value / 100) * 1e9) / 1e9;
  return value * (unit === "亿" ? 1e8 : 1e4);
}

/** "任何分行逾期率" → "各分行逾期率"; "逾期率" stays. */
function chineseQuestion(subject: string): string {
  const trimmed = subject.replace(/^(?:当|如果|一旦|若)/, "").trim();
  if (!ZH_ANY.test(trimmed)) return trimmed;
  return `各${trimmed.replace(ZH_ANY, "").replace(/的/g, "")}`;
}

/** "any branch's overdue rate" → "overdue rate by branch"; "the overdue rate of any product" → "overdue rate by product". */
function englishQuestion(subject: string): string {
  const possessive = /^(?:any|some|a|one)\s+(.+?)'s\s+(.+)$/i.exec(subject);
  if (possessive) return `${possessive[2]} by ${possessive[1]}`;
  const of = /^(?:the\s+)?(.+?)\s+(?:of|for|at|in)\s+(?:any|some|a)\s+(.+)$/i.exec(subject);
  if (of) return `${of[1]} by ${of[2]}`;
  return subject.replace(/^the\s+/i, "");
}

/** The threshold in a subscription's question ("任何分行逾期率超过3%"), or undefined when it states none. */
export function readMetricThreshold(question: string, language: Language): MetricThreshold | undefined {
  const text = question.trim();
  if (language === "zh") {
    const match = ZH_THRESHOLD.exec(text.replace(/(?:的)?(?:时候?|就|则)$/, ""));
    if (!match) return undefined;
    const subject = match[1].replace(/^(?:当|如果|一旦|若)/, "");
    return {
      question: chineseQuestion(subject),
      op: ZH_BELOW.test(match[2]) ? "lt" : "gt",
      value: scaled(match[3], match[4]),
      text: `当${subject}${match[2]}${match[3]}${match[4] ?? ""}时`,
    };
  }
  const match = EN_THRESHOLD.exec(text);
  if (!match) return undefined;
  return {
    question: englishQuestion(match[1]),
    op: EN_BELOW.test(match[2]) ? "lt" : "gt",
    value: scaled(match[3], match[4]),
    text: `when ${text}`,
  };
}

/** The metric condition of a threshold over a planned question: its first metric; undefined when it has none. */
export function thresholdCondition(threshold: MetricThreshold, plan: QueryPlan): SubscriptionCondition | undefined {
  const query = plan.query as { kind: string; metrics?: string[] };
  const metric = query.kind === "aggregate" ? query.metrics?.[0] : undefined;
  if (!metric) return undefined;
  return { kind: "metric", metric, op: threshold.op, value: threshold.value };
}
