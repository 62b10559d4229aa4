/** Small Chinese numerals (一 … 九十九, 两, 半) and Arabic digits as numbers, for counts like 前五 and 近三个月. */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A regex fragment matching a small number written in digits or Chinese numerals. */
export const SMALL_NUMBER = "(?:\\d+|[零〇一二两三四五六七八九十百]+)";

/** The value of "12", "十二", "二十", "两", "一百"; undefined when it is not a number. */
export function parseSmallNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return undefined;
  let total = 0;
  let current = 0;
  for (const character of text) {
    if (character === "千") {
      total += (current || 1) * 1000;
      current = 0;
    } else if (character === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else if (character === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else current = DIGITS[character] ?? 0;
  }
  return total + current;
}

const ENGLISH_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, sixty: 60, ninety: 90,
};

/** A regex fragment matching a small number in digits or English words. */
export const ENGLISH_SMALL_NUMBER = `(?:\\d+|${Object.keys(ENGLISH_NUMBERS).join("|")})`;

/** The value of "12" or "twelve". */
export function parseEnglishSmallNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  return ENGLISH_NUMBERS[text];
}

// A scale character after digits ("5千万", "3百万") is the scale, not a numeral of its own ("51000万").
const AMOUNT = /(?<![0-9.])([零〇一二两三四五六七八九十百千]+)(?=\s*(?:万|亿|元|块|岁|天|笔|个百分点|%))|百分之([零〇一二两三四五六七八九十百千]+)/g;

/** Writes Chinese-numeral amounts in digits ("五十万" → "50万", "百分之三" → "百分之3") so one parser reads both. */
export function digitsForChineseAmounts(text: string): string {
  return text.replace(AMOUNT, (whole, amount: string | undefined, percent: string | undefined) => {
    const value = parseSmallNumber(amount ?? percent ?? "");
    if (value === undefined) return whole;
    return percent ? `百分之${value}` : String(value);
  });
}
