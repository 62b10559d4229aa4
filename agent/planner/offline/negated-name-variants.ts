/**
 * Spoken forms of names written with 未 ("not yet"): 未处理 is also said 没处理, 没有处理, 还没处理, 尚未处理, 还未处理
 * ("还没处理的预警" = open alerts). The lexicon adds these forms beside each value or term name that starts with 未, so
 * the layer names each state once.
 */

/** How "not yet" is said before a verb, besides 未. */
const NOT_YET = ["没", "没有", "还没", "还没有", "尚未", "还未", "仍未"];

/** The spoken variants of a Chinese name starting with 未 followed by a verb (none for other names). */
export function negatedNameVariants(name: string): string[] {
  const match = /^未(\p{Script=Han}.*)$/u.exec(name);
  if (!match) return [];
  return NOT_YET.map((prefix) => `${prefix}${match[1]}`);
}
