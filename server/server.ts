/** Starts the server: stores opened, the chat service built, HTTP and WebSocket listening; close() stops it all. */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Logger } from "pino";
import type { ToolRunnerRegistry } from "../agent/pipeline/tool-runner.ts";
import type { Planner } from "../agent/planner/planner.ts";
import { createOfflinePlanner } from "../agent/planner/offline/offline-planner.ts";
import { scoringToolRunners } from "../agent/pipeline/scoring-tool-runners.ts";
import { semanticLayer as projectSemanticLayer } from "../schema/semantic-layer/semantic-layer.ts";
import type { SemanticLayer } from "../schema/semantic-layer/semantic-layer.ts";
import type { Engine } from "../tools/engines/engine.ts";
import { createApp } from "./app.ts";
import { ApiKeyTable } from "./auth/api-keys.ts";
import { ChatService } from "./chat/chat-service.ts";
import type { ServerConfiguration } from "./config/server-config.ts";
import { RateLimiter } from "./http/rate-limiter.ts";
import { createLogger } from "./logger.ts";
import type { ServerContext } from "./server-context.ts";
import { AuditLog } from "./store/audit-log.ts";
import { FeedbackStore } from "./store/feedback-store.ts";
import { PersistentConversationStore } from "./store/persistent-conversation-store.ts";
import { attachChatStream } from "./stream/chat-stream.ts";
import { subscriptionsOf } from "./subscriptions/subscriptions-runtime.ts";
import type { SubscriptionsOptions } from "./subscriptions/subscriptions-runtime.ts";

/** What a server is started with. */
export interface StartServerOptions {
  configuration: ServerConfiguration;
  engine: Engine;
  /** Default: the offline planner. */
  planner?: Planner;
  semanticLayer?: SemanticLayer;
  toolRunners?: ToolRunnerRegistry;
  queryTimeoutMs?: number;
  logger?: Logger;
  /** Default: web-chat/dist under the working directory. */
  webRoot?: string;
  /** Clock, time zone and webhook seams of the subscription scheduler (tests). */
  subscriptions?: SubscriptionsOptions;
}

/** A running server. */
export interface RunningServer {
  /** http://host:port */
  url: string;
  port: number;
  http: Server;
  context: ServerContext;
  /** Stops listening, closes sockets and stores (the engine is the caller's). */
  close(): Promise<void>;
}

/** The package version, for health and the OpenAPI document. */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string }).version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** Opens the stores in the configured state directory (conversations, feedback and audit journals). */
export function openStores(stateDirectory: string) {
  return {
    conversations: new PersistentConversationStore(join(stateDirectory, "conversations.jsonl")),
    feedback: new FeedbackStore(join(stateDirectory, "feedback.jsonl")),
    audit: new AuditLog(join(stateDirectory, "audit.jsonl")),
  };
}

/** Builds the shared context (used by the HTTP server and the MCP server). */
export function createServerContext(options: StartServerOptions): ServerContext {
  const { configuration, engine } = options;
  const logger = options.logger ?? createLogger(configuration.logLevel);
  const stores = openStores(configuration.stateDir);
  if (stores.conversations.skippedLines > 0) logger.warn({ skippedLines: stores.conversations.skippedLines }, "conversation journal had unreadable lines (a crash mid-write); they were skipped");
  const chat = new ChatService({
    engine,
    planner: options.planner ?? createOfflinePlanner(),
    conversations: stores.conversations,
    audit: stores.audit,
    ...(options.queryTimeoutMs === undefined ? {} : { timeoutMs: options.queryTimeoutMs }),
    // Scoring tools answer as plan steps unless a test brings its own runners.
    toolRunners: options.toolRunners ?? scoringToolRunners(),
    onError: (error, context) => logger.warn({ err: error, ...context }, "question failed"),
  });
  return {
    configuration,
    keys: ApiKeyTable.fromConfiguration(configuration),
    limiter: new RateLimiter(configuration.rateLimit.limit, configuration.rateLimit.windowMs),
    chat,
    ...stores,
    engine,
    semanticLayer: options.semanticLayer ?? projectSemanticLayer(),
    logger,
    startedAt: Date.now(),
    version: packageVersion(),
    webRoot: options.webRoot ?? join(process.cwd(), "web-chat", "dist"),
  };
}

/** Closes the context's stores. */
export function closeServerContext(context: ServerContext): void {
  context.conversations.close();
  context.feedback.close();
  context.audit.close();
}

/** Starts listening on the configured host and port (0 picks a free port). */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const context = createServerContext(options);
  const subscriptions = subscriptionsOf(context, options.subscriptions);
  const http = createServer(createApp(context));
  const sockets = attachChatStream(http, context);
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.configuration.port, options.configuration.host, () => resolve());
  });
  // Runs missed while the server was down run once now; then the scheduler wakes every minute.
  subscriptions.start().catch((error: unknown) => context.logger.error({ err: error }, "subscription scheduler failed to start"));
  const port = (http.address() as AddressInfo).port;
  const host = options.configuration.host === "0.0.0.0" || options.configuration.host === "::" || options.configuration.host === "127.0.0.1" ? "localhost" : options.configuration.host;
  return {
    url: `http://${host}:${port}`,
    port,
    http,
    context,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await subscriptions.stop();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      closeServerContext(context);
    },
  };
}
