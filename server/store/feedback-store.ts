/** Feedback on answers (up or down, with an optional comment), appended to a journal (feedback.jsonl). */
import { randomUUID } from "node:crypto";
import { Journal } from "./journal.ts";

/** One piece of feedback as stored. */
export interface FeedbackRecord {
  id: string;
  conversation_id: string;
  answer_index: number;
  rating: "up" | "down";
  comment?: string;
  user: string;
  at: string;
}

/** The feedback journal with its records in memory. */
export class FeedbackStore {
  private readonly journal: Journal;
  private readonly records: FeedbackRecord[];

  /** Opens the journal at `path` and replays it. */
  constructor(path: string) {
    const { journal, replay } = Journal.open(path);
    this.journal = journal;
    this.records = replay.records as FeedbackRecord[];
  }

  /** Stores one piece of feedback (on disk before it returns). */
  add(feedback: Omit<FeedbackRecord, "id" | "at">, at = new Date()): FeedbackRecord {
    const record: FeedbackRecord = { id: `f_${randomUUID().replace(/-/g, "").slice(0, 16)}`, ...feedback, at: at.toISOString() };
    this.journal.appendDurably(record);
    this.records.push(record);
    return record;
  }

  /** Feedback on one conversation, oldest first. */
  forConversation(conversationId: string): FeedbackRecord[] {
    return this.records.filter((record) => record.conversation_id === conversationId);
  }

  /** Closes the journal. */
  close(): void {
    this.journal.close();
  }
}
