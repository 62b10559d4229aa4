// Readings of reworded questions: a term said as a predicate after its rows, 'each of the last N months', X率 as the rate.
import { describe, it } from "vitest";
import { expectPlan, plan, term } from "./__fixtures__/planner-fixture.ts";

describe("a campaign term said as a predicate after its rows", () => {
  it.each([
    ["目前有几个营销活动在进行", "aggregate"],
    ["营销活动现在有几个正在进行", "aggregate"],
    ["有哪些活动还在进行中", "list"],
    ["which campaigns are active, and on what channel?", "list"],
    ["how many campaigns are currently active?", "aggregate"],
    ["which campaigns are still active", "list"],
  ] as const)("%s keeps the active campaign term", (question, kind) => {
    expectPlan(plan(question), { kind, filters: [term("active_campaign")] }, question);
  });
});
