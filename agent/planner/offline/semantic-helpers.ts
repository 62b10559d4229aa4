/**
 * Questions the planner asks of the semantic layer: which entities reach which (many-to-one joins), whether a
 * dimension or term applies to an entity, which metrics describe current state, which terms need a month.
 */
import { fragmentTexts } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Attribute, Metric, SqlFragment, Term } from "../../../schema/semantic-layer/types.ts";
import { TABLES } from "../../../schema/tables.ts";
import type { Language } from "../planner.ts";

const reachCache = new WeakMap<SemanticLayer, Map<string, Set<string>>>();

/** Entities reachable from `entity` by many-to-one joins (itself included). */
export function reachableEntities(layer: SemanticLayer, entity: string): Set<string> {
  let cache = reachCache.get(layer);
  if (!cache) {
    cache = new Map();
    reachCache.set(layer, cache);
  }
  const cached = cache.get(entity);
  if (cached) return cached;
  const reached = new Set<string>([entity]);
  const queue = [entity];
  while (queue.length > 0) {
    const from = queue.shift() as string;
    for (const join of layer.joins) {
      if (join.from === from && !reached.has(join.to)) {
        reached.add(join.to);
        queue.push(join.to);
      }
    }
  }
  cache.set(entity, reached);
  return reached;
}

/** Whether rows of `entity` can be grouped or filtered by the dimension. */
export function dimensionApplies(layer: SemanticLayer, dimensionId: string, entity: string): boolean {
  const dimension = layer.dimension(dimensionId);
  if (dimension.type === "time") return true;
  if (dimension.byEntity?.[entity]) return true;
  return reachableEntities(layer, entity).has(dimension.table);
}

/** How closely a dimension belongs to an entity: 2 its own column, 1 through a join, 0 not at all. */
export function dimensionCloseness(layer: SemanticLayer, dimensionId: string, entity: string): number {
  const dimension = layer.dimension(dimensionId);
  if (dimension.byEntity?.[entity] || dimension.table === entity) return 2;
  return dimensionApplies(layer, dimensionId, entity) ? 1 : 0;
}

/** Whether a term can filter rows of `entity`. */
export function termApplies(layer: SemanticLayer, termId: string, entity: string): boolean {
  const term = layer.term(termId);
  if (term.entity === entity || term.byEntity?.[entity]) return true;
  return reachableEntities(layer, entity).has(term.entity);
}

const ACTIVE_ROWS = /\bstatus\s*=\s*'active'/;
const sqlMatches = (fragment: SqlFragment | undefined, pattern: RegExp) => (fragment ? fragmentTexts(fragment).some((text) => pattern.test(text)) : false);

/**
 * A state metric measures the book as of the as-of date (DOMAIN.md: balance, dpd and risk class are state): its rows
 * are restricted to active ones. "本月/this month" with a state metric means the current state, not a date filter.
 */
export function isStateMetric(metric: Metric): boolean {
  return sqlMatches(metric.filter, ACTIVE_ROWS) || sqlMatches(metric.sql, ACTIVE_ROWS);
}

/** A state term (overdue, NPL) describes rows as of the as-of date, like state metrics. */
export function isStateTerm(term: Term): boolean {
  return sqlMatches(term.sql, ACTIVE_ROWS);
}

const MONTH_PLACEHOLDER = /\{\{(month|previous_month)\}\}/;

/** Terms and attributes that look at one month M (rising repayment risk, PD change) take the plan's referenceMonth. */
export function usesReferenceMonth(member: Term | Attribute): boolean {
  return sqlMatches(member.sql, MONTH_PLACEHOLDER);
}

/** The count metric of an entity (customer count for customers), if the layer has one. */
export function countMetricOf(layer: SemanticLayer, entity: string): Metric | undefined {
  return layer.metrics.find((metric) => metric.entity === entity && metric.format === "count" && metric.kind === "simple");
}

