/** Where conversations live between turns: an interface (the server may persist it) and the in-memory default. */
import { randomUUID } from "node:crypto";
import type { ConversationTurn } from "../planner/planner.ts";

/** A conversation as the pipeline sees it: its id and earlier turns, oldest first. */
export interface Conversation {
  id: string;
  history: ConversationTurn[];
}

/** Keeps each conversation's turns for follow-up questions. */
export interface ConversationStore {
  /**
   * The conversation with this id when it exists and belongs to `user` (or has no owner); otherwise a new one
   * (with the requested id when it is free, so clients may choose ids).
   */
  open(id: string | undefined, user?: string): Promise<Conversation>;
  /** Appends one turn. */
  append(id: string, turn: ConversationTurn): Promise<void>;
}

/** Limits of the in-memory store. */
export interface InMemoryConversationStoreOptions {
  /** Conversations kept; the least recently used are forgotten first (default 1,000). */
  maxConversations?: number;
  /** Turns kept per conversation; older turns are dropped (default 20). */
  maxTurns?: number;
}

/** A new conversation id: "c_" and 16 hex digits. */
export function newConversationId(): string {
  return `c_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
}

/** The in-memory conversation store (one process; forgotten on restart). */
export function createInMemoryConversationStore(options: InMemoryConversationStoreOptions = {}): ConversationStore {
  const maxConversations = options.maxConversations ?? 1_000;
  const maxTurns = options.maxTurns ?? 20;
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const conversations = new Map<string, { user?: string; turns: ConversationTurn[] }>();

  const touch = (id: string, entry: { user?: string; turns: ConversationTurn[] }) => {
    conversations.delete(id);
    conversations.set(id, entry);
    while (conversations.size > maxConversations) conversations.delete(conversations.keys().next().value as string);
  };

  return {
    async open(id, user) {
      const existing = id ? conversations.get(id) : undefined;
      if (id && existing && (existing.user === undefined || existing.user === user)) {
        touch(id, existing);
        return { id, history: [...existing.turns] };
      }
      const freshId = id && !existing && /^[\w.:-]{1,100}$/.test(id) ? id : newConversationId();
      touch(freshId, { user, turns: [] });
      return { id: freshId, history: [] };
    },
    async append(id, turn) {
      const entry = conversations.get(id) ?? { turns: [] };
      entry.turns.push(turn);
      if (entry.turns.length > maxTurns) entry.turns.splice(0, entry.turns.length - maxTurns);
      touch(id, entry);
    },
  };
}
