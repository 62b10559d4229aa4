/**
 * Rows filtered by related rows ("本月有未还款的客户", "loans with a field visit this month"): a question about
 * entity A that names values or terms of an entity B whose rows belong to A (B reaches A through the semantic
 * layer's many-to-one joins) reads them as a "related" filter on A — EXISTS a B row matching them — and its time
 * word, if any, dates B's rows, never A's. Anything unclear (two candidate entities, several periods, a period
 * term of A) declines rather than guesses.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { DateRange, Filter, RelatedFilter } from "../../plan/query-plan.ts";
import { buildDraft } from "./build-draft.ts";
import type { BuildResult } from "./build-result.ts";
import { timeOf } from "./question-period.ts";
import type { NumberMention } from "./number-targets.ts";
import type { Intent } from "./read-question.ts";
import type { Span } from "./scan-question.ts";
import { countMetricOf, dimensionApplies, dimensionCloseness, reachableEntities, termApplies } from "./semantic-helpers.ts";
import { heldNow, ownerNamedAtHead, rowsAskedWhich, termNamesRows, termOfHeldRows } from "./head-owner-subject.ts";
import { scheduledPeriod, scheduledRelatedDate } from "./related-schedule-dates.ts";
import type { ScheduledDate } from "./related-schedule-dates.ts";
import { subjectEntity } from "./subject-entity.ts";

/** What the related reading came to: a draft (with the intent it was built from), or a decline. */
export type RelatedReading = { kind: "draft"; result: BuildResult; planned: Intent } | { kind: "decline" };

/** Words saying the rows have (or lack) a related row right before its entity's name. */
const HAVING = /(?:有过?|持有|做过|收到过?|发生过|出现过|with|have|has|had|got|received|receiving|hold|holds|holding)(?:\s+(?:a|an|any|some|one))?\s*$/;
const LACKING = /(?:没有|没|无|without|with no|have no|has no|had no|no)(?:\s+(?:a|an|any))?\s*$/;

/** Entities whose rows belong to `subject` (the subject is reachable from them), excluding the subject itself. */
function childEntities(layer: SemanticLayer, subject: string): Set<string> {
  return new Set(layer.entities.filter((entity) => entity.id !== subject && reachableEntities(layer, entity.id).has(subject)).map((entity) => entity.id));
}

/** The entity whose table holds a dimension's column, if that entity's rows belong to the subject. */
function childOfDimension(layer: SemanticLayer, dimensionId: string, children: Set<string>): string | undefined {
  const table = layer.dimension(dimensionId).table;
  return layer.entities.find((entity) => entity.table === table && children.has(entity.id))?.id;
}

/** Where an entity's name is said in the question, with the words before it. */
function entityNameAt(layer: SemanticLayer, entity: string, text: string): { before: string; after: string } | undefined {
  const names = [...layer.entity(entity).names.zh, ...layer.entity(entity).names.en].map((name) => name.toLowerCase()).sort((left, right) => right.length - left.length);
  for (const name of names) {
    const index = text.indexOf(name);
    if (index >= 0) return { before: text.slice(0, index), after: text.slice(index + name.length) };
  }
  return undefined;
}

/** The related entity a value's own names name ("汽车贷款" names 贷款, "auto loan" names loan), when exactly one. */
function rowsNamedByValue(layer: SemanticLayer, option: { dimension: string; value: string }, children: Set<string>): { entity: string; dimension: string; value: string }[] {
  const value = layer.dimension(option.dimension).values?.find((candidate) => candidate.value === option.value);
  if (!value) return [];
  const valueNames = [...value.names.zh, ...value.names.en].map((name) => name.toLowerCase());
  const named = [...children].filter((entity) => {
    const entityNames = [...layer.entity(entity).names.zh, ...layer.entity(entity).names.en].map((name) => name.toLowerCase());
    return entityNames.some((entityName) => valueNames.some((valueName) => valueName !== entityName && (/^[a-z ]+$/.test(entityName) ? new RegExp(`\\b${entityName}s?$`).test(valueName) : valueName.endsWith(entityName))));
  });
  return named.length === 1 && dimensionCloseness(layer, option.dimension, named[0]) > 0 ? [{ entity: named[0], ...option }] : [];
}

/** Whether a value is said as what is had: after a having word, with only term words (逾期的, overdue) between. */
function hadAfterHavingWord(intent: Intent, span: Span): boolean {
  let cut = span.start;
  for (let moved = true; moved; ) {
    moved = false;
    for (const { span: term } of intent.termSpans)
      if (term.end <= cut && /^[\s的]*$/.test(intent.text.slice(term.end, cut)) && term.start < cut) {
        cut = term.start;
        moved = true;
      }
  }
  return HAVING.test(intent.text.slice(0, cut));
}

