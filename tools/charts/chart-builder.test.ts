/** Charts are chosen by shape, compile with vega-lite, and plot exactly the rows of the answer. */
import { compile } from "vega-lite";
import { describe, expect, it } from "vitest";
import { buildChart, VEGA_LITE_SCHEMA } from "./chart-builder.ts";
import type { ChartColumn, ChartRequest } from "./chart-builder.ts";

const month: ChartColumn = { name: "month", label: "月份", role: "dimension", memberId: "time" };
const branch: ChartColumn = { name: "branch_id", label: "分行", role: "dimension", memberId: "branch" };
const branchName: ChartColumn = { name: "branch_name", label: "分行名称", role: "label", memberId: "branch" };
const tier: ChartColumn = { name: "value_tier", label: "价值等级", role: "dimension", memberId: "value_tier" };
const overdueRate: ChartColumn = { name: "overdue_rate", label: "逾期率", role: "metric", memberId: "overdue_rate", format: "rate" };
const loanCount: ChartColumn = { name: "loan_count", label: "贷款笔数", role: "metric", memberId: "loan_count", format: "count" };
const segment: ChartColumn = { name: "segment", label: "分组", role: "dimension", memberId: "segment" };
const customerCount: ChartColumn = { name: "customer_count", label: "客户数", role: "metric", memberId: "customer_count", format: "count" };
const customerShare: ChartColumn = { name: "customer_count_share", label: "年轻客户客户数占比", role: "metric", memberId: "customer_count", format: "rate", transform: "share" };
const previousCount: ChartColumn = { name: "loan_count_previous", label: "上期", role: "previous", memberId: "loan_count", format: "count" };

const request = (columns: ChartColumn[], rows: unknown[][], extra: Partial<ChartRequest> = {}): ChartRequest => ({
  language: "zh",
  planKind: "aggregate",
  title: "测试",
  columns,
  rows,
  ...extra,
});

const cases: Array<[string, ChartRequest, string | null]> = [
  ["a time series", request([month, overdueRate], [["2026-01", 0.02], ["2026-02", 0.025], ["2026-03", 0.03]]), "line"],
  ["a time series per branch", request([month, branch, branchName, overdueRate], [["2026-01", "BR01", "上海浦东支行", 0.02], ["2026-01", "BR02", "北京朝阳支行", 0.03]]), "line"],
  ["a rate by category", request([branch, branchName, overdueRate], [["BR01", "上海浦东支行", 0.02], ["BR02", "北京朝阳支行", 0.03]]), "bar"],
  ["shares of a whole", request([tier, loanCount], [["high", 10], ["medium", 30], ["low", 60]]), "arc"],
  ["a ranked count", request([tier, loanCount], [["high", 10], ["medium", 30]], { ranked: true }), "bar"],
  ["too many parts for an arc", request([branch, loanCount], Array.from({ length: 8 }, (_, index) => [`BR0${index}`, index + 1])), "bar"],
  ["two categories with a rate", request([branch, tier, overdueRate], [["BR01", "high", 0.01], ["BR01", "low", 0.04]]), "rect"],
  ["two categories with a count", request([branch, tier, loanCount], [["BR01", "high", 3], ["BR01", "low", 9]]), "bar"],
  ["this period against the last", request([tier, loanCount, previousCount], [["high", 3, 2], ["low", 9, 12]]), "bar"],
  ["a segment against the rest: two bars", request([segment, overdueRate], [["其他", 0.034], ["年轻客户", 0.031]]), "bar"],
  ["a segment's count against the rest: two bars, not parts of a whole", request([segment, loanCount], [["其他", 800], ["年轻客户", 200]]), "bar"],
  ["a segment against the rest per branch: grouped bars", request([segment, branch, branchName, overdueRate], [["其他", "BR01", "上海浦东支行", 0.03], ["年轻客户", "BR01", "上海浦东支行", 0.02]]), "bar"],
  ["a segment's share, single", request([customerCount, customerShare], [[1000, 0.234]], { segmentShare: true }), null],
  ["a segment's share per branch", request([branch, branchName, customerCount, customerShare], [["BR01", "上海浦东支行", 400, 0.2], ["BR02", "北京朝阳支行", 600, 0.3]], { segmentShare: true }), "bar"],
  ["a segment's share per month", request([month, customerCount, customerShare], [["2026-01", 400, 0.2], ["2026-02", 600, 0.3]], { segmentShare: true }), "line"],
  ["two periods in rows: two bars", request([{ name: "period_label", label: "期间", role: "dimension", memberId: "time" }, loanCount], [["2025", 333], ["2026", 93]]), "bar"],
  ["two periods in rows per tier: grouped bars", request([{ name: "period_label", label: "期间", role: "dimension", memberId: "time" }, tier, loanCount], [["2025", "high", 33], ["2026", "high", 9]]), "bar"],
  ["a single number", request([overdueRate], [[0.031]]), null],
  ["an entity list", request([branch, loanCount], [["BR01", 3]], { planKind: "list" }), null],
  ["an empty result", request([branch, loanCount], []), null],
];

describe("buildChart", () => {
  it.each(cases)("%s", (_name, input, mark) => {
    const spec = buildChart(input);
    if (mark === null) {
      expect(spec).toBeNull();
      return;
    }
    expect(spec).not.toBeNull();
    const markType = typeof spec!.mark === "string" ? spec!.mark : (spec!.mark as { type: string }).type;
    expect(markType).toBe(mark);
    expect(spec!.$schema).toBe(VEGA_LITE_SCHEMA);
    // vega-lite compiles it, and the plotted data is exactly the rows.
    const compiled = compile(spec as never);
    expect(compiled.spec).toBeTruthy();
    const values = (spec!.data as { values: Record<string, unknown>[] }).values;
    expect(values.map((value) => input.columns.map((column) => value[column.name]))).toEqual(input.rows);
  });

  it("formats rates as percentages and writes labels in the question's language", () => {
    const spec = buildChart(request([branch, branchName, overdueRate], [["BR01", "上海浦东支行", 0.02]]))!;
    const encoding = spec.encoding as Record<string, { axis?: { format: string }; title?: string; field?: string }>;
    expect(encoding.x.axis?.format).toBe(".1%");
    expect(encoding.x.title).toBe("逾期率");
    expect(encoding.y.field).toBe("branch_name");
  });

  it("puts the two sides of a segment in colour beside each other, the category on the axis", () => {
    const spec = buildChart(request([segment, branch, branchName, overdueRate], [["其他", "BR01", "上海浦东支行", 0.03], ["年轻客户", "BR01", "上海浦东支行", 0.02]]))!;
    const encoding = spec.encoding as Record<string, { field?: string }>;
    expect(encoding.x.field).toBe("branch_name");
    expect(encoding.xOffset.field).toBe("segment");
    expect(encoding.color.field).toBe("segment");
    const single = buildChart(request([segment, overdueRate], [["其他", 0.034], ["年轻客户", 0.031]]))!;
    expect((single.encoding as Record<string, { field?: string }>).y.field).toBe("segment");
  });

  it("charts a segment's share per group, not the whole", () => {
    const spec = buildChart(request([branch, branchName, customerCount, customerShare], [["BR01", "上海浦东支行", 400, 0.2], ["BR02", "北京朝阳支行", 600, 0.3]], { segmentShare: true }))!;
    const encoding = spec.encoding as Record<string, { field?: string; axis?: { format: string } }>;
    expect(encoding.x.field).toBe("customer_count_share");
    expect(encoding.x.axis?.format).toBe(".1%");
  });
});
