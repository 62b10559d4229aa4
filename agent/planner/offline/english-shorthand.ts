/** English shorthand read as the words it stands for: spelled-out counts as digits, abbreviations (mth, yr, qtr, amt) spelled out. */

/** Spelled-out counts (two … twenty, and the round tens) in digits; "one" stays a pronoun ("which one"). */
const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

/** Abbreviations with one meaning only ("bal" is left alone: loan balance or AUM). */
const ABBREVIATIONS: Record<string, string> = {
  mth: "month", mths: "months", yr: "year", yrs: "years", qtr: "quarter", qtrs: "quarters", amt: "amount", amts: "amounts",
  wk: "week", wks: "weeks",
};

const NUMBER_PATTERN = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join("|")})\\b`, "g");
const ABBREVIATION_PATTERN = new RegExp(`\\b(${Object.keys(ABBREVIATIONS).join("|")})\\b(?!\\.\\d)`, "g");

/**
 * The lower-case text with English shorthand expanded: "which five branches" → "which 5 branches",
 * "this mth" → "this month". A number word joined to another ("twenty five") keeps only its own value, which is
 * the reading of the first word; such compounds are rare in questions and read as their parts.
 */
export function expandEnglishShorthand(text: string): string {
  return text
    .replace(NUMBER_PATTERN, (word) => String(NUMBER_WORDS[word]))
    .replace(ABBREVIATION_PATTERN, (word) => ABBREVIATIONS[word]);
}
