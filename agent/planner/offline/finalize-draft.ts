/**
 * The time rules, applied when a draft becomes a query plan:
 * - State metrics (balance, overdue rate, NPL ratio: rows restricted to active loans) are as of the as-of date
 *   (DOMAIN.md), so the as-of month ("本月", "this month", "today") with no trend or comparison means the current
 *   state: no time filter. Longer periods ("last 6 months") filter rows by their own date. State terms (overdue,
 *   NPL) in lists follow the same rule.
 * - Customers are dated by onboarding; "本月" selects customers by date only for period terms (新客户) or terms
 *   with their own date attribute (流失 → churn_date); otherwise a current period is dropped the same way.
 * - Month-based terms and attributes (rising repayment risk, PD change) take the named month as referenceMonth
 *   (default the as-of month) instead of a date filter.
 * - Trends default to the last 12 months; comparisons resolve to an absolute earlier range.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import { QueryPlan } from "../../plan/query-plan.ts";
import type { DateRange, Filter, TimeFilter } from "../../plan/query-plan.ts";
import { formatMonth, monthOf, previousPeriod, rangeContains, sameRangeLastYear } from "./date-math.ts";
import type { Draft } from "./draft.ts";
import { isPeriodTermEntity, isStateMetric, isStateTerm, termValues, usesReferenceMonth } from "./semantic-helpers.ts";

/**
 * "cost per application for campaign CP004": a metric of one entity's rows, filtered to rows by that entity's own key,
 * is each named row's figure, shown beside its key (a metric "per campaign" of one campaign names the campaign).
 */
function perRowDimensions(draft: Draft, layer: SemanticLayer): Draft["dimensions"] {
  if (draft.kind !== "aggregate" || draft.dimensions.length > 0 || draft.metrics.length === 0) return draft.dimensions;
  const entities = new Set(draft.metrics.map((id) => layer.metric(id).entity));
  if (entities.size !== 1) return draft.dimensions;
  const key = layer.entity([...entities][0]).key;
  const keyed = draft.filters.find((filter) => filter.kind === "in" && layer.has("dimension", filter.dimension) && layer.dimension(filter.dimension).column === key);
  return keyed && keyed.kind === "in" ? [{ id: keyed.dimension }] : draft.dimensions;
}

/** What finalizing noticed that makes the plan less certain. */
export interface FinalizeNotes {
  penalty: number;
  reasons: string[];
  /** The period lies after the as-of date, where these rows have no data yet. */
  afterAsOfDate?: boolean;
  /** A state measure (balance, overdue rate, NPL) asked for one past month, or a longer past window. */
  pastState?: "month" | "window";
}

const termIdsOf = (filters: Filter[]): string[] =>
  filters.flatMap((filter) => {
    if (filter.kind === "term") return [filter.term];
    if (filter.kind === "and" || filter.kind === "or") return termIdsOf(filter.filters);
    if (filter.kind === "not") return termIdsOf([filter.filter]);
    return [];
  });

/** Terms a top-level one-value filter says exactly ("customers we lost": status churned is the 流失 term): they date the rows like the term. */
const termsMeantByValues = (filters: Filter[], layer: SemanticLayer): string[] =>
  filters.flatMap((filter) =>
    filter.kind === "in" && filter.values.length === 1
      ? layer.terms
          .filter((term) => {
            const meant = termValues(layer, term.id);
            return meant.length === 1 && meant[0].dimension === filter.dimension && meant[0].value === filter.values[0];
          })
          .map((term) => term.id)
      : [],
  );

const singleMonth = (range: DateRange) => range.start.slice(0, 7) === range.end.slice(0, 7) && range.start.endsWith("-01") && monthOf(range.end).month === monthOf(range.start).month;

/** A date attribute of the entity named like one of the terms ("流失客户" → 流失日期 churn_date). */
function termDateAttribute(layer: SemanticLayer, entity: string, termIds: string[]): string | undefined {
  const entityDate = layer.entity(entity).dateColumn;
  for (const termId of termIds) {
    const term = layer.term(termId);
    for (const attribute of layer.attributes) {
      if (attribute.entity !== entity || attribute.type !== "date" || attribute.sql === entityDate) continue;
      const stems = attribute.names.zh.map((name) => name.replace(/日期|时间|日$/g, "")).filter((stem) => stem.length >= 2);
      if (stems.some((stem) => term.names.zh.some((name) => name.includes(stem)))) return attribute.id;
    }
  }
  return undefined;
}

