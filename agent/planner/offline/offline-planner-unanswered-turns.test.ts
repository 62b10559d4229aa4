// A turn that got no plan stays in the conversation: a follow-up built on it is declined, never answered from the
// plan before it (which would silently drop the unanswered refinement); a full question after it is answered.
import { describe, expect, it } from "vitest";
import type { ConversationTurn } from "../planner.ts";
import { plan, converse } from "./__fixtures__/planner-fixture.ts";
import { unansweredSinceLastPlan } from "./unplanned-turns.ts";

// [opening question, a refinement the planner cannot read, a follow-up that builds on both]
const BUILT_ON_UNANSWERED: [string, string, string][] = [
  ["按城市看一下不良率", "只看已婚客户", "换成逾期率"],
  ["按城市看一下不良率", "只看已婚客户", "上个月呢"],
  ["深圳的高价值客户有哪些", "其中有房产的", "一共几个"],
  ["overdue rate by branch", "only married customers", "what about last month?"],
  ["list high value customers in Shenzhen", "only the ones with a university degree", "how many is that"],
  ["disbursement by branch this month", "only for married borrowers", "break it down by product"],
];

describe("offline planner: follow-ups after an unanswered turn", () => {
  it.each(BUILT_ON_UNANSWERED)("%s → %s → %s is declined", (first, refinement, followUp) => {
    const [opening, unanswered, built] = converse([first, refinement, followUp]);
    expect(opening.status, first).toBe("plan");
    expect(unanswered.status, refinement).not.toBe("plan");
    expect(built.status, followUp).toBe("unsupported");
    if (built.status === "unsupported") expect(built.message.length).toBeGreaterThan(0);
  });

  it.each([
    ["按城市看一下不良率", "只看已婚客户", "各产品的贷款余额"],
    ["overdue rate by branch", "only married customers", "approval rate by channel this year"],
  ])("%s → %s → a full question %s is answered", (first, refinement, question) => {
    expect(converse([first, refinement, question])[2].status).toBe("plan");
  });

  it("a follow-up right after an answered turn still changes it", () => {
    const outcomes = converse(["按城市看一下不良率", "只看已婚客户", "各产品的贷款余额", "只看上海"]);
    expect(outcomes[3].status).toBe("plan");
  });

  it.each([
    [[], false],
    [[{ plan: true }], false],
    [[{ plan: true }, { plan: false }], true],
    [[{ plan: false }, { plan: true }], false],
    [[{ plan: false }], false],
  ] as [{ plan: boolean }[], boolean][])("unansweredSinceLastPlan %j is %s", (turns, expected) => {
    const answered = plan("各城市不良率");
    if (answered.status !== "plan") throw new Error("各城市不良率 is not planned");
    const history = turns.map((turn): ConversationTurn => (turn.plan ? { question: "各城市不良率", language: "zh", status: "answered", plan: answered.plan } : { question: "只看已婚客户", language: "zh", status: "unsupported" }));
    expect(unansweredSinceLastPlan(history)).toBe(expected);
  });
});
