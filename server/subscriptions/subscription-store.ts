/**
 * Subscriptions, proposals, runs, inbox items, deliveries and digests kept in one journal (subscriptions.jsonl, the
 * same append-only, fsync'd JSON Lines mechanism as conversations and the audit log), replayed on open.
 */
import type { Subscription } from "../../agent/subscriptions/subscription.ts";
import { Journal } from "../store/journal.ts";
import type { DeliveryRecord, DigestRecord, InboxItem, RunRecord, SubscriptionProposal } from "./subscription-records.ts";

/** Journal records, one per change. */
type StoreRecord =
  | { type: "subscription"; subscription: Subscription }
  | { type: "subscription_deleted"; id: string; at: string }
  | { type: "proposal"; proposal: SubscriptionProposal }
  | { type: "proposal_closed"; id: string; at: string }
  | { type: "run_started"; key: string; subscription_id: string; scheduled_for: string; manual?: boolean; at: string }
  | { type: "run"; run: RunRecord }
  | { type: "inbox"; item: InboxItem }
  | { type: "inbox_read"; id: string; at: string }
  | { type: "delivery"; delivery: DeliveryRecord }
  | { type: "digest"; digest: DigestRecord };

/** A run that was started and never finished (the server stopped in the middle). */
export interface InterruptedRun {
  key: string;
  subscription_id: string;
  scheduled_for: string;
  /** Run on demand, not on schedule. */
  manual?: boolean;
}

/** The subscription store. */
export class SubscriptionStore {
  private readonly journal: Journal;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly proposals = new Map<string, SubscriptionProposal>();
  private readonly started = new Map<string, InterruptedRun>();
  private readonly runs = new Map<string, RunRecord>();
  private readonly inbox = new Map<string, InboxItem>();
  private readonly deliveries = new Map<string, DeliveryRecord>();
  private readonly digests = new Map<string, DigestRecord>();
  /** The newest scheduled time of a started or finished, non-manual run, per subscription (read at every tick). */
  private readonly lastScheduled = new Map<string, string>();
  /** Lines of the journal that could not be read (a torn write after a crash). */
  readonly skippedLines: number;

  /** Opens the journal at `path` and replays it. */
  constructor(path: string) {
    const { journal, replay } = Journal.open(path);
    this.journal = journal;
    this.skippedLines = replay.skippedLines;
    for (const record of replay.records) this.apply(record as StoreRecord);
  }

  private apply(record: StoreRecord): void {
    switch (record.type) {
      case "subscription":
        this.subscriptions.set(record.subscription.id, record.subscription);
        break;
      case "subscription_deleted":
        this.subscriptions.delete(record.id);
        break;
      case "proposal":
        this.proposals.set(record.proposal.id, record.proposal);
        break;
      case "proposal_closed":
        this.proposals.delete(record.id);
        break;
      case "run_started":
        this.started.set(record.key, { key: record.key, subscription_id: record.subscription_id, scheduled_for: record.scheduled_for, ...(record.manual ? { manual: true } : {}) });
        break;
      case "run":
        this.runs.set(record.run.key, record.run);
        this.started.delete(record.run.key);
        if (!record.run.manual) this.noteScheduled(record.run.subscription_id, record.run.scheduled_for);
        break;
      case "inbox":
        this.inbox.set(record.item.id, record.item);
        break;
      case "inbox_read": {
        const item = this.inbox.get(record.id);
        if (item) item.read_at = record.at;
        break;
      }
      case "delivery":
        this.deliveries.set(record.delivery.id, record.delivery);
        break;
      case "digest":
        this.digests.set(record.digest.key, record.digest);
        break;
    }
  }

  private noteScheduled(subscriptionId: string, scheduledFor: string): void {
    const known = this.lastScheduled.get(subscriptionId);
    if (!known || scheduledFor > known) this.lastScheduled.set(subscriptionId, scheduledFor);
  }

  private write(record: StoreRecord): void {
    this.journal.append(record);
    this.apply(record);
  }

  /** Saves (creates or replaces) a subscription. */
  saveSubscription(subscription: Subscription): void {
    this.write({ type: "subscription", subscription });
  }

  /** Deletes a subscription (its runs, inbox items and deliveries stay readable). */
  deleteSubscription(id: string, at: string): void {
    this.write({ type: "subscription_deleted", id, at });
  }

