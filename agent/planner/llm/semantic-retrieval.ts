/**
 * Retrieval over the semantic layer for the describe_semantic_layer tool: the members whose ids or names match a
 * query string (zh or en), with their 口径 and allowed values, so the model sees the relevant part, not the whole.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Dimension, Names } from "../../../schema/semantic-layer/types.ts";
import type { DatasetValue } from "../planner.ts";

/** An allowed value of a dimension: the stored key and its labels. */
export interface AllowedValue {
  value: string;
  zh: string;
  en: string;
}

/** The matched members, each kind best first. */
export interface RetrievedMembers {
  metrics: { id: string; zh: string; en: string; synonyms: string[]; formula: string; description: string; entity: string; format: string; direction: string }[];
  dimensions: { id: string; zh: string; en: string; type: string; values?: AllowedValue[]; grains?: string[] }[];
  attributes: { id: string; entity: string; zh: string; en: string; type: string; format?: string }[];
  terms: { id: string; zh: string; en: string; synonyms: string[]; entity: string; formula: string; description: string }[];
  ambiguities: { id: string; words: string[]; choices: string[] }[];
  /** Dimension values named in the query ("上海" → city Shanghai). */
  values: { dimension: string; value: string; zh: string; en: string }[];
}

const MAX_VALUES_SHOWN = 40;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const STOP_WORDS = new Set(["the", "and", "for", "with", "what", "which", "how", "many", "much", "of", "by", "in", "per", "last", "this", "each", "show", "list", "are", "was", "were", "is"]);

/** Lower-case words and Chinese runs of a text. */
function queryParts(query: string): { text: string; words: string[]; runs: string[] } {
  const text = query.toLowerCase();
  const words = (text.match(/[a-z0-9+]+/g) ?? []).filter((word) => word.length >= 2 && !STOP_WORDS.has(word));
  const runs = text.match(CJK_RUN) ?? [];
  return { text, words, runs };
}

/** How well one member's id and names match the query; 0 means not at all. */
function matchScore(parts: ReturnType<typeof queryParts>, id: string, names: Names): number {
  const candidates = [id.replace(/_/g, " "), ...names.zh, ...names.en].map((name) => name.toLowerCase());
  let best = 0;
  for (const name of candidates) {
    let score = 0;
    if (name.length >= 2 && parts.text.includes(name)) score = Math.max(score, 10 + name.length);
    // A Chinese fragment of the query inside a name: 逾期 → 逾期率, 逾期贷款.
    for (const run of parts.runs) if (run.length >= 2 && name.includes(run)) score = Math.max(score, 4 + run.length);
    // Chinese bigrams shared with the name, for runs that hold more than the name (上月逾期情况).
    for (const run of parts.runs)
      for (let index = 0; index + 2 <= run.length; index++) if (name.includes(run.slice(index, index + 2))) score = Math.max(score, 3);
    const nameWords = name.split(/[^a-z0-9+]+/).filter(Boolean);
    const shared = parts.words.filter((word) => nameWords.some((nameWord) => nameWord === word || (word.length >= 4 && nameWord.startsWith(word.slice(0, -1)))));
    if (shared.length > 0) score = Math.max(score, 2 + 3 * shared.length + (shared.length === nameWords.length ? 4 : 0));
    if (parts.words.includes(id)) score = Math.max(score, 20);
    best = Math.max(best, score);
  }
  return best;
}

/** The allowed values of a dimension: its enumeration, or the dataset's values for data-driven dimensions. */
export function allowedValues(dimension: Dimension, datasetValues: Record<string, DatasetValue[]>): AllowedValue[] | undefined {
  if (dimension.values) return dimension.values.map((entry) => ({ value: entry.value, zh: entry.names.zh[0], en: entry.names.en[0] }));
  const fromData = datasetValues[dimension.id];
  return fromData && fromData.length > 0 ? fromData.map((entry) => ({ value: entry.value, zh: entry.zh, en: entry.en })) : undefined;
}

