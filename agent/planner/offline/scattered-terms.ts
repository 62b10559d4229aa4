/**
 * Glossary terms said with other words in between: "repayment risk is rising" (rising repayment risk), "未解决的
 * 预警" (未解决预警). When every word of a term's name occurs close together in the question, and those words were
 * not read as metrics, values or other terms, the term replaces them.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { ScannedQuestion, Span } from "./scan-question.ts";
import { normalizeQuestion } from "./normalize-question.ts";
import { splitCountedTermNames } from "./counted-term-names.ts";
import { joinMeasureChangeTerms } from "./measure-rise-terms.ts";
import { joinQualifiersBeforeDe } from "./qualifier-before-de.ts";
import { joinTermQualifiers } from "./term-qualifiers.ts";

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
const yields = (span: Span, wholePhrase: boolean) =>
  !span.time &&
  !span.number &&
  !span.limit &&
  span.senses.every((sense) => sense.kind === "cue" || sense.kind === "entity" || sense.kind === "ambiguity" || (wholePhrase && sense.kind === "value" && span.senses.some((other) => other.kind === "entity")));

/** Particles that may sit inside a Chinese term phrase ("还款风险在上升", "风险有所上升"). */
const PARTICLES = "[在的是有所了正都也还已经一直持续明显]{0,3}";

const chinesePatternCache = new WeakMap<SemanticLayer, { id: string; length: number; pattern: RegExp }[]>();

/** The layer's Chinese term names of three or more Han characters as patterns allowing particles between them (built once per layer). */
function chinesePatterns(layer: SemanticLayer): { id: string; length: number; pattern: RegExp }[] {
  let patterns = chinesePatternCache.get(layer);
  if (!patterns) {
    patterns = [];
    for (const term of layer.terms) {
      for (const name of term.names.zh) {
        const characters = [...normalizeQuestion(name)];
        if (characters.length < 3 || !characters.every((character) => /\p{Script=Han}/u.test(character))) continue;
        patterns.push({ id: term.id, length: characters.length, pattern: new RegExp(characters.map((character) => `(${character})`).join(PARTICLES), "u") });
      }
    }
    chinesePatternCache.set(layer, patterns);
  }
  return patterns;
}

/** Chinese term names found with particles between their characters, as word lists the matcher below accepts. */
function chineseMatches(text: string, layer: SemanticLayer): { id: string; words: Word[] }[] {
  const found: { id: string; words: Word[] }[] = [];
  // (A text without Han characters matches no Chinese name.)
  if (!/\p{Script=Han}/u.test(text)) return found;
  for (const { id, length, pattern } of chinesePatterns(layer)) {
    const match = pattern.exec(text);
    if (!match || match[0].length === length) continue;
    let position = match.index;
    const words: Word[] = [];
    for (let group = 1; group <= length; group++) {
      const at = text.indexOf(match[group], position);
      words.push({ text: match[group], start: at, end: at + 1 });
      position = at + 1;
    }
    found.push({ id, words });
  }
  return found;
}

/** Adds scattered terms to the scanned question. */
export function findScatteredTerms(scanned: ScannedQuestion, layer: SemanticLayer): ScannedQuestion {
  const words = wordsOf(scanned.text);
  let spans = scanned.spans;
  let unknownWords = scanned.unknownWords;
  // A Chinese name found character by character is a whole phrase: its words may also be read as values (还款).
  const candidates: { id: string; used: Word[]; wholePhrase?: boolean }[] = [];
  for (const name of termNames(layer)) {
    const used: Word[] = [];
    for (const wanted of name.words) {
      const found = words.find((word) => word.text === wanted && !used.includes(word));
      if (!found) break;
      used.push(found);
    }
    if (used.length === name.words.length) candidates.push({ id: name.id, used });
  }
  for (const match of chineseMatches(scanned.text, layer)) candidates.push({ id: match.id, used: match.words, wholePhrase: true });
  // The longest phrase first: "还款风险在上升" is rising repayment risk as a whole, not 还款 + 风险上升.
  const length = (used: Word[]) => used.reduce((total, word) => total + word.end - word.start, 0);
  candidates.sort((left, right) => length(right.used) - length(left.used));
  for (const name of candidates) {
    const used = name.used;
    const start = Math.min(...used.map((word) => word.start));
    const end = Math.max(...used.map((word) => word.end));
    if (end - start > WINDOW) continue;
    const touched = spans.filter((span) => used.some((word) => word.start < span.end && span.start < word.end));
    // Words must cover whole spans: "逾期" inside "逾期天数" (days past due) is not the overdue term.
    const covered = (span: Span) => {
      for (let index = span.start; index < span.end; index++) if (!/\s/.test(scanned.text[index]) && !used.some((word) => word.start <= index && index < word.end)) return false;
      return true;
    };
    if (!touched.every((span) => yields(span, Boolean(name.wholePhrase)) && covered(span))) continue;
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
  // "还款" + "风险变高": a qualifier of a term said before its shorter name is part of the term (term-qualifiers.ts).
  // "审批的通过率": a qualifier said with 的 before a shorter name of a metric or term joins it (qualifier-before-de.ts).
  // "number of active loans" said of no other rows: the term's rows counted (counted-term-names.ts).
  // "违约概率涨了", "risk went up": a measure word and a rise word form the term the layer names so (measure-rise-terms.ts).
  const withChangeTerms = joinMeasureChangeTerms({ ...scanned, spans, unknownWords }, layer);
  return splitCountedTermNames(joinQualifiersBeforeDe(joinTermQualifiers(withChangeTerms, layer), layer), layer);
}
