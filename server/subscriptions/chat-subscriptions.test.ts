// Subscriptions asked for in the chat (POST /api/chat and the WebSocket stream): a proposal instead of data, nothing
// saved before confirmation, the intended plan saved and run on a test clock, clarify for unclear schedules, staff scope.
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { Answer } from "../../agent/answer/answer.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { openEngine } from "../../tools/engines/open-engine.ts";
import { call, createTestDataset, TEST_KEYS, TEST_KEYS_TEXT } from "../test-support/test-server.ts";
import type { TestDataset } from "../test-support/test-server.ts";
import type { InboxItem } from "./subscription-records.ts";
import { startSubscriptionServer, testClock } from "./subscription-test-support.ts";
import type { SubscriptionTestServer, TestClock } from "./subscription-test-support.ts";

// Thursday 2026-07-02 07:59 in Shanghai; 08:00 there is 00:00 UTC.
const clock: TestClock = testClock("2026-07-01T23:59:00Z");
let dataset: TestDataset;
let engine: Engine;
let server: SubscriptionTestServer;

beforeAll(async () => {
  dataset = await createTestDataset();
  engine = await openEngine({ dbPath: dataset.dbPath, workers: 1 });
  server = await startSubscriptionServer(dataset, {
    clock,
    stateDir: mkdtempSync(join(dataset.directory, "state-")),
    environment: { LENDLENS_API_KEYS: TEST_KEYS_TEXT },
    engine,
  });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await engine?.close();
  dataset?.remove();
});

/** POST /api/chat, the answer parsed by the contract's schema. */
async function chat(key: string, message: string, conversationId?: string): Promise<Answer> {
  const response = await call(server, "/api/chat", { key, body: { message, ...(conversationId ? { conversation_id: conversationId } : {}) } });
  expect(response.status, response.text).toBe(200);
  return Answer.parse(response.json());
}

/** Asks over the WebSocket stream and returns every event of the question, the answer last. */
async function streamed(key: string, message: string): Promise<Record<string, unknown>[]> {
  const socket = new WebSocket(`${server.url.replace("http", "ws")}/api/chat/stream?api_key=${key}`);
  const events: Record<string, unknown>[] = [];
  await new Promise<void>((resolve, reject) => {
    socket.on("message", (data) => {
      const event = JSON.parse(String(data)) as Record<string, unknown>;
      if (event.request_id === "s1") events.push(event);
      if (event.type === "ready") socket.send(JSON.stringify({ type: "ask", message, request_id: "s1" }));
      if (event.request_id === "s1" && (event.type === "answer" || event.type === "error")) resolve();
    });
    socket.once("error", reject);
  });
  socket.close();
  return events;
}

const subscriptionsOf = async (key: string) => ((await call(server, "/api/subscriptions", { key })).json() as { subscriptions: { id: string; question: { text: string; plan: unknown }; condition: unknown }[] }).subscriptions;
const inboxOf = async (key: string) => ((await call(server, "/api/inbox", { key })).json() as { items: InboxItem[] }).items;

async function confirm(key: string, proposalId: string) {
  const response = await call(server, "/api/subscriptions/confirm", { key, body: { proposal_id: proposalId } });
  return { status: response.status, subscription: response.json() as { id: string; question: { text: string; plan: unknown }; schedule_text: string } };
}