/** Picks the top `limit` of scored items. */
function top<T>(scored: { item: T; score: number }[], limit: number): T[] {
  return scored
    .filter((entry) => entry.score > 0)
    .sort((left, right) => right.score - left.score)
    .slice(0, limit)
    .map((entry) => entry.item);
}

/**
 * Finds the members relevant to a query. Dimensions whose values are named in the query come back too, with the
 * value matched, so "上海的逾期率" yields city = Shanghai.
 */
export function retrieveMembers(
  layer: SemanticLayer,
  datasetValues: Record<string, DatasetValue[]>,
  query: string,
  limitPerKind = 8,
): RetrievedMembers {
  const parts = queryParts(query);
  const valueHits: RetrievedMembers["values"] = [];
  const dimensionScores = layer.dimensions.map((dimension) => {
    let score = matchScore(parts, dimension.id, dimension.names);
    for (const value of allowedValues(dimension, datasetValues) ?? []) {
      const words = [value.value, value.zh, value.en, ...(datasetValues[dimension.id]?.find((entry) => entry.value === value.value)?.aliases ?? [])]
        .map((word) => word.toLowerCase())
        .filter((word) => word.length >= 2);
      if (words.some((word) => parts.text.includes(word) || parts.words.includes(word))) {
        valueHits.push({ dimension: dimension.id, ...value });
        score = Math.max(score, 12);
      }
    }
    return { item: dimension, score };
  });
  const metrics = top(layer.metrics.map((metric) => ({ item: metric, score: matchScore(parts, metric.id, metric.names) })), limitPerKind);
  const terms = top(layer.terms.map((term) => ({ item: term, score: matchScore(parts, term.id, term.names) })), limitPerKind);
  const attributes = top(
    layer.attributes.filter((attribute) => !attribute.pii).map((attribute) => ({ item: attribute, score: matchScore(parts, attribute.id, attribute.names) })),
    limitPerKind,
  );
  const ambiguities = layer.ambiguities.filter((ambiguity) => matchScore(parts, ambiguity.id, ambiguity.names) >= 10);
  return {
    metrics: metrics.map((metric) => ({
      id: metric.id,
      zh: metric.names.zh[0],
      en: metric.names.en[0],
      synonyms: [...metric.names.zh.slice(1), ...metric.names.en.slice(1)],
      formula: metric.formula,
      description: `${metric.description.zh} / ${metric.description.en}`,
      entity: metric.entity,
      format: metric.format,
      direction: metric.direction,
    })),
    dimensions: top(dimensionScores, limitPerKind).map((dimension) => {
      const values = allowedValues(dimension, datasetValues);
      return {
        id: dimension.id,
        zh: dimension.names.zh[0],
        en: dimension.names.en[0],
        type: dimension.type,
        ...(values ? { values: values.slice(0, MAX_VALUES_SHOWN) } : {}),
        ...(dimension.type === "time" ? { grains: ["day", "month", "quarter", "year"] } : {}),
      };
    }),
    attributes: attributes.map((attribute) => ({
      id: attribute.id,
      entity: attribute.entity,
      zh: attribute.names.zh[0],
      en: attribute.names.en[0],
      type: attribute.type,
      ...(attribute.format ? { format: attribute.format } : {}),
    })),
    terms: terms.map((term) => ({
      id: term.id,
      zh: term.names.zh[0],
      en: term.names.en[0],
      synonyms: [...term.names.zh.slice(1), ...term.names.en.slice(1)],
      entity: term.entity,
      formula: term.formula,
      description: `${term.description.zh} / ${term.description.en}`,
    })),
    ambiguities: ambiguities.map((ambiguity) => ({ id: ambiguity.id, words: [...ambiguity.names.zh, ...ambiguity.names.en], choices: ambiguity.choices })),
    values: valueHits,
  };
}
