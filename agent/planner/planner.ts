/**
 * The planner interface: a question (plus the conversation so far) becomes a query plan, a clarifying question,
 * or an honest "unsupported". The offline semantic parser and the LLM planner both implement it.
 */
import type { SemanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import type { QueryPlan } from "../plan/query-plan.ts";

/** The languages LendLens answers in. */
export type Language = "zh" | "en";

/** A value of a data-driven dimension (branch, product, campaign) as stored, with its names. */
export interface DatasetValue {
  value: string;
  zh: string;
  en: string;
  /** Other words for it, e.g. a branch's short name. */
  aliases?: string[];
}

/** What a planner knows about the dataset besides the semantic layer. */
export interface PlannerContext {
  semanticLayer: SemanticLayer;
  /** The dataset's as-of date, 'YYYY-MM-DD'; every relative time word is resolved against it. */
  asOfDate: string;
  /** Values of data-driven dimensions, by dimension id (branch, product, campaign). */
  datasetValues: Record<string, DatasetValue[]>;
  /** Earlier turns of this conversation, oldest first. */
  history: ConversationTurn[];
  /** Called as planning moves on (the LLM planner reports its tool calls, statements and rows). */
  onProgress?: (event: PlannerProgressEvent) => void;
  /** Stops planning (e.g. the client went away); planners that call out pass it on. */
  signal?: AbortSignal;
  /**
   * The question is a fixed text planned again and again (a follow-up candidate): a planner may remember the part of
   * its reading that depends only on the text, the semantic layer, the dataset values and the as-of date.
   */
  fixedQuestion?: boolean;
}

/** A step of planning, streamed to clients while a planner works. */
export type PlannerProgressEvent =
  | { type: "planning"; planner: string }
  | { type: "tool_call"; tool: string; round: number }
  | { type: "sql"; sql: string }
  | { type: "rows"; rowCount: number; ms: number };

/** One earlier turn: what was asked and the plan that answered it (if any). */
export interface ConversationTurn {
  question: string;
  language: Language;
  plan?: QueryPlan;
  status: "answered" | "clarify" | "unsupported" | "error";
}

/** A choice offered with a clarifying question; `message` is what the chat sends when it is picked. */
export interface ClarifyChoice {
  label: string;
  message: string;
}

/** Why a question was declined. */
export type UnsupportedReason = "out_of_scope" | "write_request" | "pii_request" | "not_understood";

/** The outcome of planning one question. */
export type PlannerOutcome =
  | {
      status: "plan";
      language: Language;
      plan: QueryPlan;
      /** 0..1: how sure the planner is that the plan means what was asked. */
      confidence: number;
    }
  | {
      status: "clarify";
      language: Language;
      /** One short question in the question's language. */
      question: string;
      choices: ClarifyChoice[];
      confidence: number;
    }
  | {
      status: "unsupported";
      language: Language;
      reason: UnsupportedReason;
      /** A plain sentence in the question's language saying why. */
      message: string;
      /** Questions it can answer instead. */
      suggestions: string[];
      confidence: number;
    };

/** Anything that turns questions into plans. */
export interface Planner {
  readonly name: string;
  plan(question: string, context: PlannerContext): Promise<PlannerOutcome>;
}
