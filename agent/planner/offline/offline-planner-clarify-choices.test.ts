// Every choice a clarification offers is itself a question the planner answers, written as plain language.
import { describe, expect, it } from "vitest";
import { plan } from "./__fixtures__/planner-fixture.ts";

const AMBIGUOUS = [
  "余额是多少",
  "上海的余额",
  "高价值客户的余额",
  "What's the total balance?",
  "balance in Shanghai",
  "风险怎么样",
  "how is the risk in Beijing",
  "上海分行的表现",
  "How is the Pudong branch performance?",
  "余额最高的10个客户",
  "哪个分行最好?",
  "Which branch is performing best?",
  "which products are the worst",
  "which cities are doing the best?",
  "what are the worst performing products",
  "show me the best branches",
  "best performing branch",
  "最差的支行",
  "哪个城市表现最差",
  "风险最高的城市",
  "各分行余额",
  "余额超过1000万的支行",
];

describe("offline planner: clarification choices", () => {
  it.each(AMBIGUOUS)("%s", (question) => {
    const outcome = plan(question);
    expect(outcome.status, question).toBe("clarify");
    if (outcome.status !== "clarify") return;
    expect(outcome.choices.length).toBeGreaterThanOrEqual(2);
    for (const choice of outcome.choices) {
      expect(choice.message, question).not.toMatch(/\bthe the\b|\?\S/i);
      expect(plan(choice.message).status, `${question} → ${choice.message}`).toBe("plan");
    }
  });

  it.each(["the worst loans", "the best customers"])("declines when fewer than two choices are answerable: %s", (question) => {
    expect(plan(question).status).toBe("unsupported");
  });
});
