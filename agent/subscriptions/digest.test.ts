// The digest: one line per headline with the change since the last digest and the link, in the user's language.
import { describe, expect, it } from "vitest";
import { answerHeadlines } from "./answer-headlines.ts";
import { buildDigest, digestValueKey } from "./digest.ts";
import { planShape, sameShape } from "./plan-shape.ts";
import { QueryPlan } from "../plan/query-plan.ts";

describe("digest", () => {
  const sources = [
    { subscriptionId: "sub_a", name: "本月放款", headlines: [{ metric: "disbursement_amount", label: "放款金额", value: 9_258_000, format: "money" as const }], link: "/?conversation=c_1", asOfDate: "2026-06-30" },
    { subscriptionId: "sub_b", name: "逾期率", headlines: [{ metric: "overdue_rate", label: "逾期率", value: 0.042, format: "rate" as const }], link: "/?conversation=c_2", asOfDate: "2026-06-30" },
  ];

  it("shows each metric with its change since the last digest, in Chinese", () => {
    const digest = buildDigest(sources, { [digestValueKey("sub_a", "disbursement_amount")]: 8_913_000 }, "zh", "2026-07-01");
    expect(digest.title).toBe("2026-07-01 订阅日报");
    expect(digest.lines.map((line) => [line.value, line.previous, line.change, line.link])).toEqual([
      [9_258_000, 8_913_000, 345_000, "/?conversation=c_1"],
      [0.042, null, null, "/?conversation=c_2"],
    ]);
    expect(digest.lines[0].text).toBe("本月放款 · 放款金额: 9,258,000 元(较上次 +345,000 元)");
    expect(digest.lines[1].text).toBe("逾期率 · 逾期率: 4.20%(首次)");
  });

  it("writes English for English users, rates in percentage points", () => {
    const digest = buildDigest([sources[1]], { [digestValueKey("sub_b", "overdue_rate")]: 0.05 }, "en", "2026-07-01");
    expect(digest.lines[0].text).toBe("逾期率 · 逾期率: 4.20% (−0.80 pp since the last digest)");
    expect(digest.text).toContain("Daily digest, 2026-07-01");
  });

  it("takes the metrics of a one-row answer, else the row count", () => {
    const columns = [{ name: "disbursement_amount", type: "number" as const, label: "放款金额", format: "money" as const }];
    expect(answerHeadlines({ status: "answered", language: "zh", columns, rows: [[100]], row_count: 1 })).toEqual([{ metric: "disbursement_amount", label: "放款金额", value: 100, format: "money" }]);
    expect(answerHeadlines({ status: "answered", language: "en", columns, rows: [[1], [2]], row_count: 2 })).toEqual([{ metric: "row_count", label: "rows", value: 2, format: "count" }]);
    expect(answerHeadlines({ status: "error", language: "en", columns, rows: [], row_count: 0 })).toEqual([]);
  });

  it("compares plans by shape: dates may differ, members may not", () => {
    const june = QueryPlan.parse({ query: { kind: "aggregate", metrics: ["disbursement_amount"], time: { start: "2026-06-01", end: "2026-06-30" } } });
    const july = QueryPlan.parse({ query: { kind: "aggregate", metrics: ["disbursement_amount"], time: { start: "2026-07-01", end: "2026-07-31" } } });
    const byBranch = QueryPlan.parse({ query: { kind: "aggregate", metrics: ["disbursement_amount"], dimensions: [{ id: "branch" }], time: { start: "2026-07-01", end: "2026-07-31" } } });
    expect(sameShape(june, july)).toBe(true);
    expect(sameShape(june, byBranch)).toBe(false);
    expect(planShape(june)).toContain("<date>");
  });
});