/** The canonical name of a member in a language. */
export function nameOf(names: { zh: string[]; en: string[] }, language: Language): string {
  return names[language][0];
}

/**
 * Entities whose rows are dated only through period terms (customers: a customer's date is onboarding, so "本月"
 * alone does not select customers unless the question asks for new customers in the month).
 */
export function isPeriodTermEntity(layer: SemanticLayer, entity: string): boolean {
  return layer.terms.some((term) => term.needsPeriod && term.entity === entity);
}

const termValueCache = new WeakMap<SemanticLayer, Map<string, { dimension: string; value: string }[]>>();

/** Dimension values a term names too (高价值客户 is value_tier = high): a term and a value sharing a name. */
export function termValues(layer: SemanticLayer, termId: string): { dimension: string; value: string }[] {
  let cache = termValueCache.get(layer);
  if (!cache) {
    cache = new Map();
    for (const term of layer.terms) {
      const names = new Set([...term.names.zh, ...term.names.en].map((name) => name.toLowerCase().replace(/-/g, " ")));
      const found: { dimension: string; value: string }[] = [];
      for (const dimension of layer.dimensions) {
        for (const value of dimension.values ?? []) {
          if ([...value.names.zh, ...value.names.en].some((name) => names.has(name.toLowerCase().replace(/-/g, " ")))) found.push({ dimension: dimension.id, value: value.value });
        }
      }
      cache.set(term.id, found);
    }
    termValueCache.set(layer, cache);
  }
  return cache.get(termId) ?? [];
}

/** Whether a metric adds up over groups (a count or a sum), so that each group's share of the total means something. */
export function additiveMetric(layer: SemanticLayer, metricId: string): boolean {
  const metric: Metric = layer.metric(metricId);
  if (metric.kind !== "simple" || (metric.format !== "count" && metric.format !== "money") || !metric.sql) return false;
  return fragmentTexts(metric.sql).every((text) => /^\s*(COUNT|SUM)\s*\(/i.test(text));
}

/**
 * Whether a category dimension can have no value on rows of `entity`: its column may be NULL (a reject reason on
 * an approved application) or it is looked up in a month-based table for a month the row may lack (a customer's
 * risk grade). Grouping by such a dimension would show a group of rows with no value at all.
 */
export function dimensionMayBeMissing(layer: SemanticLayer, dimensionId: string, entity: string): boolean {
  const dimension = layer.dimension(dimensionId);
  if (dimension.type !== "category") return false;
  const lookup = dimension.byEntity?.[entity];
  if (lookup) return fragmentTexts(lookup.column).some((text) => text.includes("{{month}}"));
  const [tableName, columnName] = fragmentTexts(dimension.column)[0].split(".");
  const column = TABLES.find((table) => table.name === tableName)?.columns.find((candidate) => candidate.name === columnName);
  return column?.nullable === true;
}

/**
 * The attribute of `entity` a metric sums (outstanding balance → loans.outstanding_balance), if it is a plain SUM,
 * with the term that restricts rows as the metric does (active loans), if the metric has a row filter.
 */
export function summedAttribute(layer: SemanticLayer, metricId: string, entity: string): { attribute: string; term?: string } | undefined {
  const metric = layer.metric(metricId);
  if (metric.kind !== "simple" || !metric.sql || metric.entity !== entity) return undefined;
  const inner = /^\s*SUM\(\s*([a-z_]+\.[a-z_]+)\s*\)\s*$/i.exec(fragmentTexts(metric.sql)[0])?.[1];
  const attribute = inner ? layer.attributes.find((candidate) => candidate.entity === entity && fragmentTexts(candidate.sql)[0] === inner) : undefined;
  if (!attribute) return undefined;
  if (!metric.filter) return { attribute: attribute.id };
  const filter = fragmentTexts(metric.filter)[0];
  const term = layer.terms.find((candidate) => candidate.entity === entity && fragmentTexts(candidate.sql)[0] === filter);
  return term ? { attribute: attribute.id, term: term.id } : undefined;
}
