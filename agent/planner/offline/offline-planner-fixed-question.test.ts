// Fixed questions (context.fixedQuestion, the follow-up candidates): a remembered reading plans exactly as a fresh one,
// per as-of date and per dataset values (a new dataset's values are a new lexicon, so nothing read before is reused).
import { describe, expect, it } from "vitest";
import type { ConversationTurn, DatasetValue, PlannerContext, PlannerOutcome } from "../planner.ts";
import { DATASET_VALUES, plannerContext } from "./__fixtures__/planner-fixture.ts";
import { planQuestion } from "./offline-planner.ts";

/** An answered turn for a question planned on its own (it must plan). */
function answered(question: string, context: PlannerContext): ConversationTurn {
  const outcome = planQuestion(question, context);
  if (outcome.status !== "plan") throw new Error(`${question} did not plan: ${outcome.status}`);
  return { question, language: outcome.language, status: "answered", plan: outcome.plan };
}

const fresh = (question: string, context: PlannerContext): PlannerOutcome => planQuestion(question, context);
const fixed = (question: string, context: PlannerContext): PlannerOutcome => planQuestion(question, { ...context, fixedQuestion: true });

const FIRST_QUESTIONS = ["各分行本月放款金额", "本月贷款余额", "高价值客户的贷款余额", "disbursement by branch this month", "overdue rate by product", "list the top 5 customers by AUM"];
const CANDIDATES = ["按分行拆开", "只看高价值客户", "上个月呢", "按月看趋势", "前10名", "by branch", "only high-value customers", "what about last month", "monthly trend", "top 10"];

describe("offline planner: fixed questions", () => {
  it.each(FIRST_QUESTIONS)("after %s every candidate plans as it does afresh, the first time and again", (first) => {
    const context = plannerContext("2026-06-30");
    const history = [answered(first, context)];
    for (const candidate of CANDIDATES) {
      const expected = fresh(candidate, { ...context, history });
      expect(fixed(candidate, { ...context, history }), candidate).toEqual(expected);
      expect(fixed(candidate, { ...context, history }), `${candidate}, again`).toEqual(expected);
    }
  });

  it("a question whose reading the planner narrows (read-question drops senses of spans) plans the same every time", () => {
    // "贷款金额" names a metric only beside a period: reading it drops that sense from its span.
    const context = plannerContext("2026-06-30");
    for (const question of ["贷款金额", "本月贷款金额", "贷款金额", "本月贷款金额"]) expect(fixed(question, context), question).toEqual(fresh(question, context));
  });

  it("readings are kept per as-of date: 上个月 is May on 2026-06-30 and February on 2026-03-15", () => {
    for (const asOfDate of ["2026-06-30", "2026-03-15", "2026-06-30"]) {
      const context = plannerContext(asOfDate);
      const history = [answered("本月放款金额", context)];
      const outcome = fixed("上个月呢", { ...context, history });
      expect(outcome).toEqual(fresh("上个月呢", { ...context, history }));
      if (outcome.status !== "plan" || outcome.plan.query.kind !== "aggregate") throw new Error("上个月呢 did not plan an aggregate");
      expect(outcome.plan.query.time?.start).toBe(asOfDate === "2026-03-15" ? "2026-02-01" : "2026-05-01");
    }
  });

  it("readings are kept per dataset values: a branch only the new dataset has is read once its values arrive", () => {
    const layerContext = plannerContext("2026-06-30");
    const withoutXuhui: Record<string, DatasetValue[]> = DATASET_VALUES;
    const withXuhui: Record<string, DatasetValue[]> = { ...DATASET_VALUES, branch: [...DATASET_VALUES.branch, { value: "BR09", zh: "上海徐汇支行", en: "Shanghai Xuhui", aliases: ["徐汇支行", "徐汇"] }] };
    const outcomes: PlannerOutcome[] = [];
    for (const datasetValues of [withoutXuhui, withXuhui, withoutXuhui]) {
      const context = { ...layerContext, datasetValues };
      const history = [answered("各分行本月放款金额", context)];
      const outcome = fixed("只看徐汇支行", { ...context, history });
      expect(outcome).toEqual(fresh("只看徐汇支行", { ...context, history }));
      outcomes.push(outcome);
    }
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["unsupported", "plan", "unsupported"]);
    const filtered = outcomes[1];
    if (filtered.status !== "plan" || filtered.plan.query.kind !== "aggregate") throw new Error("只看徐汇支行 did not plan an aggregate");
    expect(filtered.plan.query.filters).toContainEqual({ kind: "in", dimension: "branch", values: ["BR09"] });
  });

  it("a fixed question naming a scoring tool still gets its tool step, a fresh one each time", () => {
    const context = plannerContext("2026-06-30");
    const first = fixed("流失风险最高的客户", context);
    const second = fixed("流失风险最高的客户", context);
    expect(first).toEqual(fresh("流失风险最高的客户", context));
    expect(second).toEqual(first);
    if (first.status === "plan") expect(second.status === "plan" && second.plan).not.toBe(first.plan);
  });
});
