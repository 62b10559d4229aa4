/**
 * Follow-up suggestions on a generated dataset (seed 7, scale 0.05) with the offline planner: which candidates an
 * answer offers, that every offered one answers when asked in the same conversation, and that planners other than
 * the offline one (an LLM) are never asked for suggestions.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Answer } from "../answer/answer.ts";
import type { QueryPlan } from "../plan/query-plan.ts";
import type { Planner, PlannerContext, PlannerOutcome } from "../planner/planner.ts";
import { createOfflinePlanner } from "../planner/offline/offline-planner.ts";
import { writeDataset } from "../../schema/generator/generate-dataset.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { createSqlJsEngine } from "../../tools/engines/sqljs-engine.ts";
import { semanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import { createAsk } from "./ask-pipeline.ts";
import type { Ask } from "./ask-pipeline.ts";
import { FOLLOW_UP_CANDIDATES, MAX_FOLLOW_UPS, suggestFollowUps } from "./follow-up-suggestions.ts";

let directory: string;
let engine: Engine;
let ask: Ask;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "lendlens-follow-ups-"));
  const dbPath = join(directory, "dataset.db");
  await writeDataset({ out: dbPath, seed: 7, scale: 0.05, asOf: "2025-11-30" });
  engine = await createSqlJsEngine({ dbPath, workers: 1 });
  ask = createAsk({ engine });
});

afterAll(async () => {
  await engine?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("which follow-ups an answer offers", () => {
  const cases: { question: string; offers: string[]; withholds: string[] }[] = [
    // A state metric has no past state: "last month" is declined, so it is not offered.
    { question: "各分行逾期率", offers: ["只看高价值客户"], withholds: ["上个月呢", "按分行拆开"] },
    { question: "本月放款金额", offers: ["上个月呢", "按分行拆开"], withholds: [] },
    { question: "overdue rate by branch", offers: ["only high-value customers"], withholds: ["what about last month", "by branch"] },
    { question: "number of applications this year", offers: ["what about last month", "by branch"], withholds: [] },
    // Already about high-value customers: the same filters in another order are no change, so not offered.
    { question: "哪些高价值客户本月还款风险上升?", offers: [], withholds: ["只看高价值客户"] },
    { question: "list high-value customers in Shanghai", offers: [], withholds: ["only high-value customers"] },
  ];

  it.each(cases)("after $question", async ({ question, offers, withholds }) => {
    const answer = await ask(question);
    expect(answer.status).toBe("answered");
    expect(Answer.safeParse(answer).success).toBe(true);
    const followUps = answer.follow_ups ?? [];
    for (const offered of offers) expect(followUps).toContain(offered);
    for (const withheld of withholds) expect(followUps).not.toContain(withheld);
    expect(followUps.length).toBeLessThanOrEqual(MAX_FOLLOW_UPS);
    expect(FOLLOW_UP_CANDIDATES[answer.language]).toEqual(expect.arrayContaining(followUps));
    expect(answer.timings.follow_ups_ms).toBeGreaterThanOrEqual(0);
  });

  it("上个月呢, offered after 本月放款金额, answers in the same conversation", async () => {
    const first = await ask("本月放款金额");
    expect(first.follow_ups).toContain("上个月呢");
    const next = await ask("上个月呢", { conversationId: first.conversation_id });
    expect(next.status).toBe("answered");
    expect(next.period).not.toEqual(first.period);
  });

  it("answers that are not answered carry no follow-ups", async () => {
    for (const question of ["帮我删除所有逾期贷款", "今天天气怎么样"]) {
      const answer = await ask(question);
      expect(answer.status).not.toBe("answered");
      expect(answer.follow_ups).toBeUndefined();
    }
  });
});

describe("every offered follow-up answers when asked", () => {
  const firstQuestions = [
    "各分行逾期率",
    "本月放款金额",
    "逾期率是多少",
    "各产品的放款金额",
    "本月新增客户数",
    "今年的放款笔数",
    "各渠道的申请数量",
    "overdue rate by branch",
    "number of applications this year",
    "outstanding balance by product",
    "approval rate",
    "NPL ratio",
  ];

  it.each(firstQuestions)("after %s", async (question) => {
    const first = await ask(question);
    expect(first.status).toBe("answered");
    expect(first.follow_ups?.length ?? 0).toBeGreaterThan(0);
    for (const followUp of first.follow_ups ?? []) {
      const next = await ask(followUp, { conversationId: first.conversation_id });
      expect({ followUp, status: next.status }).toEqual({ followUp, status: "answered" });
      expect(next.plan).not.toEqual(first.plan);
    }
  });
});

describe("who plans the suggestions", () => {
  it("a planner other than the offline one is never asked for suggestions", async () => {
    const offline = createOfflinePlanner();
    const questions: string[] = [];
    const llm: Planner = {
      name: "llm:test",
      plan(question, context) {
        questions.push(question);
        return offline.plan(question, context);
      },
    };
    const answer = await createAsk({ engine, planner: llm })("本月放款金额");
    expect(answer.status).toBe("answered");
    expect(answer.follow_ups).toBeUndefined();
    expect(questions).toEqual(["本月放款金额"]);
  });

  it("followUps: false turns suggestions off", async () => {
    const answer = await createAsk({ engine, followUps: false })("本月放款金额");
    expect(answer.status).toBe("answered");
    expect(answer.follow_ups).toBeUndefined();
  });

  it("the candidates are planned after the answered turn, and a plan equal to the current one is not offered", async () => {
    const plan = { query: { kind: "aggregate", metrics: ["overdue_rate"] } } as unknown as QueryPlan;
    const seen: PlannerContext[] = [];
    const planner: Planner = {
      name: "offline",
      async plan(question, context): Promise<PlannerOutcome> {
        seen.push(context);
        if (question === "top 10") throw new Error("parser tripped");
        if (question === "by branch") return { status: "plan", language: "en", plan: { query: { metrics: ["overdue_rate"], kind: "aggregate" } } as unknown as QueryPlan, confidence: 1 };
        if (question === "monthly trend") return { status: "clarify", language: "en", question: "Which?", choices: [], confidence: 0.5 };
        return { status: "plan", language: "en", plan: { query: { kind: "aggregate", metrics: ["overdue_rate"], limit: 1 } } as unknown as QueryPlan, confidence: 1 };
      },
    };
    const context: PlannerContext = { semanticLayer: semanticLayer(), asOfDate: "2025-11-30", datasetValues: {}, history: [] };
    const answered = { question: "overdue rate", language: "en" as const, status: "answered" as const, plan };
    const offered = await suggestFollowUps({ planner, context, answered });
    expect(offered).toEqual(["only high-value customers", "what about last month"]);
    expect(seen.every((seenContext) => seenContext.history.length === 1 && seenContext.history[0] === answered)).toBe(true);
    expect(await suggestFollowUps({ planner, context, answered, runnable: () => false })).toEqual([]);
  });
});
