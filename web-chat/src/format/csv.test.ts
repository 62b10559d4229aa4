/** CSV export: quoting, formula-safe text, BOM and CRLF, file names. */
import { describe, expect, it } from "vitest";
import { csvField, exportFileName, toCsv } from "./csv.ts";

describe("csvField", () => {
  it.each([
    ["plain text", "C000123", "C000123"],
    ["Chinese text", "南京鼓楼支行", "南京鼓楼支行"],
    ["a number", 0.0423, "0.0423"],
    ["a negative number", -12.5, "-12.5"],
    ["null", null, ""],
    ["a comma", "a,b", '"a,b"'],
    ["a quote", 'say "hi"', '"say ""hi"""'],
    ["a newline", "line\nbreak", '"line\nbreak"'],
    ["a leading space", " x", '" x"'],
    ["a formula", "=SUM(A1)", "'=SUM(A1)"],
    ["an at sign", "@cmd", "'@cmd"],
    ["a negative number as text", "-3", "-3"],
  ])("%s", (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("writes a BOM, the header and every row with CRLF line ends", () => {
    const text = toCsv(["客户号", "贷款余额"], [
      ["C1", 1000],
      ["C2", null],
    ]);
    expect(text).toBe("\uFEFF客户号,贷款余额\r\nC1,1000\r\nC2,\r\n");
  });

  it("keeps every row of a large result", () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => [`C${index}`, index]);
    expect(toCsv(["id", "n"], rows).trim().split("\r\n")).toHaveLength(10_001);
  });
});

describe("exportFileName", () => {
  it("stamps the stem and drops characters unsafe in file names", () => {
    expect(exportFileName("各分行 本月/逾期率?", new Date("2026-06-30T08:09:10Z"))).toBe("各分行_本月_逾期率_-20260630-080910.csv");
    expect(exportFileName("", new Date("2026-06-30T08:09:10Z"))).toBe("lendlens-20260630-080910.csv");
  });
});
