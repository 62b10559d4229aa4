/** Normalizes a question for matching: full-width to half-width, Chinese punctuation to ASCII, lower case. */
import { digitsForChineseAmounts } from "./chinese-numerals.ts";
import { joinSplitPhrasalVerbs } from "./english-phrasal-verbs.ts";
import { expandEnglishShorthand } from "./english-shorthand.ts";

const PUNCTUATION: Record<string, string> = {
  "。": ".",
  "、": ",",
  "“": '"',
  "”": '"',
  "‘": "'",
  "’": "'",
  "《": " ",
  "》": " ",
  "【": " ",
  "】": " ",
  "—": "-",
  "–": "-",
  "~": "-",
  "～": "-",
  "…": " ",
};

/**
 * The text the planner matches against: NFKC (full-width letters, digits and symbols become ASCII), Chinese
 * punctuation replaced by ASCII, hyphens between letters turned into spaces ("high-value" = "high value"),
 * lower case, Chinese-numeral amounts in digits (五十万 → 50万). The length may change, so spans always refer to the normalized text.
 */
export function normalizeQuestion(question: string): string {
  let text = question.normalize("NFKC");
  text = text.replace(/[。、“”‘’《》【】—–~～…]/g, (character) => PUNCTUATION[character] ?? " ");
  text = text.toLowerCase();
  text = text.replace(/([a-z])-(?=[a-z])/g, "$1 ");
  // Keep the possessive apart ("icbc 's npl ratio"): a possessive on an unknown word is a qualifier not understood.
  text = text.replace(/([a-z])'s\b/g, "$1 's");
  text = joinSplitPhrasalVerbs(expandEnglishShorthand(text));
  text = digitsForChineseAmounts(text);
  // "NPL%", "on time repayment %": a percent sign after a word is the word's rate.
  // "what % of balance": a percent sign before "of" asks for a share.
  text = text.replace(/([a-z])\s*%\s+of\b/g, "$1 percentage of");
  text = text.replace(/([a-z])\s*%/g, "$1 rate");
  text = text.replace(/\s+/g, " ").trim();
  return text;
}
