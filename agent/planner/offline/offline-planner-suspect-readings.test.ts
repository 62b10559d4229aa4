// Readings other developers reported as likely wrong answers (issue 5): each is declined by a small general rule
// rather than answered with a measure, filter or count the question never said; the nearby answerable phrasings keep
// their plans.
import { describe, expect, it } from "vitest";
import { plannerContext } from "./__fixtures__/planner-fixture.ts";
import { planQuestion } from "./offline-planner.ts";
import type { PlannerOutcome } from "../planner.ts";

const plan = (question: string): PlannerOutcome => planQuestion(question, plannerContext());

const rules: { rule: string; declined: string[]; planned: string[] }[] = [
  {
    rule: "a bottom place with no measure (unmeasured-position-ranking.ts)",
    declined: ["垫底的客户", "倒数的客户有哪些", "倒数十名的支行", "排名靠后的产品", "bottom 5 customers", "show me the bottom branches"],
    planned: ["点击率倒数三名的营销渠道", "bottom 3 channels by approval rate this year", "bottom customers by expected value", "审批通过率倒数五名的产品"],
  },
  {
    rule: "a dimension word left unread after a tool match (offline-planner.ts unreadToolFilter)",
    declined: ["产品价值最高的客户", "各城市价值最高的客户", "most valuable customers by product", "渠道流失风险最高的客户"],
    planned: ["客户价值最高的前10位客户", "top 10 customers by expected value", "中等价值客户适合推荐什么产品,给我前10个"],
  },
  {
    rule: "by how much a change term changed (change-term-size.ts)",
    declined: ["违约概率上升了多少", "PD涨了多少", "违约概率升了多大", "how much did PD go up", "by how much has the probability of default risen"],
    planned: ["违约概率上升的客户有多少", "PD上升的客户有几个", "how many customers have rising PD", "平均PD比上月上升了多少"],
  },
  {
    rule: "a loan's term said of installments (loan-term-of-installments.ts)",
    declined: ["还款计划里有多少笔是逾期的", "how many repayments are overdue", "还款里面逾期的有几笔", "list the installments that are delinquent"],
    planned: ["逾期贷款的还款有多少笔", "即将到期还款的贷款里,目前已经逾期的有哪些"],
  },
  {
    rule: "放款 ranked with neither count nor amount said (count-or-amount-verb.ts)",
    declined: ["放款前三的支行", "放款排名前五的产品", "今年放贷前十的城市", "放款倒数三名的支行", "哪个支行今年放款最多"],
    planned: ["今年放款金额前五的产品", "放款笔数前三的支行", "今年放款金额排名前十的支行"],
  },
];

describe.each(rules)("$rule", ({ declined, planned }) => {
  it.each(declined)("declines %s", (question) => {
    expect(plan(question).status, question).not.toBe("plan");
  });
  it.each(planned)("plans %s", (question) => {
    expect(plan(question).status, question).toBe("plan");
  });
});
