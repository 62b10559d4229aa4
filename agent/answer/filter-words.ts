/** Filters and metric conditions of a plan in words ("高价值客户", "城市为上海", "annual income over 500K"). */
import type { Comparison, Filter, MetricCondition, QueryPlan } from "../plan/query-plan.ts";
import type { AnswerColumnFormat } from "./answer.ts";
import { formatValue } from "./format-number.ts";
import { dimensionValueName, memberName } from "./member-names.ts";
import type { NamingContext } from "./member-names.ts";

const COMPARISON_WORDS: Record<Comparison, { zh: string; en: string }> = {
  gt: { zh: "大于", en: "over" },
  gte: { zh: "不低于", en: "at least" },
  lt: { zh: "小于", en: "under" },
  lte: { zh: "不超过", en: "at most" },
  eq: { zh: "等于", en: "equal to" },
  ne: { zh: "不等于", en: "not equal to" },
};

function attributeFormat(context: NamingContext, attributeId: string): AnswerColumnFormat | undefined {
  return context.semanticLayer.has("attribute", attributeId) ? context.semanticLayer.attribute(attributeId).format : undefined;
}

/** One filter in words. */
export function describeFilter(context: NamingContext, filter: Filter): string {
  const zh = context.language === "zh";
  switch (filter.kind) {
    case "term":
      return memberName(context, "term", filter.term);
    case "in": {
      const name = memberName(context, "dimension", filter.dimension);
      const values = filter.values.map((value) => dimensionValueName(context, filter.dimension, value));
      if (zh) return `${name}为${values.join("、")}`;
      return values.length === 1 ? `${name}: ${values[0]}` : `${name} in ${values.join(", ")}`;
    }
    case "compare": {
      const format = attributeFormat(context, filter.attribute);
      const separator = zh ? "" : " ";
      return `${memberName(context, "attribute", filter.attribute)}${separator}${COMPARISON_WORDS[filter.op][context.language]} ${formatValue(filter.value, format, context.language)}`;
    }
    case "between": {
      const format = attributeFormat(context, filter.attribute);
      const low = formatValue(filter.low, format, context.language);
      const high = formatValue(filter.high, format, context.language);
      const name = memberName(context, "attribute", filter.attribute);
      return zh ? `${name}在 ${low} 至 ${high} 之间` : `${name} between ${low} and ${high}`;
    }
    case "and":
      return filter.filters.map((inner) => describeFilter(context, inner)).join(zh ? "且" : " and ");
    case "or":
      return `(${filter.filters.map((inner) => describeFilter(context, inner)).join(zh ? "或" : " or ")})`;
    case "not":
      return zh ? `非（${describeFilter(context, filter.filter)}）` : `not (${describeFilter(context, filter.filter)})`;
    case "related": {
      // The condition and the period of the related rows, said of them (the filtered rows keep their own dates).
      const layer = context.semanticLayer;
      const name = memberName(context, "entity", filter.entity);
      const dateColumn = layer.has("entity", filter.entity) ? layer.entity(filter.entity).dateColumn : undefined;
      const dateId = filter.time?.dateAttribute ?? layer.attributes.find((attribute) => attribute.entity === filter.entity && attribute.sql === dateColumn)?.id;
      const parts = filter.filters.map((inner) => describeFilter(context, inner));
      if (filter.time) {
        const dateName = dateId ? memberName(context, "attribute", dateId) : zh ? "日期" : "date";
        parts.push(zh ? `${dateName}在 ${filter.time.start} 至 ${filter.time.end} 之间` : `${dateName} ${filter.time.start} to ${filter.time.end}`);
      }
      const condition = parts.length > 0 ? (zh ? `（${parts.join("，")}）` : ` (${parts.join("; ")})`) : "";
      if (zh) return `${filter.exists ? "有" : "没有"}${name}${condition}`;
      return `${filter.exists ? "with a" : "with no"} ${name}${condition}`;
    }
  }
}

/** Top-level filters (AND-ed) in words, joined by the language's list separator ("" when there are none). */
export function describeFilters(context: NamingContext, filters: readonly Filter[]): string {
  return filters.map((filter) => describeFilter(context, filter)).join(context.language === "zh" ? "、" : "; ");
}

/** A condition on a metric per group in words ("逾期率大于 3%"). */
export function describeMetricCondition(context: NamingContext, condition: MetricCondition): string {
  const layer = context.semanticLayer;
  const format = layer.has("metric", condition.metric) ? layer.metric(condition.metric).format : undefined;
  const separator = context.language === "zh" ? "" : " ";
  return `${memberName(context, "metric", condition.metric)}${separator}${COMPARISON_WORDS[condition.op][context.language]} ${formatValue(condition.value, format, context.language)}`;
}

/** The row filters of a query (raw SQL queries have none the plan knows of). */
export function filtersOf(query: QueryPlan["query"]): Filter[] {
  return query.kind === "sql" ? [] : query.filters;
}

/** Term ids used anywhere in the filters (nested too), in order of appearance. */
export function termsOf(filters: readonly Filter[]): string[] {
  const found: string[] = [];
  const visit = (filter: Filter) => {
    if (filter.kind === "term") found.push(filter.term);
    else if (filter.kind === "and" || filter.kind === "or") filter.filters.forEach(visit);
    else if (filter.kind === "not") visit(filter.filter);
  };
  filters.forEach(visit);
  return [...new Set(found)];
}
