/**
 * Glossary terms said with other words in between: "repayment risk is rising" (rising repayment risk), "未解决的
 * 预警" (未解决预警). When every word of a term's name occurs close together in the question, and those words were
 * not read as metrics, values or other terms, the term replaces them.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { ScannedQuestion, Span } from "./scan-question.ts";
import { normalizeQuestion } from "./normalize-question.ts";

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
/** How far apart (characters) the words of one term may be. */
const WINDOW = 40;

/** A crude stem for matching inflected words: rising/rises/rise → ris. */
const loose = (word: string) => (/^[a-z]+$/.test(word) ? word.replace(/(ing|ed|es|s|e)$/, "") : word);

interface Word {
  text: string;
  start: number;
  end: number;
}

/** The words of a text (segmenter words; English lower case). */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    words.push({ text: loose(segment.segment), start: segment.index, end: segment.index + segment.segment.length });
  }
  return words;
}

const nameCache = new WeakMap<SemanticLayer, { id: string; words: string[] }[]>();

/** Term names of two or more words, split into words. */
function termNames(layer: SemanticLayer): { id: string; words: string[] }[] {
  let names = nameCache.get(layer);
  if (!names) {
    names = [];
    for (const term of layer.terms) {
      for (const name of [...term.names.zh, ...term.names.en]) {
        const words = wordsOf(normalizeQuestion(name)).map((word) => word.text);
        if (words.length >= 2) names.push({ id: term.id, words });
      }
    }
    nameCache.set(layer, names);
  }
  return names;
}

/** Spans that may give their words to a scattered term (nothing with a stronger meaning of its own). */
const yields = (span: Span) => !span.time && !span.number && !span.limit && span.senses.every((sense) => sense.kind === "cue" || sense.kind === "entity" || sense.kind === "ambiguity");

/** Adds scattered terms to the scanned question. */
export function findScatteredTerms(scanned: ScannedQuestion, layer: SemanticLayer): ScannedQuestion {
  const words = wordsOf(scanned.text);
  let spans = scanned.spans;
  let unknownWords = scanned.unknownWords;
  for (const name of termNames(layer)) {
    const used: Word[] = [];
    for (const wanted of name.words) {
      const found = words.find((word) => word.text === wanted && !used.includes(word));
      if (!found) break;
      used.push(found);
    }
    if (used.length !== name.words.length) continue;
    const start = Math.min(...used.map((word) => word.start));
    const end = Math.max(...used.map((word) => word.end));
    if (end - start > WINDOW) continue;
    const touched = spans.filter((span) => used.some((word) => word.start < span.end && span.start < word.end));
    // Words must cover whole spans: "逾期" inside "逾期天数" (days past due) is not the overdue term.
    const covered = (span: Span) => used.some((word) => word.start <= span.start && span.end <= word.end);
    if (!touched.every((span) => yields(span) && covered(span))) continue;
    // Keep an entity the words also name ("未解决的预警" still lists alerts); drop the rest of the touched spans.
    const termEntity = layer.term(name.id).entity;
    const kept = touched.filter((span) => span.senses.some((sense) => sense.kind === "entity" && sense.id === termEntity));
    // The term sits where its own words are; an entity word it shares ("loans") keeps its place.
    const own = used.filter((word) => !kept.some((span) => span.start <= word.start && word.end <= span.end));
    const placed = own.length > 0 ? own : used;
    const term: Span = { start: Math.min(...placed.map((word) => word.start)), end: Math.max(...placed.map((word) => word.end)), text: used.map((word) => scanned.text.slice(word.start, word.end)).join(" "), senses: [{ kind: "term", id: name.id }] };
    spans = [...spans.filter((span) => !touched.includes(span) || kept.includes(span)), term].sort((left, right) => left.start - right.start);
    const usedTexts = new Set(used.map((word) => scanned.text.slice(word.start, word.end)));
    unknownWords = unknownWords.filter((word) => !usedTexts.has(word));
  }
  return { ...scanned, spans, unknownWords };
}
