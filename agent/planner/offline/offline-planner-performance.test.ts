// Planning is fast: the median question plans in well under 2 ms once the lexicon is built.
import { describe, expect, it } from "vitest";
import { plannerContext } from "./__fixtures__/planner-fixture.ts";
import { planQuestion } from "./offline-planner.ts";

const QUESTIONS = [
  "哪些高价值客户本月还款风险上升?",
  "Which high-value customers have rising repayment risk this month?",
  "各分行近6个月逾期率走势",
  "top 5 branches by disbursement last quarter",
  "年收入超过50万的上海客户",
  "approval rate by channel compared with last month",
  "消费贷和经营贷的不良率",
  "list overdue loans at the Pudong branch",
  "余额是多少",
  "What's the weather in Shanghai?",
];

describe("offline planner: speed", () => {
  it("plans the median question in under 2 ms", () => {
    const context = plannerContext();
    for (const question of QUESTIONS) planQuestion(question, context);
    const times: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const question of QUESTIONS) {
        const started = performance.now();
        planQuestion(question, context);
        times.push(performance.now() - started);
      }
    }
    times.sort((left, right) => left - right);
    const median = times[Math.floor(times.length / 2)];
    expect(median).toBeLessThan(2);
  });
});
