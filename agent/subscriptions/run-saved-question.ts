/**
 * Runs a subscription's saved question through the ask pipeline: the question text is re-planned in a fresh
 * conversation against the dataset's current as-of date, and the new plan is used when it has the saved plan's shape
 * (same metrics, dimensions, filters; only dates differ); otherwise the saved plan runs as it was saved.
 */
import type { Answer } from "../answer/answer.ts";
import { createAsk } from "../pipeline/ask-pipeline.ts";
import type { ConversationStore } from "../pipeline/conversation-store.ts";
import type { ToolRunnerRegistry } from "../pipeline/tool-runner.ts";
import { createOfflinePlanner } from "../planner/offline/offline-planner.ts";
import type { Planner, PlannerOutcome } from "../planner/planner.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { sameShape } from "./plan-shape.ts";
import type { SavedQuestion } from "./subscription.ts";

/** How the run's plan was chosen. */
export type PlanSource = "replanned" | "saved" | "saved_shape_changed" | "saved_not_planned";

/** What a run of a saved question produced. */
export interface SavedQuestionRun {
  answer: Answer;
  planSource: PlanSource;
}

/** What a run is built from. */
export interface RunSavedQuestionOptions {
  engine: Engine;
  question: SavedQuestion;
  /** The owner, as the conversation's user. */
  user: string;
  /** The owner's branch scope at run time (staff); undefined sees all branches. */
  scope?: { branchId: string };
  /** Re-plans the text (default: the offline planner); null runs the saved plan unchanged. */
  replanner?: Planner | null;
  /** Where the run's conversation is kept (so the inbox can link back to it); default in memory. */
  conversations?: ConversationStore;
  toolRunners?: ToolRunnerRegistry;
  timeoutMs?: number;
  onError?: (error: unknown) => void;
}

/** The planner a run uses: the fresh plan when its shape matches, else the saved plan; never raw SQL for a scoped owner. */
function savedQuestionPlanner(question: SavedQuestion, replanner: Planner | null, scoped: boolean, chosen: { source: PlanSource }): Planner {
  return {
    name: "subscription",
    async plan(text, context): Promise<PlannerOutcome> {
      let plan = question.plan;
      chosen.source = "saved";
      if (replanner && question.plan.query.kind !== "sql") {
        // A fresh conversation: the saved text alone, no history.
        const outcome = await replanner.plan(text, { ...context, history: [] }).catch(() => undefined);
        if (outcome?.status === "plan" && sameShape(question.plan, outcome.plan)) {
          plan = outcome.plan;
          chosen.source = "replanned";
        } else {
          chosen.source = outcome?.status === "plan" ? "saved_shape_changed" : "saved_not_planned";
        }
      }
      if (scoped && plan.query.kind === "sql") {
        const zh = question.language === "zh";
        return {
          status: "unsupported",
          language: question.language,
          reason: "out_of_scope",
          message: zh ? "该订阅需要自由编写的 SQL,支行员工账号不能运行。" : "This subscription needs free-form SQL, which branch staff accounts cannot run.",
          suggestions: [],
          confidence: 1,
        };
      }
      return { status: "plan", language: question.language, plan, confidence: 1 };
    },
  };
}

/** Runs the saved question once, with the owner's scope. Never throws: failures are answers with status "error". */
export async function runSavedQuestion(options: RunSavedQuestionOptions): Promise<SavedQuestionRun> {
  const chosen: { source: PlanSource } = { source: "saved" };
  const replanner = options.replanner === undefined ? createOfflinePlanner() : options.replanner;
  const ask = createAsk({
    engine: options.engine,
    planner: savedQuestionPlanner(options.question, replanner, options.scope !== undefined, chosen),
    ...(options.conversations ? { conversations: options.conversations } : {}),
    ...(options.toolRunners ? { toolRunners: options.toolRunners } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.scope ? { scope: options.scope } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const answer = await ask(options.question.text, { user: options.user, language: options.question.language });
  return { answer, planSource: chosen.source };
}
