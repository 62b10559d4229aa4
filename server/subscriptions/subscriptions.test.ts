// Subscriptions end to end over HTTP on a scale-0.05 dataset, with a test clock and a webhook receiver on loopback:
// scheduled runs, conditions, signatures, retries, restarts, branch scope, chat proposals and digests.
import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, createTestDataset, TEST_KEYS } from "../test-support/test-server.ts";
import type { TestDataset } from "../test-support/test-server.ts";
import { openEngine } from "../../tools/engines/open-engine.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { movableEngine, startSubscriptionServer, startWebhookReceiver, testClock } from "./subscription-test-support.ts";
import type { SubscriptionTestServer, TestClock } from "./subscription-test-support.ts";
import type { DeliveryRecord, InboxItem, RunRecord, SubscriptionProposal } from "./subscription-records.ts";
import { SIGNATURE_HEADER, verifySignature } from "./webhook-signature.ts";

// 08:00 in Shanghai is 00:00 UTC.
const DAY1_0759 = "2026-07-01T23:59:00Z";
const DAY1_0800 = "2026-07-02T00:00:30Z";
const DAY2_0800 = "2026-07-03T00:00:30Z";
const DAILY_8 = { kind: "daily", time: "08:00" };

let dataset: TestDataset;
let baseEngine: Engine;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  dataset = await createTestDataset();
  baseEngine = await openEngine({ dbPath: dataset.dbPath, workers: 1 });
});

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

afterAll(async () => {
  await baseEngine?.close();
  dataset?.remove();
});

/** Writes the keys file: alice is staff of `aliceBranch` (absent when null). */
function writeKeys(path: string, aliceBranch: string | null): void {
  const keys = [
    ...(aliceBranch ? [{ key: TEST_KEYS.staffBr01, user: "alice", role: "staff", branch_id: aliceBranch }] : []),
    { key: TEST_KEYS.staffBr02, user: "bob", role: "staff", branch_id: "BR02" },
    { key: TEST_KEYS.manager, user: "mary", role: "manager" },
    { key: TEST_KEYS.admin, user: "root", role: "admin" },
  ];
  writeFileSync(path, JSON.stringify({ keys }));
}

/** A server with a fresh (or given) state directory, the keys file, the clock and a receiver. */
async function setUp(options: { clock: TestClock; stateDir?: string; statuses?: number[]; engine?: Engine; digestTime?: string | null; sleep?: (milliseconds: number) => Promise<void> }) {
  const stateDir = options.stateDir ?? mkdtempSync(join(dataset.directory, "state-"));
  const keysFile = join(stateDir, "..", `${stateDir.split("/").pop()}-keys.json`);
  writeKeys(keysFile, "BR01");
  const receiver = await startWebhookReceiver(options.statuses);
  const server = await startSubscriptionServer(dataset, {
    clock: options.clock,
    stateDir,
    environment: { LENDLENS_KEYS_FILE: keysFile },
    engine: options.engine ?? baseEngine,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.digestTime === undefined ? {} : { digestTime: options.digestTime }),
  });
  cleanups.push(() => receiver.close(), () => server.stop());
  return { server, receiver, stateDir, keysFile };
}

async function subscribe(server: SubscriptionTestServer, key: string, body: Record<string, unknown>) {
  const response = await call(server, "/api/subscriptions", { key, body: { schedule: DAILY_8, ...body } });
  expect(response.status, response.text).toBe(201);
  return response.json() as { id: string; secret: string; next_run_at: string };
}

const runsOf = async (server: SubscriptionTestServer, key: string, id: string) => ((await call(server, `/api/subscriptions/${id}/runs`, { key })).json() as { runs: RunRecord[] }).runs;
const inboxOf = async (server: SubscriptionTestServer, key: string, query = "") => ((await call(server, `/api/inbox${query}`, { key })).json() as { items: InboxItem[]; unread: number });

