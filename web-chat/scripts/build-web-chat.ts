/**
 * Builds the web chat with Vite's build() API into web-chat/dist. Run directly (`npm start`'s prestart) it builds
 * only when dist is missing; the e2e test also rebuilds when the sources are newer than the build.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The web chat's folder. */
export const WEB_CHAT_ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Where the built page goes (what the server serves). */
export const WEB_CHAT_DIST = join(WEB_CHAT_ROOT, "dist");

/** The newest modification time of the files that make the page. */
function newestSourceTime(): number {
  const times: number[] = [];
  const walk = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else times.push(stat.mtimeMs);
  };
  for (const part of ["src", "index.html", "vite.config.ts"]) {
    const path = join(WEB_CHAT_ROOT, part);
    if (existsSync(path)) walk(path);
  }
  return Math.max(0, ...times);
}

/** Whether dist holds a build; with `fresh`, one at least as new as every source file. */
export function webChatIsBuilt(options: { fresh?: boolean } = {}): boolean {
  const index = join(WEB_CHAT_DIST, "index.html");
  if (!existsSync(index)) return false;
  return !options.fresh || statSync(index).mtimeMs >= newestSourceTime();
}

/** Builds the page (about 15 s: vega is most of it). */
export async function buildWebChat(): Promise<void> {
  const { build } = await import("vite");
  await build({ configFile: join(WEB_CHAT_ROOT, "vite.config.ts"), logLevel: "warn" });
}

/** Held while one process builds, so that test files running in parallel never build over each other. */
const BUILD_LOCK = join(WEB_CHAT_ROOT, ".build-lock");
/** A lock older than this was left by a process that died mid-build. */
const STALE_LOCK_MS = 180_000;

/** Takes the build lock (mkdir is atomic across processes), waiting while another process holds it. */
async function takeBuildLock(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      return;
    } catch {
      if (existsSync(BUILD_LOCK) && Date.now() - statSync(BUILD_LOCK).mtimeMs > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Builds when dist is missing (or, with `fresh`, stale); returns whether it built. */
export async function ensureWebChatBuilt(options: { fresh?: boolean } = {}): Promise<boolean> {
  if (webChatIsBuilt(options)) return false;
  await takeBuildLock();
  try {
    // Another process may have built it while this one waited for the lock.
    if (webChatIsBuilt(options)) return false;
    await buildWebChat();
    return true;
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fresh = process.argv.includes("--fresh");
  if (!webChatIsBuilt({ fresh })) process.stderr.write("Building the web chat (web-chat/dist) ...\n");
  await ensureWebChatBuilt({ fresh });
}
