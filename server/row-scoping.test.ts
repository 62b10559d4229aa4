/**
 * Row scoping: a staff user never receives another branch's rows, on every path (compiled plans over HTTP and the
 * WebSocket, aggregates, a planner's raw SQL, tool steps); managers see every branch.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { Answer } from "../agent/answer/answer.ts";
import type { ToolRunner } from "../agent/pipeline/tool-runner.ts";
import { ToolRunnerRegistry } from "../agent/pipeline/tool-runner.ts";
import type { Planner } from "../agent/planner/planner.ts";
import { createOfflinePlanner } from "../agent/planner/offline/offline-planner.ts";
import { executeGuarded } from "../tools/sql-executor.ts";
import { call, createTestDataset, startTestServer, TEST_KEYS } from "./test-support/test-server.ts";
import type { TestDataset, TestServer } from "./test-support/test-server.ts";

let dataset: TestDataset;
let server: TestServer;
const loanBranch = new Map<string, string>();
const customerBranch = new Map<string, string>();

/** Questions with a marker: ordinary questions go to the offline planner; "RAW:" and "TOOL:" plans are made here. */
function testPlanner(): Planner {
  const offline = createOfflinePlanner();
  return {
    name: "test",
    async plan(question, context) {
      if (question.startsWith("RAW:")) return { status: "plan", language: "en", confidence: 0.9, plan: { version: 1, query: { kind: "sql", sql: question.slice(4), purpose: "loans with their branch" } } };
      if (question.startsWith("TOOL:")) return { status: "plan", language: "en", confidence: 0.9, plan: { version: 1, query: { kind: "tool", tool: "branch_loans", args: {}, filters: [] } } };
      return offline.plan(question, context);
    },
  } as Planner;
}

/** A tool step that lists loans, restricted by the scope the pipeline hands it. */
const branchLoansTool: ToolRunner = {
  name: "branch_loans",
  async run(engine, _args, context) {
    const scope = context.scope?.branchId ?? null;
    const result = await executeGuarded(engine, "SELECT loan_id, branch_id FROM loans WHERE (? IS NULL OR branch_id = ?) ORDER BY loan_id", [scope, scope], { policy: context.policy, timeoutMs: context.timeoutMs });
    return {
      columns: [
        { name: "loan_id", label: { zh: "贷款编号", en: "Loan" } },
        { name: "branch_id", label: { zh: "支行", en: "Branch" } },
      ],
      rows: result.rows,
      rowCount: result.rowCount,
      sql: [result.sql],
    };
  },
};

beforeAll(async () => {
  dataset = await createTestDataset();
  server = await startTestServer(dataset, { planner: testPlanner(), toolRunners: new ToolRunnerRegistry([branchLoansTool]) });
  for (const [loanId, branchId] of (await server.engine.query("SELECT loan_id, branch_id FROM loans")).rows) loanBranch.set(String(loanId), String(branchId));
  for (const [customerId, branchId] of (await server.engine.query("SELECT customer_id, home_branch_id FROM customers")).rows) customerBranch.set(String(customerId), String(branchId));
}, 60_000);

afterAll(async () => {
  await server?.stop();
  dataset?.remove();
});

/** The branches of an answer's rows, through its loan or customer id column. */
function branchesOf(answer: Answer): string[] {
  const loanColumn = answer.columns.findIndex((column) => column.name === "loan_id");
  const customerColumn = answer.columns.findIndex((column) => column.name === "customer_id");
  expect(loanColumn >= 0 || customerColumn >= 0).toBe(true);
  return answer.rows.map((row) => (loanColumn >= 0 ? loanBranch.get(String(row[loanColumn])) : customerBranch.get(String(row[customerColumn]))) ?? "missing");
}

const askHttp = async (key: string, message: string) => Answer.parse((await call(server, "/api/chat", { key, body: { message } })).json());

describe("a staff user of BR01 only ever gets BR01's rows", () => {
  it.each(["列出逾期贷款", "列出高价值客户", "列出本月新增客户", "哪些高价值客户本月还款风险上升?", "列出南京鼓楼支行的贷款"])("over HTTP: %s", async (question) => {
    const staff = await askHttp(TEST_KEYS.staffBr01, question);
    const manager = await askHttp(TEST_KEYS.manager, question);
    expect(staff.status).toBe("answered");
    expect(new Set(branchesOf(staff))).toEqual(staff.rows.length > 0 ? new Set(["BR01"]) : new Set());
    // The manager's answer is the unscoped one: the staff rows are exactly its BR01 rows.
    const managerBr01 = manager.rows.filter((_row, index) => branchesOf(manager)[index] === "BR01");
    expect(staff.rows).toEqual(managerBr01);
  });

  it("the scenario has rows from other branches to leak (managers see them)", async () => {
    const manager = await askHttp(TEST_KEYS.manager, "列出逾期贷款");
    expect(new Set(branchesOf(manager)).size).toBeGreaterThan(1);
  });

  it("aggregates count BR01 only, and a breakdown by branch has BR01 alone", async () => {
    const total = await askHttp(TEST_KEYS.staffBr01, "贷款笔数");
    const [[expected]] = (await server.engine.query("SELECT COUNT(*) FROM loans WHERE branch_id = 'BR01'")).rows;
    expect(total.rows).toEqual([[expected]]);
    const byBranch = await askHttp(TEST_KEYS.staffBr01, "按支行看贷款笔数");
    const branchColumn = byBranch.columns.findIndex((column) => column.name === "branch");
    expect(byBranch.rows.map((row) => row[branchColumn])).toEqual(["BR01"]);
  });

  it("over the WebSocket", async () => {
    const socket = new WebSocket(`${server.url.replace("http", "ws")}/api/chat/stream?api_key=${TEST_KEYS.staffBr01}`);
    const answer = await new Promise<Answer>((resolve) => {
      socket.on("message", (data) => {
        const event = JSON.parse(String(data)) as { type: string; answer?: unknown };
        if (event.type === "answer") resolve(Answer.parse(event.answer));
      });
      socket.once("open", () => socket.send(JSON.stringify({ type: "ask", message: "列出逾期贷款" })));
    });
    socket.close();
    expect(answer.rows.length).toBeGreaterThan(0);
    expect(new Set(branchesOf(answer))).toEqual(new Set(["BR01"]));
  });

  it("a planner's raw SQL is refused for staff (the guard cannot scope it) and runs for managers", async () => {
    const sql = "RAW:SELECT loan_id, branch_id FROM loans ORDER BY loan_id";
    const staff = await askHttp(TEST_KEYS.staffBr01, sql);
    expect(staff.status).toBe("unsupported");
    expect(staff.rows).toEqual([]);
    expect(staff.sql).toEqual([]);
    const manager = await askHttp(TEST_KEYS.manager, sql);
    expect(manager.status).toBe("answered");
    expect(new Set(branchesOf(manager)).size).toBeGreaterThan(1);
  });

  it("tool steps run with the staff user's scope", async () => {
    const staff = await askHttp(TEST_KEYS.staffBr01, "TOOL:");
    expect(staff.status).toBe("answered");
    expect(staff.rows.length).toBeGreaterThan(0);
    expect(new Set(branchesOf(staff))).toEqual(new Set(["BR01"]));
    const other = await askHttp(TEST_KEYS.staffBr02, "TOOL:");
    expect(new Set(branchesOf(other))).toEqual(new Set(["BR02"]));
  });
});
