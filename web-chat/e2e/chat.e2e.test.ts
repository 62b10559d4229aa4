/**
 * The web chat end to end: the real server on a generated dataset (scale 0.05), the built page, headless Chromium
 * driven by playwright-core. Skips loudly when /usr/bin/chromium is missing. Screenshots go to screenshots/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM, HAS_CHROMIUM, openChatBrowser } from "./chat-browser.ts";
import type { ChatBrowser } from "./chat-browser.ts";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestDataset, startTestServer } from "../../server/test-support/test-server.ts";
import type { TestDataset, TestServer } from "../../server/test-support/test-server.ts";
import { ensureWebChatBuilt, WEB_CHAT_DIST } from "../scripts/build-web-chat.ts";

const SCREENSHOTS = join(process.cwd(), "screenshots");
if (!HAS_CHROMIUM) console.warn(`SKIPPED web chat e2e: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`);

let dataset: TestDataset;
let server: TestServer;
let page: Page;
let browser: ChatBrowser | undefined;
/** Errors the page reported (uncaught exceptions, console errors such as CSP violations). */
const problems: string[] = [];

/** Saves a screenshot for a person to look at. */
const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `web-chat-${name}.png`), fullPage: false });

/** The answer cards on the page. */
const cards = () => page.locator("article.answer-card");

/** Types a question, presses Enter, and waits for its card to appear. */
async function ask(question: string): Promise<void> {
  const before = await cards().count();
  await page.getByLabel(/输入问题|Your question/).fill(question);
  await page.getByLabel(/输入问题|Your question/).press("Enter");
  await expect.poll(() => cards().count(), { timeout: 30_000 }).toBe(before + 1);
}

