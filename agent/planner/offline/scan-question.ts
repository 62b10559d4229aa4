/**
 * Reads a normalized question into spans: lexicon words (longest match first, single Chinese characters only at
 * word boundaries found by Intl.Segmenter), time expressions, numeric conditions and "top N" limits; whatever is
 * left over becomes the unknown words.
 */
import { ENGLISH_SMALL_NUMBER, SMALL_NUMBER, parseEnglishSmallNumber, parseSmallNumber } from "./chinese-numerals.ts";
import { withinOneEdit } from "./english-words.ts";
import type { Lexicon, LexiconNode, Sense } from "./lexicon.ts";
import { findNumberConditions } from "./number-expressions.ts";
import type { NumberCondition } from "./number-expressions.ts";
import { isFunctionCharacter, isStopWord, saysComplement } from "./stop-words.ts";
import { toUnits } from "./text-units.ts";
import type { TextUnit } from "./text-units.ts";
import { findTimeExpressions } from "./time-expressions.ts";
import type { TimeMatch } from "./time-expressions.ts";

/** An explicit "top N" / "bottom N". */
export interface LimitMatch {
  count: number;
  direction?: "top" | "bottom";
}

/** One recognized piece of the question. */
export interface Span {
  start: number;
  end: number;
  text: string;
  senses: Sense[];
  time?: TimeMatch;
  number?: NumberCondition;
  limit?: LimitMatch;
  /** Matched with a typo tolerated. */
  fuzzy?: boolean;
  /** English words matched in plural form (which branches vs which branch). */
  plural?: boolean;
}

