/** The interface language: the saved choice first, else the browser's language. */
import { describe, expect, it } from "vitest";
import { initialLanguage, languageOfTag } from "./language.ts";
import { MESSAGES } from "./messages.ts";

describe("interface language", () => {
  it.each([
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
    ["zh", "zh"],
    ["en-US", "en"],
    ["fr", "en"],
    [undefined, "en"],
  ] as const)("%s reads as %s", (tag, expected) => {
    expect(languageOfTag(tag)).toBe(expected);
  });

  it("prefers the saved choice", () => {
    expect(initialLanguage({ getItem: () => "en" }, "zh-CN")).toBe("en");
    expect(initialLanguage({ getItem: () => null }, "zh-CN")).toBe("zh");
  });

  it("has every message in both languages", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
  });
});
