/**
 * Persistence across a crash: the server runs as a child process (`node --import tsx server/main.ts`), answers,
 * is killed with SIGKILL, and a restarted server still has the conversation, its feedback and the audit log, and
 * answers a follow-up in that conversation.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { appendFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Answer } from "../agent/answer/answer.ts";
import { ConversationDetail } from "./api/api-schemas.ts";
import { call, createTestDataset, TEST_KEYS, TEST_KEYS_TEXT } from "./test-support/test-server.ts";
import type { TestDataset } from "./test-support/test-server.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

let dataset: TestDataset;
let stateDir: string;
const children: ChildProcess[] = [];

/** Starts `server/main.ts` as a child on a free port; resolves with its URL once it prints the address. */
function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", DB_PATH: dataset.dbPath, LENDLENS_STATE_DIR: stateDir, LENDLENS_API_KEYS: TEST_KEYS_TEXT, LOG_LEVEL: "warn", LLM_MODE: "offline" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 30_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += String(chunk);
      const url = stderr.match(/listening on (http:\/\/\S+)/)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
}

/** Kills the child with SIGKILL (no shutdown code runs) and waits for it to be gone. */
async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

beforeAll(async () => {
  dataset = await createTestDataset();
  stateDir = mkdtempSync(join(dataset.directory, "state-"));
}, 60_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  dataset?.remove();
});

describe("persistence across a killed server", () => {
  it("keeps conversations, feedback and the audit log; a follow-up after the restart uses the earlier plan", async () => {
    const first = await startChild();
    const asked = await call(first, "/api/chat", { key: TEST_KEYS.manager, body: { message: "本月放款金额是多少?" } });
    expect(asked.status).toBe(200);
    const answer = Answer.parse(asked.json());
    expect((await call(first, "/api/feedback", { key: TEST_KEYS.manager, body: { conversation_id: answer.conversation_id, answer_index: 0, rating: "up", comment: "准" } })).status).toBe(201);
    await killHard(first.child);
    // A crash in the middle of a later write leaves a torn line: it must not stop the replay.
    appendFileSync(join(stateDir, "conversations.jsonl"), '{"type":"turn","id":"c_torn","tu');

    const second = await startChild();
    const detail = ConversationDetail.parse((await call(second, `/api/conversations/${answer.conversation_id}`, { key: TEST_KEYS.manager })).json());
    expect(detail.turns.map((turn) => turn.question)).toEqual(["本月放款金额是多少?"]);
    expect(detail.turns[0].answer?.text).toBe(answer.text);
    expect(detail.feedback).toMatchObject([{ rating: "up", comment: "准", answer_index: 0 }]);
    const audit = (await call(second, "/api/audit?user=mary", { key: TEST_KEYS.admin })).json() as { entries: { question: string; conversation_id: string }[] };
    expect(audit.entries.map((entry) => entry.conversation_id)).toContain(answer.conversation_id);

    const followUp = await call(second, "/api/chat", { key: TEST_KEYS.manager, body: { message: "按支行呢?", conversation_id: answer.conversation_id } });
    expect(followUp.status).toBe(200);
    const continued = Answer.parse(followUp.json());
    expect(continued.status).toBe("answered");
    expect(continued.conversation_id).toBe(answer.conversation_id);
    expect(followUp.headers.get("x-answer-index")).toBe("1");
    expect((continued.plan?.query as { metrics?: string[]; dimensions?: { id: string }[] }).metrics).toEqual((answer.plan?.query as { metrics?: string[] }).metrics);
    expect((continued.plan?.query as { dimensions?: { id: string }[] }).dimensions?.map((dimension) => dimension.id)).toEqual(["branch"]);
    await killHard(second.child);
  }, 90_000);
});
