/**
 * The lexicon: every word the planner knows, built from the semantic layer (metrics, entities, dimensions and their
 * values, attributes, terms, ambiguities), the dataset's own values (branches, products, campaigns) and the cue
 * words. Words are stored in a trie of text units so that the longest match wins.
 */
import { METRIC_NAMES_WITH_A_PERIOD } from "../../../schema/semantic-layer/metrics.ts";
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { DatasetValue } from "../planner.ts";
import { CUE_WORDS } from "./cue-words.ts";
import type { Cue } from "./cue-words.ts";
import { negatedNameVariants } from "./negated-name-variants.ts";
import { normalizeQuestion } from "./normalize-question.ts";
import { isStopWord } from "./stop-words.ts";
import { toUnits } from "./text-units.ts";

/** One meaning a word can have. */
export type Sense =
  /** `needsPeriod`: the word names the metric only when the question has a period (本月贷款金额). */
  | { kind: "metric"; id: string; needsPeriod?: boolean }
  | { kind: "entity"; id: string }
  | { kind: "dimension"; id: string }
  | { kind: "value"; dimension: string; value: string }
  | { kind: "attribute"; id: string; entity: string }
  | { kind: "term"; id: string }
  | { kind: "ambiguity"; id: string }
  | { kind: "cue"; cue: Cue };

/** A node of the lexicon trie. */
export interface LexiconNode {
  children: Map<string, LexiconNode>;
  senses: Sense[];
  /** The word as written in the lexicon (for single characters, which need word boundaries). */
  surface?: string;
  /** True when the word is one Chinese character (only matched as a whole word). */
  singleCharacter?: boolean;
}

/** The built lexicon. */
export interface Lexicon {
  root: LexiconNode;
  /** How many (word, sense) pairs it holds. */
  size: number;
  /** Chinese characters of the data model's names (not cue words): a character outside them is more likely a typo. */
  nameCharacters: Set<string>;
}

const senseKey = (sense: Sense) => JSON.stringify(sense);

/** Adds one word with one sense. */
function addWord(lexicon: Lexicon, word: string, sense: Sense): void {
  const normalized = normalizeQuestion(word);
  const units = toUnits(normalized);
  if (units.length === 0) return;
  let node = lexicon.root;
  for (const unit of units) {
    let child = node.children.get(unit.key);
    if (!child) {
      child = { children: new Map(), senses: [] };
      node.children.set(unit.key, child);
    }
    node = child;
  }
  if (!node.senses.some((existing) => senseKey(existing) === senseKey(sense))) {
    node.senses.push(sense);
    lexicon.size++;
  }
  if (sense.kind !== "cue") for (const unit of units) if (unit.kind === "han") lexicon.nameCharacters.add(unit.key);
  node.surface = normalized;
  node.singleCharacter = units.length === 1 && units[0].kind === "han";
}

/** How many senses the lexicon holds for exactly this word. */
function senseCount(lexicon: Lexicon, word: string): number {
  let node: LexiconNode | undefined = lexicon.root;
  for (const unit of toUnits(normalizeQuestion(word))) node = node?.children.get(unit.key);
  return node?.senses.length ?? 0;
}

/** The names of a bilingual member, both languages. */
const allNames = (names: { zh: string[]; en: string[] }) => [...names.zh, ...names.en];

/**
 * Builds the lexicon from the semantic layer and dataset values. Adding a synonym there adds a word here; no word of
 * the semantic layer is written in this file.
 */
export function buildLexicon(layer: SemanticLayer, datasetValues: Record<string, DatasetValue[]>): Lexicon {
  const lexicon: Lexicon = { root: { children: new Map(), senses: [] }, size: 0, nameCharacters: new Set() };
  /** Value and term names whose spoken "not yet" forms are added once every name is known. */
  const spoken: { name: string; sense: Sense }[] = [];
  for (const metric of layer.metrics) for (const name of allNames(metric.names)) addWord(lexicon, name, { kind: "metric", id: metric.id });
  for (const entry of METRIC_NAMES_WITH_A_PERIOD)
    if (layer.metrics.some((metric) => metric.id === entry.metric)) for (const name of allNames(entry.names)) addWord(lexicon, name, { kind: "metric", id: entry.metric, needsPeriod: true });
  for (const entity of layer.entities) for (const name of allNames(entity.names)) addWord(lexicon, name, { kind: "entity", id: entity.id });
  for (const dimension of layer.dimensions) {
    for (const name of allNames(dimension.names)) addWord(lexicon, name, { kind: "dimension", id: dimension.id });
    for (const value of dimension.values ?? []) {
      for (const name of [...allNames(value.names), value.value]) {
        // Single letters and digits (grades A-E, secured 0/1) are too short to be read as values on their own.
        if (name === value.value && name.length < 3) continue;
        // A raw code that is a grammar word ("all" of target_tier) would filter "show me all overdue loans".
        if (name === value.value && isStopWord(name)) continue;
        addWord(lexicon, name, { kind: "value", dimension: dimension.id, value: value.value });
        spoken.push({ name, sense: { kind: "value", dimension: dimension.id, value: value.value } });
      }
    }
  }
  for (const [dimension, values] of Object.entries(datasetValues)) {
    if (!layer.has("dimension", dimension)) continue;
    for (const value of values) {
      // A code that is an id (CP004, BR01: letters then digits) names its row as people quote it.
      const code = /^[A-Za-z]{1,3}\d{2,}$/.test(value.value) ? [value.value] : [];
      for (const name of [value.zh, value.en, ...(value.aliases ?? []), ...code]) {
        if (name && name.trim().length >= 2) addWord(lexicon, name, { kind: "value", dimension, value: value.value });
      }
    }
  }
  for (const attribute of layer.attributes) for (const name of allNames(attribute.names)) addWord(lexicon, name, { kind: "attribute", id: attribute.id, entity: attribute.entity });
  for (const term of layer.terms) {
    for (const name of allNames(term.names)) {
      addWord(lexicon, name, { kind: "term", id: term.id });
      spoken.push({ name, sense: { kind: "term", id: term.id } });
    }
  }
  for (const ambiguity of layer.ambiguities) for (const name of allNames(ambiguity.names)) addWord(lexicon, name, { kind: "ambiguity", id: ambiguity.id });
  for (const [cue, words] of Object.entries(CUE_WORDS) as [Cue, { zh: string[]; en: string[] }][]) {
    for (const word of [...words.zh, ...words.en]) addWord(lexicon, word, { kind: "cue", cue });
  }
  // "还没处理" beside 未处理 (negated-name-variants.ts), unless the verb is itself a name (结清, 逾期, 到期): "没有结清"
  // is then that name negated, which the negation reading serves.
  for (const { name, sense } of spoken) {
    const stem = name.slice(1);
    if (senseCount(lexicon, stem) > 0) continue;
    for (const variant of negatedNameVariants(name)) addWord(lexicon, variant, sense);
  }
  return lexicon;
}
