/**
 * Conversations kept in a journal (conversations.jsonl): the ask pipeline's ConversationStore (turns with plans,
 * for follow-ups) plus what the API lists, shows and deletes. Every change is written at once (it survives kill -9)
 * and fsync'd in groups: the async methods resolve once their record is on disk; after the synchronous ones
 * (recordAnswer, delete) await durable() before acknowledging.
 */
import type { Answer } from "../../agent/answer/answer.ts";
import { newConversationId } from "../../agent/pipeline/conversation-store.ts";
import type { Conversation, ConversationStore } from "../../agent/pipeline/conversation-store.ts";
import type { ConversationTurn } from "../../agent/planner/planner.ts";
import { Journal } from "./journal.ts";
import type { JournalPosition } from "./journal.ts";

/** An answer as kept with its turn: the answer object with at most MAX_STORED_ROWS rows (row_count stays the full count). */
export type StoredAnswer = Answer;

/** Rows kept per stored answer; the conversation view shows these, asking again brings the rest. */
export const MAX_STORED_ROWS = 200;

/** Charts larger than this (serialized) are not kept (their data is in the rows). */
const MAX_STORED_CHART_CHARACTERS = 100_000;

/** One turn as stored and shown: the pipeline's turn, when it happened, and the answer it got. */
export interface StoredTurn extends ConversationTurn {
  at: string;
  answer?: StoredAnswer;
}

/** A conversation with its owner and every turn. */
export interface StoredConversation {
  id: string;
  user?: string;
  createdAt: string;
  updatedAt: string;
  turns: StoredTurn[];
}

/** Journal records, one per change. */
type ConversationRecord =
  | { type: "created"; id: string; user?: string; at: string }
  | { type: "turn"; id: string; turn: ConversationTurn; at: string }
  | { type: "answer"; id: string; index: number; answer: StoredAnswer; at: string }
  | { type: "deleted"; id: string; at: string };

/** Options of the store. */
export interface PersistentConversationStoreOptions {
  /** Turns given to the planner as history (default 20; every turn is kept and shown). */
  historyTurns?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

const CLIENT_ID = /^[\w.:-]{1,100}$/;

/** The persistent conversation store. */
export class PersistentConversationStore implements ConversationStore {
  private readonly conversations = new Map<string, StoredConversation>();
  private readonly journal: Journal;
  private readonly historyTurns: number;
  private readonly now: () => Date;
  /** Lines of the journal that could not be read on open (a torn write after a crash). */
  readonly skippedLines: number;

  /** Opens the journal at `path` and replays it. */
  constructor(path: string, options: PersistentConversationStoreOptions = {}) {
    this.historyTurns = options.historyTurns ?? 20;
    this.now = options.now ?? (() => new Date());
    const { journal, replay } = Journal.open(path);
    this.journal = journal;
    this.skippedLines = replay.skippedLines;
    replay.records.forEach((record, index) => this.apply(record as ConversationRecord, replay.positions[index]));
  }

  /**
   * Answers (up to 200 rows each) stay in the journal, not in memory: a turn reads its answer back when shown, so the
   * server's memory does not grow with every answered question.
   */
  private keepAnswerOnDisk(turn: StoredTurn, position: JournalPosition): void {
    Object.defineProperty(turn, "answer", {
      enumerable: true,
      configurable: true,
      get: () => (this.journal.read(position) as Extract<ConversationRecord, { type: "answer" }>).answer,
    });
  }

  private apply(record: ConversationRecord, position?: JournalPosition): void {
    switch (record.type) {
      case "created":
        this.conversations.set(record.id, { id: record.id, ...(record.user === undefined ? {} : { user: record.user }), createdAt: record.at, updatedAt: record.at, turns: [] });
        break;
      case "turn": {
        const conversation = this.conversations.get(record.id);
        if (!conversation) break;
        conversation.turns.push({ ...record.turn, at: record.at });
        conversation.updatedAt = record.at;
        break;
      }
      case "answer": {
        const turn = this.conversations.get(record.id)?.turns[record.index];
        if (turn && position) this.keepAnswerOnDisk(turn, position);
        else if (turn) turn.answer = record.answer;
        break;
      }
      case "deleted":
        this.conversations.delete(record.id);
        break;
    }
  }

  private write(record: ConversationRecord): void {
    this.apply(record, this.journal.append(record));
  }

  /** Resolves when every change made so far is on disk (group commit: one fsync serves many concurrent answers). */
  durable(): Promise<void> {
    return this.journal.durable();
  }

  /** The pipeline's open: the user's own conversation, or a new one (owned by `user`), on disk before it resolves. */
  async open(id: string | undefined, user?: string): Promise<Conversation> {
    const existing = id ? this.conversations.get(id) : undefined;
    if (existing && (existing.user === undefined || existing.user === user)) {
      return { id: existing.id, history: existing.turns.slice(-this.historyTurns).map(({ question, language, status, plan }) => ({ question, language, status, ...(plan ? { plan } : {}) })) };
    }
    const freshId = id && !existing && CLIENT_ID.test(id) ? id : newConversationId();
    this.write({ type: "created", id: freshId, ...(user === undefined ? {} : { user }), at: this.now().toISOString() });
    await this.journal.durable();
    return { id: freshId, history: [] };
  }

  /** The pipeline's append: one turn, on disk before it returns. */
  async append(id: string, turn: ConversationTurn): Promise<void> {
    if (!this.conversations.has(id)) return;
    this.write({ type: "turn", id, turn, at: this.now().toISOString() });
    await this.journal.durable();
  }

  /** Keeps the answer with the conversation's last turn (written at once; await durable() before acknowledging); returns that turn's index. */
  recordAnswer(id: string, answer: Answer): number | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation || conversation.turns.length === 0) return undefined;
    const index = conversation.turns.length - 1;
    const kept: StoredAnswer = {
      ...answer,
      rows: answer.rows.slice(0, MAX_STORED_ROWS),
      truncated: answer.truncated || answer.rows.length > MAX_STORED_ROWS,
      chart: answer.chart && JSON.stringify(answer.chart).length <= MAX_STORED_CHART_CHARACTERS ? answer.chart : null,
    };
    this.write({ type: "answer", id, index, answer: kept, at: this.now().toISOString() });
    return index;
  }

  /** The conversation when it exists and belongs to `user`. */
  get(id: string, user: string): StoredConversation | undefined {
    const conversation = this.conversations.get(id);
    return conversation && conversation.user === user ? conversation : undefined;
  }

  /** The user's conversations, most recently updated first. */
  list(user: string): StoredConversation[] {
    return [...this.conversations.values()].filter((conversation) => conversation.user === user).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** Deletes the user's conversation (written at once, fsync'd with the next group); false when there is none of that id for the user. */
  delete(id: string, user: string): boolean {
    if (!this.get(id, user)) return false;
    this.write({ type: "deleted", id, at: this.now().toISOString() });
    return true;
  }

  /** Closes the journal. */
  close(): void {
    this.journal.close();
  }
}
