/**
 * Predicates of comparing two named things said in the ways the grammar does not read: 谁高谁低 (哪个高), "短信高还是微信高"
 * (短信和微信哪个高), "which has the higher conversion rate, sms or wechat?" (sms vs wechat). The groups shown answer them.
 */

/** Chinese paired predicates: 谁高谁低, 哪个高哪个低, 孰高孰低, 谁多谁少, 谁大谁小, 谁好谁差. */
const PAIRED_PREDICATE = /(?:谁|哪个|哪家|哪一个|孰)(高|多|大|好|快)(?:谁|哪个|哪家|哪一个|孰)(?:低|少|小|差|慢)/g;

/** "A高还是B高", "A的高还是B的高": the predicate said after each alternative (A and B at most 12 characters, no comma). */
const PREDICATE_AFTER_EACH = /([^,,;;??]{1,12}?)(?:的)?(高|低|多|少|大|小|好|差)还是([^,,;;??]{1,12}?)(?:的)?\2(?=$|[,.?!\s]|呢|啊|呀)/g;

/** English comparatives that ask which of the two is ahead. */
const ENGLISH_COMPARATIVE = /\b(?:the\s+|a\s+)?(?:higher|lower|better|worse|bigger|smaller|larger|greater)\b/;

/** "sms or wechat": two single words (or ids) joined by "or". */
const TWO_ALTERNATIVES = /\b([a-z0-9]+)\s+or\s+([a-z0-9]+)\b/g;

/** Rewrites the comparison predicates of a normalized question to the forms the grammar reads. */
export function readComparisonPredicates(text: string): string {
  let result = text.replace(PAIRED_PREDICATE, "哪个$1");
  result = result.replace(PREDICATE_AFTER_EACH, (match, first: string, predicate: string, second: string) =>
    /哪|谁|吗|是否/.test(first) ? match : `${first}和${second}哪个${predicate}`,
  );
  // English: a question (which…, is/are/does…) with one comparative, no "than", and exactly one "A or B".
  if (!/\bthan\b/.test(result) && /^(?:which|who|is|are|does|do|did|was|were)\b|\bwhich\b/.test(result) && ENGLISH_COMPARATIVE.test(result)) {
    const alternatives = [...result.matchAll(TWO_ALTERNATIVES)];
    if (alternatives.length === 1) result = result.replace(ENGLISH_COMPARATIVE, " ").replace(TWO_ALTERNATIVES, "$1 vs $2").replace(/\s{2,}/g, " ");
  }
  return result;
}
