/**
 * Follow-up suggestions known to work: a few candidate follow-ups are planned (planner only, no SQL) with the
 * conversation as the real follow-up would see it, and only those that plan to an answer different from the
 * current one are offered.
 */
import type { QueryPlan } from "../plan/query-plan.ts";
import type { ConversationTurn, Language, Planner, PlannerContext } from "../planner/planner.ts";

/** How many follow-ups an answer offers at most. */
export const MAX_FOLLOW_UPS = 3;

/** The candidate follow-ups, in the order they are offered, by the answer's language. */
export const FOLLOW_UP_CANDIDATES: Readonly<Record<Language, readonly string[]>> = {
  zh: ["按分行拆开", "只看高价值客户", "上个月呢", "按月看趋势", "前10名"],
  en: ["by branch", "only high-value customers", "what about last month", "monthly trend", "top 10"],
};

/** What suggesting needs: the planner, the context the answered question was planned with, and its answer. */
export interface FollowUpSuggestionRequest {
  /** Must be a local planner (the offline one): it is called once per candidate. */
  planner: Planner;
  /** The context of the answered question (its history is the history before it). */
  context: PlannerContext;
  /** The answered turn, exactly as the conversation records it. */
  answered: ConversationTurn & { plan: QueryPlan };
  /** Default: FOLLOW_UP_CANDIDATES. */
  candidates?: Readonly<Record<Language, readonly string[]>>;
  /** Whether a plan can be run at all (e.g. it compiles, its tool has a runner); default: every plan can. */
  runnable?: (plan: QueryPlan) => boolean;
}

/** Plan arrays whose order carries no meaning: filters are a conjunction. */
const UNORDERED_KEYS = new Set(["filters"]);

/**
 * A value as JSON with object keys sorted (and filters in a fixed order), so two equal plans give the same text
 * whatever their key or filter order ("only high-value customers" after a question already about them is no change).
 */
function canonical(value: unknown, unordered = false): string {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item));
    return `[${(unordered ? items.sort() : items).join(",")}]`;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry, UNORDERED_KEYS.has(key))}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The candidates of the answer's language that, asked next in this conversation, plan to an answer whose plan
 * differs from the answered one; at most MAX_FOLLOW_UPS, in candidate order. A candidate the planner throws on is
 * left out.
 */
export async function suggestFollowUps(request: FollowUpSuggestionRequest): Promise<string[]> {
  const { planner, context, answered } = request;
  const candidates = (request.candidates ?? FOLLOW_UP_CANDIDATES)[answered.language];
  // The follow-up is planned after the answered turn, just as the conversation store will hold it.
  const followUpContext: PlannerContext = {
    semanticLayer: context.semanticLayer,
    asOfDate: context.asOfDate,
    datasetValues: context.datasetValues,
    history: [...context.history, answered],
    // The candidates are fixed texts: the planner may read each once per dataset and reuse that reading.
    fixedQuestion: true,
  };
  // Nothing is planned before the caller's next await: the pipeline first sends its statement to the engine's worker,
  // and the planning below overlaps the statement instead of delaying its start.
  await Promise.resolve();
  const current = canonical(answered.plan);
  const offered: string[] = [];
  for (const candidate of candidates) {
    if (offered.length >= MAX_FOLLOW_UPS) break;
    try {
      const outcome = await planner.plan(candidate, followUpContext);
      if (outcome.status !== "plan") continue;
      if (canonical(outcome.plan) === current) continue;
      if (request.runnable && !request.runnable(outcome.plan)) continue;
      offered.push(candidate);
    } catch {
      // A suggestion is optional: a candidate the planner trips over is simply not offered.
    }
  }
  return offered;
}
