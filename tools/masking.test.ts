// Masking of id numbers, phones and (when a policy restricts them) names, value by value and row by row.
import { describe, expect, it } from "vitest";
import { maskIdNumber, maskName, maskPhone, maskRows, maskValue } from "./masking.ts";

describe("masking", () => {
  it("keeps the first three and last four characters of an 18-character id number", () => {
    expect(maskIdNumber("31010119900101123X")).toBe("310***********123X");
    expect(maskIdNumber("31010119900101123X")).toHaveLength(18);
    expect(maskIdNumber("110105198512240018")).toBe("110***********0018");
  });

  it("masks a mobile number as 138****5678", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });

  it("stars short values whole, so that nothing short leaks", () => {
    expect(maskPhone("1234567")).toBe("*******");
    expect(maskIdNumber("")).toBe("");
  });

  it("keeps the family name only", () => {
    expect(maskName("张三丰")).toBe("张**");
  });

  it.each([
    [null, "phone", null],
    [undefined, "phone", undefined],
    [13812345678, "phone", "138****5678"],
  ] as const)("maskValue(%j, %s)", (value, kind, expected) => {
    expect(maskValue(value, kind)).toBe(expected);
  });

  it("masks the given columns of every row and leaves the rest and the input untouched", () => {
    const rows = [
      ["C000001", "13812345678", "31010119900101123X", 3],
      ["C000002", null, "110105198512240018", 1],
    ];
    const masked = maskRows(rows, { 1: "phone", 2: "id_number" });
    expect(masked).toEqual([
      ["C000001", "138****5678", "310***********123X", 3],
      ["C000002", null, "110***********0018", 1],
    ]);
    expect(rows[0][1]).toBe("13812345678");
  });
});