/** The question as read. */
export interface ScannedQuestion {
  text: string;
  spans: Span[];
  unknownWords: string[];
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

const CLASSIFIER = "(?:个|名|家|位|笔|条|款|只|大|户|项)";
const LIMIT_RULES: { pattern: RegExp; direction?: "top" | "bottom"; read: (match: RegExpExecArray) => number | undefined }[] = [
  { pattern: new RegExp(`(?:排名前|前|top|最高的|最多的|最大的)\\s*(${SMALL_NUMBER})\\s*${CLASSIFIER}?`, "g"), direction: "top", read: (m) => parseSmallNumber(m[1]) },
  { pattern: new RegExp(`(?:倒数|排名后|后|最后|最低的|最少的|最小的)\\s*(${SMALL_NUMBER})\\s*${CLASSIFIER}?`, "g"), direction: "bottom", read: (m) => parseSmallNumber(m[1]) },
  { pattern: new RegExp(`(${SMALL_NUMBER})\\s*${CLASSIFIER}(?![月季年星工小天周日])`, "g"), read: (m) => parseSmallNumber(m[1]) },
  { pattern: new RegExp(`\\b(?:the )?(?:top|first|best|highest|largest|biggest)\\s+(${ENGLISH_SMALL_NUMBER})\\b(?! (?:days?|months?|weeks?|years?)\\b)`, "g"), direction: "top", read: (m) => parseEnglishSmallNumber(m[1]) },
  { pattern: new RegExp(`\\b(?:the )?(?:bottom|worst|lowest|smallest)\\s+(${ENGLISH_SMALL_NUMBER})\\b`, "g"), direction: "bottom", read: (m) => parseEnglishSmallNumber(m[1]) },
  { pattern: new RegExp(`\\b(${ENGLISH_SMALL_NUMBER})\\s+(?:highest|largest|biggest|most|top)\\b`, "g"), direction: "top", read: (m) => parseEnglishSmallNumber(m[1]) },
  { pattern: new RegExp(`\\b(${ENGLISH_SMALL_NUMBER})\\s+(?:lowest|smallest|least|fewest)\\b`, "g"), direction: "bottom", read: (m) => parseEnglishSmallNumber(m[1]) },
];

/** Whether a run of Chinese splits wholly into stop words (一共有 = 一共 + 有). */
function madeOfStopWords(run: string): boolean {
  if (saysComplement(run)) return false;
  const splits = new Array<boolean>(run.length + 1).fill(false);
  splits[0] = true;
  for (let end = 1; end <= run.length; end++)
    for (let start = Math.max(0, end - 6); start < end && !splits[end]; start++) if (splits[start] && isStopWord(run.slice(start, end))) splits[end] = true;
  return splits[run.length];
}

/** Word boundaries (character offsets) of the text, from the segmenter. */
function boundaries(text: string): Set<number> {
  const result = new Set<number>([0, text.length]);
  for (const segment of segmenter.segment(text)) {
    result.add(segment.index);
    result.add(segment.index + segment.segment.length);
  }
  return result;
}

/** The child of a trie node for a unit, tolerating one typo in longer English words. */
function childFor(node: LexiconNode, unit: TextUnit): { node: LexiconNode; fuzzy: boolean } | undefined {
  const exact = node.children.get(unit.key);
  if (exact) return { node: exact, fuzzy: false };
  if (unit.kind !== "word" || unit.key.length < 5 || isStopWord(unit.text)) return undefined;
  for (const [key, child] of node.children) {
    if (key.length >= 5 && /^[a-z]+$/.test(key) && withinOneEdit(key, unit.key)) return { node: child, fuzzy: true };
  }
  return undefined;
}

/** Every lexicon match at every position (overlapping). */
function lexiconCandidates(text: string, lexicon: Lexicon, wordBoundaries: Set<number>): Span[] {
  const units = toUnits(text);
  const candidates: Span[] = [];
  for (let first = 0; first < units.length; first++) {
    let node = lexicon.root;
    let fuzzy = false;
    let plural = false;
    for (let last = first; last < units.length; last++) {
      const step = childFor(node, units[last]);
      if (!step) break;
      node = step.node;
      fuzzy ||= step.fuzzy;
      plural ||= units[last].kind === "word" && units[last].key !== units[last].text;
      if (node.senses.length === 0) continue;
      const start = units[first].start;
      const end = units[last].end;
      if (node.singleCharacter && !(wordBoundaries.has(start) && wordBoundaries.has(end))) continue;
      // A Chinese word must not end inside an English word or start in one ("sh" in "shanghai" is not a city).
      candidates.push({ start, end, text: text.slice(start, end), senses: node.senses, fuzzy, plural });
    }
  }
  return candidates;
}

/**
 * Metric and term names of 3+ Chinese characters said with one character substituted ("逾其率" for 逾期率). Only
 * names that are the single such match at their place: a near miss that could be two names is not guessed.
 */
function chineseTypoCandidates(text: string, lexicon: Lexicon): Span[] {
  const units = toUnits(text);
  const candidates: Span[] = [];
  const words = [...segmenter.segment(text)].filter((segment) => segment.isWordLike && segment.segment.length >= 2);
  const insideWord = (offset: number) => words.some((segment) => segment.index <= offset && offset < segment.index + segment.segment.length);
  for (let first = 0; first < units.length; first++) {
    const found: Span[] = [];
    const walk = (node: LexiconNode, last: number, substitutedAt: number) => {
      // The first and last characters are kept: they carry the kind of name (率/额/数 endings would match too much).
      if (substitutedAt > first && substitutedAt < last - 1 && last - first >= 3 && node.senses.some((sense) => sense.kind === "metric" || sense.kind === "term")) {
        const start = units[first].start;
        const end = units[last - 1].end;
        found.push({ start, end, text: text.slice(start, end), senses: node.senses.filter((sense) => sense.kind === "metric" || sense.kind === "term"), fuzzy: true });
      }
      const unit = units[last];
      if (!unit || unit.kind !== "han") return;
      const exact = node.children.get(unit.key);
      if (exact) walk(exact, last + 1, substitutedAt);
      // The character said instead must be foreign to the data model's names (转贷率 is another word, not 转化率) and
      // not part of a word of its own (流入率).
      if (substitutedAt < 0 && last > first && !lexicon.nameCharacters.has(unit.key) && !insideWord(unit.start)) for (const [key, child] of node.children) if (key !== unit.key && /^\p{Script=Han}$/u.test(key)) walk(child, last + 1, last);
    };
    walk(lexicon.root, first, -1);
    const longest = Math.max(0, ...found.map((span) => span.end));
    const atLongest = found.filter((span) => span.end === longest);
    if (atLongest.length === 1) candidates.push(atLongest[0]);
  }
  return candidates;
}

/** Limits written as "前5" / "top 5" / "5个". */
function limitCandidates(text: string): Span[] {
  const spans: Span[] = [];
  for (const rule of LIMIT_RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      const count = rule.read(match);
      if (count && count > 0 && count <= 1000) {
        spans.push({ start: match.index, end: match.index + match[0].length, text: match[0], senses: [], limit: { count, direction: rule.direction } });
      }
    }
  }
  return spans;
}

