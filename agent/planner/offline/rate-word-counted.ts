/**
 * A rate's verb said with a count's superlative ("哪个渠道转化的客户最多", "which channel converts the most"): the most
 * rows converted is a count, which the rate (converted / touched) is not; no measure here counts converted customers.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Intent } from "./read-question.ts";

const RATE_WORD = /率|比例|比率|rate|ratio|%|percent/;
const COUNT_SUPERLATIVE = /最多|最少|多少个|多少人|多少次|多少笔|多少位|几次|几笔|几个|几人|几位|\bthe most\b|\bthe fewest\b|\bthe least\b|\bhow many\b/;

/** Whether a rate metric of the intent was said only as its verb (转化, conversion) beside a count superlative. */
export function rateWordCounted(intent: Intent, layer: SemanticLayer): boolean {
  if (!COUNT_SUPERLATIVE.test(intent.text)) return false;
  return intent.metrics.some((id) => {
    const metric = layer.metric(id);
    if (metric.format !== "rate") return false;
    const names = [...metric.names.zh, ...metric.names.en].map((name) => name.toLowerCase());
    const said = names.filter((name) => intent.text.includes(name));
    return said.length > 0 && said.every((name) => !RATE_WORD.test(name)) && !RATE_WORD.test(intent.text);
  });
}
