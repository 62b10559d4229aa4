/**
 * The ask pipeline end to end on a generated dataset (seed 7, scale 0.05) with a fake planner returning fixed
 * plans: answered (checked against hand-written SQL), clarify, unsupported, tool steps, follow-ups, and every
 * failure path (unknown member, guard refusal, timeout, broken planner) becoming an error answer.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Answer } from "../answer/answer.ts";
import type { QueryPlan } from "../plan/query-plan.ts";
import type { Language, Planner, PlannerContext, PlannerOutcome } from "../planner/planner.ts";
import { writeDataset } from "../../schema/generator/generate-dataset.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { createSqlJsEngine } from "../../tools/engines/sqljs-engine.ts";
import { defaultGuardPolicy } from "../../tools/sql-guard/guard-policy.ts";
import { createAsk } from "./ask-pipeline.ts";
import type { ProgressEvent } from "./progress-event.ts";
import { ToolRunnerRegistry } from "./tool-runner.ts";

const AS_OF = "2025-11-30";
let directory: string;
let engine: Engine;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "lendlens-ask-"));
  const dbPath = join(directory, "dataset.db");
  await writeDataset({ out: dbPath, seed: 7, scale: 0.05, asOf: AS_OF });
  engine = await createSqlJsEngine({ dbPath, workers: 1 });
});

afterAll(async () => {
  await engine?.close();
  rmSync(directory, { recursive: true, force: true });
});

/** A planner that answers every question with the outcome `respond` gives, recording what it was asked with. */
function fakePlanner(respond: (question: string, context: PlannerContext) => PlannerOutcome): Planner & { contexts: PlannerContext[] } {
  const contexts: PlannerContext[] = [];
  return {
    name: "fake",
    contexts,
    async plan(question, context) {
      contexts.push(context);
      return respond(question, context);
    },
  };
}

/** A planner that always returns this plan. */
function planning(plan: unknown, language: Language = "zh"): Planner & { contexts: PlannerContext[] } {
  return fakePlanner(() => ({ status: "plan", language, plan: plan as QueryPlan, confidence: 0.9 }));
}

async function handQuery(sql: string, params: unknown[] = []): Promise<unknown[][]> {
  return (await engine.query(sql, params)).rows;
}

const OVERDUE_RATE_SQL =
  "SELECT SUM(CASE WHEN current_dpd > 0 THEN outstanding_balance ELSE 0 END) / SUM(outstanding_balance) FROM loans WHERE status = 'active'";

