/**
 * Subscriptions in the web chat end to end: the real server (its scheduler on a test clock) over a generated dataset,
 * the built page in headless Chromium. The headline question is subscribed daily with a webhook; the next scheduled
 * tick puts the answer in the inbox and POSTs it, signed, to a receiver on loopback. Skips loudly without Chromium.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM, HAS_CHROMIUM, openChatBrowser } from "./chat-browser.ts";
import type { ChatBrowser } from "./chat-browser.ts";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../tools/engines/engine.ts";
import { openEngine } from "../../tools/engines/open-engine.ts";
import { loadServerConfiguration } from "../../server/config/server-config.ts";
import { createLogger } from "../../server/logger.ts";
import { startServer } from "../../server/server.ts";
import type { RunningServer } from "../../server/server.ts";
import { startWebhookReceiver, testClock } from "../../server/subscriptions/subscription-test-support.ts";
import type { WebhookReceiver } from "../../server/subscriptions/subscription-test-support.ts";
import { subscriptionsOf } from "../../server/subscriptions/subscriptions-runtime.ts";
import { createTestDataset, TEST_KEYS_TEXT } from "../../server/test-support/test-server.ts";
import type { TestDataset } from "../../server/test-support/test-server.ts";
import { ensureWebChatBuilt, WEB_CHAT_DIST } from "../scripts/build-web-chat.ts";

const SCREENSHOTS = join(process.cwd(), "screenshots");
const HEADLINE = "哪些高价值客户本月还款风险上升?";
if (!HAS_CHROMIUM) console.warn(`SKIPPED web chat subscriptions e2e: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`);

// Saturday 10:00 in Shanghai; a daily 08:00 subscription is next due on Sunday 08:00 (00:00 UTC).
const clock = testClock("2026-06-20T02:00:00Z");
const NEXT_DAILY_RUN = "2026-06-21T00:00:30Z";

let dataset: TestDataset;
let engine: Engine;
let server: RunningServer;
let receiver: WebhookReceiver;
let page: Page;
let browser: ChatBrowser | undefined;
/** Errors the page reported. */
const problems: string[] = [];
/** The secret the page showed once after subscribing. */
let secret = "";

const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `web-chat-subscriptions-${name}.png`), fullPage: false });
const cards = () => page.locator("article.answer-card");