describe("subscriptions from the chat", () => {
  it("answers a Chinese request over HTTP with a proposal, saves nothing until confirmed, then runs the bare question's plan", async () => {
    const bare = await chat(TEST_KEYS.manager, "还款风险上升的高价值客户");
    expect(bare.status).toBe("answered");
    const answer = await chat(TEST_KEYS.manager, "每天早上8点推送还款风险上升的高价值客户");
    const proposal = answer.subscription_proposal;
    expect(proposal, answer.text).toBeDefined();
    if (!proposal) return;
    // A proposal, not data: no rows of its own, the preview inside the proposal.
    expect(answer).toMatchObject({ status: "answered", rows: [], columns: [], row_count: 0, question: "每天早上8点推送还款风险上升的高价值客户" });
    expect(answer.plan).toEqual(bare.plan);
    expect(proposal).toMatchObject({
      question: "还款风险上升的高价值客户",
      schedule: { kind: "daily", time: "08:00", weekdays_only: false },
      schedule_text: "每天 08:00 (Asia/Shanghai)",
      cron: "0 8 * * *",
      time_zone: "Asia/Shanghai",
      condition: null,
      condition_text: null,
      plan_summary: bare.interpretation,
      plan: bare.plan,
      preview: { text: bare.text, row_count: bare.row_count, rows: bare.rows.slice(0, 5) },
    });
    expect(JSON.stringify(proposal.plan)).not.toContain("app_push");
    expect(answer.text).toContain("确认订阅");
    expect(await subscriptionsOf(TEST_KEYS.manager)).toEqual([]);

    // The conversation keeps the proposal turn as the user typed it.
    const conversation = (await call(server, `/api/conversations/${answer.conversation_id}`, { key: TEST_KEYS.manager })).json() as { turns: { question: string; answer: Answer }[] };
    expect(conversation.turns).toHaveLength(1);
    expect(conversation.turns[0].question).toBe("每天早上8点推送还款风险上升的高价值客户");
    expect(conversation.turns[0].answer.subscription_proposal?.id).toBe(proposal.id);
    // Audited like any question, with the plan and SQL of the preview.
    const audit = (await call(server, "/api/audit?user=mary&limit=1", { key: TEST_KEYS.admin })).json() as { entries: { question: string; status: string; plan: unknown; sql: string[] }[] };
    expect(audit.entries[0]).toMatchObject({ question: "每天早上8点推送还款风险上升的高价值客户", status: "answered", plan: bare.plan });
    expect(audit.entries[0].sql).toEqual(bare.sql);

    // Another user cannot confirm it; the owner can, once.
    expect((await confirm(TEST_KEYS.staffBr02, proposal.id)).status).toBe(404);
    const confirmed = await confirm(TEST_KEYS.manager, proposal.id);
    expect(confirmed.status).toBe(201);
    expect(confirmed.subscription.question).toMatchObject({ text: "还款风险上升的高价值客户", plan: bare.plan });
    expect((await confirm(TEST_KEYS.manager, proposal.id)).status).toBe(404);
    expect((await subscriptionsOf(TEST_KEYS.manager)).map((subscription) => subscription.id)).toEqual([confirmed.subscription.id]);

    clock.set("2026-07-02T00:00:30Z");
    await server.subscriptions.scheduler.tick();
    const [run] = server.subscriptions.store.runsOf(confirmed.subscription.id);
    expect(run).toMatchObject({ status: "delivered", plan_source: "replanned", answer_status: "answered", row_count: bare.row_count });
    const item = (await inboxOf(TEST_KEYS.manager)).find((entry) => entry.subscription_id === confirmed.subscription.id);
    expect(item?.answer?.columns).toEqual(bare.columns);
    expect(item?.answer?.rows).toEqual(bare.rows);
  });

  it("answers an English request over the WebSocket with a proposal; confirmed, it runs on Monday with the bare question's answer", async () => {
    const bare = await chat(TEST_KEYS.manager, "loans due next week");
    const events = await streamed(TEST_KEYS.manager, "every Monday at 9 send me loans due next week");
    expect(events.map((event) => event.type)).toEqual(["accepted", "planning", "plan", "sql", "rows", "answer"]);
    const answer = Answer.parse(events.at(-1)?.answer);
    const proposal = answer.subscription_proposal;
    expect(proposal).toMatchObject({ question: "loans due next week", schedule: { kind: "weekly", weekday: 1, time: "09:00" }, cron: "0 9 * * 1", schedule_text: "every Monday at 09:00 (Asia/Shanghai)", plan: bare.plan });
    expect(answer).toMatchObject({ language: "en", rows: [], row_count: 0 });
    expect(events.at(-1)?.answer_index).toBe(0);
    const before = (await subscriptionsOf(TEST_KEYS.manager)).length;
    const confirmed = await confirm(TEST_KEYS.manager, proposal?.id ?? "");
    expect(confirmed.status).toBe(201);
    expect(await subscriptionsOf(TEST_KEYS.manager)).toHaveLength(before + 1);

    clock.set("2026-07-06T01:00:30Z"); // Monday 09:00 in Shanghai
    await server.subscriptions.scheduler.tick();
    const [run] = server.subscriptions.store.runsOf(confirmed.subscription.id);
    expect(run).toMatchObject({ status: "delivered", plan_source: "replanned", row_count: bare.row_count });
    const item = (await inboxOf(TEST_KEYS.manager)).find((entry) => entry.subscription_id === confirmed.subscription.id);
    expect(item?.answer?.rows).toEqual(bare.rows.slice(0, 200));
  });

  it("asks 几点推送? when no time is named, and how often when no schedule is; a picked choice becomes a proposal with its condition", async () => {
    const before = server.subscriptions.store.listSubscriptions("mary").length;
    const noTime = await chat(TEST_KEYS.manager, "每天推送逾期客户名单");
    expect(noTime).toMatchObject({ status: "clarify", rows: [] });
    expect(noTime.text).toMatch(/^几点推送?/);
    expect(noTime.subscription_proposal).toBeUndefined();
    expect(noTime.choices.map((choice) => choice.message)).toEqual(["每天早上8点推送逾期客户名单", "每天中午12点推送逾期客户名单", "每天下午6点推送逾期客户名单"]);

    const noSchedule = await chat(TEST_KEYS.manager, "alert me when any branch's overdue rate passes 3%");
    expect(noSchedule).toMatchObject({ status: "clarify", language: "en" });
    expect(noSchedule.text).toMatch(/^How often/);
    const picked = await chat(TEST_KEYS.manager, noSchedule.choices[0].message, noSchedule.conversation_id);
    expect(picked.conversation_id).toBe(noSchedule.conversation_id);
    expect(picked.subscription_proposal).toMatchObject({
      question: "overdue rate by branch",
      schedule: { kind: "daily", time: "08:00" },
      condition: { kind: "metric", metric: "overdue_rate", op: "gt", value: 0.03 },
      condition_text: "when any branch's overdue rate passes 3%",
    });

    const chinese = await chat(TEST_KEYS.manager, "每天早上8点,当任何分行逾期率超过3%时提醒我");
    expect(chinese.subscription_proposal).toMatchObject({ question: "各分行逾期率", condition: { kind: "metric", metric: "overdue_rate", op: "gt", value: 0.03 }, condition_text: "当任何分行逾期率超过3%时" });
    expect(chinese.text).toContain("当任何分行逾期率超过3%时");
    // Nothing of this was saved.
    expect(server.subscriptions.store.listSubscriptions("mary")).toHaveLength(before);

    const nothingToSend = await chat(TEST_KEYS.manager, "每天早上8点推送");
    expect(nothingToSend).toMatchObject({ status: "clarify" });
    expect(nothingToSend.text).toMatch(/^要推送什么?/);
    expect(nothingToSend.choices[0].message).toBe("每天早上8点推送还款风险上升的高价值客户");

    // A question that cannot be answered now cannot be subscribed to: its own status, the reason first.
    const weather = await chat(TEST_KEYS.manager, "每天早上8点推送明天的天气预报");
    expect(weather.subscription_proposal).toBeUndefined();
    expect(weather.status).not.toBe("answered");
    expect(weather.text).toMatch(/^这个问题现在无法回答,暂时不能订阅:/);

    // Data questions stay data questions.
    for (const question of ["本月放款金额是多少?", "告诉我每天的放款金额"]) {
      const data = await chat(TEST_KEYS.manager, question);
      expect(data.subscription_proposal, question).toBeUndefined();
    }
  });

  it("scopes a staff user's proposal, its confirmation and its runs to the user's branch", async () => {
    const answer = await chat(TEST_KEYS.staffBr01, "每天早上8点推送各支行逾期率");
    const proposal = answer.subscription_proposal;
    expect(proposal?.preview.rows.map((row) => row[0])).toEqual(["BR01"]);
    expect(proposal?.preview.row_count).toBe(1);
    expect((await confirm(TEST_KEYS.staffBr02, proposal?.id ?? "")).status).toBe(404);
    expect((await confirm(TEST_KEYS.manager, proposal?.id ?? "")).status).toBe(404);
    const confirmed = await confirm(TEST_KEYS.staffBr01, proposal?.id ?? "");
    expect(confirmed.status).toBe(201);
    expect(await subscriptionsOf(TEST_KEYS.staffBr02)).toEqual([]);

    clock.set("2026-07-07T00:00:30Z");
    await server.subscriptions.scheduler.tick();
    const [run] = server.subscriptions.store.runsOf(confirmed.subscription.id);
    expect(run).toMatchObject({ status: "delivered", role: "staff", branch_id: "BR01" });
    const item = (await inboxOf(TEST_KEYS.staffBr01)).find((entry) => entry.subscription_id === confirmed.subscription.id);
    expect(item?.answer?.rows.map((row) => row[0])).toEqual(["BR01"]);
  });

  it("withdraws a proposal (取消): it can no longer be confirmed; only its owner can withdraw it", async () => {
    const answer = await chat(TEST_KEYS.manager, "每周五下午5点发给我本周放款金额");
    const id = answer.subscription_proposal?.id ?? "";
    expect(answer.subscription_proposal).toMatchObject({ schedule: { kind: "weekly", weekday: 5, time: "17:00" }, cron: "0 17 * * 5" });
    expect((await call(server, `/api/subscriptions/proposals/${id}`, { key: TEST_KEYS.staffBr02, method: "DELETE" })).status).toBe(404);
    expect((await call(server, `/api/subscriptions/proposals/${id}`, { key: TEST_KEYS.manager, method: "DELETE" })).status).toBe(204);
    expect((await confirm(TEST_KEYS.manager, id)).status).toBe(404);
    expect((await call(server, `/api/subscriptions/proposals/${id}`, { key: TEST_KEYS.manager, method: "DELETE" })).status).toBe(404);
  });

  it("documents the field and the subscription paths in the OpenAPI document", async () => {
    const document = (await call(server, "/api/openapi.json")).json() as { paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } };
    const answer = document.components.schemas.Answer;
    expect(Object.keys(answer.properties ?? {})).toContain("subscription_proposal");
    expect(answer.required ?? []).not.toContain("subscription_proposal");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/subscriptions/proposals", "/api/subscriptions/confirm", "/api/subscriptions/proposals/{id}"]));
  });

  it("subscribing to a proposal turn through the subscribe button saves the bare question, not the message", async () => {
    const answer = await chat(TEST_KEYS.manager, "每天早上8点推送各产品逾期率");
    const response = await call(server, "/api/subscriptions", { key: TEST_KEYS.manager, body: { conversation_id: answer.conversation_id, answer_index: 0, schedule: { kind: "daily", time: "09:00" } } });
    expect(response.status, response.text).toBe(201);
    expect((response.json() as { question: { text: string } }).question.text).toBe("各产品逾期率");
  });
});
