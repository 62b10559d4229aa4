/** The in-memory conversation store: turns kept per conversation and owner, bounded in size. */
import { describe, expect, it } from "vitest";
import type { ConversationTurn } from "../planner/planner.ts";
import { createInMemoryConversationStore } from "./conversation-store.ts";

const turn = (question: string): ConversationTurn => ({ question, language: "zh", status: "answered" });

describe("in-memory conversation store", () => {
  it("starts a conversation with a new id and keeps its turns in order", async () => {
    const store = createInMemoryConversationStore();
    const { id, history } = await store.open(undefined);
    expect(id).toMatch(/^c_[0-9a-f]{16}$/);
    expect(history).toEqual([]);
    await store.append(id, turn("一"));
    await store.append(id, turn("二"));
    expect((await store.open(id)).history.map((entry) => entry.question)).toEqual(["一", "二"]);
  });

  it("uses a client-chosen id when it is free and well-formed", async () => {
    const store = createInMemoryConversationStore();
    expect((await store.open("chat-42")).id).toBe("chat-42");
    expect((await store.open("bad id with spaces")).id).toMatch(/^c_/);
  });

  it("keeps a user's conversation from other users", async () => {
    const store = createInMemoryConversationStore();
    const { id } = await store.open(undefined, "alice");
    await store.append(id, turn("mine"));
    const other = await store.open(id, "bob");
    expect(other.id).not.toBe(id);
    expect(other.history).toEqual([]);
    expect((await store.open(id, "alice")).history).toHaveLength(1);
  });

  it("keeps at most maxTurns turns and forgets the least recently used conversations", async () => {
    const store = createInMemoryConversationStore({ maxConversations: 2, maxTurns: 2 });
    const first = (await store.open(undefined)).id;
    for (const question of ["1", "2", "3"]) await store.append(first, turn(question));
    expect((await store.open(first)).history.map((entry) => entry.question)).toEqual(["2", "3"]);
    const second = (await store.open(undefined)).id;
    await store.open(first); // first is now the most recently used
    await store.open(undefined); // a third conversation pushes out the second
    expect((await store.open(first)).history).toHaveLength(2);
    expect((await store.open(second)).id).toBe(second);
    expect((await store.open(second)).history).toEqual([]);
  });

  it("returns copies, so callers cannot change the stored history", async () => {
    const store = createInMemoryConversationStore();
    const { id } = await store.open(undefined);
    await store.append(id, turn("一"));
    (await store.open(id)).history.push(turn("forged"));
    expect((await store.open(id)).history).toHaveLength(1);
  });
});