/** The signature header checked against an HMAC-SHA256 of the exact body, in constant time. */
function signedWith(body: string, key: string, header: string | string[] | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", key).update(body, "utf8").digest("hex")}`);
  const presented = Buffer.from(String(header ?? ""));
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

describe.skipIf(!HAS_CHROMIUM)("subscriptions in the web chat (Chromium)", () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const [, created, started] = await Promise.all([ensureWebChatBuilt({ fresh: true }), createTestDataset(), startWebhookReceiver()]);
    dataset = created;
    receiver = started;
    engine = await openEngine({ dbPath: dataset.dbPath, workers: 1 });
    server = await startServer({
      configuration: loadServerConfiguration({
        PORT: "0",
        HOST: "127.0.0.1",
        LENDLENS_API_KEYS: TEST_KEYS_TEXT,
        LENDLENS_STATE_DIR: mkdtempSync(join(dataset.directory, "state-")),
        LOG_LEVEL: "silent",
      }),
      engine,
      logger: createLogger("silent"),
      webRoot: WEB_CHAT_DIST,
      // The scheduler runs on the test clock and only when the test ticks it.
      subscriptions: { now: clock.now, wakeEveryMinute: false, digestTime: null, timeZone: "Asia/Shanghai", sleep: async () => undefined, retry: { baseDelayMs: 10, timeoutMs: 5000 } },
    });
    browser = await openChatBrowser(problems, { viewport: { width: 1280, height: 860 } });
    page = browser.page;
    page.on("dialog", (dialog) => void dialog.accept());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await engine?.close();
    await receiver?.close();
    dataset?.remove();
  });

  it("asks the headline question and subscribes to it daily with a webhook", async () => {
    await page.goto(server.url);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByLabel("输入问题").fill(HEADLINE);
    await page.getByLabel("输入问题").press("Enter");
    await expect.poll(() => cards().count(), { timeout: 30_000 }).toBe(1);
    const card = cards().last();
    expect(await card.getAttribute("data-status")).toBe("answered");
    // The inbox starts empty: no badge.
    expect(await page.locator(".open-inbox .badge").isVisible()).toBe(false);

    await card.getByRole("button", { name: "订阅" }).click();
    const form = page.getByRole("dialog", { name: "订阅这个问题" });
    await form.waitFor();
    expect(await form.getByLabel("名称").inputValue()).toBe(HEADLINE);
    // Focus starts in the form's first field.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("name");
    expect(await form.getByLabel("频率", { exact: true }).inputValue()).toBe("daily");
    await form.getByLabel("时间").fill("08:00");
    // Weekly shows the weekday, cron the expression; back to daily.
    await form.getByLabel("频率", { exact: true }).selectOption("weekly");
    expect(await form.getByLabel("星期").isVisible()).toBe(true);
    await form.getByLabel("频率", { exact: true }).selectOption("cron");
    expect(await form.getByLabel(/Cron 表达式/).isVisible()).toBe(true);
    expect(await form.getByLabel("时间").isVisible()).toBe(false);
    await form.getByLabel("频率", { exact: true }).selectOption("daily");
    await form.getByLabel("推送条件", { exact: true }).selectOption("rows");
    await form.getByLabel(/Webhook 地址/).fill(receiver.url);
    await shoot("01-form");
    await form.getByRole("button", { name: "订阅", exact: true }).click();

    // The secret is shown once, and a toast confirms.
    const secretBox = form.getByLabel(/Webhook 签名密钥/);
    await secretBox.waitFor();
    secret = await secretBox.inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(await page.locator(".toast").textContent()).toContain(`已订阅:${HEADLINE}`);
    await shoot("02-secret");
    await form.getByRole("button", { name: "完成" }).click();
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
    // Focus is back on the card's subscribe button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-part"))).toBe("subscribe-button");
  });

  it("lists the subscription with its schedule and next run", async () => {
    await page.getByRole("button", { name: "我的订阅" }).click();
    const list = page.getByRole("dialog", { name: "我的订阅" });
    const item = list.locator(".subscription-item");
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator(".subscription-name").textContent()).toBe(HEADLINE);
    expect(await item.locator(".schedule-text").textContent()).toMatch(/08:00/);
    // The next run in the subscription's zone, as the schedule says it: Sunday 08:00 in Shanghai.
    expect(await item.locator(".next-run").textContent()).toBe("2026年6月21日 08:00");
    expect(await item.locator(".last-run").textContent()).toBe("尚未运行");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
  });

  it("the next scheduled run puts the answer in the inbox and POSTs it, signed, to the webhook", async () => {
    clock.set(NEXT_DAILY_RUN);
    const tick = await subscriptionsOf(server.context).scheduler.tick();
    expect(tick).toBeTruthy();
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery.headers["content-type"]).toMatch(/application\/json/);
    expect(signedWith(delivery.body, secret, delivery.headers["x-lendlens-signature"])).toBe(true);
    expect(signedWith(delivery.body, "not-the-secret-at-all", delivery.headers["x-lendlens-signature"])).toBe(false);
    const body = JSON.parse(delivery.body) as { type: string; scheduled_for: string; subscription_name: string; answer: { status: string; row_count: number; conversation_id: string } };
    expect(body).toMatchObject({ type: "subscription.run", scheduled_for: "2026-06-21T00:00:00.000Z", subscription_name: HEADLINE, answer: { status: "answered" } });
    expect(body.answer.row_count).toBeGreaterThan(0);

    // The page notices on its next check; opening the inbox reads it at once.
    await page.getByRole("button", { name: /^收件箱/ }).click();
    const inbox = page.getByRole("dialog", { name: "收件箱" });
    const item = inbox.locator(".inbox-item");
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getAttribute("class")).toContain("unread");
    expect(await item.locator(".inbox-title").textContent()).toContain(HEADLINE);
    expect((await item.locator(".inbox-text").textContent())?.length).toBeGreaterThan(5);
    expect(await item.locator("time").getAttribute("datetime")).toMatch(/^2026-06-21T00:00/);
    await expect.poll(() => page.locator(".open-inbox .badge").textContent()).toBe("1");
    expect(await page.locator(".open-inbox").getAttribute("aria-label")).toBe("收件箱 (1 条未读)");
    await shoot("03-inbox");

    // The link opens the stored answer (a conversation of the owner) and marks the item read.
    await item.getByRole("button", { name: "查看答案" }).click();
    await expect.poll(() => cards().count(), { timeout: 20_000 }).toBe(1);
    expect(await cards().first().getAttribute("data-status")).toBe("answered");
    expect(await page.locator(".question-bubble").first().textContent()).toContain("高价值客户");
    await expect.poll(() => page.locator(".open-inbox .badge").isVisible()).toBe(false);
    await shoot("04-stored-answer");
  });

  it("runs now from the list: the last run's status, a second inbox item and webhook", async () => {
    await page.getByRole("button", { name: "我的订阅" }).click();
    const list = page.getByRole("dialog", { name: "我的订阅" });
    const item = list.locator(".subscription-item");
    await expect.poll(() => item.locator(".last-run").getAttribute("data-status")).toBe("delivered");
    await item.getByRole("button", { name: "立即运行" }).click();
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
    expect(signedWith(receiver.received[1].body, secret, receiver.received[1].headers["x-lendlens-signature"])).toBe(true);
    await expect.poll(() => page.locator(".toast").textContent()).toBe("运行完成:已送达");
    await expect.poll(() => page.locator(".open-inbox .badge").textContent()).toBe("1");

    // Pause, then resume: the next run disappears and comes back.
    await item.getByRole("button", { name: "暂停" }).click();
    await expect.poll(() => item.locator(".next-run").textContent()).toBe("已暂停");
    await item.getByRole("button", { name: "恢复" }).click();
    await expect.poll(() => item.locator(".next-run").textContent()).toMatch(/2026/);
    await shoot("05-list");
    await page.keyboard.press("Escape");

    // Mark read in the inbox, in English this time.
    await page.getByLabel("界面语言").selectOption("en");
    await page.getByRole("button", { name: /^Inbox/ }).click();
    const inbox = page.getByRole("dialog", { name: "Inbox" });
    await expect.poll(() => inbox.locator(".inbox-item").count()).toBe(2);
    await inbox.locator(".inbox-item.unread").getByRole("button", { name: "Mark read" }).click();
    await expect.poll(() => inbox.locator(".inbox-item.unread").count()).toBe(0);
    await expect.poll(() => page.locator(".open-inbox .badge").isVisible()).toBe(false);
    await page.keyboard.press("Escape");
  });

  it("deletes the subscription", async () => {
    await page.getByRole("button", { name: "Subscriptions", exact: true }).click();
    const list = page.getByRole("dialog", { name: "My subscriptions" });
    await list.locator(".subscription-item").getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => list.textContent()).toContain("No subscriptions yet");
    await page.keyboard.press("Escape");
    expect(problems).toEqual([]);
  });
});
