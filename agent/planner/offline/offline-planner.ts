/**
 * The offline bilingual semantic parser, LendLens's default planner: no network, no model. It reads a Chinese,
 * English or mixed question with a lexicon built from the semantic layer and the dataset's values, and returns a
 * query plan, a clarifying question, or an honest "unsupported" — never a guess.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { DatasetValue, Language, Planner, PlannerContext, PlannerOutcome } from "../planner.ts";
import { comparesPeriods, unaccountedWords } from "./account-for-words.ts";
import { buildDraft } from "./build-draft.ts";
import { withoutContextClause } from "./context-clause.ts";
import type { BuildResult } from "./build-result.ts";
import { detectLanguage } from "./detect-language.ts";
import { draftFromPlan } from "./draft.ts";
import { finalizeDraft } from "./finalize-draft.ts";
import { applyFollowUp, isFollowUp } from "./follow-up.ts";
import { withoutRowsNamedAsCount } from "./rows-named-in-follow-up.ts";
import { readGenericAmount } from "./generic-amount.ts";
import { replaceDegenerateRates } from "./degenerate-rates.ts";
import { buildLexicon } from "./lexicon.ts";
import type { Lexicon } from "./lexicon.ts";
import { normalizeQuestion } from "./normalize-question.ts";
import { resolvePartialDimensions } from "./partial-dimension-names.ts";
import { clarifyOutcome, unsupportedOutcome } from "./planner-outcomes.ts";
import { amountClarification, rowsAmountUndecided } from "./ambiguous-amount.ts";
import { comparedValuesOfRows } from "./compared-values-rows.ts";
import { countOrAmountUndecided } from "./count-or-amount-verb.ts";
import { endedStatusWithPeriod } from "./ended-status-period.ts";
import { rateWordCounted } from "./rate-word-counted.ts";
import { rowsHavingMeasure } from "./rows-having-measure.ts";
import { unreachableRowsNamed } from "./unreachable-rows.ts";
import { readQuestion } from "./read-question.ts";
import { readRelatedRows, redateRelatedRows } from "./related-rows.ts";
import type { Intent } from "./read-question.ts";
import { findScatteredTerms } from "./scattered-terms.ts";
import { scanQuestion } from "./scan-question.ts";
import type { ScannedQuestion, Span } from "./scan-question.ts";
import { isStateMetric } from "./semantic-helpers.ts";
import { routeToTool } from "./tool-routing.ts";
import { unmeasuredBottomRanking } from "./unmeasured-position-ranking.ts";
import { changeTermAskedBySize } from "./change-term-size.ts";
import { loanTermSaidOfInstallments } from "./loan-term-of-installments.ts";
import { rateWordDropped } from "./rate-word-dropped.ts";
import { classWordAfterDimension } from "./class-word-after-dimension.ts";
import { BUILDS_ON_UNANSWERED, unansweredSinceLastPlan } from "./unplanned-turns.ts";
import { isWriteCommand } from "./write-commands.ts";

/** Confidence of a plan with nothing left unexplained. */
const FULL_CONFIDENCE = 0.92;
/** Below this, a plan is not offered: a wrong number is worse than no number. */
const MINIMUM_CONFIDENCE = 0.4;

/** Words that date loans by their disbursement (the loans' own date), so a period selects the loans, not a past state. */
const DATING_WORDS = /放款|发放|放贷|新发|disburs|originat|issued|granted/;

/** Words that ask for a state at a moment: the end of a period. */
const PERIOD_END_WORDS = /月末|月底|年末|年底|季末|季度末|期末|\bend of\b|\bat the end\b|\bas of\b/;

const PAST_STATE = {
  zh: "数据只保存截至数据日期的当前状态(余额、逾期天数、五级分类),无法给出过去某个时点的余额、逾期率或不良率。可以问当前值,或按放款月份统计(例如“今年放款的贷款的逾期率”)。",
  en: "The data keeps only the current state as of the data date (balances, days past due, risk classes), so a past period's balance, overdue rate or NPL ratio cannot be given. Ask for the current figure, or by disbursement period (for example \"overdue rate of loans disbursed this year\").",
};

const lexicons = new WeakMap<SemanticLayer, WeakMap<Record<string, DatasetValue[]>, Lexicon>>();

