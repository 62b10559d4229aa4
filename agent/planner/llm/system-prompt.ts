/** The system prompt of the LLM planner: as-of date with resolved examples, dialect, rules, and the layer summary. */
import type { DialectName } from "../../../schema/ddl.ts";
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Language } from "../planner.ts";
import { summarizeLayer } from "./layer-summary.ts";

/** What the prompt states besides the rules. */
export interface SystemPromptInput {
  asOfDate: string;
  dialect: DialectName;
  language: Language;
  semanticLayer: SemanticLayer;
  maxResultRows: number;
  scoringToolNames: readonly string[];
}

const pad = (value: number) => String(value).padStart(2, "0");

/** 'YYYY-MM-DD' of the last day of a month (month is 1-based; 0 and 13 roll over). */
function lastDay(year: number, month: number): string {
  const date = new Date(Date.UTC(year, month, 0));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The first day of the month `shift` months from the given one. */
function firstDay(year: number, month: number, shift = 0): string {
  const date = new Date(Date.UTC(year, month - 1 + shift, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-01`;
}

/** Worked examples of relative time against the as-of date, so the model resolves them the same way. */
export function relativeTimeExamples(asOfDate: string): string {
  const [year, month] = asOfDate.split("-").map(Number);
  return [
    `"this month / 本月" = ${firstDay(year, month)}..${asOfDate}`,
    `"last month / 上月" = ${firstDay(year, month, -1)}..${lastDay(year, month - 1)}`,
    `"last 3 months / 近三个月" = ${firstDay(year, month, -2)}..${asOfDate}`,
    `"this year / 今年" = ${year}-01-01..${asOfDate}`,
  ].join("; ");
}

/** Builds the system prompt. */
export function buildSystemPrompt(input: SystemPromptInput): string {
  const scoring = input.scoringToolNames.length > 0 ? input.scoringToolNames.join(", ") : "none configured";
  return `You are the query planner of LendLens, an analytics assistant for a bank's retail lending data (零售信贷).
You turn the user's question into a query plan by calling tools. You never answer from your own knowledge and never write the final answer text.

Facts:
- The dataset's as-of date is ${input.asOfDate}. It is "today": resolve every relative time word against it into absolute inclusive YYYY-MM-DD ranges. Examples: ${relativeTimeExamples(input.asOfDate)}.
- SQL dialect of the engine: ${input.dialect}.
- The user writes in ${input.language === "zh" ? "Chinese" : "English"}; write clarifying questions and messages in that language.

Rules:
1. Use only ids that exist: those below or returned by describe_semantic_layer. Never invent metrics, dimensions, attributes, terms or dimension values. When a tool says an id or value is unknown, choose one of its suggestions.
2. Rates, ratios and percentages are fractions: 3% is 0.03, "above 5%" is op gt value 0.05.
3. Dimension filters use the stored values (keys) listed by describe_semantic_layer, not their labels.
4. Answer with plan_query: kind "aggregate" for metrics (optionally by dimensions, filters, time range, compareTo), kind "list" for rows of one entity. Use kind "sql" only when no plan can express the question: one read-only SELECT in ${input.dialect}.
5. run_sql is only for exploring; it shows masked data and at most ${input.maxResultRows} rows. It never answers the question.
6. Scoring tools (${scoring}) answer questions about risk trends, early warning, churn risk or customer value: calling one ends planning with its result.
7. Questions that would change data, ask for unmasked id numbers or phone numbers, or are not about this data: call answer_unsupported. If the question is ambiguous, call ask_clarification with 2-4 choices.
8. Follow-up questions refer to the earlier plans in this conversation: start from the latest plan and change only what the user changed.
9. Finish by calling exactly one of: plan_query, a scoring tool, ask_clarification, answer_unsupported. Text replies are not shown to the user.
Workflow: call describe_semantic_layer with the question's keywords, then plan_query. Fix any error a tool returns and call again.

Semantic layer (ids with names; ask describe_semantic_layer for formulas and allowed values):
${summarizeLayer(input.semanticLayer)}`;
}
