/** A relative change said in other words: 增速, 增幅, 涨幅, 增长了百分之几, "growth rate" are the growth rate (增长率, growth). */

/** Chinese: 增速, 增幅, 涨幅, 增长幅度, 增长了百分之几 / 多少个百分比: the growth rate. */
const CHINESE_GROWTH_RATE = /增速|增幅|涨幅|增长幅度|(?:增长|增加|上涨|涨)了?(?:百分之几|百分之多少|多少百分比|几个百分比|多少个百分比)/g;

/** English: "growth rate", "rate of growth", "percentage growth", "growth in percent": growth (the relative change). */
const ENGLISH_GROWTH_RATE = /\b(?:growth\s+rate|rate\s+of\s+growth|percentage\s+growth|percent\s+growth|growth\s+in\s+percent(?:age)?)\b/g;

/** Rewrites words of a relative change to the change words the grammar reads. */
export function readChangeRateWords(text: string): string {
  return text.replace(CHINESE_GROWTH_RATE, "增长率").replace(ENGLISH_GROWTH_RATE, "growth");
}