/** The lexicon for a semantic layer and dataset values, built once per pair. */
function lexiconFor(context: PlannerContext): Lexicon {
  let byValues = lexicons.get(context.semanticLayer);
  if (!byValues) {
    byValues = new WeakMap();
    lexicons.set(context.semanticLayer, byValues);
  }
  let lexicon = byValues.get(context.datasetValues);
  if (!lexicon) {
    lexicon = buildLexicon(context.semanticLayer, context.datasetValues);
    byValues.set(context.datasetValues, lexicon);
  }
  return lexicon;
}

/**
 * Plans one question synchronously (the planner interface wraps it in a promise). A question the parser trips
 * over is declined as not understood rather than failing the chat.
 */
export function planQuestion(question: string, context: PlannerContext): PlannerOutcome {
  try {
    return planOrThrow(question, context);
  } catch {
    return unsupportedOutcome(context.semanticLayer, detectLanguage(question), "not_understood");
  }
}

/** Whether a clause names a metric, entity, dimension, value, attribute or term of the layer. */
function namesModelWords(clause: string, context: PlannerContext): boolean {
  const scanned = scanQuestion(normalizeQuestion(clause), lexiconFor(context), context.asOfDate);
  // A vague word alone ("the risk committee") names no measure: only a clear sense makes the clause content.
  return scanned.spans.some((span) => span.senses.some((sense) => sense.kind !== "cue" && sense.kind !== "ambiguity"));
}

/** A value or term left in a tool question once routing words are removed: a filter the tool cannot take. */
function unreadToolFilter(rest: string, context: PlannerContext): string | undefined {
  const scanned = scanQuestion(rest, lexiconFor(context), context.asOfDate);
  // (One character alone, "客户中" → 中, is a particle of the sentence, not a value said; a word that also names rows,
  // "还款", is the rows the tool ranks.)
  // ("产品价值最高的客户": a dimension word left unread would be dropped as silently as a value, even one naming rows too.)
  const filters = (span: Span) =>
    (span.senses.some((sense) => sense.kind === "value" || sense.kind === "term") && !span.senses.some((sense) => sense.kind === "entity")) || span.senses.some((sense) => sense.kind === "dimension");
  return scanned.spans.find((span) => span.text.trim().length > 1 && filters(span))?.text;
}

/** What planning reads from the question alone (with the layer, dataset values and as-of date): the same in any conversation. */
interface QuestionReading {
  /** The question without a leading context clause. */
  question: string;
  language: Language;
  /** The normalized text (empty: nothing to read). */
  text: string;
  /** The plan step of a question naming a scoring tool. */
  toolOutcome?: PlannerOutcome;
  /** The text scanned with the lexicon, scattered terms found (absent for an empty text or a tool question). */
  scanned?: ScannedQuestion;
}

/** Reads a question up to its scan. */
function readQuestionText(original: string, context: PlannerContext): QuestionReading {
  const layer = context.semanticLayer;
  // "For the board meeting, what is …": a leading clause naming nothing of the data is context (context-clause.ts).
  const question = withoutContextClause(original, (clause) => namesModelWords(clause, context));
  const language = detectLanguage(question);
  const text = normalizeQuestion(question);
  if (!text) return { question, language, text };
  // A question naming a scoring tool ("流失风险最高的客户") is that tool's plan step (tool-routing.ts).
  const toolOutcome = isWriteCommand(text) ? undefined : routeToTool(question, undefined, layer, (rest) => unreadToolFilter(rest, context));
  if (toolOutcome) return { question, language, text, toolOutcome };
  return { question, language, text, scanned: findScatteredTerms(scanQuestion(text, lexiconFor(context), context.asOfDate), layer) };
}

/** How many fixed questions' readings are kept per lexicon (the follow-up candidates are ten). */
const MAX_FIXED_READINGS = 64;
/** Readings of fixed questions (context.fixedQuestion), by lexicon (one per layer and dataset values), then as-of date and text. */
const fixedReadings = new WeakMap<Lexicon, Map<string, QuestionReading>>();

