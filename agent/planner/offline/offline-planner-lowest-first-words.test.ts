// Words that ask for the lowest first (bottom, 倒数, smallest) order the customer value tool ascending.
import { describe, expect, it } from "vitest";
import { plan } from "./__fixtures__/planner-fixture.ts";

describe("bottom and 倒数 ask the customer value tool for the lowest first", () => {
  it.each([
    ["bottom customers by expected value", undefined],
    ["bottom 5 customers by expected value", 5],
    ["期望价值倒数的10个客户", 10],
    ["customers with the smallest expected value", undefined],
    ["客户价值垫底的有哪些", undefined],
    ["价值垫底的客户", undefined],
  ] as const)("%s", (question, limit) => {
    const outcome = plan(question);
    expect(outcome.status).toBe("plan");
    if (outcome.status !== "plan" || outcome.plan.query.kind !== "tool") throw new Error(JSON.stringify(outcome));
    expect(outcome.plan.query.tool).toBe("customer_value");
    expect(outcome.plan.query.args).toEqual(limit === undefined ? { order: "lowest" } : { order: "lowest", limit });
  });
});
