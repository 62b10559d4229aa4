/** The HTTP API against a started server: every endpoint, the auth matrix, limits, malformed input, unknown ids. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Answer } from "../agent/answer/answer.ts";
import { ConversationDetail, ConversationList, ErrorResponse, SemanticLayerResponse } from "./api/api-schemas.ts";
import { call, createTestDataset, startTestServer, TEST_KEYS } from "./test-support/test-server.ts";
import type { TestDataset, TestServer } from "./test-support/test-server.ts";

let dataset: TestDataset;
let server: TestServer;

beforeAll(async () => {
  dataset = await createTestDataset();
  server = await startTestServer(dataset, { environment: { LENDLENS_CORS_ORIGINS: "https://bank.example" } });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  dataset?.remove();
});

const ask = (key: string, body: unknown) => call(server, "/api/chat", { key, body });

describe("POST /api/chat", () => {
  it("answers with the answer object, its index and message id", async () => {
    const response = await ask(TEST_KEYS.manager, { message: "本月放款金额是多少?" });
    expect(response.status).toBe(200);
    const answer = Answer.parse(response.json());
    expect(answer.status).toBe("answered");
    expect(answer.sql.length).toBeGreaterThan(0);
    expect(answer.conversation_id).toMatch(/^c_/);
    expect(response.headers.get("x-answer-index")).toBe("0");
    expect(response.headers.get("x-message-id")).toBe(`${answer.conversation_id}/0`);
    expect(response.headers.get("x-request-id")).toMatch(/^r_/);
  });

  it("continues a conversation: the follow-up uses the earlier plan", async () => {
    const first = Answer.parse((await ask(TEST_KEYS.manager, { message: "本月放款金额是多少?" })).json());
    const followUp = await ask(TEST_KEYS.manager, { message: "按支行呢?", conversation_id: first.conversation_id });
    const answer = Answer.parse(followUp.json());
    expect(answer.conversation_id).toBe(first.conversation_id);
    expect(followUp.headers.get("x-answer-index")).toBe("1");
    expect((answer.plan?.query as { dimensions?: { id: string }[] }).dimensions?.map((dimension) => dimension.id)).toEqual(["branch"]);
  });

  it("echoes a sane X-Request-Id and replaces an unsafe one", async () => {
    const echoed = await call(server, "/api/health", { headers: { "x-request-id": "trace-123" } });
    expect(echoed.headers.get("x-request-id")).toBe("trace-123");
    const replaced = await call(server, "/api/health", { headers: { "x-request-id": "bad id\twith spaces" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^r_/);
  });

  it.each([
    ["malformed JSON", { rawBody: '{"message":' }, 400, "MALFORMED_JSON"],
    ["a missing message", { body: { conversation_id: "c_1" } }, 400, "REQUEST_INVALID"],
    ["a non-JSON content type", { rawBody: "hello", headers: { "content-type": "text/plain" } }, 400, "REQUEST_INVALID"],
    ["a body over 64 KB", { body: { message: "x".repeat(70 * 1024) } }, 413, "PAYLOAD_TOO_LARGE"],
    ["an unknown conversation id", { body: { message: "本月放款金额是多少?", conversation_id: "c_doesnotexist" } }, 404, "CONVERSATION_NOT_FOUND"],
  ])("refuses %s (%i %s) with the error body and no stack", async (_name, request, status, code) => {
    const response = await call(server, "/api/chat", { key: TEST_KEYS.manager, ...request });
    expect(response.status).toBe(status);
    const body = ErrorResponse.parse(response.json());
    expect(body.error.code).toBe(code);
    expect(body.error.request_id).toBe(response.headers.get("x-request-id"));
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it("gives an error answer the HTTP status of its code (empty question: 400)", async () => {
    const response = await ask(TEST_KEYS.manager, { message: "   " });
    expect(response.status).toBe(400);
    const answer = Answer.parse(response.json());
    expect(answer.status).toBe("error");
    expect(answer.error?.code).toBe("EMPTY_QUESTION");
  });

  it("does not continue another user's conversation (404, same as unknown)", async () => {
    const mine = Answer.parse((await ask(TEST_KEYS.manager, { message: "本月放款金额是多少?" })).json());
    const theirs = await ask(TEST_KEYS.admin, { message: "按支行呢?", conversation_id: mine.conversation_id });
    expect(theirs.status).toBe(404);
    const audit = (await call(server, "/api/audit?user=root&status=error", { key: TEST_KEYS.admin })).json() as { entries: Record<string, unknown>[] };
    expect(audit.entries[0]).toMatchObject({ conversation_id: mine.conversation_id, error_code: "CONVERSATION_NOT_FOUND", row_count: 0 });
  });
});

describe("the auth matrix", () => {
  it.each([
    ["GET", "/api/conversations", undefined, 401],
    ["GET", "/api/semantic-layer", undefined, 401],
    ["POST", "/api/chat", undefined, 401],
    ["GET", "/api/audit", undefined, 401],
    ["GET", "/api/conversations", "not-a-real-key", 401],
    ["GET", "/api/audit", TEST_KEYS.staffBr01, 403],
    ["GET", "/api/audit", TEST_KEYS.manager, 403],
    ["GET", "/api/audit", TEST_KEYS.admin, 200],
    ["GET", "/api/me", TEST_KEYS.staffBr01, 200],
    ["GET", "/api/health", undefined, 200],
    ["GET", "/api/openapi.json", undefined, 200],
  ])("%s %s with key %s → %i", async (method, path, key, status) => {
    const response = await call(server, path, { method, ...(key ? { key } : {}), ...(method === "POST" ? { body: { message: "本月放款金额是多少?" } } : {}) });
    expect(response.status).toBe(status);
    if (status >= 400) expect(ErrorResponse.parse(response.json()).error.code).toBe(status === 401 ? "UNAUTHORIZED" : "FORBIDDEN");
  });

  it("accepts the key as X-API-Key (not in the URL over HTTP), and the demo key from localhost", async () => {
    expect((await call(server, "/api/me", { headers: { "x-api-key": TEST_KEYS.manager } })).status).toBe(200);
    expect((await call(server, `/api/me?api_key=${TEST_KEYS.manager}`)).status).toBe(401);
    expect((await call(server, "/api/me", { key: "demo-key" })).json()).toEqual({ user: "demo", role: "manager", branch_id: null });
  });

  it("tells who the key belongs to, with the staff branch", async () => {
    expect((await call(server, "/api/me", { key: TEST_KEYS.staffBr01 })).json()).toEqual({ user: "alice", role: "staff", branch_id: "BR01" });
  });
});

describe("conversations and feedback", () => {
  it("lists, shows and deletes the caller's own conversations only", async () => {
    const answer = Answer.parse((await ask(TEST_KEYS.staffBr02, { message: "本月放款金额是多少?" })).json());
    const list = ConversationList.parse((await call(server, "/api/conversations", { key: TEST_KEYS.staffBr02 })).json());
    expect(list.conversations.map((conversation) => conversation.id)).toContain(answer.conversation_id);
    const others = ConversationList.parse((await call(server, "/api/conversations", { key: TEST_KEYS.admin })).json());
    expect(others.conversations.map((conversation) => conversation.id)).not.toContain(answer.conversation_id);

    const detail = ConversationDetail.parse((await call(server, `/api/conversations/${answer.conversation_id}`, { key: TEST_KEYS.staffBr02 })).json());
    expect(detail.turns).toHaveLength(1);
    expect(detail.turns[0]).toMatchObject({ index: 0, message_id: `${answer.conversation_id}/0`, question: "本月放款金额是多少?", status: "answered" });
    expect(detail.turns[0].answer).toEqual(answer);
    expect(detail.turns[0].plan).toEqual(answer.plan);

    expect((await call(server, `/api/conversations/${answer.conversation_id}`, { key: TEST_KEYS.staffBr01 })).status).toBe(404);
    expect((await call(server, `/api/conversations/${answer.conversation_id}`, { key: TEST_KEYS.staffBr01, method: "DELETE" })).status).toBe(404);
    expect((await call(server, `/api/conversations/${answer.conversation_id}`, { key: TEST_KEYS.staffBr02, method: "DELETE" })).status).toBe(204);
    expect((await call(server, `/api/conversations/${answer.conversation_id}`, { key: TEST_KEYS.staffBr02 })).status).toBe(404);
    expect((await call(server, "/api/conversations/c_unknown", { key: TEST_KEYS.staffBr02 })).status).toBe(404);
  });

  it("stores feedback by answer index or message id, shown with the conversation", async () => {
    const response = await ask(TEST_KEYS.manager, { message: "本月放款金额是多少?" });
    const answer = Answer.parse(response.json());
    const byIndex = await call(server, "/api/feedback", { key: TEST_KEYS.manager, body: { conversation_id: answer.conversation_id, answer_index: 0, rating: "up" } });
    expect(byIndex.status).toBe(201);
    const byMessage = await call(server, "/api/feedback", { key: TEST_KEYS.manager, body: { message_id: response.headers.get("x-message-id"), rating: "down", comment: "口径不对" } });
    expect(byMessage.status).toBe(201);
    expect(byMessage.json()).toMatchObject({ conversation_id: answer.conversation_id, answer_index: 0, rating: "down", comment: "口径不对" });
    const detail = ConversationDetail.parse((await call(server, `/api/conversations/${answer.conversation_id}`, { key: TEST_KEYS.manager })).json());
    expect(detail.feedback.map((feedback) => feedback.rating)).toEqual(["up", "down"]);
  });

  it.each([
    ["another user's conversation", (id: string) => ({ key: TEST_KEYS.admin, body: { conversation_id: id, answer_index: 0, rating: "up" } }), 404],
    ["an answer index past the end", (id: string) => ({ key: TEST_KEYS.manager, body: { conversation_id: id, answer_index: 5, rating: "up" } }), 404],
    ["an unknown conversation", () => ({ key: TEST_KEYS.manager, body: { conversation_id: "c_nope", answer_index: 0, rating: "up" } }), 404],
    ["a rating that is not up or down", (id: string) => ({ key: TEST_KEYS.manager, body: { conversation_id: id, answer_index: 0, rating: "meh" } }), 400],
    ["neither an index nor a message id", (id: string) => ({ key: TEST_KEYS.manager, body: { conversation_id: id, rating: "up" } }), 400],
  ])("refuses feedback on %s", async (_name, request, status) => {
    const answer = Answer.parse((await ask(TEST_KEYS.manager, { message: "本月放款金额是多少?" })).json());
    const response = await call(server, "/api/feedback", request(answer.conversation_id));
    expect(response.status).toBe(status);
  });
});

describe("information endpoints", () => {
  it("GET /api/health reports the dataset", async () => {
    expect((await call(server, "/api/health")).json()).toMatchObject({ status: "ok", dataset: { dialect: "sqlite", as_of_date: "2026-06-30", reachable: true } });
  });

  it("GET /api/semantic-layer lists metrics with 口径, terms, and dimensions with dataset values", async () => {
    const layer = SemanticLayerResponse.parse((await call(server, "/api/semantic-layer", { key: TEST_KEYS.staffBr01 })).json());
    expect(layer.metrics.find((metric) => metric.id === "disbursement_amount")?.formula).toMatch(/SUM/);
    expect(layer.terms.length).toBeGreaterThan(0);
    const branch = layer.dimensions.find((dimension) => dimension.id === "branch");
    expect(branch?.values.map((value) => value.value)).toContain("BR01");
  });

  it("GET /api/openapi.json is an OpenAPI 3.1 document whose schemas come from zod", async () => {
    const document = (await call(server, "/api/openapi.json")).json() as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/chat", "/api/conversations", "/api/conversations/{id}", "/api/feedback", "/api/semantic-layer", "/api/health", "/api/audit"]));
    expect(Object.keys(document.components.schemas.Answer.properties ?? {})).toEqual(expect.arrayContaining(["question", "status", "text", "sql", "rows", "conversation_id"]));
    expect(JSON.stringify(document)).not.toContain("$ref\":\"#/$defs");
  });

  it("GET /api/audit shows every question with user, role, plan, SQL, row count, status and timings", async () => {
    await ask(TEST_KEYS.staffBr01, { message: "本月放款金额是多少?" });
    const audit = (await call(server, "/api/audit?user=alice&limit=5", { key: TEST_KEYS.admin })).json() as { entries: Record<string, unknown>[] };
    expect(audit.entries.length).toBeGreaterThan(0);
    expect(audit.entries[0]).toMatchObject({ user: "alice", role: "staff", branch_id: "BR01", channel: "http", status: "answered", question: "本月放款金额是多少?" });
    expect(audit.entries[0].sql).toEqual([expect.stringContaining("branch_id")]);
    expect(audit.entries[0].plan).not.toBeNull();
    expect(typeof audit.entries[0].row_count).toBe("number");
    expect(audit.entries[0].timings).toHaveProperty("total_ms");
    expect((await call(server, "/api/audit?limit=0", { key: TEST_KEYS.admin })).status).toBe(400);
  });

  it("unknown API paths are 404 JSON; / serves the placeholder until the web chat is built", async () => {
    expect((await call(server, "/api/nothing-here", { key: TEST_KEYS.manager })).status).toBe(404);
    const page = await call(server, "/");
    expect(page.status).toBe(200);
    expect(page.text).toContain("/api/openapi.json");
  });

  it("serves web-chat/dist when it exists", async () => {
    const webRoot = join(dataset.directory, "dist");
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>built chat</title>");
    const withChat = await startTestServer(dataset, { webRoot });
    try {
      expect((await call(withChat, "/")).text).toContain("built chat");
    } finally {
      await withChat.stop();
    }
  });
});

describe("headers and limits", () => {
  it("sets security headers and never X-Powered-By", async () => {
    const response = await call(server, "/api/health");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("allows configured CORS origins only, and answers preflights", async () => {
    const allowed = await call(server, "/api/health", { headers: { origin: "https://bank.example" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://bank.example");
    const other = await call(server, "/api/chat", { key: "demo-key", body: { message: "本月放款金额是多少?" }, headers: { origin: "https://evil.example" } });
    expect(other.status).toBe(403);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const own = await call(server, "/api/me", { key: "demo-key", headers: { origin: server.url } });
    expect(own.status).toBe(200);
    const preflight = await call(server, "/api/chat", { method: "OPTIONS", headers: { origin: "https://bank.example", "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("Authorization");
  });

  it("rate-limits per key: 429 with Retry-After once the key's budget is spent, other keys unaffected", async () => {
    const limited = await startTestServer(dataset, { environment: { LENDLENS_RATE_LIMIT: "3", LENDLENS_RATE_WINDOW_MS: "60000" } });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 4; index++) statuses.push((await call(limited, "/api/me", { key: TEST_KEYS.manager })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await call(limited, "/api/me", { key: TEST_KEYS.manager });
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(ErrorResponse.parse(refused.json()).error.code).toBe("RATE_LIMITED");
      expect((await call(limited, "/api/me", { key: TEST_KEYS.admin })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
