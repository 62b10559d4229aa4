/**
 * run_sql through the planner on a generated sql.js dataset file: writes, PRAGMA and ATTACH are refused with the
 * guard's reason and the file stays byte-for-byte the same; the model sees masked values and few rows only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMockChatEndpoint, toolCallReply } from "../../llm/__fixtures__/mock-chat-endpoint.ts";
import type { RecordedChatRequest } from "../../llm/__fixtures__/mock-chat-endpoint.ts";
import { openGeneratedDataset } from "./__fixtures__/generated-dataset.ts";
import type { GeneratedDataset } from "./__fixtures__/generated-dataset.ts";
import { mockEndpointModel, plannerContext } from "./__fixtures__/planner-fixtures.ts";
import { createLlmPlanner } from "./llm-planner.ts";

const endpoint = createMockChatEndpoint();
let dataset: GeneratedDataset;
beforeAll(async () => {
  endpoint.listen();
  dataset = await openGeneratedDataset();
}, 60_000);
afterEach(() => endpoint.reset());
afterAll(async () => {
  endpoint.close();
  await dataset.close();
});

const stop = () => toolCallReply([{ name: "answer_unsupported", arguments: { reason: "write_request", message: "只能查询数据。" } }]);

/** The tool results of a request, by tool call id order. */
function toolResults(request: RecordedChatRequest): Record<string, unknown>[] {
  return request.messages.filter((message) => message.role === "tool").map((message) => JSON.parse(String(message.content)) as Record<string, unknown>);
}

const planner = () => createLlmPlanner({ model: mockEndpointModel(), engine: dataset.engine, config: { maxToolRounds: 6, maxResultRows: 5 } });

describe("run_sql", () => {
  it("refuses DROP TABLE, PRAGMA, ATTACH and stacked statements; the dataset file is unchanged", async () => {
    const before = dataset.hash();
    const loansBefore = (await dataset.engine.query("SELECT COUNT(*) FROM loans")).rows[0][0];
    const statements = [
      "DROP TABLE loans",
      "PRAGMA writable_schema = ON",
      `ATTACH DATABASE '${dataset.path}' AS other`,
      "SELECT 1; DELETE FROM loans",
    ];
    endpoint.script(
      toolCallReply(statements.slice(0, 3).map((sql) => ({ name: "run_sql", arguments: { sql } }))),
      toolCallReply([{ name: "run_sql", arguments: { sql: statements[3] } }]),
      stop(),
    );
    // 4 refusals exceed the 3 repairs allowed, so use a planner allowing one more.
    const outcome = await createLlmPlanner({ model: mockEndpointModel(), engine: dataset.engine, config: { maxToolRounds: 6, maxResultRows: 5 }, maxRepairs: 4 }).plan(
      "删除所有贷款",
      plannerContext(),
    );
    expect(outcome).toMatchObject({ status: "unsupported", reason: "write_request" });
    const results = toolResults(endpoint.requests[2]) as { error: { code: string; message: string } }[];
    expect(results).toHaveLength(4);
    for (const result of results) expect(result.error.code).toMatch(/^GUARD_/);
    expect(results.map((result) => result.error.code)).toEqual(["GUARD_NOT_SELECT", expect.stringMatching(/^GUARD_/), expect.stringMatching(/^GUARD_/), "GUARD_MULTIPLE_STATEMENTS"]);
    expect(dataset.hash()).toBe(before);
    expect((await dataset.engine.query("SELECT COUNT(*) FROM loans")).rows[0][0]).toBe(loansBefore);
  });

  it("shows the model masked values and at most LLM_MAX_RESULT_ROWS rows, reporting progress", async () => {
    endpoint.script(toolCallReply([{ name: "run_sql", arguments: { sql: "SELECT customer_id, id_number, phone, annual_income FROM customers ORDER BY customer_id", purpose: "look" } }]), stop());
    const context = plannerContext();
    await planner().plan("看看客户", context);
    const [result] = toolResults(endpoint.requests[1]) as { columns: string[]; rows: unknown[][]; rowCount: number; shownRows: number; truncated: boolean; maskedColumns: string[] }[];
    expect(result.columns).toEqual(["customer_id", "id_number", "phone", "annual_income"]);
    expect(result.rows).toHaveLength(5);
    expect(result.shownRows).toBe(5);
    expect(result.rowCount).toBeGreaterThan(5);
    expect(result.truncated).toBe(true);
    expect(result.maskedColumns).toEqual(["id_number", "phone"]);
    const raw = await dataset.engine.query("SELECT id_number, phone FROM customers ORDER BY customer_id LIMIT 5");
    result.rows.forEach((row, index) => {
      expect(row[1]).toMatch(/\*{4,}/);
      expect(row[1]).not.toBe(raw.rows[index][0]);
      expect(row[2]).toMatch(/^\d{3}\*{4}\d{4}$/);
    });
    const serialized = JSON.stringify(endpoint.requests[1].messages);
    for (const row of raw.rows) {
      expect(serialized).not.toContain(String(row[0]));
      expect(serialized).not.toContain(String(row[1]));
    }
    expect(context.events.filter((event) => event.type === "sql" || event.type === "rows")).toEqual([
      { type: "sql", sql: "SELECT customer_id, id_number, phone, annual_income FROM customers ORDER BY customer_id" },
      { type: "rows", rowCount: expect.any(Number), ms: expect.any(Number) },
    ]);
  });

  it("refuses a pii column in a filter", async () => {
    endpoint.script(toolCallReply([{ name: "run_sql", arguments: { sql: "SELECT customer_id FROM customers WHERE phone LIKE '138%'" } }]), stop());
    await planner().plan("手机号138开头的客户", plannerContext());
    const [result] = toolResults(endpoint.requests[1]) as { error: { code: string } }[];
    expect(result.error.code).toBe("GUARD_PII_EXPRESSION");
  });
});
