/**
 * Builds the web chat with Vite's build() API into web-chat/dist. Run directly (`npm start`'s prestart) it builds
 * only when dist is missing; the e2e test also rebuilds when the sources are newer than the build.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
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

/** Builds when dist is missing (or, with `fresh`, stale); returns whether it built. */
export async function ensureWebChatBuilt(options: { fresh?: boolean } = {}): Promise<boolean> {
  if (webChatIsBuilt(options)) return false;
  await buildWebChat();
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fresh = process.argv.includes("--fresh");
  if (!webChatIsBuilt({ fresh })) process.stderr.write("Building the web chat (web-chat/dist) ...\n");
  await ensureWebChatBuilt({ fresh });
}