describe.skipIf(!HAS_CHROMIUM)("web chat in Chromium", () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const [, created] = await Promise.all([ensureWebChatBuilt({ fresh: true }), createTestDataset()]);
    dataset = created;
    server = await startTestServer(dataset, { webRoot: WEB_CHAT_DIST });
    browser = await openChatBrowser(problems, { viewport: { width: 1280, height: 860 }, acceptDownloads: true });
    page = browser.page;
    // Records every progress text the page shows (they flash by quickly on a small dataset).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        for (const element of Array.from(document.querySelectorAll(".progress-text"))) {
          const text = element.textContent ?? "";
          if (seen[seen.length - 1] !== text) seen.push(text);
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    dataset?.remove();
  });

  it("signs in with the prefilled demo key and shows example questions", async () => {
    await page.goto(server.url);
    const key = page.getByLabel("API 密钥");
    await expect.poll(() => key.inputValue()).toBe("demo-key");
    await page.getByRole("button", { name: "登录" }).click();
    // The headline question at once, the semantic layer's examples once it has loaded.
    await expect.poll(() => page.locator(".empty-state .chip").count()).toBeGreaterThanOrEqual(4);
    expect(await page.evaluate(() => localStorage.getItem("lendlens.apiKey"))).toBe("demo-key");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("question");
    await shoot("01-empty");
  });

  it("answers a Chinese question with the number, the table and a rendered chart", async () => {
    await ask("各分行本月的逾期率");
    const card = cards().last();
    expect(await card.getAttribute("data-status")).toBe("answered");
    expect(await card.locator(".answer-text").textContent()).toMatch(/\d+(\.\d+)?%/);
    const rows = card.locator("[data-part=table] tbody tr");
    expect(await rows.count()).toBeGreaterThan(5);
    expect(await card.locator("[data-part=table] th").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("逾期率")]));
    // The progress came over the WebSocket: planning, then the query running.
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progress).toEqual(expect.arrayContaining(["理解问题…", "查询中…"]));
    await card.locator("[data-part=chart][data-state=ready]").waitFor({ timeout: 20_000 });
    expect(await card.locator("[data-part=chart] svg, [data-part=chart] canvas").count()).toBeGreaterThan(0);
    await shoot("02-answer");
  });

  it("sorts the table by a column", async () => {
    const card = cards().last();
    const rateColumn = (await card.locator("[data-part=table] th").allTextContents()).findIndex((label) => label.includes("逾期率"));
    await card.getByRole("button", { name: /按“逾期率”排序/ }).click();
    const values = (await card.locator(`[data-part=table] tbody tr td:nth-child(${rateColumn + 1})`).allTextContents()).map((text) => Number.parseFloat(text));
    expect(values).toEqual([...values].sort((left, right) => left - right));
    expect(await card.locator("th[aria-sort=ascending]").count()).toBe(1);
  });

  it("expands the SQL and the 口径 definitions", async () => {
    const card = cards().last();
    const sql = card.locator("[data-part=sql] pre");
    expect(await sql.isVisible()).toBe(false);
    await card.locator("[data-part=sql] summary").click();
    expect(await sql.first().isVisible()).toBe(true);
    expect(await sql.first().textContent()).toMatch(/SELECT/i);
    await card.locator(".definitions-list summary").click();
    const formula = card.locator(".definitions-list dd .formula").first();
    expect(await formula.isVisible()).toBe(true);
    expect((await formula.textContent())?.length).toBeGreaterThan(3);
    await shoot("03-sql-definitions");
  });

  it("exports every row as CSV", async () => {
    const card = cards().last();
    const rowCount = await card.locator("[data-part=table] tbody tr").count();
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: "导出 CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toContain("逾期率");
    expect(lines).toHaveLength(rowCount + 1);
  });

  it("sends thumbs-up feedback the server keeps with the conversation", async () => {
    await cards().last().getByRole("button", { name: "有帮助" }).click();
    await cards().last().locator(".feedback-thanks").waitFor();
    const list = (await call(server, "/api/conversations", { key: "demo-key" })).json() as { conversations: { id: string }[] };
    const detail = (await call(server, `/api/conversations/${list.conversations[0].id}`, { key: "demo-key" })).json() as { feedback: { rating: string }[] };
    expect(detail.feedback.map((feedback) => feedback.rating)).toEqual(["up"]);
  });

  it("asks a follow-up from a chip in the same conversation", async () => {
    const conversation = await page.locator(".conversation-list li.current").count();
    expect(conversation).toBe(1);
    // The chips are the answer's follow_ups: an overdue rate is a current state with no last month, so 上个月呢 is not offered.
    const offered = await cards().last().locator("[data-part=follow-ups] .chip").allTextContents();
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThanOrEqual(3);
    expect(offered).not.toContain("上个月呢");
    expect(offered).toContain("只看高价值客户");
    const list = (await call(server, "/api/conversations", { key: "demo-key" })).json() as { conversations: { id: string }[] };
    const detail = (await call(server, `/api/conversations/${list.conversations[0].id}`, { key: "demo-key" })).json() as { turns: { answer: { follow_ups?: string[] } }[] };
    expect(detail.turns.at(-1)?.answer.follow_ups).toEqual(offered);
    const before = await cards().count();
    await cards().last().getByRole("button", { name: "只看高价值客户" }).click();
    await expect.poll(() => cards().count(), { timeout: 30_000 }).toBe(before + 1);
    const card = cards().last();
    expect(await card.getAttribute("data-status")).toBe("answered");
    expect(await card.locator(".answer-text").textContent()).toMatch(/\d+(\.\d+)?%/);
    expect(await page.locator(".conversation-list li").count()).toBe(1);
    // Every chip offered under the follow-up's answer is one of the candidates of its language.
    const next = await card.locator("[data-part=follow-ups] .chip").allTextContents();
    expect(["按分行拆开", "只看高价值客户", "上个月呢", "按月看趋势", "前10名"]).toEqual(expect.arrayContaining(next));
    // Only the message list scrolls: the header and the question box stay in view.
    await cards().last().locator("[data-part=chart][data-state=ready]").waitFor();
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
  });

  it("offers a clarification's choices and answers the one picked", async () => {
    await page.getByRole("button", { name: /新对话/ }).click();
    await ask("余额是多少?");
    const card = cards().last();
    expect(await card.getAttribute("data-status")).toBe("clarify");
    const choices = card.locator("[data-part=choices] .chip");
    expect(await choices.count()).toBeGreaterThanOrEqual(2);
    await shoot("04-clarify");
    await choices.first().click();
    await expect.poll(() => cards().count(), { timeout: 30_000 }).toBe(2);
    expect(await cards().last().getAttribute("data-status")).toBe("answered");
    expect(await cards().last().locator(".answer-text").textContent()).toMatch(/余额/);
  });

  it("declines an out-of-scope question with suggested questions that can be asked", async () => {
    await page.getByRole("button", { name: /新对话/ }).click();
    await ask("明天天气怎么样?");
    const card = cards().last();
    expect(await card.getAttribute("data-status")).toBe("unsupported");
    const suggestions = card.locator("[data-part=suggestions] .chip");
    expect(await suggestions.count()).toBeGreaterThan(0);
    await suggestions.first().click();
    await expect.poll(() => cards().count(), { timeout: 30_000 }).toBe(2);
    expect(await cards().last().getAttribute("data-status")).toBe("answered");
  });

  it("shows an error plainly with a retry that works", async () => {
    // The socket refuses the question and the HTTP fallback returns an error answer.
    let refuseSockets = true;
    await page.routeWebSocket(/\/api\/chat\/stream/, (socket) => {
      if (!refuseSockets) return void socket.connectToServer();
      socket.onMessage(() => socket.close({ code: 1011 }));
    });
    await page.route("**/api/chat", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({
          question: "本月放款金额是多少?",
          language: "zh",
          status: "error",
          text: "数据库暂时不可用,请稍后再试。",
          interpretation: "",
          sql: [],
          columns: [],
          rows: [],
          row_count: 0,
          chart: null,
          actions: [],
          definitions: [],
          tools: [],
          as_of_date: null,
          conversation_id: "c_e2e",
          timings: { total_ms: 1, sql_ms: 0 },
          error: { code: "ENGINE_UNAVAILABLE", audience: "user", messages: { zh: "数据库暂时不可用", en: "The database is unavailable" } },
        }),
      }),
    );
    await page.getByRole("button", { name: /新对话/ }).click();
    await ask("本月放款金额是多少?");
    const card = cards().last();
    expect(await card.getAttribute("data-status")).toBe("error");
    expect(await card.getByRole("alert").textContent()).toContain("数据库暂时不可用");
    await shoot("05-error");
    await page.unrouteAll({ behavior: "ignoreErrors" });
    refuseSockets = false;
    await card.getByRole("button", { name: "重试" }).click();
    await expect.poll(() => cards().last().getAttribute("data-status"), { timeout: 30_000 }).toBe("answered");
    // The retry replaced the failed card instead of adding one.
    expect(await cards().count()).toBe(1);
    expect(await cards().last().locator("[data-part=headline] .stat-value").first().textContent()).toMatch(/\d/);
  });

  it("answers the headline question with customers, 口径 and actions", async () => {
    await page.getByRole("button", { name: /新对话/ }).click();
    await ask("哪些高价值客户本月还款风险上升?");
    const card = cards().last();
    expect(await card.getAttribute("data-status")).toBe("answered");
    expect(await card.locator("[data-part=table] tbody tr").count()).toBeGreaterThan(0);
    expect(await card.locator("[data-part=actions] .action-card").count()).toBeGreaterThan(0);
    expect(await card.locator("[data-part=actions] .customer-ids").first().textContent()).toMatch(/C\d+/);
    await card.scrollIntoViewIfNeeded();
    await shoot("06-headline");
  });

  it("reopens an earlier conversation from the list with its turns", async () => {
    await page.locator(".conversation-list").getByRole("button", { name: /^各分行本月的逾期率/ }).click();
    await expect.poll(() => cards().count()).toBe(2);
    const questions = (await page.locator(".question-bubble").allTextContents()).map((text) => text.replace(/^你: /, ""));
    expect(questions).toEqual(["各分行本月的逾期率", "只看高价值客户"]);
    expect(await cards().first().locator("[data-part=table] tbody tr").count()).toBeGreaterThan(5);
    // The stored answer keeps its follow-ups: the same chips as when it was first answered.
    expect(await cards().first().locator("[data-part=follow-ups] .chip").allTextContents()).toContain("只看高价值客户");
    expect(await page.locator(".conversation-list li.current").textContent()).toContain("各分行本月的逾期率");
  });

  it("browses the semantic layer and switches the interface to English", async () => {
    await page.getByRole("button", { name: "指标口径" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("搜索指标、术语、维度");
    await dialog.getByLabel("搜索指标、术语、维度").fill("逾期");
    const entries = dialog.locator("dt");
    expect(await entries.count()).toBeGreaterThan(0);
    expect(await entries.first().textContent()).toMatch(/逾期/);
    await shoot("07-semantic-layer");
    await page.keyboard.press("Escape");
    expect(await page.getByRole("dialog").count()).toBe(0);
    await page.getByLabel("界面语言").selectOption("en");
    await page.getByRole("button", { name: "Definitions" }).waitFor();
    expect(await page.getByLabel("Your question").count()).toBe(1);
  });

  it("reported no page errors or console errors along the way", () => {
    // The one failure expected: the error test's refused request.
    expect(problems).toEqual(["HTTP 503 /api/chat"]);
  });

  it("fits a tablet: the conversation list becomes a drawer opened from the header", async () => {
    await page.setViewportSize({ width: 820, height: 1100 });
    const drawer = page.locator("#sidebar");
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await shoot("08-tablet-en");
    await page.getByRole("button", { name: "Conversations" }).click();
    await expect.poll(() => drawer.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("new-chat"))).toBe(true);
    await page.waitForTimeout(300);
    await shoot("09-tablet-drawer");
    expect(await drawer.getByRole("button", { name: /^哪些高价值客户/ }).count()).toBe(1);
  });
});
