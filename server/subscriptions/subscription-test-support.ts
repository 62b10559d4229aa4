/** Test helpers for subscriptions: a controllable clock, a webhook receiver on loopback, a server with both. */
import { createServer } from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Engine } from "../../tools/engines/engine.ts";
import { openEngine } from "../../tools/engines/open-engine.ts";
import { loadServerConfiguration } from "../config/server-config.ts";
import { createLogger } from "../logger.ts";
import { startServer } from "../server.ts";
import type { RunningServer } from "../server.ts";
import type { TestDataset } from "../test-support/test-server.ts";
import { subscriptionsOf } from "./subscriptions-runtime.ts";
import type { SubscriptionsRuntime } from "./subscriptions-runtime.ts";

/** A clock the test moves. */
export interface TestClock {
  now: () => Date;
  set(iso: string): void;
}

/** A clock at `iso`. */
export function testClock(iso: string): TestClock {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next);
    },
  };
}

/** One request the receiver got. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 (port 0) answering with the statuses given, in turn (the last one repeats). */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  statuses: number[];
  close(): Promise<void>;
}

/** Starts a receiver. */
export async function startWebhookReceiver(statuses: number[] = [200]): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver = { received, statuses } as WebhookReceiver;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.statusCode = receiver.statuses[Math.min(received.length - 1, receiver.statuses.length - 1)] ?? 200;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

/** An engine whose meta table says another as-of date when `asOf.date` is set (the dataset "moved on"). */
export function movableEngine(engine: Engine): { engine: Engine; asOf: { date?: string } } {
  const asOf: { date?: string } = {};
  const moved = Object.create(engine, {
    meta: { value: async () => ({ ...(await engine.meta()), ...(asOf.date ? { as_of_date: asOf.date } : {}) }) },
  }) as Engine;
  return { engine: moved, asOf };
}

/** A started server whose subscriptions run on the test clock and never wake by themselves. */
export interface SubscriptionTestServer extends RunningServer {
  subscriptions: SubscriptionsRuntime;
  engine: Engine;
  stop(): Promise<void>;
}

/** Starts a server over the dataset with the given keys, state directory and clock; webhook retries wait `sleep`. */
export async function startSubscriptionServer(
  dataset: TestDataset,
  options: { clock: TestClock; stateDir: string; environment: Record<string, string>; engine?: Engine; sleep?: (milliseconds: number) => Promise<void>; digestTime?: string | null },
): Promise<SubscriptionTestServer> {
  const configuration = loadServerConfiguration({ PORT: "0", HOST: "127.0.0.1", LENDLENS_STATE_DIR: options.stateDir, LOG_LEVEL: "silent", ...options.environment });
  const own = options.engine ? undefined : await openEngine({ dbPath: dataset.dbPath, workers: 1 });
  const engine = options.engine ?? (own as Engine);
  const running = await startServer({
    configuration,
    engine,
    logger: createLogger("silent"),
    webRoot: join(dataset.directory, "no-web-chat"),
    subscriptions: {
      now: options.clock.now,
      wakeEveryMinute: false,
      sleep: options.sleep ?? (async () => undefined),
      retry: { baseDelayMs: 10, timeoutMs: 5000 },
      digestTime: options.digestTime === undefined ? null : options.digestTime,
      timeZone: "Asia/Shanghai",
    },
  });
  return {
    ...running,
    engine,
    subscriptions: subscriptionsOf(running.context),
    async stop() {
      await running.close();
      await own?.close();
    },
  };
}
