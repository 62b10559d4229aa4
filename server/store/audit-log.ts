/**
 * The audit log: every question with who asked (user, role, branch), the plan, the SQL, the row count, the status
 * and the timings, appended to a journal (audit.jsonl) separate from the dataset. Recent entries stay in memory.
 */
import { Journal } from "./journal.ts";

/** One audited question. */
export interface AuditEntry {
  at: string;
  request_id: string;
  channel: "http" | "websocket" | "mcp" | "subscription";
  user: string;
  role: string;
  branch_id: string | null;
  question: string;
  conversation_id: string | null;
  status: string;
  error_code: string | null;
  plan: Record<string, unknown> | null;
  sql: string[];
  row_count: number;
  timings: Record<string, number>;
}

/** Filters of a read. */
export interface AuditQuery {
  user?: string;
  status?: string;
  /** Newest first, at most this many (default 100). */
  limit?: number;
}

/** The audit journal. */
export class AuditLog {
  private readonly journal: Journal;
  private readonly recent: AuditEntry[];

  /** Opens the journal at `path`; keeps the newest `keep` entries in memory for reads (default 10,000). */
  constructor(
    path: string,
    private readonly keep = 10_000,
  ) {
    const { journal, replay } = Journal.open(path);
    this.journal = journal;
    this.recent = (replay.records as AuditEntry[]).slice(-keep);
  }

  /** Appends one entry: written at once (it survives kill -9), fsync'd with its group; durable() says when. */
  append(entry: AuditEntry): void {
    this.journal.append(entry);
    this.recent.push(entry);
    if (this.recent.length > this.keep) this.recent.splice(0, this.recent.length - this.keep);
  }

  /** Resolves when every entry appended so far is on disk. */
  durable(): Promise<void> {
    return this.journal.durable();
  }

  /** Recent entries matching the query, newest first. */
  read(query: AuditQuery = {}): AuditEntry[] {
    const limit = query.limit ?? 100;
    const found: AuditEntry[] = [];
    for (let index = this.recent.length - 1; index >= 0 && found.length < limit; index--) {
      const entry = this.recent[index];
      if (query.user !== undefined && entry.user !== query.user) continue;
      if (query.status !== undefined && entry.status !== query.status) continue;
      found.push(entry);
    }
    return found;
  }

  /** Closes the journal. */
  close(): void {
    this.journal.close();
  }
}
