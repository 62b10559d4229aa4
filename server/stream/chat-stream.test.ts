/** The WebSocket stream against a started server: event sequence, concurrent questions without cross-talk, auth. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { Answer } from "../../agent/answer/answer.ts";
import { call, createTestDataset, startTestServer, TEST_KEYS } from "../test-support/test-server.ts";
import type { TestDataset, TestServer } from "../test-support/test-server.ts";

let dataset: TestDataset;
let server: TestServer;

beforeAll(async () => {
  dataset = await createTestDataset();
  server = await startTestServer(dataset);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  dataset?.remove();
});

type Event = Record<string, unknown> & { type: string };

/** A client that records every event. */
async function connect(query = "", headers: Record<string, string> = {}): Promise<{ socket: WebSocket; events: Event[]; closed: Promise<number> }> {
  const socket = new WebSocket(`${server.url.replace("http", "ws")}/api/chat/stream${query}`, { headers });
  const events: Event[] = [];
  socket.on("message", (data) => events.push(JSON.parse(String(data)) as Event));
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return { socket, events, closed };
}

/** Waits until `predicate` holds for the events (or fails after 10 s). */
async function until(events: Event[], predicate: (events: Event[]) => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!predicate(events)) {
    if (Date.now() > deadline) throw new Error(`timed out; events: ${JSON.stringify(events.map((event) => [event.type, event.request_id]))}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const finished = (requestId: string) => (events: Event[]) => events.some((event) => event.request_id === requestId && (event.type === "answer" || event.type === "error"));

describe("WebSocket /api/chat/stream", () => {
  it("streams accepted, planning, plan, sql, rows and ends with the answer object", async () => {
    const { socket, events } = await connect(`?api_key=${TEST_KEYS.manager}`);
    socket.send(JSON.stringify({ type: "ask", message: "本月放款金额是多少?", request_id: "q1" }));
    await until(events, finished("q1"));
    const sequence = events.filter((event) => event.request_id === "q1").map((event) => event.type);
    expect(sequence).toEqual(["accepted", "planning", "plan", "sql", "rows", "answer"]);
    const last = events.at(-1) as Event;
    const answer = Answer.parse(last.answer);
    expect(answer.status).toBe("answered");
    expect(last.answer_index).toBe(0);
    expect(last.message_id).toBe(`${answer.conversation_id}/0`);
    // The sql event shows the statement as compiled; the answer has it as executed (with the guard's LIMIT).
    expect(answer.sql[0].startsWith(String(events.find((event) => event.type === "sql")?.sql))).toBe(true);
    socket.close();
  });

  it("answers several conversations over one socket without cross-talk", async () => {
    const { socket, events } = await connect("", { authorization: `Bearer ${TEST_KEYS.manager}` });
    const questions = { a: "本月放款金额是多少?", b: "按产品看逾期率", c: "列出逾期贷款" };
    for (const [requestId, message] of Object.entries(questions)) socket.send(JSON.stringify({ type: "ask", message, request_id: requestId }));
    for (const requestId of Object.keys(questions)) await until(events, finished(requestId));
    const conversations = new Set<string>();
    for (const [requestId, message] of Object.entries(questions)) {
      const own = events.filter((event) => event.request_id === requestId);
      expect(own[0].type).toBe("accepted");
      expect(own.filter((event) => event.type === "answer")).toHaveLength(1);
      const answer = Answer.parse(own.at(-1)?.answer);
      expect(answer.question).toBe(message);
      conversations.add(answer.conversation_id);
      const sqlEvents = own.filter((event) => event.type === "sql").map((event) => event.sql);
      expect(sqlEvents).toHaveLength(answer.sql.length);
      sqlEvents.forEach((sql, index) => expect(answer.sql[index].startsWith(String(sql))).toBe(true));
    }
    expect(conversations.size).toBe(3);

    // A follow-up in the first conversation, on the same socket.
    const first = Answer.parse(events.find((event) => event.request_id === "a" && event.type === "answer")?.answer);
    socket.send(JSON.stringify({ type: "ask", message: "按支行呢?", conversation_id: first.conversation_id, request_id: "a2" }));
    await until(events, finished("a2"));
    const followUp = events.find((event) => event.request_id === "a2" && event.type === "answer") as Event;
    expect(Answer.parse(followUp.answer).conversation_id).toBe(first.conversation_id);
    expect(followUp.answer_index).toBe(1);
    socket.close();
  });

  it("authenticates with a first auth message, and refuses asks before it", async () => {
    const { socket, events, closed } = await connect();
    socket.send(JSON.stringify({ type: "auth", api_key: TEST_KEYS.staffBr01 }));
    await until(events, (all) => all.some((event) => event.type === "ready"));
    expect(events[0]).toMatchObject({ type: "ready", user: "alice", role: "staff" });
    socket.send(JSON.stringify({ type: "ask", message: "本月放款金额是多少?" }));
    await until(events, (all) => all.some((event) => event.type === "answer"));
    const accepted = events.find((event) => event.type === "accepted") as Event;
    expect(accepted.request_id).toMatch(/^r_/);
    socket.close();
    await closed;

    const anonymous = await connect();
    anonymous.socket.send(JSON.stringify({ type: "ask", message: "本月放款金额是多少?", request_id: "early" }));
    expect(await anonymous.closed).toBe(4401);
    expect(anonymous.events[0]).toMatchObject({ type: "error", request_id: "early", status: 401, error: { code: "UNAUTHORIZED" } });
  });

  it("refuses the upgrade with 401 for an invalid key in the query", async () => {
    const socket = new WebSocket(`${server.url.replace("http", "ws")}/api/chat/stream?api_key=wrong-key-123`);
    const status = await new Promise<number>((resolve) => socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0)));
    expect(status).toBe(401);
  });

  it("refuses sockets from other sites' pages (Origin), accepts its own origin and scripts without one", async () => {
    const statusFor = (origin: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${server.url.replace("http", "ws")}/api/chat/stream?api_key=demo-key`, { headers: { origin } });
        socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        socket.on("open", () => {
          socket.close();
          resolve(101);
        });
      });
    expect(await statusFor("https://evil.example")).toBe(403);
    expect(await statusFor(server.url)).toBe(101);
  });

  it("reports malformed messages, invalid asks and unknown conversations as error events", async () => {
    const { socket, events } = await connect(`?api_key=${TEST_KEYS.manager}`);
    socket.send("{not json");
    socket.send(JSON.stringify({ type: "ask", message: "" , request_id: "empty" }));
    socket.send(JSON.stringify({ type: "ask", message: "按支行呢?", conversation_id: "c_unknown", request_id: "unknown" }));
    socket.send(JSON.stringify({ type: "ping" }));
    await until(events, (all) => all.length >= 4);
    expect(events.find((event) => event.type === "error" && event.request_id === null && (event.error as { code: string }).code === "MALFORMED_JSON")).toBeDefined();
    expect(events.find((event) => event.type === "error" && (event.error as { code: string }).code === "REQUEST_INVALID")).toBeDefined();
    expect(events.find((event) => event.request_id === "unknown" && event.type === "error")).toMatchObject({ status: 404, error: { code: "CONVERSATION_NOT_FOUND" } });
    expect(events.some((event) => event.type === "pong")).toBe(true);
    socket.close();
  });

  it("charges the key's rate limit per question", async () => {
    const limited = await startTestServer(dataset, { environment: { LENDLENS_RATE_LIMIT: "1" } });
    try {
      const socket = new WebSocket(`${limited.url.replace("http", "ws")}/api/chat/stream?api_key=${TEST_KEYS.manager}`);
      const events: Event[] = [];
      socket.on("message", (data) => events.push(JSON.parse(String(data)) as Event));
      await new Promise((resolve) => socket.once("open", resolve));
      socket.send(JSON.stringify({ type: "ask", message: "本月放款金额是多少?", request_id: "one" }));
      socket.send(JSON.stringify({ type: "ask", message: "本月放款金额是多少?", request_id: "two" }));
      await until(events, (all) => finished("one")(all) && finished("two")(all));
      expect(events.find((event) => event.request_id === "two")).toMatchObject({ type: "error", status: 429, error: { code: "RATE_LIMITED" } });
      socket.close();
      expect((await call(limited, "/api/health")).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
