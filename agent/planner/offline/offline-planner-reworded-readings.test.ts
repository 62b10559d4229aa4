// Readings of reworded questions: a term said as a predicate after its rows, "each of the last N months", X率 as the rate.
import { describe, expect, it } from "vitest";
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

describe("a rate word after a term's name", () => {
  it.each(["NPL率当前多少", "各城市的NPL率", "NPL比例是多少", "不良贷款比率"])("%s is the NPL ratio", (question) => {
    expectPlan(plan(question), { kind: "aggregate", metrics: ["npl_ratio"] }, question);
  });
  it.each(["M3+率当前多少", "逾期贷款率当前多少", "90+率多少", "核销贷款率", "逾期客户率", "written-off loan rate"])(
    "%s is not answered with the rows' count or list",
    (question) => {
      expect(plan(question).status).not.toBe("plan");
    },
  );
  it.each(["审批通过率", "微信渠道的转化率", "上海的逾期率", "30+ delinquency rate"])("%s keeps its rate", (question) => {
    expectPlan(plan(question), { kind: "aggregate" }, question);
  });
});

describe("each of the last N months is a monthly trend", () => {
  it.each([
    ["approval rate for each of the last 6 months", ["time:month"], ["2026-01-01", "2026-06-30"]],
    ["disbursement in each of the past three months", ["time:month"], ["2026-04-01", "2026-06-30"]],
    ["approval rate for each of the last 6 months by channel", ["channel", "time:month"], ["2026-01-01", "2026-06-30"]],
  ] as const)("%s", (question, dimensions, time) => {
    expectPlan(plan(question), { kind: "aggregate", dimensions: [...dimensions], time: [...time] }, question);
  });
});

describe("dimension names said another way", () => {
  it.each([
    ["营销转化率按target客群分一下", ["target_tier"]],
    ["各target客群的营销转化率", ["target_tier"]],
    ["按目标客户群看转化率", ["target_tier"]],
    ["不良率最高的产品大类", ["product_category"]],
    ["按产品大类看余额", ["product_category"]],
    ["按产品分类统计贷款笔数", ["product_category"]],
  ] as const)("%s", (question, dimensions) => {
    expectPlan(plan(question), { kind: "aggregate", dimensions: [...dimensions] }, question);
  });
});

describe("a leading clause saying what the figure is needed for", () => {
  it.each([
    ["下午开会要用,帮我对比一下上海和北京的逾期率", ["city"]],
    ["周会汇报用的,各城市的逾期率", ["city"]],
    ["做材料需要,按城市看逾期率", ["city"]],
  ] as const)("%s", (question, dimensions) => {
    expectPlan(plan(question), { kind: "aggregate", metrics: ["overdue_rate"], dimensions: [...dimensions] }, question);
  });
});

describe("which of two compared is ahead, said in other words", () => {
  const twoCities = { kind: "aggregate" as const, metrics: ["overdue_rate"], dimensions: ["city"], filters: [{ kind: "in", dimension: "city", values: ["Shanghai", "Beijing"] }] };
  const twoChannels = { kind: "aggregate" as const, metrics: ["conversion_rate"], dimensions: ["channel"], filters: [{ kind: "in", dimension: "channel", values: ["sms", "wechat"] }] };
  it.each([
    ["上海跟北京比,逾期率谁高谁低", twoCities],
    ["上海的逾期率高还是北京的高", twoCities],
    ["营销转化率,短信渠道高还是微信渠道高?", twoChannels],
    ["which converts better, SMS or WeChat campaigns?", twoChannels],
    ["which is higher, the conversion rate of sms or wechat?", twoChannels],
    ["is the conversion rate higher for sms or wechat?", twoChannels],
  ] as const)("%s", (question, expected) => {
    expectPlan(plan(question), expected, question);
  });
});

describe("a relative change said in other words is the growth rate", () => {
  it.each(["这个月的放款额比上个月增长了百分之几", "放款金额的环比增速", "growth rate of disbursement, this month vs last month", "放款金额的环比增幅"])("%s", (question) => {
    expectPlan(plan(question), { kind: "aggregate", metrics: ["disbursement_amount"], time: ["2026-06-01", "2026-06-30"], compareTo: ["2026-05-01", "2026-05-31"], compareLayout: null }, question);
  });
});

describe("a class word after a grouped dimension's name", () => {
  it.each(["按产品种类看余额", "按贷款种类看放款金额"])("%s groups by the product category", (question) => {
    expectPlan(plan(question), { kind: "aggregate", dimensions: ["product_category"] }, question);
  });
  it.each(["各产品类的余额", "按渠道类看申请数"])("%s is not grouped by the dimension itself", (question) => {
    expect(plan(question).status).not.toBe("plan");
  });
});
