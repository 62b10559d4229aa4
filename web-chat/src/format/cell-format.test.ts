/** Table cells and headline numbers: formats per column, and sorting with nulls last. */
import { describe, expect, it } from "vitest";
import type { AnswerCell } from "../api/answer-types.ts";
import { cellText, compareCells, readableNumber, sortRows } from "./cell-format.ts";

describe("cellText", () => {
  it.each([
    ["a rate as a percentage", 0.0423, "rate", "4.23%"],
    ["a probability as a percentage", 0.5, "probability", "50%"],
    ["money grouped with cents", 1234567.891, "money", "1,234,567.89"],
    ["a count grouped", 12345, "count", "12,345"],
    ["text unchanged", "BR01", undefined, "BR01"],
    ["null as empty", null, "money", ""],
  ] as const)("%s", (_name, value, format, expected) => {
    expect(cellText(value, { format })).toBe(expected);
  });
});

describe("readableNumber", () => {
  it.each([
    ["money in 万元", 3_172_000, "money", "zh", "317.2 万元"],
    ["money in English", 3_172_000, "money", "en", "¥3.17M"],
    ["a rate", 0.1757, "rate", "zh", "17.57%"],
    ["a count in 万", 25_000, "count", "zh", "2.5万"],
  ] as const)("%s", (_name, value, format, language, expected) => {
    expect(readableNumber(value, { format }, language)).toBe(expected);
  });
});

describe("sorting", () => {
  const rows: AnswerCell[][] = [
    ["深圳南山支行", 0.17],
    ["北京朝阳支行", null],
    ["成都锦江支行", 0],
    ["上海浦东支行", 0.05],
  ];

  it("orders numbers numerically with nulls last, both ways", () => {
    expect(sortRows(rows, 1, "asc").map((row) => row[1])).toEqual([0, 0.05, 0.17, null]);
    expect(sortRows(rows, 1, "desc").map((row) => row[1])).toEqual([0.17, 0.05, 0, null]);
  });

  it("orders text by locale and leaves the input alone", () => {
    const sorted = sortRows(rows, 0, "asc").map((row) => row[0]);
    expect(sorted).toEqual([...sorted].sort((left, right) => String(left).localeCompare(String(right), "zh-CN")));
    expect(rows[0][0]).toBe("深圳南山支行");
  });

  it("compares numbers inside text naturally", () => {
    expect(compareCells("BR2", "BR10")).toBeLessThan(0);
    expect(compareCells(null, 1)).toBeGreaterThan(0);
  });
});
