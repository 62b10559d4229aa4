/**
 * Asks over the WebSocket /api/chat/stream: progress events while the answer is made, then the answer. When the
 * socket cannot be used (refused, closed before the server accepted the question) the caller falls back to POST.
 */
import { ApiError } from "./api-error.ts";
import { readChatReply } from "./api-client.ts";
import type { ChatReply } from "./api-client.ts";

/** The progress steps the page shows. */
export type ProgressStep = "accepted" | "planning" | "plan" | "sql" | "rows";

/** The socket could not carry the question; nothing was asked, so asking again over HTTP is safe. */
export class StreamUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "StreamUnavailableError";
  }
}

/** What asking over the socket needs. */
export interface StreamAskOptions {
  apiKey: string;
  message: string;
  conversationId?: string | null;
  onProgress: (step: ProgressStep, event: Record<string, unknown>) => void;
  /** Gives up on a socket that does not open in time (ms). */
  openTimeoutMs?: number;
  /** The interface language, for error messages. */
  language?: "zh" | "en";
  /** The page's location (for tests). */
  location?: Pick<Location, "protocol" | "host">;
}

/** The socket URL for this page, the key in the query (browsers cannot set headers on WebSockets). */
export function streamUrl(location: Pick<Location, "protocol" | "host">, apiKey: string): string {
  const protocol = location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${location.host}/api/chat/stream?api_key=${encodeURIComponent(apiKey)}`;
}

const STEPS: ReadonlySet<string> = new Set(["accepted", "planning", "plan", "sql", "rows"]);

/** Asks one question over a new socket; resolves the answer, rejects with StreamUnavailableError or ApiError. */
export function askOverStream(options: StreamAskOptions): Promise<ChatReply> {
  const requestId = `r_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  return new Promise<ChatReply>((resolve, reject) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(streamUrl(options.location ?? window.location, options.apiKey));
    } catch (error) {
      reject(new StreamUnavailableError(String(error)));
      return;
    }
    let asked = false;
    let accepted = false;
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(openTimer);
      outcome();
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(1000);
    };
    const openTimer = setTimeout(() => finish(() => reject(new StreamUnavailableError("the socket did not open in time"))), options.openTimeoutMs ?? 4000);

    socket.addEventListener("open", () => {
      clearTimeout(openTimer);
      asked = true;
      socket.send(JSON.stringify({ type: "ask", message: options.message, request_id: requestId, ...(options.conversationId ? { conversation_id: options.conversationId } : {}) }));
    });
    socket.addEventListener("message", (message) => {
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(String(message.data)) as Record<string, unknown>;
      } catch {
        return;
      }
      if (event.request_id !== undefined && event.request_id !== requestId) return;
      const type = String(event.type);
      if (STEPS.has(type)) {
        accepted = true;
        options.onProgress(type as ProgressStep, event);
      } else if (type === "answer") {
        finish(() => resolve(readChatReply(event)));
      } else if (type === "error") {
        const error = (event.error ?? event) as Record<string, unknown>;
        const messages = error.messages as Record<string, string> | undefined;
        const text = messages?.[options.language ?? "en"] ?? (typeof error.message === "string" ? error.message : "error");
        const status = typeof error.status === "number" ? error.status : typeof event.status === "number" ? event.status : 500;
        finish(() => reject(new ApiError(status, text, typeof error.code === "string" ? error.code : undefined)));
      }
    });
    socket.addEventListener("close", (event) => {
      if (event.code === 4401 || event.code === 1008) finish(() => reject(new ApiError(401, event.reason || "unauthorized")));
      // Closed before the server took the question: nothing was asked, HTTP may ask instead.
      else if (!accepted) finish(() => reject(new StreamUnavailableError(`closed (${event.code}) before the question was accepted${asked ? "" : " or sent"}`)));
      else finish(() => reject(new ApiError(0, `the connection closed (${event.code}) before the answer came`)));
    });
    socket.addEventListener("error", () => {
      if (!accepted) finish(() => reject(new StreamUnavailableError("the socket failed")));
    });
  });
}
