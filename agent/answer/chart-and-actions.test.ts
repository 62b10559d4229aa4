/** Answers carry a chart where one fits and actions with reasons, end to end through the pipeline. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "vega-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDataset } from "../../schema/generator/generate-dataset.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { createSqlJsEngine } from "../../tools/engines/sqljs-engine.ts";
import { createAsk } from "../pipeline/ask-pipeline.ts";
import { QueryPlan } from "../plan/query-plan.ts";
import { chartAndActions } from "./chart-and-actions.ts";
import type { Ask } from "../pipeline/ask-pipeline.ts";

let directory: string;
let engine: Engine;
let ask: Ask;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "lendlens-visuals-"));
  const dbPath = join(directory, "dataset.db");
  await writeDataset({ out: dbPath, seed: 13, scale: 0.05, asOf: "2026-03-31" });
  engine = await createSqlJsEngine({ dbPath, workers: 1 });
  ask = createAsk({ engine });
});

afterAll(async () => {
  await engine?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("chart and actions in answers", () => {
  it("sends relationship managers to exactly the listed high-value customers with rising risk", async () => {
    const answer = await ask("哪些高价值客户本月还款风险上升?");
    expect(answer.status).toBe("answered");
    const customerIndex = answer.columns.findIndex((column) => column.name === "customer_id");
    const listed = answer.rows.map((row) => row[customerIndex]);
    expect(listed.length).toBeGreaterThan(0);
    const outreach = answer.actions.find((action) => action.id === "rm_outreach");
    expect(outreach?.customer_ids).toEqual(listed);
    expect(outreach?.reason).toMatch(/高价值客户/);
    // A list ranked by a measure charts that measure for its first rows.
    const chart = answer.chart as { mark: string; data: { values: Record<string, unknown>[] } } | null;
    if (listed.length >= 2) {
      expect(() => compile(chart as never)).not.toThrow();
      expect(chart!.data.values.map((value) => value.customer_id)).toEqual(listed.slice(0, 20));
    }
  });

  it("plots a grouped metric as a chart that compiles and holds exactly the rows", async () => {
    const answer = await ask("overdue rate by branch");
    expect(answer.status).toBe("answered");
    expect(answer.chart).not.toBeNull();
    const spec = answer.chart as { data: { values: Record<string, unknown>[] } };
    expect(() => compile(spec as never)).not.toThrow();
    expect(spec.data.values.map((value) => answer.columns.map((column) => value[column.name]))).toEqual(answer.rows);
    expect(answer.language).toBe("en");
  });

  it("keeps a plain list a table", async () => {
    const answer = await ask("列出上海的客户");
    expect(answer.status).toBe("answered");
    expect(answer.chart).toBeNull();
  });

  it("draws a line for a monthly trend and no chart for a single number", async () => {
    const trend = await ask("近6个月每月放款金额趋势");
    expect((trend.chart as { mark: { type: string } } | null)?.mark.type).toBe("line");
    const single = await ask("不良率是多少");
    expect(single.status).toBe("answered");
    expect(single.chart).toBeNull();
  });

  it("never judges branches by the halves of a segment against the rest; charts the two sides as bars", async () => {
    const columns = [
      { name: "segment", label: "分组", role: "dimension", memberId: "segment" },
      { name: "branch", label: "分行", role: "dimension", memberId: "branch" },
      { name: "branch_name", label: "分行名称", role: "dimension", memberId: "branch" },
      { name: "overdue_rate", label: "逾期率", role: "metric", memberId: "overdue_rate", format: "rate" },
    ];
    const rows = [
      ["其他", "BR01", "上海浦东支行", 0.05],
      ["年轻客户", "BR01", "上海浦东支行", 0.01],
    ];
    const query = { kind: "aggregate", metrics: ["overdue_rate"], dimensions: [{ id: "branch" }] };
    const visuals = (extra: Record<string, unknown>) =>
      chartAndActions({ engine, asOfDate: "2026-03-31", language: "zh", plan: QueryPlan.parse({ query: { ...query, ...extra } }), columns, rows, title: "逾期率" });
    const versus = await visuals({ versusRest: { kind: "term", term: "young" } });
    expect(versus.actions.map((action) => action.id)).not.toContain("branch_review");
    const spec = versus.chart as { mark: string; encoding: { x: { field: string }; color: { field: string } } };
    expect(spec.mark).toBe("bar");
    expect([spec.encoding.x.field, spec.encoding.color.field]).toEqual(["branch_name", "segment"]);
    expect(() => compile(spec as never)).not.toThrow();
    // The same rows read as whole branches would call for a review: the rule itself still works.
    const whole = await visuals({});
    expect(whole.actions.map((action) => action.id)).toContain("branch_review");
  });

  it("draws no chart for a segment's share of the whole and two bars for a segment against the rest", async () => {
    const share = await ask("低价值客户占比");
    expect(share.status).toBe("answered");
    expect(share.chart).toBeNull();
    expect(share.text).toMatch(/^低价值客户占客户数的 [\d.]+%（[\d,]+ \/ [\d,]+）。$/);
    const versus = await ask("年轻客户和其他客户的逾期率对比");
    expect(versus.status).toBe("answered");
    expect((versus.chart as { mark: string } | null)?.mark).toBe("bar");
    expect(versus.text).toMatch(/^逾期率：年轻客户 [\d.]+%，其他客户 [\d.]+%，(年轻客户|其他客户)更高。$/);
  });
});
