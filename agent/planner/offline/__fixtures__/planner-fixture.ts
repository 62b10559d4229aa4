/** A fixed planner context for tests: the project's semantic layer, a few dataset values, chosen as-of dates. */
import { expect } from "vitest";
import { semanticLayer } from "../../../../schema/semantic-layer/semantic-layer.ts";
import type { SemanticLayer } from "../../../../schema/semantic-layer/semantic-layer.ts";
import type { AggregateQuery, ListQuery, QueryPlan } from "../../../plan/query-plan.ts";
import type { ConversationTurn, DatasetValue, PlannerContext, PlannerOutcome } from "../../planner.ts";
import { planQuestion } from "../offline-planner.ts";

/** Branches, products and campaigns as loadDatasetValues returns them (never a generated dataset). */
export const DATASET_VALUES: Record<string, DatasetValue[]> = {
  branch: [
    { value: "BR01", zh: "上海浦东支行", en: "Shanghai Pudong", aliases: ["浦东支行", "浦东", "上海浦东", "Pudong", "Pudong branch", "Shanghai Pudong branch"] },
    { value: "BR02", zh: "上海静安支行", en: "Shanghai Jing'an", aliases: ["静安支行", "静安", "上海静安", "Jing'an", "Jing'an branch"] },
    { value: "BR03", zh: "北京朝阳支行", en: "Beijing Chaoyang", aliases: ["朝阳支行", "朝阳", "北京朝阳", "Chaoyang", "Chaoyang branch"] },
    { value: "BR04", zh: "深圳南山支行", en: "Shenzhen Nanshan", aliases: ["南山支行", "南山", "深圳南山", "Nanshan", "Nanshan branch"] },
  ],
  product: [
    { value: "P01", zh: "安居房贷", en: "Home Mortgage" },
    { value: "P02", zh: "易贷消费贷", en: "Easy Consumer Loan" },
    { value: "P03", zh: "小微快贷", en: "Micro Business Express" },
  ],
  campaign: [
    { value: "CP001", zh: "夏季消费季", en: "夏季消费季" },
    { value: "CP002", zh: "安家计划", en: "安家计划" },
  ],
};

/** A context with the given as-of date and history. */
export function plannerContext(asOfDate = "2026-06-30", history: ConversationTurn[] = [], layer: SemanticLayer = semanticLayer()): PlannerContext {
  return { semanticLayer: layer, asOfDate, datasetValues: DATASET_VALUES, history };
}

/** The important parts of a plan a test pins (anything left out is not checked). */
export interface ExpectedPlan {
  kind?: "aggregate" | "list";
  metrics?: string[];
  /** Dimension ids in order; the time dimension as "time:month". */
  dimensions?: string[];
  /** The exact filters (order ignored). */
  filters?: unknown[];
  having?: unknown[];
  /** A time range as [start, end], or null for no time filter. */
  time?: [string, string] | null;
  dateAttribute?: string;
  compareTo?: [string, string] | null;
  order?: [string, "asc" | "desc"][];
  limit?: number | null;
  entity?: string;
  /** Attributes that must be shown. */
  attributesInclude?: string[];
  referenceMonth?: string | null;
  /** compareLayout, or null for none (the wide default). */
  compareLayout?: "rows" | null;
  share?: boolean;
  bucketChange?: boolean;
}

const sortJson = (values: unknown[]) => values.map((value) => JSON.stringify(value)).sort();

/** Asserts that an outcome is a plan with the expected parts; returns the plan. */
export function expectPlan(outcome: PlannerOutcome, expected: ExpectedPlan, label = ""): QueryPlan {
  expect(outcome.status, `${label}: ${JSON.stringify(outcome)}`).toBe("plan");
  if (outcome.status !== "plan") throw new Error("not a plan");
  if (outcome.plan.query.kind === "tool") throw new Error("tool plan");
  const query = outcome.plan.query as AggregateQuery | ListQuery;
  const context = `${label}: ${JSON.stringify(query)}`;
  if (expected.kind) expect(query.kind, context).toBe(expected.kind);
  if (expected.metrics) expect(query.kind === "aggregate" ? query.metrics : [], context).toEqual(expected.metrics);
  if (expected.dimensions) expect(query.kind === "aggregate" ? query.dimensions.map((dimension) => (dimension.grain ? `${dimension.id}:${dimension.grain}` : dimension.id)) : [], context).toEqual(expected.dimensions);
  if (expected.filters) expect(sortJson(query.filters), context).toEqual(sortJson(expected.filters));
  if (expected.having) expect(query.kind === "aggregate" ? sortJson(query.having) : [], context).toEqual(sortJson(expected.having));
  if (expected.time !== undefined) expect(query.time ? [query.time.start, query.time.end] : null, context).toEqual(expected.time);
  if (expected.dateAttribute) expect(query.time?.dateAttribute, context).toBe(expected.dateAttribute);
  if (expected.compareTo !== undefined) expect(query.kind === "aggregate" && query.compareTo ? [query.compareTo.start, query.compareTo.end] : null, context).toEqual(expected.compareTo);
  if (expected.order) expect(query.order.map((order) => [order.by, order.direction]), context).toEqual(expected.order);
  if (expected.limit !== undefined) expect(query.limit ?? null, context).toBe(expected.limit);
  if (expected.entity) expect(query.kind === "list" ? query.entity : undefined, context).toBe(expected.entity);
  if (expected.attributesInclude) expect(query.kind === "list" ? query.attributes : [], context).toEqual(expect.arrayContaining(expected.attributesInclude));
  if (expected.referenceMonth !== undefined) expect(query.referenceMonth ?? null, context).toBe(expected.referenceMonth);
  if (expected.compareLayout !== undefined) expect(query.kind === "aggregate" ? (query.compareLayout ?? null) : null, context).toBe(expected.compareLayout);
  if (expected.share !== undefined) expect(query.kind === "aggregate" && query.share === true, context).toBe(expected.share);
  if (expected.bucketChange !== undefined) expect(query.kind === "aggregate" && query.bucketChange === true, context).toBe(expected.bucketChange);
  expect(outcome.confidence, context).toBeGreaterThan(0.4);
  return outcome.plan;
}

/** Plans a question against the fixed context. */
export function plan(question: string, asOfDate = "2026-06-30", history: ConversationTurn[] = []): PlannerOutcome {
  return planQuestion(question, plannerContext(asOfDate, history));
}

/** Shorthands for filters. */
export const term = (id: string) => ({ kind: "term", term: id });
export const values = (dimension: string, ...list: string[]) => ({ kind: "in", dimension, values: list });
export const compare = (attribute: string, op: string, value: number) => ({ kind: "compare", attribute, op, value });

/** Runs a conversation through the offline planner; each turn sees the earlier ones as history. */
export function converse(questions: string[], asOfDate = "2026-06-30"): PlannerOutcome[] {
  const history: ConversationTurn[] = [];
  return questions.map((question) => {
    const outcome = plan(question, asOfDate, [...history]);
    history.push({ question, language: outcome.language, plan: outcome.status === "plan" ? outcome.plan : undefined, status: outcome.status === "plan" ? "answered" : outcome.status });
    return outcome;
  });
}
