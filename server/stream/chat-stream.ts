/**
 * The WebSocket chat stream at /api/chat/stream, on the same HTTP server. Clients authenticate with ?api_key=,
 * the Authorization header, or a first message {type:"auth", api_key}; then send {type:"ask", message,
 * conversation_id?, request_id?} as often as they like, concurrently. Every event carries the question's
 * request_id: accepted, planning, plan, sql, rows, then answer (the answer object) or error. A subscription request
 * ("每天早上8点推送……") ends with an answer that carries a subscription_proposal to confirm.
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { WebSocket } from "ws";
import type { ProgressEvent } from "../../agent/pipeline/progress-event.ts";
import { authenticate, presentedKey } from "../auth/authenticate.ts";
import { answerChatMessage } from "../chat/answer-chat-message.ts";
import type { Principal } from "../auth/principal.ts";
import { StreamClientMessage } from "../api/api-schemas.ts";
import { messageIdOf } from "../api/conversation-views.ts";
import { errorBody } from "../http/error-body.ts";
import { httpStatusOf } from "../http/error-status.ts";
import { ForbiddenError, MalformedJsonError, RateLimitedError, RequestInvalidError, UnauthorizedError } from "../http/http-errors.ts";
import { newRequestId } from "../http/request-id.ts";
import type { ServerContext } from "../server-context.ts";

/** The path of the stream. */
export const CHAT_STREAM_PATH = "/api/chat/stream";

/** Close codes: 4401 no valid key in time, 4400 protocol error. */
export const CLOSE_UNAUTHORIZED = 4401;

/** How often sockets are pinged. */
const HEARTBEAT_MS = 30_000;

/** How long a socket without a key may wait for its auth message. */
const AUTH_TIMEOUT_MS = 10_000;

/** A progress event of the pipeline as a stream event (counts and SQL only; rows come with the answer). */
function streamEvent(event: ProgressEvent): Record<string, unknown> | undefined {
  switch (event.type) {
    case "planning":
      return { type: "planning" };
    case "plan":
      return { type: "plan", plan: event.plan, confidence: event.confidence };
    case "sql":
      return { type: "sql", sql: event.sql };
    case "rows":
      return { type: "rows", row_count: event.rowCount, ms: event.ms };
    default:
      return undefined;
  }
}

/**
 * Browsers do not apply CORS to WebSockets: a page elsewhere could open a socket to a local server with the demo
 * key. Sockets from browsers (they send Origin) are accepted from this server's own origin and the configured CORS
 * origins only; clients without an Origin header (servers, scripts) are not affected.
 */
export function originAllowed(request: IncomingMessage, corsOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (corsOrigins.includes("*") || corsOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** Attaches the stream to an HTTP server; returns the WebSocket server (closed with the HTTP server). */
export function attachChatStream(server: Server, context: ServerContext): WebSocketServer {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: context.configuration.bodyLimitBytes });

  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== CHAT_STREAM_PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    if (!originAllowed(request, context.configuration.corsOrigins)) {
      const body = JSON.stringify(errorBody(new ForbiddenError({ zh: "不允许该来源(Origin)的网页连接", en: "pages from this origin may not connect" }), newRequestId()));
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      return;
    }
    const key = presentedKey({ authorization: request.headers.authorization, apiKeyHeader: request.headers["x-api-key"], queryKey: url.searchParams.get("api_key") });
    let principal: Principal | undefined;
    if (key) {
      try {
        principal = authenticate(context.keys, key, request.socket.remoteAddress);
      } catch (error) {
        const body = JSON.stringify(errorBody(error, newRequestId()));
        socket.end(`HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
        return;
      }
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      sockets.emit("connection", webSocket, request);
      serveSocket(webSocket, request, principal, context);
    });
  });
  // Heartbeat: sockets that did not answer the last ping (a vanished client) are dropped.
  const alive = new WeakSet<WebSocket>();
  sockets.on("connection", (socket: WebSocket) => {
    alive.add(socket);
    socket.on("pong", () => alive.add(socket));
  });
  const heartbeat = setInterval(() => {
    for (const socket of sockets.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  server.on("close", () => {
    clearInterval(heartbeat);
    sockets.close();
  });
  return sockets;
}

/** Serves one socket until it closes. */
function serveSocket(socket: WebSocket, request: IncomingMessage, initial: Principal | undefined, context: ServerContext): void {
  let principal = initial;
  const send = (event: Record<string, unknown>) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
  };
  const sendError = (requestId: string | null, error: unknown) => send({ type: "error", request_id: requestId, status: httpStatusOf(error), ...errorBody(error, requestId ?? "") });
  const authTimer = principal ? undefined : setTimeout(() => socket.close(CLOSE_UNAUTHORIZED, "no api key"), AUTH_TIMEOUT_MS);
  socket.on("close", () => clearTimeout(authTimer));
  if (principal) send({ type: "ready", user: principal.user, role: principal.role });

  socket.on("message", (data, isBinary) => {
    let message: StreamClientMessage;
    try {
      if (isBinary) throw new RequestInvalidError(["messages are JSON text"]);
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        throw new MalformedJsonError();
      }
      const parsed = StreamClientMessage.safeParse(json);
      if (!parsed.success) throw new RequestInvalidError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "message"}: ${issue.message}`));
      message = parsed.data;
    } catch (error) {
      sendError(null, error);
      return;
    }
    if (message.type === "ping") {
      send({ type: "pong" });
      return;
    }
    if (message.type === "auth") {
      try {
        principal = authenticate(context.keys, message.api_key, request.socket.remoteAddress);
        clearTimeout(authTimer);
        send({ type: "ready", user: principal.user, role: principal.role });
      } catch (error) {
        sendError(null, error);
        socket.close(CLOSE_UNAUTHORIZED, "invalid api key");
      }
      return;
    }
    const requestId = message.request_id ?? newRequestId();
    if (!principal) {
      sendError(requestId, new UnauthorizedError("missing"));
      socket.close(CLOSE_UNAUTHORIZED, "no api key");
      return;
    }
    const asker = principal;
    const decision = context.limiter.take(asker.keyId);
    if (!decision.allowed) {
      send({ type: "error", request_id: requestId, status: 429, retry_after_s: decision.retryAfterSeconds, ...errorBody(new RateLimitedError(decision.retryAfterSeconds), requestId) });
      return;
    }
    send({ type: "accepted", request_id: requestId, conversation_id: message.conversation_id ?? null });
    answerChatMessage(context, asker, {
      message: message.message,
      ...(message.conversation_id === undefined ? {} : { conversationId: message.conversation_id }),
      ...(message.language ? { language: message.language } : {}),
      requestId,
      channel: "websocket",
      onProgress: (event) => {
        const shown = streamEvent(event);
        if (shown) send({ ...shown, request_id: requestId });
      },
    }).then(
      ({ answer, answerIndex }) =>
        send({ type: "answer", request_id: requestId, answer_index: answerIndex, message_id: answerIndex === null ? null : messageIdOf(answer.conversation_id, answerIndex), answer }),
      (error: unknown) => {
        if (httpStatusOf(error) >= 500) context.logger.error({ err: error, requestId }, "stream ask failed");
        sendError(requestId, error);
      },
    );
  });
}

