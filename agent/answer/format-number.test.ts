/** Number formatting per language: 万/亿 and % in Chinese, K/M/B and % in English. */
import { describe, expect, it } from "vitest";
import { formatCell, formatCompact, formatMoney, formatPercent, formatPercentagePoints, formatValue } from "./format-number.ts";

describe("formatCompact", () => {
  it.each([
    [0, "zh", "0"],
    [37, "zh", "37"],
    [9_999, "zh", "9,999"],
    [12_345, "zh", "1.23万"],
    [356_000, "zh", "35.6万"],
    [12_345_678, "zh", "1235万"],
    [99_996_000, "zh", "1亿"],
    [123_456_789, "zh", "1.23亿"],
    [1_234_567_890_123, "zh", "12346亿"],
    [-45_000, "zh", "-4.5万"],
    [37, "en", "37"],
    [9_999, "en", "9,999"],
    [12_300, "en", "12.3K"],
    [3_562_000, "zh", "356.2万"],
    [999_990, "en", "1M"],
    [1_234_567, "en", "1.23M"],
    [3_450_000_000, "en", "3.45B"],
    [2.5, "en", "2.5"],
  ] as const)("%s in %s reads %s", (value, language, expected) => {
    expect(formatCompact(value, language)).toBe(expected);
  });
});

describe("percentages", () => {
  it.each([
    [0.042, "4.2%"],
    [0.0423, "4.23%"],
    [0.04234, "4.23%"],
    [0.0085, "0.85%"],
    [1, "100%"],
    [0, "0%"],
  ])("%s reads %s", (fraction, expected) => {
    expect(formatPercent(fraction)).toBe(expected);
  });

  it("states differences of rates in percentage points, without sign", () => {
    expect(formatPercentagePoints(0.003, "zh")).toBe("0.3 个百分点");
    expect(formatPercentagePoints(-0.0125, "en")).toBe("1.25 pp");
  });
});

describe("formatMoney", () => {
  it.each([
    [1_235_000_000, "zh", "12.35 亿元"],
    [35_000, "zh", "3.5 万元"],
    [860, "zh", "860 元"],
    [1_240_000_000, "en", "¥1.24B"],
    [35_000, "en", "¥35K"],
    [860.5, "en", "¥860.5"],
    [-35_000, "en", "-¥35K"],
  ] as const)("%s in %s reads %s", (value, language, expected) => {
    expect(formatMoney(value, language)).toBe(expected);
  });
});

describe("formatValue by format", () => {
  it.each([
    [0.042, "rate", "zh", "4.2%"],
    [0.0234, "probability", "en", "2.34%"],
    [37, "count", "zh", "37"],
    [37_000, "count", "zh", "3.7万"],
    [37_000, "count", "en", "37K"],
    [12.345, "hours", "zh", "12.3 小时"],
    [12.345, "hours", "en", "12.3 hours"],
    [712.6, "score", "en", "713"],
    [null, "rate", "en", "—"],
    ["上海", undefined, "zh", "上海"],
  ] as const)("%s as %s in %s reads %s", (value, format, language, expected) => {
    expect(formatValue(value, format, language)).toBe(expected);
  });
});

describe("formatCell", () => {
  it("keeps full digits for money and shows rates as percentages", () => {
    expect(formatCell(1234567.891, "money")).toBe("1,234,567.89");
    expect(formatCell(0.05, "rate")).toBe("5%");
    expect(formatCell(null, "rate")).toBe("");
    expect(formatCell("C000123", undefined)).toBe("C000123");
  });
});