describe("answered", () => {
  it("a single figure: the value of hand-written SQL, stated with its definition", async () => {
    const ask = createAsk({ engine, planner: planning({ query: { kind: "aggregate", metrics: ["overdue_rate"] } }) });
    const answer = await ask("逾期率是多少?");
    const [[expected]] = await handQuery(OVERDUE_RATE_SQL);
    expect(answer.status).toBe("answered");
    expect(Answer.safeParse(answer).success).toBe(true);
    expect(answer.rows[0][0]).toBeCloseTo(expected as number, 10);
    expect(answer.text).toContain(`逾期率为 ${((expected as number) * 100).toFixed(2).replace(/\.?0+$/, "")}%`);
    expect(answer.as_of_date).toBe(AS_OF);
    expect(answer.definitions.map((definition) => definition.id)).toContain("overdue_rate");
    expect(answer.interpretation).toContain("口径");
    expect(answer.columns[0]).toMatchObject({ type: "number", format: "rate", label: "逾期率" });
    expect(answer.sql).toHaveLength(1);
    expect(answer.timings).toMatchObject({ total_ms: expect.any(Number), sql_ms: expect.any(Number), planning_ms: expect.any(Number), compose_ms: expect.any(Number) });
    expect(answer.planner).toBe("fake");
    expect(answer.confidence).toBe(0.9);
  });

  it("grouped by branch: names the highest and lowest branch, in English when asked in English", async () => {
    const plan = { query: { kind: "aggregate", metrics: ["overdue_rate"], dimensions: [{ id: "branch" }] } } as const;
    const ask = createAsk({ engine, planner: planning(plan, "en") });
    const answer = await ask("overdue rate by branch");
    const expected = await handQuery(
      `SELECT branches.branch_name_en, SUM(CASE WHEN current_dpd > 0 THEN outstanding_balance ELSE 0 END) / SUM(outstanding_balance) AS rate
       FROM loans JOIN branches ON branches.branch_id = loans.branch_id WHERE loans.status = 'active' GROUP BY branches.branch_id ORDER BY rate DESC`,
    );
    expect(answer.status).toBe("answered");
    expect(answer.row_count).toBe(expected.length);
    expect(answer.text).toContain(`${expected[0][0]} had the highest overdue rate`);
    const lowest = expected[expected.length - 1][1];
    const lowestNames = expected.filter((row) => row[1] === lowest).map((row) => String(row[0]));
    expect(lowestNames.some((name) => answer.text.includes(`${name} the lowest`))).toBe(true);
    expect(answer.columns.map((column) => column.label)).toContain("overdue rate");
  });

  it("a list: the high-value customers with rising repayment risk, as hand-written SQL finds them", async () => {
    const plan = { query: { kind: "list", entity: "customers", filters: [{ kind: "term", term: "high_value" }, { kind: "term", term: "rising_repayment_risk" }] } } as const;
    const ask = createAsk({ engine, planner: planning(plan) });
    const answer = await ask("哪些高价值客户本月还款风险上升?");
    const expected = await handQuery(
      `SELECT customers.customer_id FROM customers
       JOIN risk_scores current_scores ON current_scores.customer_id = customers.customer_id AND current_scores.month = '2025-11'
       JOIN risk_scores previous_scores ON previous_scores.customer_id = customers.customer_id AND previous_scores.month = '2025-10'
       WHERE customers.value_tier = 'high' AND current_scores.pd - previous_scores.pd >= 0.02`,
    );
    expect(answer.status).toBe("answered");
    const idColumn = answer.columns.findIndex((column) => column.name.includes("customer_id"));
    expect(answer.rows.map((row) => row[idColumn]).sort()).toEqual(expected.map((row) => row[0]).sort());
    expect(answer.row_count).toBe(expected.length);
    expect(answer.text).toContain(`共有 ${expected.length} 位客户`);
    expect(answer.text).toContain("2025年11月");
    expect(answer.definitions.map((definition) => definition.id)).toEqual(expect.arrayContaining(["high_value", "rising_repayment_risk"]));
  });

  it("an empty result restates the filters instead of a number", async () => {
    const plan = { query: { kind: "list", entity: "customers", filters: [{ kind: "compare", attribute: "annual_income", op: "gt", value: 1e13 }] } } as const;
    const answer = await createAsk({ engine, planner: planning(plan) })("年收入超过10万亿的客户");
    expect(answer.status).toBe("answered");
    expect(answer.row_count).toBe(0);
    expect(answer.text).toMatch(/^没有找到符合条件的数据（筛选条件：年收入大于 100000 亿元）。可以放宽/);
  });

  it("reports progress in order", async () => {
    const events: ProgressEvent["type"][] = [];
    const ask = createAsk({ engine, planner: planning({ query: { kind: "aggregate", metrics: ["loan_count"] } }) });
    await ask("多少笔贷款", { onProgress: (event) => events.push(event.type) });
    expect(events).toEqual(["planning", "plan", "sql", "rows", "composing"]);
  });
});

