// Commands that decide or change rows (approve, reject, delete, mark) are refused; questions about decisions are read.
import { describe, expect, it } from "vitest";
import { plan } from "./__fixtures__/planner-fixture.ts";
import { normalizeQuestion } from "./normalize-question.ts";
import { isWriteCommand } from "./write-commands.ts";

const COMMANDS = [
  "把待审批的申请全部批了",
  "待审批的申请统统通过吧",
  "将低分申请都驳回",
  "帮我批准所有待审批的申请",
  "把这些预警标记成已处理",
  "把上海的逾期贷款都核销掉",
  "can you approve all pending applications",
  "go ahead and reject them",
  "I want you to mark these alerts as resolved",
  "please approve the pending ones",
  "approve them all",
  "let's write off the loss-class loans",
  "把C000012加入黑名单",
  "给这些逾期客户打上高风险标签",
  "I'd like to approve all pending applications",
  "help me reject the low-score applications",
];

const QUESTIONS = [
  "把批了的申请列出来",
  "哪些申请被批了",
  "待审批的申请都批了吗",
  "把逾期贷款按城市分一下",
  "即将到期的贷款全部结清了吗",
  "审批通过的申请有多少",
  "通过微信来的申请有多少",
  "拒绝的申请有多少",
  "本月拒绝了多少申请",
  "which applications did we approve",
  "how many applications were rejected",
  "can you update me on the NPL ratio",
  "could you show approved applications",
  "rejection reasons by month",
  "can you change it to last month",
  "could you remove the Shanghai filter",
  "can you update the chart by city",
];

describe("write commands", () => {
  it.each(COMMANDS)("%s is a command", (question) => {
    expect(isWriteCommand(normalizeQuestion(question))).toBe(true);
  });
  it.each(QUESTIONS)("%s is a question", (question) => {
    expect(isWriteCommand(normalizeQuestion(question))).toBe(false);
  });
  it.each(["把待审批的申请全部批了", "待审批的申请统统通过吧", "can you approve all pending applications", "go ahead and reject them"])(
    "the planner refuses %s as a write request",
    (question) => {
      const outcome = plan(question);
      expect(outcome.status).toBe("unsupported");
      if (outcome.status === "unsupported") expect(outcome.reason).toBe("write_request");
    },
  );
  it.each(["哪些申请被批了", "which applications were approved"])("the planner answers %s", (question) => {
    expect(plan(question).status).toBe("plan");
  });
});
