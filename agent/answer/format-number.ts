/**
 * Numbers as people read them in each language: 万/亿 and % in Chinese, K/M/B and % in English.
 * Rates and probabilities are fractions in data (0.042) and percentages in text (4.2%).
 */
import type { Language } from "../planner/planner.ts";
import type { AnswerColumnFormat } from "./answer.ts";

/** Rounds to at most `decimals` places and drops trailing zeros ("4.20" → "4.2"). */
function trimmed(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** Decimals for a scaled value: two below 100 (12.35亿), one below 1,000 (356.2万), none above. */
function decimalsFor(scaled: number): number {
  const size = Math.abs(scaled);
  if (size < 100) return 2;
  if (size < 1000) return 1;
  return 0;
}

/** Digits grouped by thousands, at most `decimals` places. */
function grouped(value: number, decimals: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

/** A plain number with 万/亿 (zh) or K/M/B (en) once it reaches ten thousand; small numbers stay whole. */
export function formatCompact(value: number, language: Language): string {
  const size = Math.abs(value);
  // [divisor, the size from which it is used, suffix]: English keeps whole numbers below ten thousand, like Chinese.
  const units: [number, number, string][] =
    language === "zh"
      ? [
          [1e8, 1e8, "亿"],
          [1e4, 1e4, "万"],
        ]
      : [
          [1e9, 1e9, "B"],
          [1e6, 1e6, "M"],
          [1e3, 1e4, "K"],
        ];
  for (const [divisor, threshold, suffix] of units) {
    // Compare after rounding so 9,999.6 万 becomes 1 亿, not "10000万".
    if (size >= threshold * 0.99995) {
      const scaled = value / divisor;
      return `${trimmed(scaled, decimalsFor(scaled))}${suffix}`;
    }
  }
  return grouped(value, Number.isInteger(value) ? 0 : 2);
}

/** A fraction as a percentage with at most two decimals: 0.0423 → "4.23%", 0.042 → "4.2%". */
export function formatPercent(fraction: number): string {
  return `${trimmed(fraction * 100, 2)}%`;
}

/** A difference of two fractions in percentage points: 0.003 → "0.3 个百分点" / "0.3 pp". */
export function formatPercentagePoints(difference: number, language: Language): string {
  const points = trimmed(Math.abs(difference) * 100, 2);
  return language === "zh" ? `${points} 个百分点` : `${points} pp`;
}

/** Money in yuan: "12.35 亿元", "3.5 万元", "860 元" / "¥1.24B", "¥35K", "¥860". */
export function formatMoney(value: number, language: Language): string {
  const compact = formatCompact(Math.round(value * 100) / 100, language);
  if (language === "zh") return /(万|亿)$/.test(compact) ? `${compact.replace(/(万|亿)$/, " $1")}元` : `${compact} 元`;
  return value < 0 ? `-¥${compact.slice(1)}` : `¥${compact}`;
}

/**
 * A value in the way its format reads in text: counts and money compact, rates as percentages, hours with their
 * unit, scores whole. Non-numbers are returned as text; null as "—".
 */
export function formatValue(value: unknown, format: AnswerColumnFormat | undefined, language: Language): string {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "number" || !Number.isFinite(value)) return String(value);
  switch (format) {
    case "rate":
    case "probability":
      return formatPercent(value);
    case "money":
      return formatMoney(value, language);
    case "count":
      return formatCompact(Math.round(value), language);
    case "hours":
      return language === "zh" ? `${trimmed(value, 1)} 小时` : `${trimmed(value, 1)} hours`;
    case "score":
      return grouped(Math.round(value), 0);
    default:
      return formatCompact(value, language);
  }
}

/**
 * A table cell: like formatValue, but money and plain numbers keep full digits (grouped), as tables are for
 * reading exact values.
 */
export function formatCell(value: unknown, format: AnswerColumnFormat | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "number" || !Number.isFinite(value)) return String(value);
  if (format === "rate" || format === "probability") return formatPercent(value);
  if (format === "money") return grouped(value, 2);
  if (format === "count" || format === "score") return grouped(value, 0);
  if (format === "hours") return grouped(value, 1);
  return grouped(value, 4);
}