/**
 * Picks non-overlapping spans that cover the most characters (weighted interval scheduling); among equal covers,
 * fewer and longer spans win, then time, limit and number readings over lexicon words. "新客户数量" reads as
 * 新客户 + 数量, not 客户数量 with 新 left over.
 */
function selectSpans(candidates: { span: Span; priority: number }[]): Span[] {
  const sorted = [...candidates].sort((left, right) => left.span.end - right.span.end || left.span.start - right.span.start);
  const weight = ({ span, priority }: { span: Span; priority: number }) => (span.end - span.start) * 1000 - 10 + priority;
  const best: number[] = new Array(sorted.length + 1).fill(0);
  const previous: number[] = new Array(sorted.length).fill(0);
  for (let index = 0; index < sorted.length; index++) {
    // The last candidate ending at or before this one starts (binary search over ends).
    let low = 0;
    let high = index;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle].span.end <= sorted[index].span.start) low = middle + 1;
      else high = middle;
    }
    previous[index] = low;
    best[index + 1] = Math.max(best[index], weight(sorted[index]) + best[low]);
  }
  const chosen: Span[] = [];
  for (let index = sorted.length; index > 0; ) {
    if (best[index] === best[index - 1]) index--;
    else {
      chosen.push(sorted[index - 1].span);
      index = previous[index - 1];
    }
  }
  return chosen.reverse();
}

/** Reads the question: picks non-overlapping spans, longest first, then lists the unknown words left over. */
export function scanQuestion(text: string, lexicon: Lexicon, asOfDate: string): ScannedQuestion {
  const wordBoundaries = boundaries(text);
  const candidates: { span: Span; priority: number }[] = [
    ...findTimeExpressions(text, asOfDate).map((time) => ({ span: { start: time.start, end: time.end, text: time.text, senses: [], time }, priority: 3 })),
    ...limitCandidates(text).map((span) => ({ span, priority: 2 })),
    ...findNumberConditions(text).map((number) => ({ span: { start: number.start, end: number.end, text: number.text, senses: [], number }, priority: 1 })),
    ...lexiconCandidates(text, lexicon, wordBoundaries).map((span) => ({ span, priority: 0 })),
  ];
  const exact = withoutViaWords(cover(text, candidates));
  if (exact.unknownWords.length === 0 || !exact.unknownWords.every((word) => /^\p{Script=Han}+$/u.test(word))) return exact;
  // Chinese words left over: one metric or term name with one character mistyped, only if it explains all of them.
  const typos = chineseTypoCandidates(text, lexicon).map((span) => ({ span, priority: -1 }));
  if (typos.length === 0) return exact;
  const corrected = withoutViaWords(cover(text, [...candidates, ...typos]));
  if (corrected.unknownWords.length > 0 || corrected.spans.filter((span) => span.fuzzy && /\p{Script=Han}/u.test(span.text)).length !== 1) return exact;
  return corrected;
}

/** Postpositions that also name a value (中 = medium). */
const AMONG_WORDS = new Set(["中", "里"]);

/** Words that also mean "by way of" (通过 is the approved decision too). */
const VIA_WORDS = new Set(["通过", "经由", "经过", "via", "through"]);

/**
 * "通过微信来的新客户", "customers who came through wechat": a via word right before a value is the preposition, not
 * a value of its own (通过 = approved), so the value after it is the only filter.
 */