describe("subscriptions", () => {
  it("fires on schedule: the answer reaches the inbox and a webhook whose receiver verifies the signature", async () => {
    const clock = testClock(DAY1_0759);
    const { server, receiver } = await setUp({ clock });
    const subscription = await subscribe(server, TEST_KEYS.manager, { question: "本月放款金额", deliveries: { webhooks: [{ url: receiver.url }] } });
    expect(subscription.next_run_at).toBe("2026-07-02T00:00:00.000Z");

    await server.subscriptions.scheduler.tick();
    expect(await runsOf(server, TEST_KEYS.manager, subscription.id)).toEqual([]);

    clock.set(DAY1_0800);
    await server.subscriptions.scheduler.tick();
    await server.subscriptions.scheduler.tick(); // the same occurrence never runs twice
    const runs = await runsOf(server, TEST_KEYS.manager, subscription.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ scheduled_for: "2026-07-02T00:00:00.000Z", status: "delivered", role: "manager", plan_source: "replanned", row_count: 1 });

    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    const signature = webhook.headers[SIGNATURE_HEADER.toLowerCase()] as string;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(webhook.body, subscription.secret, signature)).toBe(true);
    expect(verifySignature(webhook.body.replace("9258000", "9258001"), subscription.secret, signature)).toBe(false);
    expect(verifySignature(webhook.body, "another-secret-of-enough-length", signature)).toBe(false);
    const payload = JSON.parse(webhook.body) as { subscription_id: string; answer: { rows: unknown[][]; status: string }; link: string };
    expect(payload).toMatchObject({ subscription_id: subscription.id, answer: { status: "answered", rows: [[9_258_000]] } });

    const inbox = await inboxOf(server, TEST_KEYS.manager);
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: "run", subscription_id: subscription.id, link: payload.link, read_at: null });
    // The link goes back to the run's conversation, which the owner can open.
    const conversationId = decodeURIComponent(payload.link.split("=")[1]);
    expect((await call(server, `/api/conversations/${conversationId}`, { key: TEST_KEYS.manager })).status).toBe(200);
    const read = await call(server, `/api/inbox/${inbox.items[0].id}/read`, { key: TEST_KEYS.manager, method: "POST" });
    expect((read.json() as InboxItem).read_at).toBe(clock.now().toISOString());
    expect((await inboxOf(server, TEST_KEYS.manager, "?unread=true")).items).toEqual([]);

    // The run is in the audit log, on its own channel.
    const audit = (await call(server, "/api/audit?user=mary", { key: TEST_KEYS.admin })).json() as { entries: { channel: string; question: string }[] };
    expect(audit.entries.filter((entry) => entry.channel === "subscription").map((entry) => entry.question)).toEqual(["本月放款金额"]);

    // Other users see none of it.
    expect((await call(server, `/api/subscriptions/${subscription.id}`, { key: TEST_KEYS.staffBr02 })).status).toBe(404);
    expect((await call(server, `/api/inbox/${inbox.items[0].id}/read`, { key: TEST_KEYS.staffBr02, method: "POST" })).status).toBe(404);
    expect((await inboxOf(server, TEST_KEYS.staffBr02)).items).toEqual([]);
    expect((await call(server, "/api/subscriptions", { key: TEST_KEYS.manager, body: { question: "x", conversation_id: "c", schedule: DAILY_8 } })).status).toBe(400);
    expect((await call(server, "/api/subscriptions", { key: TEST_KEYS.manager, body: { question: "本月放款金额", schedule: { kind: "cron", expression: "61 * * * *" } } })).status).toBe(422);
  });

  it("holds a delivery back while the condition does not hold and lets the next one through; the digest shows the change", async () => {
    const clock = testClock(DAY1_0759);
    const movable = movableEngine(baseEngine);
    movable.asOf.date = "2026-05-31"; // May: 8,913,000 disbursed; June: 9,258,000
    const { server, receiver } = await setUp({ clock, engine: movable.engine, digestTime: "08:30" });
    const subscription = await subscribe(server, TEST_KEYS.manager, {
      question: "本月放款金额",
      condition: { kind: "metric", metric: "disbursement_amount", op: "gt", value: 9_000_000 },
      deliveries: { webhooks: [{ url: receiver.url }] },
    });

    clock.set(DAY1_0800);
    await server.subscriptions.scheduler.tick();
    let runs = await runsOf(server, TEST_KEYS.manager, subscription.id);
    expect(runs[0]).toMatchObject({ status: "held", as_of_date: "2026-05-31", condition: { met: false, value: 8_913_000 } });
    expect((await inboxOf(server, TEST_KEYS.manager)).items).toEqual([]);
    expect(receiver.received).toEqual([]);

    clock.set("2026-07-02T00:31:00Z"); // 08:31: the first digest
    const first = await server.subscriptions.scheduler.tick();
    expect(first.digests).toHaveLength(1);
    let digest = (await inboxOf(server, TEST_KEYS.manager)).items.find((item) => item.kind === "digest");
    expect(digest?.title).toBe("2026-07-02 订阅日报");
    expect(digest?.lines).toMatchObject([{ metric: "disbursement_amount", value: 8_913_000, previous: null }]);

    movable.asOf.date = "2026-06-30";
    clock.set(DAY2_0800);
    await server.subscriptions.scheduler.tick();
    runs = await runsOf(server, TEST_KEYS.manager, subscription.id);
    expect(runs.map((run) => run.status)).toEqual(["delivered", "held"]);
    expect(runs[0].condition).toMatchObject({ met: true, value: 9_258_000 });
    expect(receiver.received).toHaveLength(1);
    expect((await inboxOf(server, TEST_KEYS.manager)).items.filter((item) => item.kind === "run")).toHaveLength(1);

    clock.set("2026-07-03T00:31:00Z");
    await server.subscriptions.scheduler.tick();
    digest = (await inboxOf(server, TEST_KEYS.manager)).items.find((item) => item.kind === "digest");
    expect(digest?.title).toBe("2026-07-03 订阅日报");
    expect(digest?.lines).toMatchObject([{ metric: "disbursement_amount", value: 9_258_000, previous: 8_913_000, change: 345_000 }]);
    expect(digest?.text).toContain("较上次 +345,000 元");
    expect(digest?.link).toMatch(/^\/\?conversation=/);
  });

  it("retries a receiver answering 500 with backoff, then records the failure where the owner can see it", async () => {
    const clock = testClock(DAY1_0759);
    const waits: number[] = [];
    const { server, receiver } = await setUp({ clock, statuses: [500], sleep: async (milliseconds) => void waits.push(milliseconds) });
    const flaky = await startWebhookReceiver([503, 200]);
    cleanups.push(() => flaky.close());
    const subscription = await subscribe(server, TEST_KEYS.manager, { question: "本月放款金额", deliveries: { webhooks: [{ url: receiver.url }, { url: flaky.url }] } });
    clock.set(DAY1_0800);
    await server.subscriptions.scheduler.tick();

    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((request) => request.body)).size).toBe(1);
    expect(receiver.received.every((request) => verifySignature(request.body, subscription.secret, request.headers[SIGNATURE_HEADER.toLowerCase()] as string))).toBe(true);
    expect(flaky.received).toHaveLength(2);
    expect(waits).toEqual([10, 20, 10]);

    const deliveries = ((await call(server, `/api/subscriptions/${subscription.id}/deliveries`, { key: TEST_KEYS.manager })).json() as { deliveries: DeliveryRecord[] }).deliveries;
    const failed = deliveries.find((delivery) => delivery.url === receiver.url);
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed?.attempts.map((attempt) => attempt.status_code)).toEqual([500, 500, 500]);
    expect(deliveries.find((delivery) => delivery.url === flaky.url)?.attempts.map((attempt) => attempt.status_code)).toEqual([503, 200]);
    const [run] = await runsOf(server, TEST_KEYS.manager, subscription.id);
    expect(run).toMatchObject({ status: "failed", error: "WEBHOOK_FAILED" });
    expect(run.deliveries.map((delivery) => delivery.status)).toEqual(["failed", "delivered"]);
    // The inbox got the answer all the same.
    expect((await inboxOf(server, TEST_KEYS.manager)).items).toHaveLength(1);
  });

  it("neither loses nor repeats a run across restarts: missed runs run once, an interrupted run resumes once", async () => {
    const clock = testClock(DAY1_0759);
    const first = await setUp({ clock });
    const subscription = await subscribe(first.server, TEST_KEYS.manager, { question: "本月放款金额", deliveries: { webhooks: [{ url: first.receiver.url }] } });
    clock.set(DAY1_0800);
    await first.server.subscriptions.scheduler.tick();
    await first.server.stop();

    // Down through two occurrences (day 2 and day 3 at 08:00); up again at 09:00 on day 3.
    clock.set("2026-07-04T01:00:00Z");
    const second = await setUp({ clock, stateDir: first.stateDir });
    second.server.subscriptions.scheduler.tick().catch(() => undefined);
    await second.server.subscriptions.scheduler.tick();
    let runs = await runsOf(second.server, TEST_KEYS.manager, subscription.id);
    expect(runs.map((run) => [run.scheduled_for, run.missed_occurrences])).toEqual([
      ["2026-07-04T00:00:00.000Z", 1],
      ["2026-07-02T00:00:00.000Z", 0],
    ]);
    await second.server.stop();

    // A crash in the middle of day 4's run: started, never finished.
    appendFileSync(
      join(first.stateDir, "subscriptions.jsonl"),
      `${JSON.stringify({ type: "run_started", key: `${subscription.id}@2026-07-05T00:00:00.000Z`, subscription_id: subscription.id, scheduled_for: "2026-07-05T00:00:00.000Z", at: "2026-07-05T00:00:01.000Z" })}\n`,
    );
    clock.set("2026-07-05T00:05:00Z");
    const third = await setUp({ clock, stateDir: first.stateDir });
    await third.server.subscriptions.scheduler.tick();
    await third.server.subscriptions.scheduler.tick();
    runs = await runsOf(third.server, TEST_KEYS.manager, subscription.id);
    expect(runs.map((run) => run.scheduled_for)).toEqual(["2026-07-05T00:00:00.000Z", "2026-07-04T00:00:00.000Z", "2026-07-02T00:00:00.000Z"]);
    expect(runs.every((run) => run.status === "delivered")).toBe(true);
    expect((await inboxOf(third.server, TEST_KEYS.manager)).items).toHaveLength(3);
    // The webhook got each scheduled time exactly once.
    expect(first.receiver.received.map((request) => (JSON.parse(request.body) as { scheduled_for: string }).scheduled_for)).toEqual([
      "2026-07-02T00:00:00.000Z",
      "2026-07-04T00:00:00.000Z",
      "2026-07-05T00:00:00.000Z",
    ]);
  });

  it("never delivers another branch's rows to a staff owner, with the branch read from the key configuration at run time", async () => {
    const clock = testClock(DAY1_0759);
    const { server, receiver, keysFile } = await setUp({ clock });
    const byBranch = await subscribe(server, TEST_KEYS.staffBr01, { question: "各支行逾期率", deliveries: { webhooks: [{ url: receiver.url }] } });
    const loans = await subscribe(server, TEST_KEYS.staffBr01, { question: "loans due next week" });
    const managerView = await subscribe(server, TEST_KEYS.manager, { question: "各支行逾期率" });
    clock.set(DAY1_0800);
    await server.subscriptions.scheduler.tick();

    const inbox = (await inboxOf(server, TEST_KEYS.staffBr01)).items;
    const rateItem = inbox.find((item) => item.subscription_id === byBranch.id);
    expect(rateItem?.answer?.rows.map((row) => row[0])).toEqual(["BR01"]);
    const branchName = rateItem?.answer?.rows[0][1];
    const webhookRows = (JSON.parse(receiver.received[0].body) as { answer: { rows: unknown[][] } }).answer.rows;
    expect(webhookRows.map((row) => row[0])).toEqual(["BR01"]);
    const loanItem = inbox.find((item) => item.subscription_id === loans.id);
    const loanBranch = loanItem?.answer?.columns.findIndex((column) => column.name === "loan_branch") ?? -1;
    expect(loanItem?.answer?.row_count).toBeGreaterThan(0);
    expect(branchName).toBe("上海浦东支行");
    expect(new Set(loanItem?.answer?.rows.map((row) => row[loanBranch]))).toEqual(new Set([branchName]));
    const managerRows = (await inboxOf(server, TEST_KEYS.manager)).items.find((item) => item.subscription_id === managerView.id)?.answer?.rows ?? [];
    expect(managerRows.length).toBeGreaterThan(1);
    expect((await runsOf(server, TEST_KEYS.staffBr01, byBranch.id))[0]).toMatchObject({ role: "staff", branch_id: "BR01" });

    // Moved to BR02: the next run sees BR02 only. Key removed: runs are skipped, nothing is delivered.
    writeKeys(keysFile, "BR02");
    clock.set(DAY2_0800);
    await server.subscriptions.scheduler.tick();
    expect(JSON.parse(receiver.received[1].body).answer.rows.map((row: unknown[]) => row[0])).toEqual(["BR02"]);
    writeKeys(keysFile, null);
    clock.set("2026-07-04T00:00:30Z");
    await server.subscriptions.scheduler.tick();
    expect((await runsOf(server, TEST_KEYS.manager, managerView.id)).length).toBe(3);
    expect(receiver.received).toHaveLength(2);
    const skipped = server.subscriptions.store.runsOf(byBranch.id)[0];
    expect(skipped).toMatchObject({ status: "skipped", error: "OWNER_UNKNOWN", row_count: 0 });
  });

  it("turns a Chinese chat message into a proposal, saves it on confirmation, and runs the intended plan", async () => {
    const clock = testClock(DAY1_0759);
    const { server } = await setUp({ clock });
    const proposed = await call(server, "/api/subscriptions/proposals", { key: TEST_KEYS.manager, body: { message: "每天早上8点推送还款风险上升的高价值客户" } });
    expect(proposed.status, proposed.text).toBe(201);
    const proposal = proposed.json() as SubscriptionProposal;
    expect(proposal.draft.schedule).toEqual({ kind: "daily", time: "08:00", weekdays_only: false });
    expect(proposal.description).toBe("每天 08:00 (Asia/Shanghai)");
    expect(proposal.draft.question).toMatchObject({
      text: "还款风险上升的高价值客户",
      language: "zh",
      plan: { query: { kind: "list", entity: "customers", filters: [{ kind: "term", term: "rising_repayment_risk" }, { kind: "term", term: "high_value" }] } },
    });
    expect(proposal.preview).toMatchObject({ status: "answered", row_count: 6 });
    expect(((await call(server, "/api/subscriptions", { key: TEST_KEYS.manager })).json() as { subscriptions: unknown[] }).subscriptions).toEqual([]);
    expect((await call(server, "/api/subscriptions/confirm", { key: TEST_KEYS.staffBr02, body: { proposal_id: proposal.id } })).status).toBe(404);

    const confirmed = await call(server, "/api/subscriptions/confirm", { key: TEST_KEYS.manager, body: { proposal_id: proposal.id } });
    expect(confirmed.status).toBe(201);
    const subscription = confirmed.json() as { id: string; schedule_text: string };
    expect(subscription.schedule_text).toBe("每天 08:00 (Asia/Shanghai)");
    expect((await call(server, "/api/subscriptions/confirm", { key: TEST_KEYS.manager, body: { proposal_id: proposal.id } })).status).toBe(404);

    clock.set(DAY1_0800);
    await server.subscriptions.scheduler.tick();
    const [run] = await runsOf(server, TEST_KEYS.manager, subscription.id);
    expect(run).toMatchObject({ status: "delivered", plan_source: "replanned", answer_status: "answered", row_count: 6 });
    const item = (await inboxOf(server, TEST_KEYS.manager)).items[0];
    expect(item.answer?.columns.map((column) => column.name)).toContain("pd_change");
    expect(item.answer?.rows).toHaveLength(6);
    const audit = (await call(server, "/api/audit?user=mary", { key: TEST_KEYS.admin })).json() as { entries: { channel: string; plan: { query: unknown } }[] };
    expect(audit.entries.find((entry) => entry.channel === "subscription")?.plan.query).toEqual(proposal.draft.question.plan.query);

    const english = await call(server, "/api/subscriptions/proposals", { key: TEST_KEYS.manager, body: { message: "every Monday at 9 send me loans due next week" } });
    expect(english.status).toBe(201);
    expect((english.json() as SubscriptionProposal).draft).toMatchObject({ schedule: { kind: "weekly", weekday: 1, time: "09:00" }, question: { plan: { query: { entity: "loans", filters: [{ kind: "term", term: "due_soon" }] } } } });
    const notARequest = await call(server, "/api/subscriptions/proposals", { key: TEST_KEYS.manager, body: { message: "本月放款金额是多少?" } });
    expect(notARequest.status).toBe(422);
    expect((notARequest.json() as { error: { code: string } }).error.code).toBe("SUBSCRIPTION_NOT_POSSIBLE");
  });

  it("changes, pauses and deletes a subscription, and subscribes to an answered turn of a conversation", async () => {
    const clock = testClock(DAY1_0759);
    const { server } = await setUp({ clock });
    const chat = (await call(server, "/api/chat", { key: TEST_KEYS.manager, body: { message: "各支行逾期率" } })).json() as { conversation_id: string };
    const fromTurn = await subscribe(server, TEST_KEYS.manager, { conversation_id: chat.conversation_id, answer_index: 0, name: "逾期率日报" });
    expect((await call(server, `/api/subscriptions/${fromTurn.id}`, { key: TEST_KEYS.manager })).json()).toMatchObject({ name: "逾期率日报", question: { text: "各支行逾期率" } });
    expect((await call(server, "/api/subscriptions", { key: TEST_KEYS.staffBr02, body: { conversation_id: chat.conversation_id, answer_index: 0, schedule: DAILY_8 } })).status).toBe(404);

    const paused = await call(server, `/api/subscriptions/${fromTurn.id}`, { key: TEST_KEYS.manager, method: "PATCH", body: { active: false } });
    expect(paused.json()).toMatchObject({ active: false, next_run_at: null });
    clock.set(DAY1_0800);
    await server.subscriptions.scheduler.tick();
    expect(await runsOf(server, TEST_KEYS.manager, fromTurn.id)).toEqual([]);
    // Resumed: the occurrence missed while paused does not run; the next one does.
    await call(server, `/api/subscriptions/${fromTurn.id}`, { key: TEST_KEYS.manager, method: "PATCH", body: { active: true, schedule: { kind: "weekly", weekday: 5, time: "08:00" } } });
    await server.subscriptions.scheduler.tick();
    expect(await runsOf(server, TEST_KEYS.manager, fromTurn.id)).toEqual([]);
    clock.set("2026-07-03T00:00:30Z"); // Friday 08:00 in Shanghai
    await server.subscriptions.scheduler.tick();
    expect((await runsOf(server, TEST_KEYS.manager, fromTurn.id)).map((run) => run.status)).toEqual(["delivered"]);

    const manual = await call(server, `/api/subscriptions/${fromTurn.id}/run`, { key: TEST_KEYS.manager, method: "POST" });
    expect(manual.json()).toMatchObject({ manual: true, status: "delivered" });
    expect((await call(server, `/api/subscriptions/${fromTurn.id}`, { key: TEST_KEYS.manager, method: "DELETE" })).status).toBe(204);
    expect((await call(server, `/api/subscriptions/${fromTurn.id}`, { key: TEST_KEYS.manager })).status).toBe(404);
    expect((await call(server, "/api/inbox/read-all", { key: TEST_KEYS.manager, method: "POST" })).status).toBe(204);
    expect((await inboxOf(server, TEST_KEYS.manager)).unread).toBe(0);
  });
});
