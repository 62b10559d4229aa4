/**
 * Subscribing from the chat in the web page: a typed request ("每天早上8点推送……") gets a proposal card (schedule,
 * cron, condition, preview), nothing is saved until 确认订阅, then the subscription is in the list; 取消 saves
 * nothing; an unclear schedule asks 几点推送? with choices. Real server and built page in headless Chromium;
 * skips loudly without Chromium.
 */
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
import { testClock } from "../../server/subscriptions/subscription-test-support.ts";
import { createTestDataset, TEST_KEYS_TEXT } from "../../server/test-support/test-server.ts";
import type { TestDataset } from "../../server/test-support/test-server.ts";
import { ensureWebChatBuilt, WEB_CHAT_DIST } from "../scripts/build-web-chat.ts";

const SCREENSHOTS = join(process.cwd(), "screenshots");
const REQUEST = "每天早上8点推送还款风险上升的高价值客户";
if (!HAS_CHROMIUM) console.warn(`SKIPPED web chat subscription proposal e2e: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`);

const clock = testClock("2026-06-20T02:00:00Z");

let dataset: TestDataset;
let engine: Engine;
let server: RunningServer;
let page: Page;
let browser: ChatBrowser | undefined;
const problems: string[] = [];

const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `web-chat-subscription-proposal-${name}.png`), fullPage: false });
const cards = () => page.locator("article.answer-card");

/** Types a message and waits for its card. */
async function ask(message: string, expectedCards: number): Promise<void> {
  await page.getByLabel("输入问题").fill(message);
  await page.getByLabel("输入问题").press("Enter");
  await expect.poll(() => cards().count(), { timeout: 30_000 }).toBe(expectedCards);
}

/** The names in the subscription list dialog (opened and closed again). */
async function listedSubscriptions(): Promise<string[]> {
  await page.getByRole("button", { name: "我的订阅" }).click();
  const list = page.getByRole("dialog", { name: "我的订阅" });
  await expect.poll(() => list.locator(".muted").filter({ hasText: "加载" }).count()).toBe(0);
  const names = await list.locator(".subscription-name").allTextContents();
  await page.keyboard.press("Escape");
  await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
  return names;
}

describe.skipIf(!HAS_CHROMIUM)("subscribing from the chat in the web page (Chromium)", () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const [, created] = await Promise.all([ensureWebChatBuilt({ fresh: true }), createTestDataset()]);
    dataset = created;
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
      subscriptions: { now: clock.now, wakeEveryMinute: false, digestTime: null, timeZone: "Asia/Shanghai", sleep: async () => undefined },
    });
    browser = await openChatBrowser(problems, { viewport: { width: 1280, height: 900 } });
    page = browser.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await engine?.close();
    dataset?.remove();
  });

  it("shows a proposal card for a typed Chinese request and saves nothing yet", async () => {
    await page.goto(server.url);
    await page.getByRole("button", { name: "登录" }).click();
    await ask(REQUEST, 1);
    const card = cards().last();
    expect(await card.getAttribute("class")).toContain("proposal");
    const proposal = card.getByRole("region", { name: "订阅提议" });
    await proposal.waitFor();
    expect(await proposal.locator(".proposal-schedule").textContent()).toBe("每天 08:00 (Asia/Shanghai)");
    expect(await proposal.locator(".proposal-cron").textContent()).toBe("0 8 * * *");
    expect(await proposal.locator(".proposal-condition").textContent()).toBe("每次都推送");
    expect(await proposal.locator(".proposal-question").textContent()).toContain("还款风险上升的高价值客户");
    expect(await proposal.locator(".proposal-preview-table tbody tr").count()).toBeGreaterThan(0);
    // No data table, no subscribe button, no follow-up chips: this is a proposal, not an answer.
    expect(await card.locator(".answer-table, [data-part=subscribe-button], [data-part=follow-ups]").count()).toBe(0);
    await shoot("01-proposal");
    expect(await listedSubscriptions()).toEqual([]);
  });

  it("confirms the proposal: the subscription appears in the list", async () => {
    const proposal = cards().last().getByRole("region", { name: "订阅提议" });
    await proposal.getByRole("button", { name: "确认订阅" }).click();
    await expect.poll(() => proposal.locator(".proposal-status").textContent()).toContain("已订阅:还款风险上升的高价值客户");
    expect(await proposal.getAttribute("data-state")).toBe("confirmed");
    expect(await proposal.getByRole("button", { name: "确认订阅" }).count()).toBe(0);
    await shoot("02-confirmed");
    expect(await listedSubscriptions()).toEqual(["还款风险上升的高价值客户"]);
  });

  it("asks 几点推送? for a request without a time; the picked time makes a proposal, and 取消 saves nothing", async () => {
    await ask("每天推送逾期客户名单", 2);
    const clarify = cards().last();
    expect(await clarify.getAttribute("data-status")).toBe("clarify");
    expect(await clarify.locator(".answer-text").textContent()).toMatch(/^几点推送?/);
    await clarify.getByRole("button", { name: "早上8点" }).click();
    await expect.poll(() => cards().count(), { timeout: 30_000 }).toBe(3);
    const proposal = cards().last().getByRole("region", { name: "订阅提议" });
    await proposal.waitFor();
    expect(await proposal.locator(".proposal-schedule").textContent()).toBe("每天 08:00 (Asia/Shanghai)");
    await proposal.getByRole("button", { name: "取消" }).click();
    await expect.poll(() => proposal.locator(".proposal-status").textContent()).toBe("已取消,没有保存订阅。");
    await shoot("03-cancelled");
    expect(await listedSubscriptions()).toEqual(["还款风险上升的高价值客户"]);
    expect(problems).toEqual([]);
  });
});