describe("conversations", () => {
  it("gives the planner the earlier turns of the same conversation, and only those", async () => {
    const planner = planning({ query: { kind: "aggregate", metrics: ["loan_count"] } });
    const ask = createAsk({ engine, planner });
    const first = await ask("多少笔贷款");
    const second = await ask("只看上海", { conversationId: first.conversation_id });
    const other = await ask("多少笔贷款");
    expect(second.conversation_id).toBe(first.conversation_id);
    expect(other.conversation_id).not.toBe(first.conversation_id);
    expect(planner.contexts[1].history).toEqual([{ question: "多少笔贷款", language: "zh", status: "answered", plan: expect.objectContaining({ query: expect.objectContaining({ metrics: ["loan_count"] }) }) }]);
    expect(planner.contexts[2].history).toEqual([]);
  });

  it("does not hand one user's conversation to another", async () => {
    const planner = planning({ query: { kind: "aggregate", metrics: ["loan_count"] } });
    const ask = createAsk({ engine, planner });
    const first = await ask("多少笔贷款", { user: "alice" });
    const intruder = await ask("多少笔贷款", { user: "bob", conversationId: first.conversation_id });
    expect(intruder.conversation_id).not.toBe(first.conversation_id);
    expect(planner.contexts[1].history).toEqual([]);
  });
});

describe("clarify and unsupported pass through", () => {
  it("clarify: the question and its choices, no data", async () => {
    const choices = [
      { label: "贷款余额", message: "贷款余额是多少" },
      { label: "存款 AUM", message: "AUM 是多少" },
    ];
    const ask = createAsk({ engine, planner: fakePlanner(() => ({ status: "clarify", language: "zh", question: "您说的余额是贷款余额还是存款 AUM?", choices, confidence: 0.4 })) });
    const answer = await ask("余额是多少");
    expect(answer).toMatchObject({ status: "clarify", text: "您说的余额是贷款余额还是存款 AUM?", choices, rows: [], sql: [], confidence: 0.4 });
  });

  it("unsupported: the reason and suggestions, no number", async () => {
    const ask = createAsk({
      engine,
      planner: fakePlanner(() => ({ status: "unsupported", language: "en", reason: "out_of_scope", message: "I can't answer questions about the weather.", suggestions: ["overdue rate by branch"], confidence: 0.95 })),
    });
    const answer = await ask("will it rain tomorrow?");
    expect(answer.status).toBe("unsupported");
    expect(answer.text).toContain("I can't answer questions about the weather.");
    expect(answer.text).toContain('"overdue rate by branch"');
    expect(answer.suggestions).toEqual(["overdue rate by branch"]);
    expect(answer.rows).toEqual([]);
  });
});

describe("tool steps", () => {
  const toolPlan = { query: { kind: "tool", tool: "risk_trend", args: { months: 3 } } } as const;

  it("without a registered runner the answer is unsupported", async () => {
    const answer = await createAsk({ engine, planner: planning(toolPlan) })("风险趋势");
    expect(answer.status).toBe("unsupported");
    expect(answer.text).toContain("risk_trend");
  });

  it("a registered runner's table, text and timing become the answer", async () => {
    const toolRunners = new ToolRunnerRegistry([
      {
        name: "risk_trend",
        async run(_engine, args, context) {
          expect(context.asOfDate).toBe(AS_OF);
          return {
            columns: [
              { name: "customer_id", label: { zh: "客户号", en: "customer id" }, format: "text" },
              { name: "pd", label: { zh: "PD", en: "PD" }, format: "probability" },
            ],
            rows: [["C000001", 0.05]],
            rowCount: 1,
            sql: ["SELECT 1"],
            sqlMs: 1.5,
            text: { zh: `近 ${String(args.months)} 个月风险上升的客户有 1 位。`, en: "1 customer." },
          };
        },
      },
    ]);
    const answer = await createAsk({ engine, planner: planning(toolPlan), toolRunners })("风险趋势");
    expect(answer).toMatchObject({ status: "answered", text: "近 3 个月风险上升的客户有 1 位。", rows: [["C000001", 0.05]], sql: ["SELECT 1"] });
    expect(answer.columns).toEqual([
      { name: "customer_id", type: "text", label: "客户号" },
      { name: "pd", type: "number", label: "PD", format: "probability" },
    ]);
    expect(answer.tools).toEqual([{ name: "risk_trend", args: { months: 3 }, ms: expect.any(Number) }]);
  });
});

