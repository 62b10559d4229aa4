/** The composer on fixed results (no database): texts per result shape and language, interpretation, columns. */
import { describe, expect, it } from "vitest";
import type { CompiledColumn } from "../compiler/compiled-query.ts";
import { QueryPlan } from "../plan/query-plan.ts";
import type { Language } from "../planner/planner.ts";
import { semanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import { Answer } from "./answer.ts";
import { composeAnswer } from "./compose-answer.ts";

const column = (name: string, role: CompiledColumn["role"], memberId: string, zh: string, en: string, format?: CompiledColumn["format"]): CompiledColumn => ({
  name,
  role,
  memberId,
  label: { zh, en },
  ...(format ? { format } : {}),
});

const OVERDUE = column("overdue_rate", "metric", "overdue_rate", "逾期率", "overdue rate", "rate");
const OVERDUE_PREVIOUS = column("overdue_rate_previous", "previous", "overdue_rate", "上期逾期率", "overdue rate (previous)", "rate");
const APPROVAL = column("approval_rate", "metric", "approval_rate", "审批通过率", "approval rate", "rate");
const APPROVAL_PREVIOUS = column("approval_rate_previous", "previous", "approval_rate", "上期审批通过率", "approval rate (previous)", "rate");
const BALANCE = column("outstanding_balance", "metric", "outstanding_balance", "贷款余额", "outstanding balance", "money");
const BRANCH = column("branch", "dimension", "branch", "分行", "branch");
const BRANCH_NAME = column("branch_name", "dimension", "branch", "分行名称", "branch name");
const CITY = column("city", "dimension", "city", "城市", "city");
const SEGMENT = column("segment", "dimension", "segment", "分组", "group");
const CUSTOMERS = column("customer_count", "metric", "customer_count", "客户数", "customer count", "count");
const LOW_VALUE_SHARE: CompiledColumn = { ...column("customer_count_share", "metric", "customer_count", "低价值客户客户数占比", "low-value customers share of customer count", "rate"), transform: "share" };
const MONTH = column("time_month", "dimension", "time", "月份", "month");
const JUNE = { start: "2026-06-01", end: "2026-06-30" };
const MAY = { start: "2026-05-01", end: "2026-05-31" };

/** Composes a fixed result for a plan in a language. */
function compose(plan: unknown, columns: CompiledColumn[], rows: unknown[][], language: Language, extra: { period?: { start: string; end: string }; truncated?: boolean; rowCount?: number } = {}) {
  const parsed = QueryPlan.parse(plan);
  const answer = composeAnswer({
    frame: { question: "q", language, conversationId: "c_test", asOfDate: "2026-06-30", planner: "test", confidence: 1 },
    naming: { semanticLayer: semanticLayer(), datasetValues: {}, language },
    asOfDate: "2026-06-30",
    plan: parsed,
    compiled: { columns, definitions: [], period: extra.period },
    sql: ["SELECT 1"],
    rows,
    rowCount: extra.rowCount ?? rows.length,
    truncated: extra.truncated ?? false,
    timings: { sql_ms: 1 },
  });
  return Answer.parse({ ...answer, timings: { ...answer.timings, total_ms: 2 } });
}

const aggregate = (extra: Record<string, unknown>) => ({ query: { kind: "aggregate", metrics: ["overdue_rate"], ...extra } });

describe("texts", () => {
  const cases: [string, () => ReturnType<typeof compose>, string][] = [
    ["a single rate with its period (zh)", () => compose(aggregate({ time: JUNE }), [OVERDUE], [[0.042]], "zh", { period: JUNE }), "2026年6月，逾期率为 4.2%。"],
    ["a single rate with its period (en)", () => compose(aggregate({ time: JUNE }), [OVERDUE], [[0.042]], "en", { period: JUNE }), "Overdue rate for June 2026 was 4.2%."],
    [
      "money and a filter (zh)",
      () => compose({ query: { kind: "aggregate", metrics: ["outstanding_balance"], filters: [{ kind: "in", dimension: "city", values: ["Shanghai"] }] } }, [BALANCE], [[1_235_000_000]], "zh"),
      "贷款余额为 12.35 亿元（城市为上海）。",
    ],
    [
      "money and a filter (en)",
      () => compose({ query: { kind: "aggregate", metrics: ["outstanding_balance"], filters: [{ kind: "in", dimension: "city", values: ["Shanghai"] }] } }, [BALANCE], [[1_235_000_000]], "en"),
      "Outstanding balance was ¥1.24B (city: Shanghai).",
    ],
    [
      "a rising overdue rate is worse (zh)",
      () => compose(aggregate({ time: JUNE, compareTo: MAY }), [OVERDUE, OVERDUE_PREVIOUS], [[0.042, 0.039]], "zh", { period: JUNE }),
      "2026年6月，逾期率为 4.2%，较2026年5月的 3.9% 上升 0.3 个百分点，有所恶化。",
    ],
    [
      "a rising approval rate is better (en)",
      () => compose({ query: { kind: "aggregate", metrics: ["approval_rate"], time: JUNE, compareTo: MAY } }, [APPROVAL, APPROVAL_PREVIOUS], [[0.5, 0.45]], "en", { period: JUNE }),
      "Approval rate for June 2026 was 50%, up 5 pp (better) from 45% for May 2026.",
    ],
    [
      "an unchanged rate",
      () => compose(aggregate({ time: JUNE, compareTo: MAY }), [OVERDUE, OVERDUE_PREVIOUS], [[0.04, 0.04]], "en", { period: JUNE }),
      "Overdue rate for June 2026 was 4%, unchanged from 4% for May 2026.",
    ],
    [
      "groups: the highest and the lowest (zh, label columns)",
      () => compose(aggregate({ dimensions: [{ id: "branch" }] }), [BRANCH, BRANCH_NAME, OVERDUE], [["BR01", "上海浦东支行", 0.042], ["BR02", "北京朝阳支行", 0.011], ["BR03", "深圳南山支行", 0.02]], "zh"),
      "各分行中，上海浦东支行逾期率最高，为 4.2%；北京朝阳支行最低，为 1.1%。",
    ],
    [
      "groups: enumerated values get their names (en)",
      () => compose(aggregate({ dimensions: [{ id: "city" }] }), [CITY, OVERDUE], [["Shanghai", 0.042], ["Beijing", 0.011]], "en"),
      "Across 2 groups by city, Shanghai had the highest overdue rate (4.2%) and Beijing the lowest (1.1%).",
    ],
    [
      "groups: city names in Chinese",
      () => compose(aggregate({ dimensions: [{ id: "city" }] }), [CITY, OVERDUE], [["Shanghai", 0.042], ["Beijing", 0.011]], "zh"),
      "各城市中，上海逾期率最高，为 4.2%；北京最低，为 1.1%。",
    ],
    [
      "a ranking: top N in order",
      () =>
        compose(aggregate({ dimensions: [{ id: "city" }], order: [{ by: "overdue_rate", direction: "desc" }], limit: 2 }), [CITY, OVERDUE], [["Shanghai", 0.042], ["Beijing", 0.011]], "zh"),
      "逾期率最高的 2 个城市：上海（4.2%）、北京（1.1%）。",
    ],
    [
      "a trend: start, end, change, highest and lowest",
      () =>
        compose(
          aggregate({ dimensions: [{ id: "time", grain: "month" }], time: { start: "2026-04-01", end: "2026-06-30" } }),
          [MONTH, OVERDUE],
          [["2026-04", 0.03], ["2026-05", 0.045], ["2026-06", 0.04]],
          "en",
          { period: { start: "2026-04-01", end: "2026-06-30" } },
        ),
      "Overdue rate went from 3% in April 2026 to 4% in June 2026, up 1 pp (worse); the highest was 4.5% in May 2026, the lowest 3% in April 2026.",
    ],
    [
      "groups compared with an earlier period",
      () =>
        compose(aggregate({ dimensions: [{ id: "city" }], time: JUNE, compareTo: MAY }), [CITY, OVERDUE, OVERDUE_PREVIOUS], [["Shanghai", 0.042, 0.03], ["Beijing", 0.01, 0.02]], "zh", { period: JUNE }),
      "2026年6月，与2026年5月相比，各城市中逾期率上升最多的是上海（3% → 4.2%，上升 1.2 个百分点，有所恶化）；下降最多的是北京（2% → 1%，下降 1 个百分点，有所改善）。",
    ],
    [
      "a segment against the rest names both sides, the segment's own value first (zh)",
      () => compose(aggregate({ versusRest: { kind: "term", term: "young" } }), [SEGMENT, OVERDUE], [["其他", 0.0336], ["年轻客户", 0.031]], "zh"),
      "逾期率：年轻客户 3.1%，其他客户 3.36%，其他客户更高。",
    ],
    [
      "a segment against the rest (en)",
      () => compose(aggregate({ versusRest: { kind: "term", term: "young" }, time: JUNE }), [SEGMENT, OVERDUE], [["others", 0.0336], ["young customers", 0.041]], "en", { period: JUNE }),
      "Overdue rate for June 2026: young customers 4.1% vs other customers 3.36% (higher for young customers).",
    ],
    [
      "a segment against the rest, per city",
      () =>
        compose(
          aggregate({ versusRest: { kind: "term", term: "young" }, dimensions: [{ id: "city" }] }),
          [SEGMENT, CITY, OVERDUE],
          [["其他", "Beijing", 0.03], ["其他", "Shanghai", 0.02], ["年轻客户", "Beijing", 0.031], ["年轻客户", "Shanghai", 0.05]],
          "zh",
        ),
      "按城市看，年轻客户与其他客户的逾期率差距最大的是上海（年轻客户 5%，其他客户 2%，年轻客户更高）；差距最小的是北京（年轻客户 3.1%，其他客户 3%，年轻客户更高）。",
    ],
    [
      "a segment with no rows of its own says so",
      () => compose(aggregate({ versusRest: { kind: "in", dimension: "city", values: ["Shanghai"] } }), [SEGMENT, OVERDUE], [["其他", 0.0336]], "zh"),
      "逾期率：上海 —，其他城市 3.36%，上海没有数据。",
    ],
    [
      "a segment's share: the percentage, the part and the whole (zh)",
      () => compose({ query: { kind: "aggregate", metrics: ["customer_count"], shareOf: { kind: "term", term: "low_value" } } }, [CUSTOMERS, LOW_VALUE_SHARE], [[4000, 0.234]], "zh"),
      "低价值客户占客户数的 23.4%（936 / 4,000）。",
    ],
    [
      "a segment's share (en)",
      () => compose({ query: { kind: "aggregate", metrics: ["customer_count"], shareOf: { kind: "term", term: "low_value" } } }, [CUSTOMERS, LOW_VALUE_SHARE], [[4000, 0.234]], "en"),
      "Low-value customers made up 23.4% of customer count (936 of 4,000).",
    ],
    [
      "a segment's share of nothing",
      () => compose({ query: { kind: "aggregate", metrics: ["customer_count"], shareOf: { kind: "term", term: "low_value" } } }, [CUSTOMERS, LOW_VALUE_SHARE], [[0, null]], "zh"),
      "客户数为 0，无法计算低价值客户的占比。",
    ],
    [
      "a segment's share per city: ranked by the share",
      () =>
        compose(
          { query: { kind: "aggregate", metrics: ["customer_count"], dimensions: [{ id: "city" }], shareOf: { kind: "term", term: "low_value" } } },
          [CITY, CUSTOMERS, LOW_VALUE_SHARE],
          [["Beijing", 4000, 0.1], ["Shanghai", 1000, 0.5]],
          "en",
        ),
      "Across 2 groups by city, Shanghai had the highest low-value customers share (50%; 500 of 1,000) and Beijing the lowest (10%; 400 of 4,000).",
    ],
    [
      "an empty result restates the filters and the period",
      () => compose({ query: { kind: "aggregate", metrics: ["overdue_rate"], filters: [{ kind: "term", term: "high_value" }], time: JUNE } }, [OVERDUE], [], "zh", { period: JUNE }),
      "没有找到符合条件的数据（筛选条件：高价值客户；时间：2026年6月）。可以放宽筛选条件或扩大时间范围后再试。",
    ],
    [
      "a figure of nothing (null) is an empty result too (en)",
      () => compose({ query: { kind: "aggregate", metrics: ["overdue_rate"], filters: [{ kind: "term", term: "high_value" }] } }, [OVERDUE], [[null]], "en"),
      "No rows matched (filters: high-value customers). Try widening the filters or the time range.",
    ],
  ];
  it.each(cases)("%s", (_, build, expected) => {
    expect(build().text).toBe(expected);
  });
});

describe("lists", () => {
  const plan = { query: { kind: "list", entity: "customers", filters: [{ kind: "term", term: "high_value" }, { kind: "term", term: "rising_repayment_risk" }] } };
  const columns = [
    column("customer_id", "attribute", "customer_id", "客户号", "customer id"),
    column("full_name", "attribute", "full_name", "姓名", "name"),
    column("pd_change", "attribute", "pd_change", "PD变化", "PD change", "probability"),
  ];
  const rows = [
    ["C000001", "张*", 0.052],
    ["C000002", "李*", 0.031],
    ["C000003", "王*", 0.025],
    ["C000004", "赵*", 0.021],
  ];

  it("count, reference month and first rows, without personal names (zh)", () => {
    expect(compose(plan, columns, rows, "zh").text).toBe(
      "2026年6月，共有 4 位客户符合条件（高价值客户、还款风险上升）。排在前面的是：C000001（PD变化 5.2%）、C000002（PD变化 3.1%）、C000003（PD变化 2.5%）等。",
    );
  });

  it("count and first rows (en)", () => {
    expect(compose(plan, columns, rows.slice(0, 1), "en").text).toBe("1 customer matches (high-value customers; rising repayment risk) for June 2026. They are: C000001 (PD change 5.2%).");
  });

  it("says when the result was cut", () => {
    expect(compose(plan, columns, rows, "en", { truncated: true }).text).toMatch(/^More than 4 customers match/);
  });
});

describe("the rest of the answer", () => {
  it("labels columns in the answer's language, typed from format or data", () => {
    const answer = compose(aggregate({ dimensions: [{ id: "branch" }] }), [BRANCH, BRANCH_NAME, OVERDUE], [["BR01", "Shanghai Pudong", 0.042]], "en");
    expect(answer.columns).toEqual([
      { name: "branch", type: "text", label: "branch" },
      { name: "branch_name", type: "text", label: "branch name" },
      { name: "overdue_rate", type: "number", label: "overdue rate", format: "rate" },
    ]);
    expect(answer).toMatchObject({ chart: null, actions: [], status: "answered", row_count: 1, sql: ["SELECT 1"] });
  });

  it("names the segment of a share and of a comparison with the rest, and cites its 口径", () => {
    const share = compose({ query: { kind: "aggregate", metrics: ["customer_count"], shareOf: { kind: "term", term: "low_value" } } }, [CUSTOMERS, LOW_VALUE_SHARE], [[4000, 0.234]], "zh");
    expect(share.interpretation).toMatch(/^统计客户数；计算其中低价值客户所占的比例（低价值客户的部分 ÷ 全部）。口径：客户数 = .*；低价值客户 = customers.value_tier = 'low'。$/);
    expect(share.definitions.map((definition) => definition.id)).toEqual(["customer_count", "low_value"]);
    const versus = compose(aggregate({ versusRest: { kind: "term", term: "young" } }), [SEGMENT, OVERDUE], [["others", 0.03], ["young customers", 0.04]], "en");
    expect(versus.interpretation).toMatch(/^Compute overdue rate; young customers against all the others\. Definitions: .*young customers = age < 30\.$/);
  });

  it("restates the plan with the period and the 口径 of its metrics and terms", () => {
    const plan = { query: { kind: "aggregate", metrics: ["overdue_rate"], dimensions: [{ id: "branch" }], filters: [{ kind: "term", term: "high_value" }], time: JUNE } };
    const zh = compose(plan, [BRANCH, OVERDUE], [["BR01", 0.04]], "zh", { period: JUNE });
    expect(zh.interpretation).toBe(
      "统计逾期率；按分行分组；筛选：高价值客户；时间：2026年6月（2026-06-01 至 2026-06-30）。口径：逾期率 = SUM(outstanding_balance where current_dpd > 0) / SUM(outstanding_balance), active loans；高价值客户 = customers.value_tier = 'high'。",
    );
    expect(zh.definitions.map((definition) => definition.id)).toEqual(["overdue_rate", "high_value"]);
    const en = compose(plan, [BRANCH, OVERDUE], [["BR01", 0.04]], "en", { period: JUNE });
    expect(en.interpretation).toMatch(/^Compute overdue rate; by branch; where high-value customers; period: June 2026 \(2026-06-01 to 2026-06-30\)\. Definitions: overdue rate = /);
  });
});
