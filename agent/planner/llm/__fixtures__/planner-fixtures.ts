/** Shared pieces of the LLM planner tests: a model on the mock endpoint, a planner context, a stand-in engine. */
import { semanticLayer } from "../../../../schema/semantic-layer/semantic-layer.ts";
import type { Engine } from "../../../../tools/engines/engine.ts";
import { TEST_BASE_URL } from "../../../llm/__fixtures__/mock-chat-endpoint.ts";
import type { LanguageModel } from "../../../llm/language-model.ts";
import { createOpenAiCompatibleModel } from "../../../llm/openai-compatible-model.ts";
import type { DatasetValue, PlannerContext, PlannerProgressEvent } from "../../planner.ts";

/** The as-of date of the test contexts. */
export const AS_OF_DATE = "2026-06-30";

/** A model on the mock endpoint that does not really sleep between retries. */
export function mockEndpointModel(): LanguageModel {
  return createOpenAiCompatibleModel({ model: "mock-model", baseUrl: TEST_BASE_URL, apiKey: "sk-test", timeoutMs: 2_000, sleep: async () => undefined });
}

/** Branch and product values as the pipeline reads them from a dataset. */
export const DATASET_VALUES: Record<string, DatasetValue[]> = {
  branch: [
    { value: "BR01", zh: "上海浦东支行", en: "Shanghai Pudong", aliases: ["浦东支行"] },
    { value: "BR02", zh: "北京朝阳支行", en: "Beijing Chaoyang" },
  ],
  product: [
    { value: "P01", zh: "住房贷款", en: "Mortgage" },
    { value: "P02", zh: "消费贷", en: "Consumer loan" },
  ],
};

/** A planner context with the project's semantic layer; progress events are collected in `events`. */
export function plannerContext(overrides: Partial<PlannerContext> = {}): PlannerContext & { events: PlannerProgressEvent[] } {
  const events: PlannerProgressEvent[] = [];
  return {
    semanticLayer: semanticLayer(),
    asOfDate: AS_OF_DATE,
    datasetValues: DATASET_VALUES,
    history: [],
    onProgress: (event) => events.push(event),
    ...overrides,
    events,
  };
}

/** An engine for planner tests that run no SQL: it has a dialect and row counts; a query is a test failure. */
export function stubEngine(): Engine & { queries: string[] } {
  const queries: string[] = [];
  return {
    dialect: "sqlite",
    queries,
    async query(sql) {
      queries.push(sql);
      throw new Error(`the stub engine was asked to run: ${sql}`);
    },
    meta: async () => ({ as_of_date: AS_OF_DATE }),
    tableRowCounts: async () => ({ loans: 1000, customers: 1000, applications: 2000 }),
    close: async () => undefined,
  };
}