describe("failures become error answers", () => {
  it.each([
    ["an unknown metric (compile error)", { query: { kind: "aggregate", metrics: ["no_such_metric"] } }, "UNKNOWN_MEMBER"],
    ["a dimension that does not apply to the metric", { query: { kind: "aggregate", metrics: ["approval_rate"], dimensions: [{ id: "risk_class" }] } }, "PLAN_NOT_COMPILABLE"],
    ["a malformed plan", { query: { kind: "aggregate", metrics: [] } }, "PLAN_INVALID"],
    ["raw SQL that writes", { query: { kind: "sql", sql: "DELETE FROM loans", purpose: "delete" } }, "GUARD_NOT_SELECT"],
  ] as const)("%s", async (_, plan, code) => {
    const answer = await createAsk({ engine, planner: planning(plan, "en") })("question");
    expect(answer.status).toBe("error");
    expect(answer.error?.code).toBe(code);
    expect(answer.rows).toEqual([]);
    expect(answer.text).toBe(answer.error?.messages.en);
    expect(answer.error?.messages.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("a guard refusal (cost bound) runs nothing", async () => {
    const guardPolicy = defaultGuardPolicy("sqlite", { maxCost: 1 });
    const answer = await createAsk({ engine, guardPolicy, planner: planning({ query: { kind: "aggregate", metrics: ["overdue_rate"] } }) })("逾期率");
    expect(answer).toMatchObject({ status: "error", sql: [], rows: [], error: { code: "GUARD_COST", audience: "user" } });
    expect(answer.plan).toMatchObject({ query: { kind: "aggregate", metrics: ["overdue_rate"] } });
    expect(answer.text).toContain("代价");
  });

  it("a statement past its timeout is stopped and reported", async () => {
    const guardPolicy = defaultGuardPolicy("sqlite", { maxCost: Number.MAX_SAFE_INTEGER });
    const slow = { query: { kind: "sql", sql: "SELECT COUNT(*) AS n FROM repayments a JOIN repayments b ON a.due_amount <> b.due_amount", purpose: "slow" } } as const;
    const answer = await createAsk({ engine, guardPolicy, timeoutMs: 100, planner: planning(slow, "en") })("slow");
    expect(answer).toMatchObject({ status: "error", rows: [], error: { code: "QUERY_TIMEOUT" } });
    expect(answer.text).toContain("stopped");
  });

  it("a planner that throws gives an internal error without its message", async () => {
    const ask = createAsk({
      engine,
      planner: fakePlanner(() => {
        throw new Error("secret stack detail");
      }),
    });
    const answer = await ask("逾期率");
    expect(answer).toMatchObject({ status: "error", language: "zh", error: { code: "INTERNAL_ERROR", audience: "internal" } });
    expect(JSON.stringify(answer)).not.toContain("secret");
  });

  it("a failing conversation store still gives a valid error answer, reported to onError", async () => {
    const reported: unknown[] = [];
    const conversations = {
      open: async () => {
        throw new Error("store down");
      },
      append: async () => undefined,
    };
    const ask = createAsk({ engine, conversations, onError: (error) => reported.push(error), planner: planning({ query: { kind: "aggregate", metrics: ["loan_count"] } }) });
    const answer = await ask("多少笔贷款", { conversationId: "c_kept" });
    expect(answer).toMatchObject({ status: "error", conversation_id: "c_kept", error: { code: "INTERNAL_ERROR" } });
    expect(reported).toHaveLength(1);
  });

  it("an empty question is a user error", async () => {
    const answer = await createAsk({ engine, planner: planning({ query: { kind: "aggregate", metrics: ["loan_count"] } }) })("   ");
    expect(answer).toMatchObject({ status: "error", error: { code: "EMPTY_QUESTION" } });
  });
});
