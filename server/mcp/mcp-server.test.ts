/** The MCP server over stdio, driven by the SDK's client: tools listed, a question answered, scoping by key. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Answer } from "../../agent/answer/answer.ts";
import { SCORING_TOOL_NAMES } from "../../tools/scoring/registry.ts";
import { createTestDataset, TEST_KEYS, TEST_KEYS_TEXT } from "../test-support/test-server.ts";
import type { TestDataset } from "../test-support/test-server.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let dataset: TestDataset;
const clients: Client[] = [];

/** Starts `server/mcp/main.ts` with a key and connects the SDK client to it. */
async function connect(apiKey: string): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ["--import", "tsx", "server/mcp/main.ts"],
    cwd: ROOT,
    env: {
      ...(process.env as Record<string, string>),
      DB_PATH: dataset.dbPath,
      LENDLENS_STATE_DIR: join(dataset.directory, "state"),
      LENDLENS_API_KEYS: TEST_KEYS_TEXT,
      LENDLENS_API_KEY: apiKey,
      LOG_LEVEL: "warn",
      LLM_MODE: "offline",
    },
    stderr: "pipe",
  });
  const client = new Client({ name: "lendlens-test", version: "1.0.0" });
  await client.connect(transport);
  clients.push(client);
  return client;
}

/** The JSON of a tool result (its last text item). */
function resultJson(result: Awaited<ReturnType<Client["callTool"]>>): unknown {
  const items = result.content as { type: string; text: string }[];
  return JSON.parse(items.at(-1)?.text ?? "null");
}

beforeAll(async () => {
  dataset = await createTestDataset();
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  dataset?.remove();
});

describe("MCP server (stdio)", () => {
  it("lists ask, semantic_layer and the scoring tools, and answers a question with the answer object", async () => {
    const client = await connect(TEST_KEYS.manager);
    const tools = (await client.listTools()).tools.map((tool) => tool.name);
    expect(tools).toEqual(expect.arrayContaining(["ask", "semantic_layer", ...SCORING_TOOL_NAMES]));

    const result = await client.callTool({ name: "ask", arguments: { question: "本月放款金额是多少?" } });
    expect(result.isError).toBeFalsy();
    const answer = Answer.parse(resultJson(result));
    expect(answer.status).toBe("answered");
    expect((result.content as { text: string }[])[0].text).toBe(answer.text);

    const followUp = Answer.parse(resultJson(await client.callTool({ name: "ask", arguments: { question: "按支行呢?", conversation_id: answer.conversation_id } })));
    expect(followUp.conversation_id).toBe(answer.conversation_id);
    expect(followUp.columns.map((column) => column.name)).toContain("branch");

    const layer = resultJson(await client.callTool({ name: "semantic_layer", arguments: {} })) as { metrics: { id: string }[] };
    expect(layer.metrics.map((metric) => metric.id)).toContain("disbursement_amount");

    const unknown = await client.callTool({ name: "ask", arguments: { question: "按支行呢?", conversation_id: "c_nope" } });
    expect(unknown.isError).toBe(true);
    expect(resultJson(unknown)).toMatchObject({ error: { code: "CONVERSATION_NOT_FOUND" } });
  }, 60_000);

  it("scopes a staff key to its branch, also in the scoring tools", async () => {
    const client = await connect(TEST_KEYS.staffBr01);
    const answer = Answer.parse(resultJson(await client.callTool({ name: "ask", arguments: { question: "按支行看贷款笔数" } })));
    const branchColumn = answer.columns.findIndex((column) => column.name === "branch");
    expect(answer.rows.map((row) => row[branchColumn])).toEqual(["BR01"]);

    const scored = await client.callTool({ name: "customer_value", arguments: { limit: 200 } });
    expect(scored.isError).toBeFalsy();
    const ids = JSON.stringify(resultJson(scored)).match(/C\d{6}/g) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    const { openEngine } = await import("../../tools/engines/open-engine.ts");
    const engine = await openEngine({ dbPath: dataset.dbPath, workers: 1 });
    try {
      const branches = (await engine.query(`SELECT DISTINCT home_branch_id FROM customers WHERE customer_id IN (${ids.map(() => "?").join(",")})`, [...new Set(ids)])).rows.flat();
      expect(branches).toEqual(["BR01"]);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it("refuses to start without a valid key", async () => {
    await expect(connect("not-a-key-at-all")).rejects.toThrow();
  }, 30_000);
});
