/**
 * The LLM planner: an agent loop over any OpenAI-compatible model. The model retrieves semantic-layer members,
 * may explore with guarded SQL, and finishes with a plan (validated and compiled), a scoring-tool step, a
 * clarifying question or "unsupported". Every tool error goes back to the model for repair, a few times at most.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Engine } from "../../../tools/engines/engine.ts";
import { guardPolicyFor } from "../../../tools/sql-executor.ts";
import type { GuardPolicy } from "../../../tools/sql-guard/guard-policy.ts";
import type { ChatMessage, LanguageModel } from "../../llm/language-model.ts";
import type { LlmConfig } from "../../llm/llm-config.ts";
import { LlmPlanningError } from "../../llm/llm-errors.ts";
import type { Language, Planner, PlannerContext, PlannerOutcome, PlannerProgressEvent } from "../planner.ts";
import { answerUnsupportedTool, askClarificationTool } from "./closing-tools.ts";
import { describeSemanticLayerTool } from "./describe-semantic-layer-tool.ts";
import { historyMessages } from "./history-messages.ts";
import { planQueryTool } from "./plan-query-tool.ts";
import type { PlannerTool } from "./planner-tool.ts";
import { toToolSpec } from "./planner-tool.ts";
import type { PlanningSession } from "./planning-session.ts";
import { runSqlTool } from "./run-sql-tool.ts";
import { runToolCall } from "./run-tool-call.ts";
import { scoringStepTool } from "./scoring-step-tool.ts";
import type { PlannerScoringTool } from "./scoring-step-tool.ts";
import { buildSystemPrompt } from "./system-prompt.ts";

/** What the LLM planner is built from. */
export interface LlmPlannerOptions {
  model: LanguageModel;
  /** The dataset run_sql explores and sql plans are guarded for. */
  engine: Engine;
  config: Pick<LlmConfig, "maxToolRounds" | "maxResultRows">;
  /** Overrides the context's semantic layer. */
  semanticLayer?: SemanticLayer;
  /** Scoring tools offered to the model (tools/scoring). */
  tools?: readonly PlannerScoringTool[];
  /** Default: the engine dialect's policy with its row counts. */
  guardPolicy?: GuardPolicy;
  /** Per exploration statement (default 10 s). */
  queryTimeoutMs?: number;
  /** Tool errors sent back for repair before giving up (default 3). */
  maxRepairs?: number;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Creates the LLM planner.
 * @throws (from plan()) LlmUnavailableError when the endpoint fails; LlmPlanningError when the model does not
 * reach a valid outcome within the repair or round limit; engine errors that no repair can fix.
 */
export function createLlmPlanner(options: LlmPlannerOptions): Planner {
  const maxRepairs = options.maxRepairs ?? 3;
  const scoringTools = options.tools ?? [];
  const tools: PlannerTool[] = [describeSemanticLayerTool, planQueryTool, runSqlTool, ...scoringTools.map(scoringStepTool), askClarificationTool, answerUnsupportedTool];
  const toolsByName = new Map(tools.map((tool) => [tool.name, tool]));
  const toolSpecs = tools.map(toToolSpec);
  let policy: Promise<GuardPolicy> | undefined;
  const loadPolicy = (): Promise<GuardPolicy> => {
    policy ??= options.guardPolicy
      ? Promise.resolve(options.guardPolicy)
      : guardPolicyFor(options.engine).catch((error: unknown) => {
          policy = undefined;
          throw error;
        });
    return policy;
  };

  return {
    name: `llm:${options.model.name}`,
    async plan(question: string, context: PlannerContext): Promise<PlannerOutcome> {
      const emit = (event: PlannerProgressEvent) => {
        try {
          context.onProgress?.(event);
        } catch {
          // A broken listener must not break planning.
        }
      };
      const language: Language = CJK.test(question) ? "zh" : "en";
      const semanticLayer = options.semanticLayer ?? context.semanticLayer;
      const session: PlanningSession = {
        question,
        language,
        context,
        semanticLayer,
        engine: options.engine,
        policy: loadPolicy,
        maxResultRows: options.config.maxResultRows,
        queryTimeoutMs: options.queryTimeoutMs ?? 10_000,
        scoringTools,
        repairs: 0,
        emit,
      };
      emit({ type: "planning", planner: this.name });
      const messages: ChatMessage[] = [
        {
          role: "system",
          content: buildSystemPrompt({
            asOfDate: context.asOfDate,
            dialect: options.engine.dialect,
            language,
            semanticLayer,
            maxResultRows: options.config.maxResultRows,
            scoringToolNames: scoringTools.map((tool) => tool.name),
          }),
        },
        ...historyMessages(context.history),
        { role: "user", content: question },
      ];
      let lastProblem: string | undefined;
      let round = 0;
      const repair = (problem: string) => {
        session.repairs += 1;
        lastProblem = problem;
        if (session.repairs > maxRepairs) throw new LlmPlanningError("repairs_exhausted", { rounds: round, repairs: session.repairs, lastProblem });
      };

      while (round < options.config.maxToolRounds) {
        round += 1;
        const reply = await options.model.generate({ messages, tools: toolSpecs, signal: context.signal });
        messages.push(reply.message);
        if (reply.toolCalls.length === 0) {
          repair("the reply called no tool");
          messages.push({
            role: "user",
            content: "Text replies are not shown to the user. Call plan_query, a scoring tool, ask_clarification or answer_unsupported.",
          });
          continue;
        }
        for (const call of reply.toolCalls) {
          emit({ type: "tool_call", tool: call.name, round });
          const step = await runToolCall(call, toolsByName, session, reply.finishReason);
          if (step.kind === "final") return step.outcome;
          messages.push({ role: "tool", toolCallId: call.id, content: step.content });
          if (step.problem !== undefined) repair(step.problem);
        }
      }
      throw new LlmPlanningError("round_limit", { rounds: round, repairs: session.repairs, lastProblem });
    },
  };
}