  /** The subscription of that id (any owner). */
  subscription(id: string): Subscription | undefined {
    return this.subscriptions.get(id);
  }

  /** Every subscription, or the owner's, oldest first. */
  listSubscriptions(owner?: string): Subscription[] {
    return [...this.subscriptions.values()].filter((subscription) => owner === undefined || subscription.owner === owner).sort((a, b) => a.created_at.localeCompare(b.created_at));
  }

  /** Keeps a proposal until it is confirmed or expires. */
  saveProposal(proposal: SubscriptionProposal): void {
    this.write({ type: "proposal", proposal });
  }

  /** The proposal of that id. */
  proposal(id: string): SubscriptionProposal | undefined {
    return this.proposals.get(id);
  }

  /** Removes a proposal (confirmed or withdrawn). */
  closeProposal(id: string, at: string): void {
    if (this.proposals.has(id)) this.write({ type: "proposal_closed", id, at });
  }

  /** Marks a run as started (before it asks anything), so a restart finds it unfinished. */
  startRun(run: InterruptedRun, at: string): void {
    this.write({ type: "run_started", ...run, at });
  }

  /** Records a finished run. */
  finishRun(run: RunRecord): void {
    this.write({ type: "run", run });
  }

  /** The finished run of that key. */
  run(key: string): RunRecord | undefined {
    return this.runs.get(key);
  }

  /** True when a run of that key was started or finished. */
  hasRun(key: string): boolean {
    return this.runs.has(key) || this.started.has(key);
  }

  /** Runs started and never finished. */
  interruptedRuns(): InterruptedRun[] {
    return [...this.started.values()];
  }

  /** Finished runs of a subscription, newest scheduled first. */
  runsOf(subscriptionId: string): RunRecord[] {
    return [...this.runs.values()].filter((run) => run.subscription_id === subscriptionId).sort((a, b) => b.scheduled_for.localeCompare(a.scheduled_for) || b.finished_at.localeCompare(a.finished_at));
  }

  /** The newest scheduled time of any started or finished, non-manual run of the subscription. */
  lastScheduledTime(subscriptionId: string): string | undefined {
    let latest = this.lastScheduled.get(subscriptionId);
    for (const run of this.started.values()) if (run.subscription_id === subscriptionId && !run.manual && (!latest || run.scheduled_for > latest)) latest = run.scheduled_for;
    return latest;
  }

  /** Adds an inbox item (kept once per id). */
  addInboxItem(item: InboxItem): void {
    if (!this.inbox.has(item.id)) this.write({ type: "inbox", item });
  }

  /** The inbox item of that id. */
  inboxItem(id: string): InboxItem | undefined {
    return this.inbox.get(id);
  }

  /** The user's inbox, newest first. */
  inboxOf(user: string, options: { unreadOnly?: boolean; limit?: number } = {}): InboxItem[] {
    return [...this.inbox.values()]
      .filter((item) => item.user === user && (!options.unreadOnly || item.read_at === null))
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id))
      .slice(0, options.limit ?? 100);
  }

  /** Marks an inbox item read. */
  markRead(id: string, at: string): void {
    const item = this.inbox.get(id);
    if (item && item.read_at === null) this.write({ type: "inbox_read", id, at });
  }

  /** Saves a delivery's state (after each attempt). */
  saveDelivery(delivery: DeliveryRecord): void {
    this.write({ type: "delivery", delivery: { ...delivery, attempts: [...delivery.attempts] } });
  }

  /** The delivery of that id. */
  delivery(id: string): DeliveryRecord | undefined {
    return this.deliveries.get(id);
  }

  /** Deliveries of a subscription, newest first. */
  deliveriesOf(subscriptionId: string): DeliveryRecord[] {
    return [...this.deliveries.values()].filter((delivery) => delivery.subscription_id === subscriptionId).sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
  }

  /** Records a digest that was sent. */
  saveDigest(digest: DigestRecord): void {
    this.write({ type: "digest", digest });
  }

  /** True when the digest of that key was sent. */
  hasDigest(key: string): boolean {
    return this.digests.has(key);
  }

  /** The user's last digest. */
  lastDigest(user: string): DigestRecord | undefined {
    let latest: DigestRecord | undefined;
    for (const digest of this.digests.values()) if (digest.user === user && (!latest || digest.scheduled_for > latest.scheduled_for)) latest = digest;
    return latest;
  }

  /** Closes the journal. */
  close(): void {
    this.journal.close();
  }
}