/**
 * Reads a question as rows of its subject filtered by related rows, when it names any; undefined when it names
 * none (the ordinary readings apply).
 */
export function readRelatedRows(question: Intent, layer: SemanticLayer, asOfDate: string): RelatedReading | undefined {
  const intent = nounsAsRows(question, layer);
  // The subject is named as rows ("客户"), or counted by its count metric alone ("客户数量", "how many customers").
  const countedEntity = intent.metrics.length === 1 ? layer.metric(intent.metrics[0]).entity : undefined;
  const counted =
    countedEntity && countMetricOf(layer, countedEntity)?.id === intent.metrics[0] && intent.entityMentions.every((entity) => childEntities(layer, countedEntity).has(entity))
      ? countedEntity
      : undefined;
  // "customers with a campaign touch": a plural noun read as a count names rows unless the question counts them.
  if (counted && !counts(intent)) return readRelatedRows({ ...intent, entityMentions: headLast(intent, counted, intent.entityMentions), metrics: [], mode: "list" }, layer, asOfDate);
  // "有贷款的高价值客户", "which borrowers have an overdue auto loan": a term or value at the head names the subject.
  const headOwner = ownerNamedAtHead(intent, layer);
  const subject = counted ?? headWithRelatedRows(intent, layer) ?? rowsAskedWhich(intent, layer) ?? headOwner ?? subjectEntity(intent, layer);
  if (!subject || !(intent.entityMentions.includes(subject) || subject === counted || subject === headOwner || termNamesRows(intent, layer, subject))) return undefined;
  // "customers' converted touches": what follows a possessive belongs to the subject's rows, it does not filter them.
  if (/^\s*'/.test(entityNameAt(layer, subject, intent.text)?.after ?? "")) return undefined;
  const children = childEntities(layer, subject);
  const mentionedChildren = intent.entityMentions.filter((entity) => children.has(entity));

  // Value words that do not apply to the subject but to rows belonging to it, with the entities each may mean.
  const valueMentions: { span: Span; candidates: { entity: string; dimension: string; value: string }[] }[] = [];
  let namedByValue = 0;
  for (const mention of intent.values) {
    if (mention.options.some((option) => dimensionCloseness(layer, option.dimension, subject) > 0)) continue;
    let candidates = mention.options.flatMap((option) => {
      const entity = childOfDimension(layer, option.dimension, children);
      return entity ? [{ entity, ...option }] : [];
    });
    // "customers with an overdue auto loan", "有逾期的车贷": a value had (said after a having word) whose own names name
    // one related entity (汽车贷款, auto loan → loans) names those rows (with no period: which date would it be?).
    if (candidates.length === 0 && intent.times.length === 0 && !intent.negated.has(mention.span) && hadAfterHavingWord(intent, mention.span)) {
      candidates = mention.options.flatMap((option) => rowsNamedByValue(layer, option, children));
      // "有房贷又有车贷": two values had may be two rows (both) or either; one filter would answer only one of them.
      if (candidates.length > 0 && namedByValue++ > 0) return { kind: "decline" };
    }
    if (candidates.length > 0) valueMentions.push({ span: mention.span, candidates });
  }
  // A word of two entities ("还款违约": a repayment status, an alert type) is decided by the entity named or by the
  // other words' entity; otherwise it stays undecided and the question is declined.
  const agreed = new Set([...mentionedChildren, ...valueMentions.filter((mention) => new Set(mention.candidates.map((candidate) => candidate.entity)).size === 1).map((mention) => mention.candidates[0].entity)]);
  const related: { span: Span; entity: string; filter: Filter }[] = [];
  for (const mention of valueMentions) {
    const kept = mention.candidates.filter((candidate) => agreed.size === 0 || agreed.has(candidate.entity));
    if (new Set(kept.map((candidate) => candidate.entity)).size !== 1) return { kind: "decline" };
    const { entity, dimension, value } = kept[0];
    const same = related.find((entry) => entry.filter.kind === "in" && entry.filter.dimension === dimension && intent.negated.has(entry.span) === intent.negated.has(mention.span));
    if (same && same.filter.kind === "in") {
      if (!same.filter.values.includes(value)) same.filter.values.push(value);
      related.push({ span: mention.span, entity, filter: same.filter });
    } else related.push({ span: mention.span, entity, filter: { kind: "in", dimension, values: [value] } });
  }
  for (const { id, span } of intent.termSpans) {
    if (termApplies(layer, id, subject)) continue;
    const entity = layer.term(id).entity;
    if (children.has(entity)) related.push({ span, entity, filter: { kind: "term", term: id } });
  }

  // "NPS评分低于7分的客户", "customers who gave an NPS score of 6 or below": a number compared with an attribute only
  // rows belonging to the subject have filters those rows.
  const comparedNumbers = new Set<NumberMention>();
  for (const number of intent.numbers) {
    const mention = number.target ? intent.attributes.find((candidate) => candidate.span === number.target) : undefined;
    if (!mention || mention.options.some((option) => option.entity === subject)) continue;
    const options = mention.options.filter((option) => children.has(option.entity));
    const condition = number.condition;
    if (options.length !== 1) continue;
    const { id: attribute, entity: owner } = options[0];
    if (condition.low !== undefined && condition.high !== undefined) related.push({ span: mention.span, entity: owner, filter: { kind: "between", attribute, low: condition.low, high: condition.high } });
    else if (condition.op && condition.value !== undefined) related.push({ span: mention.span, entity: owner, filter: { kind: "compare", attribute, op: condition.op, value: condition.value } });
    else continue;
    comparedNumbers.add(number);
  }
  const entities = new Set(related.map((entry) => entry.entity));
  if (entities.size > 1) return { kind: "decline" };
  let entity = [...entities][0];
  let exists = true;
  let scheduled: ScheduledDate | undefined;
  if (entity) {
    const negated = related.filter((entry) => intent.negated.has(entry.span)).length;
    if (negated > 0 && negated < related.length) return { kind: "decline" };
    exists = negated === 0;
    if (mentionedChildren.some((other) => other !== entity)) return { kind: "decline" };
  } else {
    // Only the related entity's name: "有预警的客户", "customers without alerts", "received a campaign touch".
    // "有预警的贷款": rows said after a having word that do not belong to the subject cannot filter it; answering
    // without them would drop the condition.
    const unrelated = intent.entityMentions.filter((other) => other !== subject && !children.has(other));
    if (unrelated.some((other) => HAVING.test(entityNameAt(layer, other, intent.text)?.before ?? "") || LACKING.test(entityNameAt(layer, other, intent.text)?.before ?? ""))) return { kind: "decline" };
    // "未来一周要还款的客户": a schedule date of the related rows, said with a period, names them.
    scheduled = mentionedChildren.length === 0 ? scheduledRelatedDate(intent, layer, subject, children) : undefined;
    if (scheduled) entity = scheduled.entity;
    else {
      if (mentionedChildren.length !== 1) return undefined;
      const place = entityNameAt(layer, mentionedChildren[0], intent.text);
      if (!place) return undefined;
      if (LACKING.test(place.before)) exists = false;
      else if (!HAVING.test(place.before) && !/^过/.test(place.after)) return undefined;
      entity = mentionedChildren[0];
    }
  }

  // "customers with an application of more than 500k", "a loan over 1m": a number said of the related rows (which
  // column? how many?) is not carried by their filter, and must not fall to a column of the subject.
  if (intent.numbers.some((number) => number.target?.senses.some((sense) => sense.kind === "entity" && sense.id === entity))) return { kind: "decline" };

  // One set of related rows: a value word kept on the subject that could also describe them ("high" of customers
  // or of alerts) is undecided; a term of the related rows said with them describes them ("未处理", "open").
  const relatedSpans = new Set(related.map((entry) => entry.span));
  // "申请过消费类贷款但被拒了": a value that cannot describe the subject but describes the related rows (through their
  // joins: an application's product) is said of them.
  // (Not a second value of a dimension already said of them: "有房贷或车贷", "a mortgage and an auto loan" may be
  // either or two rows.)
  const saidDimensions = new Set(related.flatMap((entry) => (entry.filter.kind === "in" ? [entry.filter.dimension] : [])));
  for (const mention of intent.values) {
    if (relatedSpans.has(mention.span) || mention.options.some((option) => dimensionApplies(layer, option.dimension, subject))) continue;
    const fitting = mention.options.filter((option) => dimensionApplies(layer, option.dimension, entity));
    if (fitting.length !== 1 || saidDimensions.has(fitting[0].dimension)) continue;
    if (intent.negated.has(mention.span) !== !exists) return { kind: "decline" };
    related.push({ span: mention.span, entity, filter: { kind: "in", dimension: fitting[0].dimension, values: [fitting[0].value] } });
    relatedSpans.add(mention.span);
  }
  for (const mention of intent.values) {
    if (!relatedSpans.has(mention.span) && mention.options.some((option) => childOfDimension(layer, option.dimension, children) === entity)) return { kind: "decline" };
  }
  if (related.length > 0) {
    for (const { id, span } of intent.termSpans) {
      if (relatedSpans.has(span) || layer.term(id).entity !== entity) continue;
      if (intent.negated.has(span) !== !exists) return { kind: "decline" };
      related.push({ span, entity, filter: { kind: "term", term: id } });
      relatedSpans.add(span);
    }
  }

  // "customers we took legal action against": "against" right after the related rows' words is what the action
  // was taken on, not a comparison.
  const reading = withoutActedAgainst(intent, related.map((entry) => entry.span));
  // The question's period dates the related rows: one period, no trend, no comparison, no period term of the subject.
  const period = scheduled ? scheduledPeriod(reading, layer, asOfDate, scheduled) : relatedPeriod(reading, layer, asOfDate, entity, subject);
  if (period === "decline") return { kind: "decline" };
  const planned: Intent = {
    ...reading,
    attributes: reading.attributes.filter((mention) => mention.span !== scheduled?.span && !relatedSpans.has(mention.span)),
    numbers: reading.numbers.filter((number) => !comparedNumbers.has(number)),
    values: intent.values.filter((mention) => !relatedSpans.has(mention.span)),
    terms: intent.terms.filter((id) => !related.some((entry) => entry.filter.kind === "term" && entry.filter.term === id)),
    termSpans: intent.termSpans.filter((entry) => !relatedSpans.has(entry.span)),
    entityMentions: intent.entityMentions.filter((mentioned) => mentioned !== entity),
    times: [],
  };
  // A negation of the related rows is said by the filter (NOT EXISTS), not by the subject's own filters.
  if (!exists) {
    planned.cues = new Set([...reading.cues].filter((cue) => cue !== "negate"));
    planned.cueSpans = reading.cueSpans.filter((entry) => entry.cue !== "negate");
    planned.negated = new Set([...intent.negated].filter((span) => !relatedSpans.has(span)));
  }
  // "有预警的客户": the related entity's name was the only noun to count; what is left names rows (a list).
  if (related.length === 0 && planned.mode === "aggregate" && !intent.cues.has("count") && intent.metrics.length === 0) planned.mode = "list";
  const result = buildDraft(planned, layer, asOfDate);
  if (result.kind !== "draft") return { kind: "draft", result, planned };
  const draft = result.draft;
  // The filter applies to the subject's rows: every measure must count or sum them, and nothing else may be dated.
  if (draft.kind === "list" ? draft.entity !== subject : draft.metrics.some((id) => layer.metric(id).entity !== subject)) return { kind: "decline" };
  if (draft.period || draft.compare) return { kind: "decline" };
  const time = period ? { time: scheduled ? { ...period, dateAttribute: scheduled.attribute } : period } : {};
  const filters: Filter[] = [{ kind: "related", entity, exists, filters: [...new Set(related.map((entry) => entry.filter))], ...time } satisfies RelatedFilter];
  const place = entityNameAt(layer, entity, intent.text);
  // "有贷款的高价值客户", "customers who have a loan": rows held now, with nothing said of them, are the subject's term
  // the layer names "<subject> with <rows>" (customers with loans: borrowers, DOMAIN.md).
  const heldTerm = termOfHeldRows(layer, subject, entity);
  if (heldTerm && exists && related.length === 0 && !period && place && heldNow(intent.text, place.before)) filters.splice(0, 1, { kind: "term", term: heldTerm });
  // "customers who received a touch but didn't convert": the rows had one, none of which matched.
  if (!exists && related.length > 0 && place && HAVING.test(place.before) && !LACKING.test(place.before)) filters.unshift({ kind: "related", entity, exists: true, filters: [], ...time });
  return { kind: "draft", result: { ...result, draft: { ...draft, filters: [...draft.filters, ...filters] } }, planned };
}

/** The intent without a comparison word "against" said right after one of the related rows' words. */
function withoutActedAgainst(intent: Intent, spans: Span[]): Intent {
  const against = intent.cueSpans.filter((entry) => entry.cue === "compare" && entry.span.text === "against" && spans.some((span) => span.end <= entry.span.start && /^\s*$/.test(intent.text.slice(span.end, entry.span.start))));
  if (against.length === 0) return intent;
  const cueSpans = intent.cueSpans.filter((entry) => !against.includes(entry));
  const cues = new Set([...intent.cues].filter((cue) => cue !== "compare" || cueSpans.some((entry) => entry.cue === "compare")));
  return { ...intent, cues, cueSpans };
}

/**
 * "customers with no alerts this month", "loans with no collection actions": nouns read as count metrics
 * (customers, alerts) are rows and their related rows when the related one is said right after a having word
 * (with, without, 有, 没有) and belongs to the other. What is left is counted only when the question counts.
 */
function nounsAsRows(intent: Intent, layer: SemanticLayer): Intent {
  if (intent.metrics.length === 0 || intent.entityMentions.length + intent.metrics.length !== 2) return intent;
  const metricEntities = intent.metrics.map((id) => layer.metric(id).entity);
  if (intent.metrics.some((id, index) => countMetricOf(layer, metricEntities[index])?.id !== id)) return intent;
  const [first, second] = [...intent.entityMentions, ...metricEntities];
  if (first === second) return intent;
  const [subject, child] = reachableEntities(layer, second).has(first) ? [first, second] : reachableEntities(layer, first).has(second) ? [second, first] : [];
  if (!subject || !child) return intent;
  const place = entityNameAt(layer, child, intent.text);
  if (!place || !entityNameAt(layer, subject, intent.text) || !(HAVING.test(place.before) || LACKING.test(place.before))) return intent;
  const counting = counts(intent);
  const subjectCount = countMetricOf(layer, subject)?.id;
  if (counting && subjectCount) return { ...intent, entityMentions: [child], metrics: [subjectCount], mode: "aggregate" };
  return { ...intent, entityMentions: headLast(intent, subject, [child]), metrics: [], mode: "list" };
}

/**
 * "customers with a campaign touch that did not convert": the head noun (first in English, last in Chinese) has the
 * rows the terms describe, said after a having word, so it is the subject, not the terms' own entity.
 */
function headWithRelatedRows(intent: Intent, layer: SemanticLayer): string | undefined {
  const mentions = intent.entityMentions;
  const head = intent.language === "zh" ? mentions[mentions.length - 1] : mentions[0];
  if (!head) return undefined;
  const children = childEntities(layer, head);
  const child = mentions.find((entity) => children.has(entity) && intent.terms.some((id) => layer.term(id).entity === entity));
  const place = child ? entityNameAt(layer, child, intent.text) : undefined;
  return place && (HAVING.test(place.before) || LACKING.test(place.before)) ? head : undefined;
}

/** Entity mentions with the subject where the language puts its head noun (last in Chinese, first in English). */
function headLast(intent: Intent, subject: string, others: string[]): string[] {
  return intent.language === "zh" ? [...others, subject] : [subject, ...others];
}

/** Whether the question asks for a number of rows rather than the rows. */
function counts(intent: Intent): boolean {
  return intent.cues.has("count") || /\b(?:how many|number of|count of)\b|多少|几个|几笔|几位|几户|数量|个数|笔数|客户数/.test(intent.text);
}

/** The period of the related rows, none, or a decline when the time words cannot simply date them. */
function relatedPeriod(intent: Intent, layer: SemanticLayer, asOfDate: string, entity: string, subject: string): DateRange | undefined | "decline" {
  if (intent.times.length === 0) return undefined;
  if (intent.times.length > 1 || intent.trendGrain) return "decline";
  if (intent.terms.some((id) => layer.term(id).entity === subject && layer.term(id).needsPeriod)) return "decline";
  const { period, compare } = timeOf(intent, asOfDate);
  if (!period || compare) return "decline";
  const dateColumn = layer.entity(entity).dateColumn;
  if (!dateColumn) return "decline";
  // Rows dated after the as-of date exist only for schedules (installments due next month).
  const dateAttribute = layer.attributes.find((attribute) => attribute.entity === entity && attribute.sql === dateColumn);
  if (period.end > asOfDate && !dateAttribute?.schedule) return "decline";
  return period;
}

/**
 * A follow-up of rows filtered by related rows ("本月有未还款的客户" → "上个月呢") moves the related rows' period, never
 * dating the subject's rows; a trend, a comparison or a period for related rows that had none is declined.
 */
export function redateRelatedRows(result: BuildResult): BuildResult | undefined {
  if (result.kind !== "draft") return result;
  const draft = result.draft;
  if (!draft.filters.some((filter) => filter.kind === "related")) return result;
  const trend = draft.dimensions.some((dimension) => dimension.id === "time");
  if (!draft.period && !draft.compare && !trend) return result;
  if (!draft.period || draft.compare || trend || draft.dateAttribute) return undefined;
  const period = { start: draft.period.start, end: draft.period.end };
  if (!draft.filters.some((filter) => filter.kind === "related" && filter.time)) return undefined;
  const filters = draft.filters.map((filter) => (filter.kind === "related" && filter.time ? { ...filter, time: { ...filter.time, ...period } } : filter));
  return { ...result, draft: { ...draft, filters, period: undefined, periodDefaulted: undefined } };
}
