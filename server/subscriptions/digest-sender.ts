/** The daily digest of each user with subscriptions, put in their inbox once per scheduled time. */
import { buildDigest, digestValueKey } from "../../agent/subscriptions/digest.ts";
import type { Digest, DigestSource } from "../../agent/subscriptions/digest.ts";
import { conversationLink, idFromKey } from "./subscription-runner.ts";
import type { DigestRecord } from "./subscription-records.ts";
import type { SubscriptionStore } from "./subscription-store.ts";

/** The calendar date of an instant in a time zone, YYYY-MM-DD. */
export function dateIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** Builds and sends digests. */
export class DigestSender {
  constructor(
    private readonly store: SubscriptionStore,
    private readonly now: () => Date,
    private readonly timeZone: string,
  ) {}

  /** The user's digest as of now, with the values of their last digest as the baseline (nothing is saved). */
  preview(user: string, at: Date = this.now()): Digest {
    const subscriptions = this.store.listSubscriptions(user).filter((subscription) => subscription.active);
    const sources: DigestSource[] = subscriptions.map((subscription) => {
      const latest = this.store.runsOf(subscription.id).find((run) => run.answer_status === "answered" && run.headlines.length > 0);
      return {
        subscriptionId: subscription.id,
        name: subscription.name,
        headlines: latest?.headlines ?? [],
        link: latest?.conversation_id ? conversationLink(latest.conversation_id) : null,
        asOfDate: latest?.as_of_date ?? null,
      };
    });
    // The user's language: the language of their newest subscription.
    const language = subscriptions.at(-1)?.question.language ?? "zh";
    return buildDigest(sources, this.store.lastDigest(user)?.values ?? {}, language, dateIn(at, this.timeZone));
  }

  /** Sends the digest of `scheduledFor` to the user's inbox unless it was sent; returns its record. */
  send(user: string, scheduledFor: string): DigestRecord {
    const key = `digest:${user}@${scheduledFor}`;
    const digest = this.preview(user, new Date(scheduledFor));
    const itemId = idFromKey("inbox", key);
    const at = this.now().toISOString();
    this.store.addInboxItem({
      id: itemId,
      user,
      kind: "digest",
      subscription_id: null,
      run_id: null,
      title: digest.title,
      text: digest.text,
      answer: null,
      link: digest.lines.find((line) => line.link)?.link ?? null,
      lines: digest.lines,
      created_at: at,
      read_at: null,
    });
    const record: DigestRecord = {
      key,
      user,
      scheduled_for: scheduledFor,
      values: Object.fromEntries(digest.lines.map((line) => [digestValueKey(line.subscription_id, line.metric), line.value])),
      inbox_item_id: itemId,
      at,
    };
    this.store.saveDigest(record);
    return record;
  }
}
