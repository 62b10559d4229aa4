/**
 * Words in a scoring-tool question that the tool cannot honour ("pitch a credit card", "推荐理财产品", "gold loans"):
 * a product the bank's loan catalogue does not hold, or anything out of the data's scope. Routing such a question
 * would silently drop the word and answer a different question, so the planner declines it instead.
 */
import type { ToolRouting } from "../../../schema/semantic-layer/tool-routes.ts";
import { CUE_WORDS } from "./cue-words.ts";

/** Products and services a retail bank may sell that are not loan categories of the products table. */
const OTHER_PRODUCTS = {
  zh: ["信用卡", "保险", "理财", "基金", "存款", "储蓄", "黄金", "贵金属", "外汇", "股票", "债券", "信托", "年金", "借记卡", "公积金贷"],
  en: ["credit card", "credit cards", "debit card", "debit cards", "card", "cards", "insurance", "wealth management", "wealth product", "wealth products", "investment", "investments", "fund", "funds", "mutual fund", "deposit", "deposits", "savings", "certificate of deposit", "gold", "forex", "bond", "bonds", "annuity", "annuities", "brokerage", "overdraft", "line of credit", "credit line"],
};

/** Scoring tools are forecasts: their questions may say so ("预测下周会逾期的客户") without leaving the data. */
const FORECAST_WORDS = new Set(["预测", "预计", "预估", "forecast", "predict", "prediction", "projected", "projection"]);

/** Words before "loan(s)" that name no kind of loan ("a loan", "new loans", "which loans"). */
const GENERIC_LOAN_MODIFIERS = new Set([
  "a", "an", "the", "any", "our", "their", "his", "her", "new", "more", "another", "other", "which", "what", "these", "those", "some", "of", "to", "more", "additional", "extra", "second", "bigger", "larger", "top", "up", "bank", "loan", "best", "next", "suitable", "right",
]);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A word as a pattern: ASCII words bounded so "card" never matches inside "discarded". */
function wordPattern(word: string): RegExp {
  const start = /^[a-z0-9]/.test(word) ? "(?<![a-z0-9])" : "";
  const end = /[a-z0-9]$/.test(word) ? "(?![a-z0-9])" : "";
  return new RegExp(`${start}${escape(word)}${end}`);
}

/**
 * The first word of a normalized tool question the tool cannot honour, or undefined. Category words routing reads are
 * removed first so "car loans" is never taken for an unknown kind of loan.
 */
export function unservedToolWord(text: string, routing: ToolRouting, readsCategory: boolean): string | undefined {
  const known = routing.words.category.flatMap((entry) => [...entry.words.zh, ...entry.words.en]).sort((left, right) => right.length - left.length);
  let rest = text;
  for (const word of known) rest = rest.replace(new RegExp(wordPattern(word).source, "g"), " ");
  const named = [...OTHER_PRODUCTS.zh, ...OTHER_PRODUCTS.en, ...CUE_WORDS.out_of_scope.zh, ...CUE_WORDS.out_of_scope.en]
    .filter((word) => !FORECAST_WORDS.has(word))
    .sort((left, right) => right.length - left.length)
    .find((word) => wordPattern(word).test(rest));
  if (named) return named;
  // "gold loans", "payday loan": a kind of loan the catalogue has no category for (only where a category is read:
  // elsewhere "customers with overdue loans" describes the customers).
  if (!readsCategory) return undefined;
  for (const match of rest.matchAll(/(?<![a-z0-9])([a-z][a-z-]*) loans?(?![a-z0-9])/g)) {
    if (!GENERIC_LOAN_MODIFIERS.has(match[1])) return `${match[1]} loan`;
  }
  return undefined;
}
