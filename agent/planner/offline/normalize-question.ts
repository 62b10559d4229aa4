/** Normalizes a question for matching: full-width to half-width, Chinese punctuation to ASCII, lower case. */
import { digitsForChineseAmounts } from "./chinese-numerals.ts";
import { readChangeRateWords } from "./change-rate-words.ts";
import { readComparisonPredicates } from "./comparison-predicates.ts";
import { eachPeriodOfWindow } from "./each-period-of-window.ts";
import { replaceColloquialFillers } from "./colloquial-fillers.ts";
import { joinSplitPhrasalVerbs } from "./english-phrasal-verbs.ts";
import { expandEnglishShorthand } from "./english-shorthand.ts";
import { readMixedLanguageWords } from "./mixed-language-words.ts";
import { withoutPoliteRequests } from "./polite-requests.ts";

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

const ENGLISH_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
// ("at least one" says any row exists, "fewer than one" none: not counts.)
const COMPARED_NUMBER_WORD = new RegExp(
  `\\b(more than|greater than|fewer than|less than|at least|at most|no more than|exactly)\\s+(${ENGLISH_NUMBER_WORDS.join("|")})\\b(?!\\s*(?:of|-))`,
  "g",
);

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
  text = replaceColloquialFillers(text);
  // "被reject的申请": an English verb in a Chinese passive is its participle; "还款有几期": installments counted.
  text = readMixedLanguageWords(text);
  // "能不能帮我查一下…": a request wrapper, not a question of eligibility.
  text = withoutPoliteRequests(text);
  text = joinSplitPhrasalVerbs(expandEnglishShorthand(text));
  // "approval rate for each of the last 6 months": by month over the last 6 months.
  text = eachPeriodOfWindow(text);
  // "谁高谁低", "短信高还是微信高", "which is higher, sms or wechat": which of the two compared is ahead.
  text = readComparisonPredicates(text);
  // "增速", "增长了百分之几", "growth rate": the growth rate.
  text = readChangeRateWords(text);
  text = digitsForChineseAmounts(text);
  // "more than one active loan", "at least two loans": a number word compared is a number (one alone is a stop word).
  // "customers with at least one overdue loan": any such row (not a ranking by the least).
  text = text.replace(/\bat least one\b(?!\s*(?:of|-|%|percent|year|month|day|week))/g, "any");
  text = text.replace(COMPARED_NUMBER_WORD, (match, comparison: string, word: string) =>
    word === "one" && /least|fewer|less/.test(comparison) ? match : `${comparison} ${ENGLISH_NUMBER_WORDS.indexOf(word) + 1}`,
  );
  // "NPL%", "on time repayment %": a percent sign after a word is the word's rate.
  // "what % of balance": a percent sign before "of" asks for a share.
  text = text.replace(/([a-z])\s*%\s+of\b/g, "$1 percentage of");
  text = text.replace(/([a-z])\s*%/g, "$1 rate");
  text = text.replace(/\s+/g, " ").trim();
  return text;
}
