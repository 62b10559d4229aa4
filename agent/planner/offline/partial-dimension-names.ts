/**
 * Groupings named by part of a dimension's name: "open alerts by type" (alert type), "按类型" (预警类型). An
 * unknown word after a grouping cue is looked up among the words of the dimension names that apply to the
 * question's entity; exactly one match is taken, anything else stays unknown.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import { stemWord } from "./english-words.ts";
import type { Intent } from "./read-question.ts";
import { dimensionApplies, dimensionCloseness } from "./semantic-helpers.ts";
import { subjectEntity } from "./subject-entity.ts";

/** Whether a dimension name contains the word (a whole English word, or 2+ Chinese characters). */
function nameContains(name: string, word: string): boolean {
  const lower = name.toLowerCase();
  if (/^[a-z]+$/.test(word)) return lower.split(/[\s-]+/).some((part) => stemWord(part) === stemWord(word));
  return word.length >= 2 && lower.includes(word);
}

/** Moves unknown words that name exactly one applicable dimension into the groupings. */
export function resolvePartialDimensions(intent: Intent, layer: SemanticLayer, previousEntity?: string): Intent {
  return qualifiedValues(groupByAttributeWords(groupByPartialNames(intent, layer, previousEntity), layer, previousEntity), layer);
}

/** The one category dimension applicable to the entity, closest to it, whose name contains the word. */
function closestNamedDimension(layer: SemanticLayer, entity: string, word: string): string | undefined {
  const candidates = layer.dimensions.filter(
    (dimension) => dimension.type === "category" && dimensionApplies(layer, dimension.id, entity) && [...dimension.names.zh, ...dimension.names.en].some((name) => nameContains(name, word)),
  );
  // The entity's own columns first: "预警 by 类型" is the alert type, not the customer's occupation type.
  const best = Math.max(0, ...candidates.map((dimension) => dimensionCloseness(layer, dimension.id, entity)));
  const closest = candidates.filter((dimension) => dimensionCloseness(layer, dimension.id, entity) === best);
  return closest.length === 1 && best > 0 ? closest[0].id : undefined;
}

/**
 * "alerts created this year, split by severity and status", "按严重程度和状态统计预警": a column word of several
 * entities (status, 状态) said after a grouping word, not compared with a number, groups by the measured rows' own
 * dimension named with it (the alert status), when exactly one is closest.
 */
function groupByAttributeWords(intent: Intent, layer: SemanticLayer, previousEntity?: string): Intent {
  if (intent.mode !== "aggregate" || intent.attributes.length === 0) return intent;
  const groupCues = intent.cueSpans.filter((entry) => entry.cue === "group");
  if (groupCues.length === 0) return intent;
  const entity = intent.metrics[0] ? layer.metric(intent.metrics[0]).entity : (subjectEntity(intent, layer) ?? previousEntity);
  if (!entity) return intent;
  const compared = new Set(intent.numbers.map((number) => number.target?.start));
  const groupBy = [...intent.groupBy];
  const attributes = intent.attributes.filter((mention) => {
    if (compared.has(mention.span.start) || !groupCues.some((entry) => entry.span.end <= mention.span.start)) return true;
    if (!mention.options.some((option) => option.entity === entity)) return true;
    const dimension = closestNamedDimension(layer, entity, mention.span.text.trim());
    if (!dimension) return true;
    if (!groupBy.some((group) => group.id === dimension)) groupBy.push({ id: dimension, plural: false });
    return false;
  });
  return attributes.length === intent.attributes.length ? intent : { ...intent, groupBy, attributes };
}

/**
 * "high级别的预警", "medium等级的预警": an unknown word right after a value that is part of the name of one of the
 * value's dimensions names that dimension: the value is that dimension's, and the word is placed.
 */
function qualifiedValues(intent: Intent, layer: SemanticLayer): Intent {
  if (intent.unknownWords.length === 0) return intent;
  let values = intent.values;
  const unknownWords = intent.unknownWords.filter((word) => {
    const mention = values.find((candidate) => intent.text.slice(candidate.span.end).replace(/^\s+/, "").startsWith(word));
    if (!mention) return true;
    const options = mention.options.filter((option) => [...layer.dimension(option.dimension).names.zh, ...layer.dimension(option.dimension).names.en].some((name) => nameContains(name, word)));
    if (options.length === 0) return true;
    values = values.map((candidate) => (candidate === mention ? { ...candidate, options } : candidate));
    return false;
  });
  return unknownWords.length === intent.unknownWords.length ? intent : { ...intent, values, unknownWords };
}

/** The rest of a dimension name a grouping cue swallowed the start of: 各类 + 型 (类型), 各级 + 别 (级别). */
function withCueTail(intent: Intent, word: string): string {
  if (!/^\p{Script=Han}$/u.test(word)) return word;
  const at = intent.text.indexOf(word);
  const cue = intent.cueSpans.find((entry) => entry.cue === "group" && entry.span.end === at);
  return cue ? `${cue.span.text.slice(-1)}${word}` : word;
}

/** Moves unknown words that name exactly one applicable dimension into the groupings. */
function groupByPartialNames(intent: Intent, layer: SemanticLayer, previousEntity?: string): Intent {
  if (!intent.cues.has("group") || intent.unknownWords.length === 0) return intent;
  const entity = intent.metrics[0] ? layer.metric(intent.metrics[0]).entity : (subjectEntity(intent, layer) ?? previousEntity);
  if (!entity) return intent;
  const groupBy = [...intent.groupBy];
  const unknownWords = intent.unknownWords.filter((word) => {
    const candidates = layer.dimensions.filter(
      (dimension) => dimension.type === "category" && dimensionApplies(layer, dimension.id, entity) && [...dimension.names.zh, ...dimension.names.en].some((name) => nameContains(name, withCueTail(intent, word))),
    );
    // The entity's own columns first: "预警 by 类型" is the alert type, not the customer's occupation type.
    const best = Math.max(0, ...candidates.map((dimension) => dimensionCloseness(layer, dimension.id, entity)));
    const closest = candidates.filter((dimension) => dimensionCloseness(layer, dimension.id, entity) === best);
    if (closest.length !== 1) return true;
    if (!groupBy.some((group) => group.id === closest[0].id)) groupBy.push({ id: closest[0].id, plural: false });
    return false;
  });
  if (unknownWords.length === intent.unknownWords.length) return intent;
  // "按严重级别分": a value word right before the rest of its dimension's name (严重 + 级别) is part of that name, not a
  // filter: grouping by severity while keeping only high would answer one group.
  const resolved = intent.unknownWords.filter((word) => !unknownWords.includes(word));
  const values = intent.values.filter(
    (mention) =>
      !resolved.some((word) => intent.text.slice(mention.span.end).replace(/^\s+/, "").startsWith(word) && mention.options.some((option) => groupBy.some((group) => group.id === option.dimension))),
  );
  return { ...intent, groupBy, unknownWords, values, mode: intent.cues.has("list") ? intent.mode : "aggregate" };
}
