/**
 * Numeric conditions in both languages: 超过50万, 不低于5万元, 1亿以上, 3%以上, 逾期超过30天, over 500k,
 * at least 1.2m, between 1 and 2 million. Values are converted to the data's units (yuan, fractions for rates).
 */
import type { Comparison } from "../../plan/query-plan.ts";

/** What a number measures, judged from its unit. */
export type NumberUnit = "money" | "percent" | "days" | "age" | "count" | "plain";

/** A numeric condition found in the question. */
export interface NumberCondition {
  start: number;
  end: number;
  text: string;
  unit: NumberUnit;
  /** A single comparison (op, value) or a range (low, high). */
  op?: Comparison;
  value?: number;
  low?: number;
  high?: number;
}

const MULTIPLIERS: Record<string, number> = {
  亿: 1e8, 万亿: 1e12, 千万: 1e7, 百万: 1e6, 十万: 1e5, 万: 1e4, w: 1e4, 千: 1e3, k: 1e3, thousand: 1e3,
  m: 1e6, mn: 1e6, mm: 1e6, million: 1e6, millions: 1e6, b: 1e9, bn: 1e9, billion: 1e9,
};

const NUMBER = "(\\d+(?:,\\d{3})*(?:\\.\\d+)?)";
const SCALE = "\\s*(万亿|千万|百万|十万|亿|万|千|thousand|millions?|billion|mn|mm|bn|[kmbw](?![a-z]))?";
const UNIT = "\\s*(%|percent|pct|个百分点|元|块钱|块|人民币|yuan|cny|rmb|天|日|days?|岁|years? old|笔|次|个|位|家|户|人|条)?";
const QUANTITY = `(?:百分之\\s*)?(?:¥|rmb\\s*|cny\\s*)?${NUMBER}${SCALE}${UNIT}`;

const BEFORE_GREATER = "超过|超出|大于|高于|多于|>|\\bover\\b|\\babove\\b|\\bmore than\\b|\\bgreater than\\b|\\bhigher than\\b|\\bexceeding\\b|\\bexceeds?\\b|\\bin excess of\\b";
const BEFORE_AT_LEAST = "不低于|不少于|不小于|至少|起码|>=|≥|\\bat least\\b|\\bno less than\\b|\\bnot less than\\b|\\bminimum(?: of)?\\b";
const BEFORE_LESS = "低于|小于|少于|不足|不到|未满|<|\\bunder\\b|\\bbelow\\b|\\bless than\\b|\\blower than\\b|\\bfewer than\\b";
const BEFORE_AT_MOST = "不超过|不高于|不多于|不大于|至多|<=|≤|\\bat most\\b|\\bno more than\\b|\\bnot more than\\b|\\bup to\\b|\\bmaximum(?: of)?\\b";
const BEFORE_EQUAL = "等于|=|\\bequal to\\b|\\bequals\\b|\\bexactly\\b";
const AFTER_AT_LEAST = "及以上|或以上|以上|之上|\\+|\\bor more\\b|\\bor above\\b|\\band above\\b|\\bor higher\\b|\\band up\\b|\\bplus\\b";
const AFTER_AT_MOST = "及以下|或以下|以下|以内|之内|\\bor less\\b|\\bor below\\b|\\band below\\b|\\bor fewer\\b|\\bor lower\\b";

const SINGLE = new RegExp(
  `(?:(${BEFORE_AT_MOST})|(${BEFORE_AT_LEAST})|(${BEFORE_GREATER})|(${BEFORE_LESS})|(${BEFORE_EQUAL}))?\\s*(?:是|为|达到|达)?\\s*${QUANTITY}\\s*(?:(${AFTER_AT_LEAST})|(${AFTER_AT_MOST}))?`,
  "g",
);
const BETWEEN = new RegExp(
  `(?:\\bbetween\\b|\\bfrom\\b|介于|在)?\\s*${QUANTITY}\\s*(?:\\band\\b|\\bto\\b|到|至|和|与|-|~)\\s*${QUANTITY}\\s*(?:之间|以内|区间)?`,
  "g",
);

/** Reads one quantity's value and unit from regex groups (number, scale, unit). */
function quantity(number: string, scale: string | undefined, unit: string | undefined, percentPrefix: boolean): { value: number; unit: NumberUnit } {
  let value = Number(number.replace(/,/g, "")) * (scale ? (MULTIPLIERS[scale] ?? 1) : 1);
  let kind: NumberUnit = "plain";
  if (percentPrefix || (unit && /^(%|percent|pct|个百分点)$/.test(unit))) {
    kind = "percent";
    value = value / 100;
  } else if (scale || (unit && /^(元|块钱|块|人民币|yuan|cny|rmb)$/.test(unit))) kind = "money";
  else if (unit && /^(天|日|days?)$/.test(unit)) kind = "days";
  else if (unit && /^(岁|years? old)$/.test(unit)) kind = "age";
  else if (unit) kind = "count";
  return { value, unit: kind };
}

/** Every numeric condition (or bare quantity) in the normalized question. */
export function findNumberConditions(text: string): NumberCondition[] {
  const found: NumberCondition[] = [];
  BETWEEN.lastIndex = 0;
  for (let match = BETWEEN.exec(text); match; match = BETWEEN.exec(text)) {
    const low = quantity(match[1], match[2], match[3], match[0].includes("百分之"));
    const high = quantity(match[4], match[5], match[6], false);
    // "1到2亿": the scale and unit written once apply to both ends.
    if (!match[2] && match[5]) low.value *= MULTIPLIERS[match[5]] ?? 1;
    if (high.unit === "percent" && low.unit !== "percent") low.value /= 100;
    const unit = high.unit !== "plain" ? high.unit : low.unit;
    if (low.value < high.value) found.push({ start: match.index, end: match.index + match[0].length, text: match[0], unit, low: low.value, high: high.value });
  }
  SINGLE.lastIndex = 0;
  for (let match = SINGLE.exec(text); match; match = SINGLE.exec(text)) {
    const parsed = quantity(match[6], match[7], match[8], match[0].includes("百分之"));
    let op: Comparison | undefined;
    if (match[1]) op = "lte";
    else if (match[2]) op = "gte";
    else if (match[3]) op = "gt";
    else if (match[4]) op = "lt";
    else if (match[5]) op = "eq";
    if (match[9]) op = op ?? "gte";
    if (match[10]) op = op ?? "lte";
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0].trim(), unit: parsed.unit, op, value: parsed.value });
  }
  return found;
}