function withoutViaWords(scanned: ScannedQuestion): ScannedQuestion {
  const spans = scanned.spans.filter((span, index) => {
    // "全部客户中", "新客户中": 中 right after rows is "among" (the postposition), not the value 中 (medium severity).
    const previous = scanned.spans[index - 1];
    const rowsBefore = previous && previous.end === span.start && previous.senses.some((sense) => sense.kind === "entity" || sense.kind === "term");
    if (AMONG_WORDS.has(span.text) && rowsBefore) return false;
    const next = scanned.spans[index + 1];
    if (!VIA_WORDS.has(span.text.trim()) || !next || scanned.text.slice(span.end, next.start).trim() !== "") return true;
    return !next.senses.some((sense) => sense.kind === "value");
  });
  return spans.length === scanned.spans.length ? scanned : { ...scanned, spans };
}

/** The best cover of the text by the candidates, and the unknown words it leaves. */
function cover(text: string, candidates: { span: Span; priority: number }[]): ScannedQuestion {
  // A name written with digits ("90+", "M3+") read as a number would lose its meaning: where a lexicon name with a
  // digit covers a number reading, the name wins.
  const digitNames = candidates.filter(({ span }) => span.senses.length > 0 && /\d/.test(span.text));
  const coveredByName = (span: Span) => {
    if (!span.number) return false;
    // Number readings may start with the space before the digits (" 90+").
    const written = text.slice(span.start, span.end);
    const start = span.start + (written.length - written.trimStart().length);
    return digitNames.some(({ span: name }) => name.start <= start && name.end >= span.end);
  };
  // Nor may a limit take the digits of such a name ("the highest 90+ rate" is no top-90).
  const limitInName = (span: Span) =>
    Boolean(span.limit) && digitNames.some(({ span: name }) => name.start < span.end && name.end > span.start && /\d/.test(text.slice(Math.max(name.start, span.start), Math.min(name.end, span.end))));
  const spans = selectSpans(
    candidates.filter(({ span }) => {
      if (coveredByName(span) || limitInName(span)) return false;
      // Latin words are whole: a match must not cut an English word or number in two.
      if (/[a-z\d]/.test(text[span.start - 1] ?? "") && /[a-z\d]/.test(text[span.start])) return false;
      if (/[a-z\d]/.test(text[span.end] ?? "") && /[a-z\d]/.test(text[span.end - 1])) return false;
      return true;
    }),
  );
  const taken = new Array<boolean>(text.length).fill(false);
  for (const span of spans) for (let index = span.start; index < span.end; index++) taken[index] = true;
  spans.sort((left, right) => left.start - right.start);
  let leftover = "";
  for (let index = 0; index < text.length; index++) leftover += taken[index] ? " " : text[index];
  // "客户一共有几个": the segmenter may cut a run of stop words in other places (一|共有); a run of Chinese made
  // entirely of stop words is no content, however it is cut.
  leftover = leftover.replace(/\p{Script=Han}{2,}/gu, (run) => (madeOfStopWords(run) ? " ".repeat(run.length) : run));
  const unknownWords: string[] = [];
  for (const segment of segmenter.segment(leftover)) {
    if (!segment.isWordLike) continue;
    const word = segment.segment.trim();
    if (!word || isStopWord(word)) continue;
    // Short English words are grammar; a lone Chinese character counts unless it is a particle or measure word
    // ("逾其率" with a typo leaves 逾 and 率: content not understood).
    if (/^[a-z]+$/.test(word) && word.length <= 2) continue;
    if (/^\p{Script=Han}$/u.test(word)) {
      if (isFunctionCharacter(word)) continue;
      const last = unknownWords[unknownWords.length - 1];
      // Neighbouring lone characters are one unknown word.
      if (last && /^\p{Script=Han}+$/u.test(last) && leftover.indexOf(last + word) >= 0) {
        unknownWords[unknownWords.length - 1] = last + word;
        continue;
      }
    }
    unknownWords.push(word);
  }
  return { text, spans, unknownWords };
}
