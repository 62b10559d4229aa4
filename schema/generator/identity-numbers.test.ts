// Tests of the synthetic PII: resident id check digits (GB 11643), gender digit, mobile number form.
import { describe, expect, it } from "vitest";
import { parseDay } from "./calendar.ts";
import { chineseFullName } from "./chinese-names.ts";
import { idCheckCharacter, isValidIdNumber, mobilePhoneNumber, residentIdNumber } from "./identity-numbers.ts";
import { SeededRandom } from "./seeded-random.ts";

describe("identity numbers", () => {
  it.each([
    ["11010519491231002", "X"],
    ["32010619900517123", "9"],
    ["51010419770203456", "7"],
  ])("computes the check character of %s as %s", (first17, check) => {
    expect(idCheckCharacter(first17)).toBe(check);
    expect(isValidIdNumber(first17 + check)).toBe(true);
  });

  it("rejects a wrong check character or form", () => {
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(isValidIdNumber("11010519491231002")).toBe(false);
  });

  it("makes valid id numbers that carry the birth date and the gender", () => {
    const random = new SeededRandom(3);
    const birthDay = parseDay("1990-05-17") as number;
    for (let index = 0; index < 200; index += 1) {
      const gender = index % 2 === 0 ? "M" : "F";
      const id = residentIdNumber(random, "310115", birthDay, gender);
      expect(isValidIdNumber(id)).toBe(true);
      expect(id.slice(0, 14)).toBe("31011519900517");
      expect(Number(id[16]) % 2).toBe(gender === "M" ? 1 : 0);
    }
  });

  it("makes 11-digit mobile numbers and Chinese names", () => {
    const random = new SeededRandom(4);
    for (let index = 0; index < 200; index += 1) {
      expect(mobilePhoneNumber(random)).toMatch(/^1[3-9]\d{9}$/);
      expect(chineseFullName(random, index % 2 ? "M" : "F")).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    }
  });
});
