/** The daily digest of one user: each subscribed metric with its change since the last digest and a link to the answer. */
import type { Language } from "../planner/planner.ts";
import { formatHeadlineChange, formatHeadlineValue } from "./answer-headlines.ts";
import type { Headline } from "./answer-headlines.ts";

/** One subscription's latest run, as the digest reads it. */
export interface DigestSource {
  subscriptionId: string;
  name: string;
  headlines: Headline[];
  /** Where the full answer is: "/?conversation=<id>". */
  link: string | null;
  asOfDate: string | null;
}

/** One line of the digest. */
export interface DigestLine {
  subscription_id: string;
  name: string;
  metric: string;
  label: string;
  value: number;
  /** The value in the last digest (null the first time). */
  previous: number | null;
  change: number | null;
  text: string;
  link: string | null;
}

/** A user's digest. */
export interface Digest {
  language: Language;
  title: string;
  lines: DigestLine[];
  text: string;
}

/** Key of a metric in the "values at the last digest" map. */
export const digestValueKey = (subscriptionId: string, metric: string) => `${subscriptionId}:${metric}`;

/**
 * Builds the digest. `previous` maps digestValueKey(...) to the value shown in the last digest; the caller keeps
 * the returned lines' values for the next one.
 */
export function buildDigest(sources: readonly DigestSource[], previous: Readonly<Record<string, number>>, language: Language, date: string): Digest {
  const zh = language === "zh";
  const lines: DigestLine[] = [];
  for (const source of sources) {
    for (const headline of source.headlines) {
      const before = previous[digestValueKey(source.subscriptionId, headline.metric)];
      const change = before === undefined ? null : headline.value - before;
      const value = formatHeadlineValue(headline.value, headline.format, language);
      const changeText =
        change === null ? (zh ? "(首次)" : " (first digest)") : change === 0 ? (zh ? "(较上次无变化)" : " (unchanged since the last digest)") : zh ? `(较上次 ${formatHeadlineChange(change, headline.format, language)})` : ` (${formatHeadlineChange(change, headline.format, language)} since the last digest)`;
      lines.push({
        subscription_id: source.subscriptionId,
        name: source.name,
        metric: headline.metric,
        label: headline.label,
        value: headline.value,
        previous: before ?? null,
        change,
        text: `${source.name} · ${headline.label}: ${value}${changeText}`,
        link: source.link,
      });
    }
  }
  const title = zh ? `${date} 订阅日报` : `Daily digest, ${date}`;
  const body = lines.length === 0 ? (zh ? "暂无订阅结果。" : "No subscription results yet.") : lines.map((line) => `- ${line.text}${line.link ? ` ${line.link}` : ""}`).join("\n");
  return { language, title, lines, text: `${title}\n${body}` };
}