/** The question's reading; a fixed question's is read once per lexicon and as-of date, and each plan gets a copy. */
function readingOf(original: string, context: PlannerContext): QuestionReading {
  if (!context.fixedQuestion) return readQuestionText(original, context);
  const lexicon = lexiconFor(context);
  let byText = fixedReadings.get(lexicon);
  if (!byText) {
    byText = new Map();
    fixedReadings.set(lexicon, byText);
  }
  const key = `${context.asOfDate}\u0000${original}`;
  let reading = byText.get(key);
  if (!reading) {
    reading = readQuestionText(original, context);
    // (A tool step is a plan handed out: built afresh for every call.)
    if (reading.toolOutcome) return reading;
    if (byText.size >= MAX_FIXED_READINGS) byText.delete(byText.keys().next().value as string);
    byText.set(key, reading);
  }
  // The later steps may narrow what they are given (read-question.ts drops senses of spans): a copy keeps the kept one intact.
  return structuredClone(reading);
}

/** Plans one question; may throw on a broken semantic layer or an unforeseen reading. */
function planOrThrow(original: string, context: PlannerContext): PlannerOutcome {
  const layer = context.semanticLayer;
  const { question, language, text, toolOutcome, scanned } = readingOf(original, context);
  if (!text) return unsupportedOutcome(layer, language, "not_understood");
  if (toolOutcome) return toolOutcome;
  if (!scanned) return unsupportedOutcome(layer, language, "not_understood");
  const previousTurn = [...context.history].reverse().find((turn) => turn.plan);
  const previous = previousTurn?.plan ? draftFromPlan(previousTurn.plan) : undefined;
  const previousEntity = previous ? (previous.kind === "list" ? previous.entity : layer.metric(previous.metrics[0]).entity) : undefined;
  const intent = readGenericAmount(resolvePartialDimensions(readQuestion(scanned, layer, language, { previousKind: previous?.kind }), layer, previousEntity), layer);
  const related = [...new Set([...intent.entityMentions, ...intent.metrics.map((id) => layer.metric(id).entity), ...intent.terms.map((id) => layer.term(id).entity)])];

  if (intent.cues.has("write") || isWriteCommand(text)) return unsupportedOutcome(layer, language, "write_request", { related });
  const piiMentioned = scanned.spans.some((span) => span.senses.some((sense) => sense.kind === "attribute" && layer.attribute(sense.id).pii));
  if (intent.cues.has("unmasked") && piiMentioned) return unsupportedOutcome(layer, language, "pii_request", { related });
  const outOfScope = intent.cueSpans.find((entry) => entry.cue === "out_of_scope");
  if (outOfScope) return unsupportedOutcome(layer, language, "out_of_scope", { related, detail: outOfScope.span.text });
  // "按学历统计": a grouping by something the data does not have.
  if (intent.cues.has("group") && intent.groupBy.length === 0 && !intent.trendGrain && intent.unknownWords.length > 0 && intent.values.length === 0) {
    return unsupportedOutcome(layer, language, "out_of_scope", { related, detail: intent.unknownWords[0] });
  }
  // "招商银行的不良率", "ICBC's NPL ratio": another bank, or any unknown owner of the figures, is not in the data.
  const bank = intent.unknownWords.find((word) => /(银行|bank)$/.test(word));
  if (bank) return unsupportedOutcome(layer, language, "out_of_scope", { related, detail: bank });
  // "去年年底的贷款余额", "overdue rate at the end of last quarter": a state measure at a period's end is a past state.
  if (PERIOD_END_WORDS.test(text) && intent.times.some((time) => time.range.end < `${context.asOfDate.slice(0, 7)}-01`) && intent.metrics.some((id) => isStateMetric(layer.metric(id))) && !DATING_WORDS.test(text)) {
    return unsupportedOutcome(layer, language, "out_of_scope", { related, explanation: PAST_STATE });
  }
  if (intent.unknownWords.length >= 2) return unsupportedOutcome(layer, language, "not_understood", { related });
  const owner = intent.unknownWords.find((word) => text.includes(`${word} 's`) || text.includes(`${word}的`));
  if (owner) return unsupportedOutcome(layer, language, "not_understood", { related, detail: owner });

  // "cities with more loans than Beijing": groups measured against one of them, which no plan expresses.
  const than = intent.cueSpans.find((entry) => entry.cue === "compare" && entry.span.text === "than")?.span;
  if (than && intent.values.some((mention) => mention.span.start >= than.end && mention.span.start - than.end <= 5)) return unsupportedOutcome(layer, language, "not_understood", { related });

  let result: BuildResult;
  // The intent the plan was built from (a list question re-read as a measure), which the plan must account for.
  let planned = intent;
  const followUp = previous !== undefined && isFollowUp(intent, previous, layer);
  // "按城市看不良率 → 只看消费类贷款 (unanswered) → 换成逾期率": a follow-up after a turn that got no plan may build on
  // it; answering from the last plan would silently drop that turn's refinement.
  if (followUp && unansweredSinceLastPlan(context.history)) return unsupportedOutcome(layer, language, "not_understood", { related, explanation: BUILDS_ON_UNANSWERED });
  // "本月有未还款的客户": values of rows belonging to the subject filter it by those rows (related-rows.ts).
  const relatedReading = followUp ? undefined : readRelatedRows(intent, layer, context.asOfDate);
  if (relatedReading?.kind === "decline") return unsupportedOutcome(layer, language, "not_understood", { related });
  // "which channel converts the most customers": a list of rows answers no question asking which group (channel).
  if (relatedReading?.result.kind === "draft" && relatedReading.result.draft.kind === "list" && intent.groupBy.length > 0) return unsupportedOutcome(layer, language, "not_understood", { related });
  // "哪个渠道转化的客户最多": the most converted is a count, not the conversion rate.
  if (!followUp && rateWordCounted(intent, layer)) return unsupportedOutcome(layer, language, "not_understood", { related });
  // "哪个支行今年放款最多": the most loans or the most money lent, not said.
  if (!followUp && countOrAmountUndecided(intent)) return unsupportedOutcome(layer, language, "not_understood", { related });
  // "垫底的客户": the bottom of a ranking by a measure never said (unmeasured-position-ranking.ts).
  if (!followUp && unmeasuredBottomRanking(intent, layer)) return unsupportedOutcome(layer, language, "not_understood", { related });
  // "违约概率上升了多少": the size of a change asked of a term that filters by it (change-term-size.ts).
  if (!followUp && changeTermAskedBySize(intent)) return unsupportedOutcome(layer, language, "not_understood", { related });
  // "还款计划里有多少笔是逾期的": a loan's term said of installments (loan-term-of-installments.ts).
  if (!followUp && loanTermSaidOfInstallments(intent, layer)) return unsupportedOutcome(layer, language, "not_understood", { related });
  // "how many loans were paid off this year": dated by when they ended, which the layer cannot date by.
  if (!followUp && endedStatusWithPeriod(intent)) return unsupportedOutcome(layer, language, "not_understood", { related });
  // "今年通过的申请总金额": the approved applications' amount, requested or approved, not said.
  if (!followUp && rowsAmountUndecided(intent, layer)) return unsupportedOutcome(layer, language, "not_understood", { related });
  if (previous && followUp) {
    // (A follow-up naming the measured rows, "mobile app applications only?", does not ask for their count.)
    planned = withoutRowsNamedAsCount(intent, previous, layer);
    const redated = redateRelatedRows(applyFollowUp(intent, previous, layer, context.asOfDate));
    if (!redated) return unsupportedOutcome(layer, language, "not_understood", { related });
    result = redated;
  } else if (relatedReading) {
    result = relatedReading.result;
    planned = relatedReading.planned;
  } else {
    result = buildDraft(intent, layer, context.asOfDate);
    // "new customers this month vs last month", "balance trend": rows cannot show a trend or two periods side by
    // side; the question measures those rows (a count, or the measure said) per period.
    if (result.kind === "draft" && result.draft.kind === "list" && (intent.trendGrain || comparesPeriods(intent))) {
      planned = measuredIntent(intent, layer);
      result = buildDraft(planned, layer, context.asOfDate);
    }
  }

  // "which city disbursed more loans, Shanghai or Beijing", "which gender has more churned customers": a list answers
  // no comparison; two values compared by their rows' count are each value's count (compared-values-rows.ts).
  const compared = !followUp && result.kind === "draft" && result.draft.kind === "list" && result.draft.entity ? comparedValuesOfRows(intent, layer, result.draft.entity) : undefined;
  if (compared === "decline") return unsupportedOutcome(layer, language, "not_understood", { related });
  if (compared) {
    planned = compared;
    result = buildDraft(planned, layer, context.asOfDate);
  }
  if (result.kind === "clarify") {
    const ranking = intent.cues.has("best") ? "best" : intent.cues.has("worst") ? "worst" : undefined;
    return answerableChoices(clarifyOutcome(layer, language, question, result.ambiguity, result.span.text, ranking), context);
  }
  if (result.kind === "unsupported") return unsupportedOutcome(layer, language, result.reason, { related });
  let finalized: ReturnType<typeof finalizeDraft>;
  try {
    finalized = finalizeDraft(result.draft, layer, context.asOfDate, { rowsDated: DATING_WORDS.test(intent.text) });
  } catch {
    return unsupportedOutcome(layer, language, "not_understood", { related });
  }
  // Every word read must be in the plan: a dropped filter, trend, ranking or comparison answers another question.
  if (finalized.plan.query.kind === "aggregate" || finalized.plan.query.kind === "list") {
    const missing = unaccountedWords(planned, finalized.plan.query, layer);
    if (missing.length > 0) {
      const ranking = intent.cues.has("best") ? "best" : intent.cues.has("worst") ? "worst" : undefined;
      // An ambiguous word left undecided, or a best/worst with no measure, asks which measure is meant.
      // (A vague ranking word beside a measure said, "best and worst branches by NPL ratio", is not the cause.)
      const mention = intent.ambiguities.find((candidate) => !(candidate.span.senses.some((sense) => sense.kind === "cue") && intent.metrics.length > 0));
      const ambiguity = mention ? layer.ambiguities.find((candidate) => candidate.id === mention.id) : undefined;
      if (ambiguity && mention) return answerableChoices(clarifyOutcome(layer, language, question, ambiguity, mention.span.text, ranking), context);
      const performance = layer.ambiguities.find((candidate) => candidate.id === "performance");
      const rankingWord = missing.find((entry) => entry.kind === "ranking")?.word;
      if (ranking && rankingWord && performance && intent.metrics.length === 0 && missing.every((entry) => entry.kind === "ranking")) return answerableChoices(clarifyOutcome(layer, language, question, performance, rankingWord, ranking), context);
      return unsupportedOutcome(layer, language, "not_understood", { related, detail: missing.map((entry) => entry.word).join(", ") });
    }
    // "NPL率", "M3+率": a rate of a term's rows answered with no rate would be their count or their list.
    const droppedRate = rateWordDropped(planned, finalized.plan.query, layer);
    if (droppedRate) return unsupportedOutcome(layer, language, "not_understood", { related, detail: droppedRate });
    // "按产品种类看余额": a class word after a grouped dimension may mean a coarser class than the dimension grouped.
    const classWord = classWordAfterDimension(scanned, finalized.plan.query);
    if (classWord) return unsupportedOutcome(layer, language, "not_understood", { related, detail: classWord });
  }
  // "去年12月的逾期率", "NPL ratio at the end of last year": the data keeps loans' current state only, so a state
  // measure of one past month or at a period's end has no answer, unless the period dates the rows by the act that
  // dates them ("去年12月放款的贷款的逾期率"). (A longer window, "近6个月", selects loans by disbursement: DOMAIN.md.)
  const pointInTime = finalized.notes.pastState === "month" || (finalized.notes.pastState === "window" && PERIOD_END_WORDS.test(intent.text));
  if (pointInTime && !DATING_WORDS.test(intent.text)) return unsupportedOutcome(layer, language, "out_of_scope", { related, explanation: PAST_STATE });
  // A period that ends before it starts (a comparison read backwards) has no meaning to answer.
  const ranges = [finalized.plan.query.kind === "aggregate" || finalized.plan.query.kind === "list" ? finalized.plan.query.time : undefined, finalized.plan.query.kind === "aggregate" ? finalized.plan.query.compareTo : undefined];
  if (ranges.some((range) => range && range.start > range.end)) return unsupportedOutcome(layer, language, "not_understood", { related });
  // "90天以上的逾期率": a rate filtered by its own numerator's column is the bucket's rate, or nothing.
  if (finalized.plan.query.kind === "aggregate") {
    const replaced = replaceDegenerateRates(finalized.plan.query, layer);
    if (!replaced) return unsupportedOutcome(layer, language, "not_understood", { related });
    finalized = { ...finalized, plan: { ...finalized.plan, query: replaced } };
  }
  // A period after the as-of date has no rows yet: answered (an empty result says so), with less confidence. Rows
  // listed for such a period ("未来3天要还款的贷款") most likely mean rows scheduled then, which an empty list misstates.
  if (finalized.notes.afterAsOfDate && finalized.plan.query.kind === "list") return unsupportedOutcome(layer, language, "not_understood", { related });
  // "各类预警数量": a grouping word that groups nothing (no dimension, no trend) asked for groups the plan lacks.
  const query = finalized.plan.query;
  const groupCue = intent.cueSpans.some((entry) => entry.cue === "group" && /^(?:各|每|by$|per$)/.test(entry.span.text));
  if (groupCue && intent.groupBy.length === 0 && !intent.trendGrain && query.kind === "aggregate" && query.dimensions.length === 0 && !query.compareTo) return unsupportedOutcome(layer, language, "not_understood", { related });
  // "逾期贷款分开统计": 分开 (separately) with nothing to separate by asks for groups no plan here has.
  const separately = intent.cueSpans.some((entry) => entry.cue === "group" && entry.span.text.startsWith("分开"));
  if (separately && intent.groupBy.length === 0 && !intent.trendGrain && (query.kind === "list" || (query.kind === "aggregate" && query.dimensions.length === 0))) return unsupportedOutcome(layer, language, "not_understood", { related });
  // "customers with an overdue balance", "有逾期余额的客户": rows that have some of a measure are not its total.
  if ((query.kind === "aggregate" || query.kind === "list") && rowsHavingMeasure(planned, layer, query)) return unsupportedOutcome(layer, language, "not_understood", { related });
  // "上海贷款的平均违约概率": rows named that the measured rows cannot be joined to restrict nothing.
  if ((query.kind === "aggregate" || query.kind === "list") && unreachableRowsNamed(planned, layer, query)) return unsupportedOutcome(layer, language, "not_understood", { related });
  const afterAsOfDate = finalized.notes.afterAsOfDate ? 0.1 : 0;
  const confidence = FULL_CONFIDENCE - afterAsOfDate - result.penalty - finalized.notes.penalty - intent.unknownWords.reduce((total, word) => total + unknownWordPenalty(word), 0) - 0.05 * intent.fuzzyMatches;
  if (confidence < MINIMUM_CONFIDENCE) {
    // "total approved amount of applications over 500k": a bare amount the rows' money columns do not decide asks which.
    const rowsEntity = query.kind === "list" ? query.entity : query.kind === "aggregate" && query.metrics.length > 0 ? layer.metric(query.metrics[0]).entity : undefined;
    const amount = amountClarification(planned, layer, question, rowsEntity);
    return amount ? answerableChoices(amount, context) : unsupportedOutcome(layer, language, "not_understood", { related });
  }
  return { status: "plan", language, plan: finalized.plan, confidence: Math.round(confidence * 100) / 100 };
}

