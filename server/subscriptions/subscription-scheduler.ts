/**
 * The scheduler: croner wakes it every minute in the bank's time zone, and each tick runs what is due — the latest
 * missed occurrence of each subscription (earlier missed ones fold into it, so downtime gives one run, never several),
 * runs a restart interrupted, and each user's daily digest. Occurrences are computed with croner from the
 * subscription's schedule; the clock is injected so tests drive ticks without waiting.
 */
import { Cron } from "croner";
import { occurrencesBetween } from "../../agent/subscriptions/schedule.ts";
import type { Schedule } from "../../agent/subscriptions/schedule.ts";
import type { DigestSender } from "./digest-sender.ts";
import type { DigestRecord, RunRecord } from "./subscription-records.ts";
import type { SubscriptionRunner } from "./subscription-runner.ts";
import type { SubscriptionStore } from "./subscription-store.ts";

/** What the scheduler is built from. */
export interface SubscriptionSchedulerOptions {
  store: SubscriptionStore;
  runner: SubscriptionRunner;
  digests: DigestSender;
  now: () => Date;
  timeZone: string;
  /** "HH:MM" in the bank's time zone; null turns digests off. */
  digestTime: string | null;
  onError?: (error: unknown, context: Record<string, unknown>) => void;
}

/** What one tick did. */
export interface TickResult {
  runs: RunRecord[];
  digests: DigestRecord[];
}

const later = (left: string, right: string) => (left > right ? left : right);

/** Runs subscriptions when they are due. */
export class SubscriptionScheduler {
  private wakeup: Cron | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SubscriptionSchedulerOptions) {}

  /** Runs everything due now (ticks never overlap: a tick waits for the one before it). */
  tick(): Promise<TickResult> {
    const next = this.queue.then(() => this.runDue());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Runs one subscription now, outside its schedule (in the same queue as ticks). */
  runNow(subscriptionId: string): Promise<RunRecord> {
    const next = this.queue.then(() => {
      const subscription = this.options.store.subscription(subscriptionId);
      if (!subscription) throw new Error(`subscription ${subscriptionId} is gone`);
      return this.options.runner.run(subscription, this.options.now().toISOString(), { manual: true });
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runDue(): Promise<TickResult> {
    const { store, runner, now } = this.options;
    const result: TickResult = { runs: [], digests: [] };
    const until = now();
    for (const interrupted of store.interruptedRuns()) {
      const subscription = store.subscription(interrupted.subscription_id);
      if (!subscription) continue;
      result.runs.push(await runner.run(subscription, interrupted.scheduled_for, { resume: true, manual: interrupted.manual ?? false }));
    }
    for (const subscription of store.listSubscriptions()) {
      if (!subscription.active) continue;
      try {
        const after = later(store.lastScheduledTime(subscription.id) ?? subscription.starts_at, subscription.starts_at);
        const due = occurrencesBetween(subscription.schedule, subscription.time_zone, new Date(after), until);
        const latest = due.at(-1);
        if (!latest) continue;
        result.runs.push(await runner.run(subscription, latest.toISOString(), { missed: due.length - 1 }));
      } catch (error) {
        this.options.onError?.(error, { subscription: subscription.id });
      }
    }
    if (this.options.digestTime) result.digests.push(...this.sendDueDigests(until, this.options.digestTime));
    return result;
  }

  private sendDueDigests(until: Date, digestTime: string): DigestRecord[] {
    const { store, digests, timeZone } = this.options;
    const schedule: Schedule = { kind: "daily", time: digestTime, weekdays_only: false };
    const firstSubscription = new Map<string, string>();
    for (const subscription of store.listSubscriptions()) {
      if (!subscription.active) continue;
      const known = firstSubscription.get(subscription.owner);
      if (!known || subscription.created_at < known) firstSubscription.set(subscription.owner, subscription.created_at);
    }
    const sent: DigestRecord[] = [];
    for (const [user, since] of firstSubscription) {
      const after = later(store.lastDigest(user)?.scheduled_for ?? since, since);
      const latest = occurrencesBetween(schedule, timeZone, new Date(after), until).at(-1);
      if (!latest) continue;
      try {
        sent.push(digests.send(user, latest.toISOString()));
      } catch (error) {
        this.options.onError?.(error, { digest: user });
      }
    }
    return sent;
  }

  /** Catches up on what was missed while the server was down, then wakes every minute (unless `wake` is false: tests tick). */
  start(wake = true): Promise<TickResult> {
    if (wake) this.wakeup ??= new Cron("* * * * *", { timezone: this.options.timeZone, unref: true, protect: true }, () => {
      this.tick().catch((error: unknown) => this.options.onError?.(error, { tick: true }));
    });
    return this.tick();
  }

  /** Stops waking up and waits for the tick in progress. */
  async stop(): Promise<void> {
    this.wakeup?.stop();
    this.wakeup = undefined;
    await this.queue;
  }
}
