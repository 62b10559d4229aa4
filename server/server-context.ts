/** Everything the routes, the WebSocket stream and the MCP server share: stores, services, keys, limits, logger. */
import type { Logger } from "pino";
import type { SemanticLayer } from "../schema/semantic-layer/semantic-layer.ts";
import type { Engine } from "../tools/engines/engine.ts";
import type { ApiKeyTable } from "./auth/api-keys.ts";
import type { ChatService } from "./chat/chat-service.ts";
import type { ServerConfiguration } from "./config/server-config.ts";
import type { RateLimiter } from "./http/rate-limiter.ts";
import type { AuditLog } from "./store/audit-log.ts";
import type { FeedbackStore } from "./store/feedback-store.ts";
import type { PersistentConversationStore } from "./store/persistent-conversation-store.ts";

/** The shared pieces of one running server. */
export interface ServerContext {
  configuration: ServerConfiguration;
  keys: ApiKeyTable;
  limiter: RateLimiter;
  chat: ChatService;
  conversations: PersistentConversationStore;
  feedback: FeedbackStore;
  audit: AuditLog;
  engine: Engine;
  semanticLayer: SemanticLayer;
  logger: Logger;
  /** Date.now() when the server started. */
  startedAt: number;
  version: string;
  /** The directory of the built web chat (served at /), when it exists. */
  webRoot: string;
}
