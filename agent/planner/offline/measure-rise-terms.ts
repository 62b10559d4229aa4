/**
 * A term the layer names as a measure word and a rise word ("PD上升", "风险上升", "pd went up": rising repayment
 * risk) is said with any word of that measure and any rise word: "违约概率涨了", "风险涨了", "probability of default went
 * up", "their PD rise". The measure span and the rise cue join into the term's span.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import { CUE_WORDS } from "./cue-words.ts";
import type { Cue } from "./cue-words.ts";
import type { Sense } from "./lexicon.ts";
import { normalizeQuestion } from "./normalize-question.ts";
import type { ScannedQuestion, Span } from "./scan-question.ts";
import { isStopWord } from "./stop-words.ts";

/** Cues that say a change of a measure. */
const CHANGE_CUES: Cue[] = ["rise", "fall"];
/** English rise words that are nouns as well ("PD increase" ranks by the change): only verbs join. */
const NOUN_CUE_WORDS = new Set(["increase", "growth", "rise", "up", "drop", "decline", "decrease", "fall", "down"]);

/** Identifies a measure sense (metric, attribute or vague word) by kind and id. */
const measureKey = (sense: Sense) => (sense.kind === "metric" || sense.kind === "attribute" || sense.kind === "ambiguity" ? `${sense.kind}:${sense.id}` : undefined);
/** A measure of each row (an attribute) or a vague measure word: an aggregate ("平均PD上升了多少") is a change of the total, never the term. */
const rowMeasureKey = (key: string) => !key.startsWith("metric:");

/** The measure senses a word names in the layer (its metric, attribute and ambiguity names). */
function measureKeysOf(word: string, layer: SemanticLayer): Set<string> {
  const keys = new Set<string>();
  const named = (names: { zh: string[]; en: string[] }) => [...names.zh, ...names.en].some((name) => normalizeQuestion(name) === word);
  for (const metric of layer.metrics) if (named(metric.names)) keys.add(`metric:${metric.id}`);
  for (const attribute of layer.attributes) if (named(attribute.names)) keys.add(`attribute:${attribute.id}`);
  for (const ambiguity of layer.ambiguities) if (named(ambiguity.names)) keys.add(`ambiguity:${ambiguity.id}`);
  return keys;
}

const cache = new WeakMap<SemanticLayer, { term: string; cue: Cue; measures: Set<string> }[]>();

/** Terms named "measure word + change word" (Chinese) or "measure word + change word" (English), with the measure's senses. */
function measureChangeTerms(layer: SemanticLayer): { term: string; cue: Cue; measures: Set<string> }[] {
  let found = cache.get(layer);
  if (found) return found;
  found = [];
  for (const term of layer.terms) {
    for (const name of [...term.names.zh, ...term.names.en].map((text) => normalizeQuestion(text))) {
      for (const cue of CHANGE_CUES) {
        for (const word of [...CUE_WORDS[cue].zh, ...CUE_WORDS[cue].en].map((text) => normalizeQuestion(text))) {
          if (!name.endsWith(word) || name === word) continue;
          const measure = name.slice(0, name.length - word.length).trim();
          const measures = measureKeysOf(measure, layer);
          if (measures.size > 0) found.push({ term: term.id, cue, measures });
        }
      }
    }
  }
  cache.set(layer, found);
  return found;
}

/** Whether the text between two spans says nothing ("得", "了", "has", their"). */
const saysNothing = (gap: string) => gap.length <= 8 && gap.split(/\s+/).filter(Boolean).every((word) => isStopWord(word) || [...word].every((character) => isStopWord(character)));

/** Joins a measure span and the change cue right after it into the term the layer names that way. */
export function joinMeasureChangeTerms(scanned: ScannedQuestion, layer: SemanticLayer): ScannedQuestion {
  const terms = measureChangeTerms(layer);
  if (terms.length === 0) return scanned;
  const spans = [...scanned.spans].sort((left, right) => left.start - right.start);
  const joined: Span[] = [];
  let changed = false;
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index];
    const next = spans[index + 1];
    const keys = new Set(span.senses.map(measureKey).filter((key): key is string => key !== undefined));
    // (A word naming only an aggregate, "平均PD", changes as a total: not the term of each row.)
    const measureOnly = [...keys].some(rowMeasureKey) && span.senses.every((sense) => measureKey(sense) !== undefined) && !span.number && !span.time;
    const cueOnly = next && next.senses.length > 0 && next.senses.every((sense) => sense.kind === "cue") && !NOUN_CUE_WORDS.has(next.text.trim());
    const gap = next ? scanned.text.slice(span.end, next.start) : "";
    const match =
      measureOnly && cueOnly && saysNothing(gap)
        ? terms.find((entry) => next.senses.some((sense) => sense.kind === "cue" && sense.cue === entry.cue) && [...entry.measures].some((key) => rowMeasureKey(key) && keys.has(key)))
        : undefined;
    if (match && next) {
      joined.push({ start: span.start, end: next.end, text: scanned.text.slice(span.start, next.end), senses: [{ kind: "term", id: match.term }] });
      index++;
      changed = true;
      continue;
    }
    joined.push(span);
  }
  return changed ? { ...scanned, spans: joined } : scanned;
}
