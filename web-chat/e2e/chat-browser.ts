/** Headless Debian Chromium for the web chat's e2e tests: one launch, the page's problems collected, one cleanup. */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Without the background-networking flags Chromium keeps dialling Google's hosts, which this closed network refuses. */
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface ChatBrowser {
  context: BrowserContext;
  page: Page;
  /** Closes the browser and removes its throwaway profile. */
  close(): Promise<void>;
}

/**
 * Launches Chromium (zh-CN) on a fresh profile and records page errors, console errors and HTTP responses >= 400
 * in `problems`, so each test can assert the page stayed clean.
 */
export async function openChatBrowser(problems: string[], options: { viewport: { width: number; height: number }; acceptDownloads?: boolean }): Promise<ChatBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "lendlens-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, locale: "zh-CN", ...options });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // Failed requests are recorded with their URL below.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(`console error: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`);
  });
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
