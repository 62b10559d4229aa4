/** The journal and the stores over it: records survive reopening, torn lines are skipped, owners are kept apart. */
import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Answer } from "../../agent/answer/answer.ts";
import { AuditLog } from "./audit-log.ts";
import { FeedbackStore } from "./feedback-store.ts";
import { Journal } from "./journal.ts";
import { MAX_STORED_ROWS, PersistentConversationStore } from "./persistent-conversation-store.ts";

const directory = () => mkdtempSync(join(tmpdir(), "lendlens-store-"));

const answer = (conversationId: string) =>
  Answer.parse({
    question: "q",
    language: "zh",
    status: "answered",
    text: "答",
    interpretation: "",
    sql: ["SELECT 1"],
    columns: [{ name: "n", type: "number", label: "n" }],
    rows: [[1]],
    row_count: 1,
    chart: { mark: "bar" },
    actions: [],
    definitions: [],
    tools: [],
    as_of_date: "2026-06-30",
    conversation_id: conversationId,
    timings: { total_ms: 1, sql_ms: 1 },
  });

describe("Journal", () => {
  it("replays records, skips a torn last line and starts the next record on its own line", () => {
    const path = join(directory(), "j.jsonl");
    const { journal } = Journal.open(path);
    journal.append({ n: 1 });
    journal.close();
    appendFileSync(path, '{"n":2,"tor');
    const reopened = Journal.open(path);
    expect(reopened.replay).toEqual({ records: [{ n: 1 }], positions: [{ offset: 0, length: 7 }], skippedLines: 1 });
    const third = reopened.journal.append({ n: 3 });
    // A record reads back from its position, after the torn line's fresh newline.
    expect(reopened.journal.read(third)).toEqual({ n: 3 });
    expect(reopened.journal.read(reopened.replay.positions[0])).toEqual({ n: 1 });
    reopened.journal.close();
    expect(Journal.open(path).replay.records).toEqual([{ n: 1 }, { n: 3 }]);
    expect(readFileSync(path, "utf8").split("\n").filter(Boolean)).toHaveLength(3);
  });
});