let checkingChoices = false;

/**
 * A clarification keeps only the choices that are themselves answered ("the worst loans": a loan has no overdue
 * rate, so that choice is not offered); with fewer than two left there is nothing to choose and it declines.
 */
function answerableChoices(outcome: PlannerOutcome, context: PlannerContext): PlannerOutcome {
  if (outcome.status !== "clarify" || checkingChoices) return outcome;
  checkingChoices = true;
  try {
    const choices = outcome.choices.filter((choice) => planQuestion(choice.message, context).status === "plan");
    if (choices.length >= 2) return { ...outcome, choices };
  } finally {
    checkingChoices = false;
  }
  return unsupportedOutcome(context.semanticLayer, outcome.language, "not_understood");
}

/**
 * The intent read as a measure ("show the AUM trend of high value customers"): words read as row attributes that
 * also name a metric are measured.
 */
function measuredIntent(intent: Intent, layer: SemanticLayer): Intent {
  const metrics = [...intent.metrics];
  const attributes = intent.attributes.filter((mention) => {
    const named = mention.span.senses.flatMap((sense) => (sense.kind === "metric" && layer.has("metric", sense.id) ? [sense.id] : []));
    for (const id of named) if (!metrics.includes(id)) metrics.push(id);
    return named.length === 0;
  });
  return { ...intent, mode: "aggregate", metrics, attributes };
}

/**
 * What a word left over costs. A content word the planner does not know may change the meaning ("已婚客户的不良率",
 * "NPL ratio of married customers"), so one is enough to decline (common verbs and particles are stop words).
 */
function unknownWordPenalty(_word: string): number {
  return 0.55;
}

/** The offline planner: the default, answering without any network or API key. */
export function createOfflinePlanner(): Planner {
  return {
    name: "offline",
    plan: async (question, context) => planQuestion(question, context),
  };
}
