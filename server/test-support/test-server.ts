/** Test helpers: a generated dataset (scale 0.05) in a temp dir, and a server started on port 0 over it. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeDataset } from "../../schema/generator/generate-dataset.ts";
import type { ToolRunnerRegistry } from "../../agent/pipeline/tool-runner.ts";
import type { Planner } from "../../agent/planner/planner.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { openEngine } from "../../tools/engines/open-engine.ts";
import { loadServerConfiguration } from "../config/server-config.ts";
import type { ServerConfiguration } from "../config/server-config.ts";
import { createLogger } from "../logger.ts";
import { startServer } from "../server.ts";
import type { RunningServer } from "../server.ts";

/** The keys every test server knows: two staff users on different branches, a manager and an admin. */
export const TEST_KEYS = {
  staffBr01: "staff-key-br01",
  staffBr02: "staff-key-br02",
  manager: "manager-key-1",
  admin: "admin-key-001",
} as const;

/** LENDLENS_API_KEYS for TEST_KEYS. */
export const TEST_KEYS_TEXT = `${TEST_KEYS.staffBr01}:alice:staff:BR01,${TEST_KEYS.staffBr02}:bob:staff:BR02,${TEST_KEYS.manager}:mary:manager,${TEST_KEYS.admin}:root:admin`;

/** A temp directory with a generated dataset; remove() deletes it. */
export interface TestDataset {
  directory: string;
  dbPath: string;
  remove(): void;
}

/** Generates the dataset (seed 42, scale 0.05) into a new temp directory. */
export async function createTestDataset(): Promise<TestDataset> {
  const directory = mkdtempSync(join(tmpdir(), "lendlens-server-"));
  const dbPath = join(directory, "lendlens.db");
  await writeDataset({ out: dbPath, seed: 42, scale: 0.05 });
  return { directory, dbPath, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

/** A started server with its engine; stop() closes both. */
export interface TestServer extends RunningServer {
  engine: Engine;
  stop(): Promise<void>;
}

/** Starts a server on port 0 over the dataset, with TEST_KEYS and a fresh state directory (unless given). */
export async function startTestServer(
  dataset: TestDataset,
  options: { environment?: Record<string, string>; stateDir?: string; planner?: Planner; toolRunners?: ToolRunnerRegistry; webRoot?: string } = {},
): Promise<TestServer> {
  const configuration: ServerConfiguration = loadServerConfiguration({
    PORT: "0",
    HOST: "127.0.0.1",
    LENDLENS_API_KEYS: TEST_KEYS_TEXT,
    LENDLENS_STATE_DIR: options.stateDir ?? mkdtempSync(join(dataset.directory, "state-")),
    LOG_LEVEL: "silent",
    ...options.environment,
  });
  const engine = await openEngine({ dbPath: dataset.dbPath, workers: 1 });
  const running = await startServer({
    configuration,
    engine,
    logger: createLogger("silent"),
    webRoot: options.webRoot ?? join(dataset.directory, "no-web-chat"),
    ...(options.planner ? { planner: options.planner } : {}),
    ...(options.toolRunners ? { toolRunners: options.toolRunners } : {}),
  });
  return {
    ...running,
    engine,
    async stop() {
      await running.close();
      await engine.close();
    },
  };
}

/** fetch against the server with a key (Bearer) and a JSON body. */
export async function call(
  server: { url: string },
  path: string,
  options: { key?: string; method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: () => unknown; text: string }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const response = await fetch(`${server.url}${path}`, { method: options.method ?? (body === undefined ? "GET" : "POST"), headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}
