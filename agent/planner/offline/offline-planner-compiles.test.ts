// Plans the offline planner writes compile (SQLite) and run on a tiny hand-written dataset: no member or shape the
// compiler refuses. The numbers themselves are the compiler's tests; here every plan must be executable.
import type { Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSmallDataset } from "../../../tools/engines/__fixtures__/small-dataset.ts";
import { compilePlan } from "../../compiler/compile-plan.ts";
import type { ConversationTurn } from "../planner.ts";
import { plan } from "./__fixtures__/planner-fixture.ts";

let database: Database;
beforeAll(async () => {
  database = await buildSmallDataset();
});
afterAll(() => database?.close());

const QUESTIONS = [
  "哪些高价值客户本月还款风险上升?",
  "Which high-value customers have rising repayment risk this month?",
  "各分行本月逾期率",
  "overdue rate by branch for the last 6 months",
  "每月放款金额趋势",
  "本月放款金额和上月对比",
  "放款金额同比",
  "哪些分行的逾期率上升了",
  "逾期率最高的5个分行",
  "branches with overdue rate above 3%",
  "年收入超过50万的客户",
  "loans with principal between 1 and 2 million",
  "逾期超过30天的贷款",
  "有多少逾期贷款",
  "高价值客户的贷款余额",
  "本月流失客户数",
  "本月流失率",
  "上月的平均违约概率",
  "各渠道净推荐值",
  "各活动的获客成本",
  "未来7天到期的还款",
  "下周到期的还款有哪些",
  "list open alerts",
  "open alerts by type",
  "进行中的活动",
  "上海和北京的不良率",
  "浦东支行的不良率",
  "安居房贷的贷款余额",
  "客户年龄分布",
  "Which products have the most overdue loans?",
  "cities with more than 1000 customers",
  "customers with more than 2 active loans",
  "What percentage of applications by decision?",
  "今年和去年的申请笔数对比",
  "monthly new customers this year",
  "最近3个月审批通过率的变化",
  "年龄大于50岁的客户",
  "客户数超过1000的城市",
  "列出高价值客户的手机号",
  "M1+ loans by branch",
  "how many loans are 90+ days past due",
];

describe("offline planner plans compile and run", () => {
  it.each(QUESTIONS)("%s", (question) => {
    const outcome = plan(question);
    expect(outcome.status, JSON.stringify(outcome)).toBe("plan");
    if (outcome.status !== "plan") return;
    const compiled = compilePlan(outcome.plan, { dialect: "sqlite", asOfDate: "2026-06-30", language: outcome.language });
    expect(() => database.exec(compiled.sql, compiled.params as never[])).not.toThrow();
  });

  it("follow-up plans compile too", () => {
    const history: ConversationTurn[] = [];
    for (const question of ["各分行本月放款金额", "只看上海", "按产品拆开", "上个月呢", "前5个", "换成申请量"]) {
      const outcome = plan(question, "2026-06-30", [...history]);
      if (outcome.status !== "plan") throw new Error(question);
      const compiled = compilePlan(outcome.plan, { dialect: "sqlite", asOfDate: "2026-06-30" });
      expect(() => database.exec(compiled.sql, compiled.params as never[])).not.toThrow();
      history.push({ question, language: outcome.language, plan: outcome.plan, status: "answered" });
    }
  });
});
