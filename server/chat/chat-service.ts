/**
 * Answers questions for authenticated callers: one ask pipeline per branch scope (staff get theirs, managers and
 * admins the unscoped one), conversation ownership checked, the answer kept with its turn, every question audited.
 */
import type { Answer } from "../../agent/answer/answer.ts";
import { createAsk } from "../../agent/pipeline/ask-pipeline.ts";
import { newConversationId } from "../../agent/pipeline/conversation-store.ts";
import type { ConversationStore } from "../../agent/pipeline/conversation-store.ts";
import type { Ask } from "../../agent/pipeline/ask-pipeline.ts";
import type { ProgressEvent } from "../../agent/pipeline/progress-event.ts";
import type { ToolRunnerRegistry } from "../../agent/pipeline/tool-runner.ts";
import type { ConversationTurn, Language, Planner } from "../../agent/planner/planner.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import type { Principal } from "../auth/principal.ts";
import { scopeOf } from "../auth/principal.ts";
import { NotFoundError } from "../http/http-errors.ts";
import type { AuditEntry, AuditLog } from "../store/audit-log.ts";
import type { PersistentConversationStore } from "../store/persistent-conversation-store.ts";
import { refuseRawSqlPlans } from "./scoped-planner.ts";

/** What the service is built from. */
export interface ChatServiceOptions {
  engine: Engine;
  planner: Planner;
  conversations: PersistentConversationStore;
  audit: AuditLog;
  timeoutMs?: number;
  toolRunners?: ToolRunnerRegistry;
  /** Told about every failure the pipeline turned into an error answer (for the logs). */
  onError?: (error: unknown, context: { question: string; conversationId: string; user: string }) => void;
}

/** One question as the API received it. */
export interface ChatRequest {
  message: string;
  conversationId?: string;
  language?: Language;
  requestId: string;
  channel: "http" | "websocket" | "mcp";
  onProgress?: (event: ProgressEvent) => void;
}

/** The answer and its index in the conversation (what feedback refers to). */
export interface ChatResult {
  answer: Answer;
  answerIndex: number | null;
}

/** The conversation id does not exist for this user (another user's reads the same). */
export class ConversationNotFoundError extends NotFoundError {
  constructor() {
    super({ zh: "该会话", en: "The conversation" }, "CONVERSATION_NOT_FOUND");
  }
}

/** Conversations that are never kept: every question is asked alone, nothing is recorded (previews). */
const DETACHED_CONVERSATIONS: ConversationStore = {
  open: async () => ({ id: newConversationId(), history: [] }),
  append: async () => undefined,
};

/** Asks on behalf of principals. */
export class ChatService {
  private readonly pipelines = new Map<string, Ask>();

  constructor(private readonly options: ChatServiceOptions) {}

  /** The pipeline of a scope, built once (detached: over conversations that are never kept). */
  private pipelineFor(principal: Principal, detached = false): Ask {
    const scope = scopeOf(principal);
    const key = `${scope ? `branch:${scope.branchId}` : "all"}${detached ? ":detached" : ""}`;
    let ask = this.pipelines.get(key);
    if (!ask) {
      const { engine, planner, timeoutMs, toolRunners, onError } = this.options;
      const conversations = detached ? DETACHED_CONVERSATIONS : this.options.conversations;
      ask = createAsk({
        engine,
        planner: scope ? refuseRawSqlPlans(planner) : planner,
        conversations,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        ...(toolRunners ? { toolRunners } : {}),
        ...(scope ? { scope } : {}),
        onError: (error, context) => onError?.(error, { question: context.question, conversationId: context.conversationId, user: principal.user }),
      });
      this.pipelines.set(key, ask);
    }
    return ask;
  }

  /**
   * Answers one question.
   * @throws ConversationNotFoundError when `conversationId` is not one of the caller's conversations.
   */
  async ask(principal: Principal, request: ChatRequest): Promise<ChatResult> {
    this.checkConversation(principal, request);
    const answer = await this.pipelineFor(principal)(request.message, {
      user: principal.user,
      ...(request.conversationId === undefined ? {} : { conversationId: request.conversationId }),
      ...(request.language ? { language: request.language } : {}),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    });
    const answerIndex = this.options.conversations.recordAnswer(answer.conversation_id, answer) ?? null;
    this.audit(principal, request, {
      conversation_id: answer.conversation_id,
      status: answer.status,
      error_code: answer.error?.code ?? null,
      plan: answer.plan,
      sql: answer.sql,
      row_count: answer.row_count,
      timings: answer.timings,
    });
    await this.durable();
    return { answer, answerIndex };
  }

  /**
   * Refuses a conversation id that is not one of the caller's (audited: probing other users' ids leaves a trace).
   * @throws ConversationNotFoundError
   */
  checkConversation(principal: Principal, request: ChatRequest): void {
    if (request.conversationId === undefined || this.options.conversations.get(request.conversationId, principal.user)) return;
    this.audit(principal, request, { conversation_id: request.conversationId, status: "error", error_code: "CONVERSATION_NOT_FOUND", plan: null, sql: [], row_count: 0, timings: {} });
    throw new ConversationNotFoundError();
  }

  /**
   * Answers a question alone, with the caller's role and branch scope, outside any conversation: nothing is kept and
   * nothing audited (the caller records the turn it makes of it). Used to plan and preview a subscription's question.
   */
  async askDetached(principal: Principal, question: string, options: { language?: Language; onProgress?: (event: ProgressEvent) => void } = {}): Promise<Answer> {
    return this.pipelineFor(principal, true)(question, {
      user: principal.user,
      ...(options.language ? { language: options.language } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  }

  /**
   * Keeps a turn the chat answered without the pipeline (a subscription proposal or its clarifying question) in the
   * caller's conversation (a new one when none is given), with its answer, and audits it. The answer's
   * conversation_id is set to that conversation.
   */
  async recordTurn(principal: Principal, request: ChatRequest, answer: Answer): Promise<ChatResult> {
    const conversation = await this.options.conversations.open(request.conversationId, principal.user);
    const plan = answer.plan as ConversationTurn["plan"] | null;
    const kept: Answer = { ...answer, conversation_id: conversation.id };
    await this.options.conversations.append(conversation.id, { question: request.message.trim(), language: kept.language, status: kept.status, ...(plan ? { plan } : {}) });
    const answerIndex = this.options.conversations.recordAnswer(conversation.id, kept) ?? null;
    this.audit(principal, request, {
      conversation_id: conversation.id,
      status: kept.status,
      error_code: kept.error?.code ?? null,
      plan: kept.plan,
      sql: kept.sql,
      row_count: kept.row_count,
      timings: kept.timings,
    });
    await this.durable();
    return { answer: kept, answerIndex };
  }

  /** Waits until the answer's and the audit entry's records are on disk (group commit): only then is the answer sent. */
  private async durable(): Promise<void> {
    await Promise.all([this.options.conversations.durable(), this.options.audit.durable()]);
  }

  /** Appends the audit entry of one question. */
  private audit(principal: Principal, request: ChatRequest, outcome: Pick<AuditEntry, "conversation_id" | "status" | "error_code" | "plan" | "sql" | "row_count" | "timings">): void {
    this.options.audit.append({
      at: new Date().toISOString(),
      request_id: request.requestId,
      channel: request.channel,
      user: principal.user,
      role: principal.role,
      branch_id: scopeOf(principal)?.branchId ?? null,
      question: request.message,
      ...outcome,
    });
  }
}