/** Applies the time rules and validates the result with the plan schema. */
export function finalizeDraft(draft: Draft, layer: SemanticLayer, asOfDate: string, options: { rowsDated?: boolean } = {}): { plan: QueryPlan; notes: FinalizeNotes } {
  const notes: FinalizeNotes = { penalty: 0, reasons: [] };
  const termIds = termIdsOf(draft.filters);
  const datingTermIds = [...termIds, ...termsMeantByValues(draft.filters, layer)];
  const terms = termIds.map((id) => layer.term(id));
  const entity = draft.kind === "list" ? (draft.entity as string) : layer.metric(draft.metrics[0]).entity;
  const hasTrend = draft.dimensions.some((dimension) => layer.dimension(dimension.id).type === "time");
  const monthBased =
    terms.some(usesReferenceMonth) || draft.attributes.some((id) => usesReferenceMonth(layer.attribute(id))) || draft.order.some((order) => layer.has("attribute", order.by) && usesReferenceMonth(layer.attribute(order.by)));
  const periodTerm = terms.some((term) => term.needsPeriod);
  let period = draft.period;
  let referenceMonth: string | undefined;
  let dateAttribute = draft.dateAttribute;

  if (monthBased) {
    referenceMonth = period && singleMonth(period) ? formatMonth(monthOf(period.start)) : formatMonth(monthOf(asOfDate));
    if (period && !singleMonth(period) && !periodTerm && !hasTrend) {
      notes.penalty += 0.2;
      notes.reasons.push("a month-based term with a period longer than a month: the as-of month is used");
    }
    if (!periodTerm && !hasTrend) period = undefined;
  }

  let compareTo: DateRange | undefined;
  // A trend shows the change period by period; the compiler cannot also compare with an earlier period.
  if (draft.compare && !hasTrend) {
    period ??= monthRangeOf(asOfDate);
    compareTo = draft.compare.kind === "range" ? draft.compare.range : draft.compare.kind === "year" ? sameRangeLastYear(period) : previousPeriod(period);
    // "上个月比前一个月": two period words that name the same range compare nothing.
    if (compareTo.start === period.start && compareTo.end === period.end) {
      notes.penalty += 1;
      notes.reasons.push("a period compared with itself");
    }
  }

  // "近6个月每月流失客户数": rows a term dates by its own date (流失 → churn_date) fall into the months of that date.
  if (period && (hasTrend || compareTo) && !periodTerm && !dateAttribute) dateAttribute = termDateAttribute(layer, entity, datingTermIds);

  if (period && !hasTrend && !compareTo && !periodTerm) {
    // Only the as-of month (or a shorter period ending at the as-of date) reads as "now"; longer periods filter rows.
    const current = rangeContains(period, asOfDate) && period.start >= `${asOfDate.slice(0, 7)}-01`;
    // ("本月放款的贷款逾期率": a period said of the rows' own dating act, options.rowsDated, selects the rows.)
    // ("本月不良贷款多少笔": a count of rows in a state, like a list of them, is the current state.)
    const stateQuestion =
      !options.rowsDated &&
      (draft.kind === "aggregate"
        ? draft.metrics.every((id) => isStateMetric(layer.metric(id))) ||
          (terms.some(isStateTerm) && draft.metrics.every((id) => layer.metric(id).entity === entity && layer.metric(id).format === "count")) ||
          (isPeriodTermEntity(layer, entity) && draft.metrics.every((id) => layer.metric(id).entity === entity) && !layer.metric(draft.metrics[0]).dateColumn)
        : terms.some(isStateTerm) || isPeriodTermEntity(layer, entity));
    const datedByTerm = termDateAttribute(layer, entity, datingTermIds);
    if (datedByTerm && !dateAttribute) dateAttribute = datedByTerm;
    else if (stateQuestion && !dateAttribute) {
      if (current) period = undefined;
      else {
        notes.penalty += 0.2;
        notes.reasons.push("a state measure with a past period is read by the rows' own date");
        // "去年12月的逾期率": one past month asks for the state then, which is not kept (longer windows date the rows).
        notes.pastState = singleMonth(period) ? "month" : "window";
      }
    }
  }

  // Rows are dated up to the as-of date; only the dates of a schedule (installments due, campaign ends) lie after it,
  // and some only after it (a loan's next due date): such a date with a past period has no rows to show.
  const schedule = scheduleOf(layer, entity, dateAttribute);
  if (period && period.start > asOfDate && !schedule) notes.afterAsOfDate = true;
  if (period && period.end <= asOfDate && schedule === "future") {
    notes.penalty += 0.6;
    notes.reasons.push("a date that lies only after the as-of date, with a past period");
  }

  const time: TimeFilter | undefined = period ? { start: period.start, end: period.end, ...(dateAttribute ? { dateAttribute } : {}) } : undefined;
  const query =
    draft.kind === "aggregate"
      ? {
          kind: "aggregate" as const,
          metrics: draft.metrics,
          dimensions: perRowDimensions(draft, layer),
          filters: draft.filters,
          having: draft.having,
          ...(time ? { time } : {}),
          ...(compareTo ? { compareTo, ...(draft.compare?.layout ? { compareLayout: draft.compare.layout } : {}) } : {}),
          // The compiler computes shares and bucket changes only without a comparison period.
          ...(draft.share && !compareTo && !draft.bucketChange ? { share: true } : {}),
          ...(draft.bucketChange && hasTrend && !compareTo ? { bucketChange: true } : {}),
          ...(draft.shareOf ? { shareOf: draft.shareOf } : {}),
          ...(draft.versusRest ? { versusRest: draft.versusRest } : {}),
          order: draft.order,
          ...(draft.limit ? { limit: draft.limit } : {}),
          ...(referenceMonth ? { referenceMonth } : {}),
        }
      : {
          kind: "list" as const,
          entity,
          attributes: draft.attributes,
          filters: draft.filters,
          ...(time ? { time } : {}),
          order: draft.order,
          ...(draft.limit ? { limit: draft.limit } : {}),
          ...(referenceMonth ? { referenceMonth } : {}),
        };
  return { plan: QueryPlan.parse({ version: 1, query }), notes };
}

/** The as-of month as a range. */
function monthRangeOf(asOfDate: string): DateRange {
  const month = monthOf(asOfDate);
  const end = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  return { start: `${asOfDate.slice(0, 7)}-01`, end: `${asOfDate.slice(0, 7)}-${String(end).padStart(2, "0")}` };
}

/** The schedule kind of the date a period filters: the date attribute's, else the one naming the entity's date column. */
function scheduleOf(layer: SemanticLayer, entity: string, dateAttribute: string | undefined): "any" | "future" | undefined {
  if (dateAttribute) return layer.attribute(dateAttribute).schedule;
  const dateColumn = layer.entity(entity).dateColumn;
  return layer.attributes.find((attribute) => attribute.entity === entity && attribute.sql === dateColumn)?.schedule;
}