describe("Journal group commit", () => {
  it("writes each record at once and fsyncs records written during one fsync together", async () => {
    const path = join(directory(), "group.jsonl");
    const { journal } = Journal.open(path);
    const appended = Array.from({ length: 50 }, (_, n) => journal.append({ n }));
    // Written before any fsync ended: another process (a restart after kill -9) already reads every record.
    expect(Journal.open(path).replay.records).toHaveLength(50);
    await Promise.all(appended.map(() => journal.durable()));
    // The first record started an fsync; the 49 written meanwhile shared the next one.
    expect(journal.syncCount).toBeLessThanOrEqual(2);
    expect(await journal.durable()).toBeUndefined();
    journal.close();
    expect(Journal.open(path).replay.records.map((record) => (record as { n: number }).n)).toEqual(Array.from({ length: 50 }, (_, n) => n));
  });

  it("resolves durable() only after the fsync covering its record", async () => {
    const { journal } = Journal.open(join(directory(), "order.jsonl"));
    const events: string[] = [];
    journal.append({ n: 1 });
    const first = journal.durable().then(() => events.push("first"));
    journal.append({ n: 2 });
    const second = journal.durable().then(() => events.push("second"));
    expect(events).toEqual([]);
    await Promise.all([first, second]);
    expect(events).toEqual(["first", "second"]);
    expect(journal.syncCount).toBeGreaterThanOrEqual(1);
    journal.close();
  });

  it("closing while an fsync runs keeps every record and refuses later appends", async () => {
    const path = join(directory(), "closing.jsonl");
    const { journal } = Journal.open(path);
    journal.append({ n: 1 });
    const waiting = journal.durable();
    journal.append({ n: 2 });
    journal.close();
    await waiting;
    expect(() => journal.append({ n: 3 })).toThrow(/closed/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Journal.open(path).replay.records).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("appendDurably is on disk when it returns", async () => {
    const { journal } = Journal.open(join(directory(), "sync.jsonl"));
    journal.appendDurably({ n: 1 });
    let resolved = false;
    void journal.durable().then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(true);
    journal.close();
  });
});

describe("PersistentConversationStore", () => {
  it("keeps turns, answers and deletions across reopening; owners only", async () => {
    const path = join(directory(), "conversations.jsonl");
    const store = new PersistentConversationStore(path);
    const many = await store.open(undefined, "carol");
    await store.append(many.id, { question: "列出贷款", language: "zh", status: "answered" });
    const long = { ...answer(many.id), rows: Array.from({ length: MAX_STORED_ROWS + 5 }, (_row, index) => [index]), row_count: MAX_STORED_ROWS + 5 };
    store.recordAnswer(many.id, long);
    const opened = await store.open(undefined, "alice");
    await store.append(opened.id, { question: "本月放款金额是多少?", language: "zh", status: "answered", plan: { version: 1, query: { kind: "aggregate", metrics: ["disbursement_amount"], dimensions: [], filters: [] } } as never });
    expect(store.recordAnswer(opened.id, answer(opened.id))).toBe(0);
    const gone = await store.open(undefined, "alice");
    expect(store.delete(gone.id, "bob")).toBe(false);
    expect(store.delete(gone.id, "alice")).toBe(true);
    store.close();

    const reopened = new PersistentConversationStore(path);
    const conversation = reopened.get(opened.id, "alice");
    expect(conversation?.turns).toHaveLength(1);
    expect(conversation?.turns[0].answer?.text).toBe("答");
    expect(Answer.parse(conversation?.turns[0].answer)).toEqual(answer(opened.id));
    expect(reopened.get(opened.id, "bob")).toBeUndefined();
    const shortened = reopened.get(many.id, "carol")?.turns[0].answer;
    expect(shortened).toMatchObject({ row_count: MAX_STORED_ROWS + 5, truncated: true });
    expect(shortened?.rows).toHaveLength(MAX_STORED_ROWS);
    expect(reopened.get(gone.id, "alice")).toBeUndefined();
    expect(reopened.list("alice").map((item) => item.id)).toEqual([opened.id]);
    const history = await reopened.open(opened.id, "alice");
    expect(history.history).toEqual([{ question: "本月放款金额是多少?", language: "zh", status: "answered", plan: expect.objectContaining({ version: 1 }) }]);
    // Another user asking with this id gets a new conversation, never this one's history.
    expect((await reopened.open(opened.id, "bob")).id).not.toBe(opened.id);
    reopened.close();
  });
});

describe("FeedbackStore and AuditLog", () => {
  it("survive reopening; audit reads are newest first and filter by user and status", () => {
    const folder = directory();
    const feedback = new FeedbackStore(join(folder, "feedback.jsonl"));
    feedback.add({ conversation_id: "c_1", answer_index: 0, rating: "down", user: "alice", comment: "不对" });
    feedback.close();
    expect(new FeedbackStore(join(folder, "feedback.jsonl")).forConversation("c_1")).toMatchObject([{ rating: "down", comment: "不对", user: "alice" }]);

    const audit = new AuditLog(join(folder, "audit.jsonl"));
    const entry = { at: "", request_id: "r", channel: "http" as const, role: "staff", branch_id: "BR01", question: "q", conversation_id: null, error_code: null, plan: null, sql: [], row_count: 0, timings: {} };
    audit.append({ ...entry, user: "alice", status: "answered" });
    audit.append({ ...entry, user: "bob", status: "error" });
    audit.append({ ...entry, user: "alice", status: "error" });
    audit.close();
    const reopened = new AuditLog(join(folder, "audit.jsonl"));
    expect(reopened.read().map((item) => `${item.user}:${item.status}`)).toEqual(["alice:error", "bob:error", "alice:answered"]);
    expect(reopened.read({ user: "alice", status: "error" })).toHaveLength(1);
    expect(reopened.read({ limit: 1 })).toHaveLength(1);
  });
});
