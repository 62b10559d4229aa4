/**
 * The subscriptions of one server: store, runner, scheduler, digests and service, built once per server context
 * (on first use) from the context's stores and the environment (LENDLENS_TIME_ZONE, LENDLENS_DIGEST_TIME).
 */
import { join } from "node:path";
import type { Planner } from "../../agent/planner/planner.ts";
import { DEFAULT_BANK_TIME_ZONE } from "../../agent/subscriptions/subscription.ts";
import { cronOf } from "../../agent/subscriptions/schedule.ts";
import type { ServerContext } from "../server-context.ts";
import { DigestSender } from "./digest-sender.ts";
import { keyConfigurationDirectory } from "./owner-directory.ts";
import type { OwnerDirectory } from "./owner-directory.ts";
import { SubscriptionRunner } from "./subscription-runner.ts";
import { SubscriptionScheduler } from "./subscription-scheduler.ts";
import type { TickResult } from "./subscription-scheduler.ts";
import { SubscriptionService } from "./subscription-service.ts";
import { SubscriptionStore } from "./subscription-store.ts";
import { DEFAULT_RETRY_POLICY, realSleep } from "./webhook-delivery.ts";
import type { RetryPolicy } from "./webhook-delivery.ts";

/** The digest time when LENDLENS_DIGEST_TIME is unset. */
export const DEFAULT_DIGEST_TIME = "08:30";

/** Settings and test seams of the subscriptions. */
export interface SubscriptionsOptions {
  /** The clock (tests drive it). */
  now?: () => Date;
  /** Default LENDLENS_TIME_ZONE, else Asia/Shanghai. */
  timeZone?: string;
  /** "HH:MM" or null (off); default LENDLENS_DIGEST_TIME ("off" turns it off), else 08:30. */
  digestTime?: string | null;
  fetch?: typeof fetch;
  sleep?: (milliseconds: number) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  owners?: OwnerDirectory;
  /** Re-plans saved questions at each run (default the offline planner; null: saved plans as they are). */
  replanner?: Planner | null;
  /** The journal file (default subscriptions.jsonl in the state directory). */
  path?: string;
  environment?: Record<string, string | undefined>;
  /** False: no croner wake-up every minute (tests call scheduler.tick()). */
  wakeEveryMinute?: boolean;
}

/** The running subscriptions of one server. */
export interface SubscriptionsRuntime {
  store: SubscriptionStore;
  runner: SubscriptionRunner;
  scheduler: SubscriptionScheduler;
  digests: DigestSender;
  service: SubscriptionService;
  timeZone: string;
  now: () => Date;
  /** Catches up and starts waking every minute. */
  start(): Promise<TickResult>;
  /** Stops the scheduler and closes the journal. */
  stop(): Promise<void>;
}

const runtimes = new WeakMap<ServerContext, SubscriptionsRuntime>();

/** The digest time from the environment: "HH:MM", or null for "off". */
function digestTimeFrom(value: string | undefined): string | null {
  const text = value?.trim();
  if (!text) return DEFAULT_DIGEST_TIME;
  if (/^(off|0|false|no)$/i.test(text)) return null;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(text)) throw new Error(`LENDLENS_DIGEST_TIME must be HH:MM or off, not ${text}`);
  return text;
}

/** The context's subscriptions, built on the first call (later calls return the same runtime; options apply once). */
export function subscriptionsOf(context: ServerContext, options: SubscriptionsOptions = {}): SubscriptionsRuntime {
  const existing = runtimes.get(context);
  if (existing) return existing;
  const environment = options.environment ?? process.env;
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? (environment.LENDLENS_TIME_ZONE?.trim() || DEFAULT_BANK_TIME_ZONE);
  cronOf({ kind: "daily", time: "08:00", weekdays_only: false }, timeZone); // a bad time zone fails at start, not at the first run
  const digestTime = options.digestTime === undefined ? digestTimeFrom(environment.LENDLENS_DIGEST_TIME) : options.digestTime;
  const store = new SubscriptionStore(options.path ?? join(context.configuration.stateDir, "subscriptions.jsonl"));
  if (store.skippedLines > 0) context.logger.warn({ skippedLines: store.skippedLines }, "subscription journal had unreadable lines (a crash mid-write); they were skipped");
  const onError = (error: unknown, details: Record<string, unknown>) => context.logger.warn({ err: error, ...details }, "subscription run failed");
  const runner = new SubscriptionRunner({
    store,
    engine: context.engine,
    conversations: context.conversations,
    audit: context.audit,
    owners: options.owners ?? keyConfigurationDirectory(context.configuration),
    now,
    fetch: options.fetch ?? fetch,
    sleep: options.sleep ?? realSleep,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    ...(options.replanner === undefined ? {} : { replanner: options.replanner }),
    onError,
  });
  const digests = new DigestSender(store, now, timeZone);
  const scheduler = new SubscriptionScheduler({ store, runner, digests, now, timeZone, digestTime, onError });
  const service = new SubscriptionService({ store, chat: context.chat, conversations: context.conversations, now, timeZone });
  let stopped = false;
  const runtime: SubscriptionsRuntime = {
    store,
    runner,
    scheduler,
    digests,
    service,
    timeZone,
    now,
    start: () => scheduler.start(options.wakeEveryMinute ?? true),
    async stop() {
      if (stopped) return;
      stopped = true;
      await scheduler.stop();
      store.close();
    },
  };
  runtimes.set(context, runtime);
  return runtime;
}
