/**
 * A row attribute whose name is a count word and a term's name ("number of active loans", 在贷笔数: a customer's count
 * of active loans), said with no rows it could be an attribute of, is the term's rows counted: "number of active
 * loans" reads as "count of active loans". Said of customers, compared with a number or ranked ("在贷笔数最多的10个
 * 客户", "customers whose number of active loans is over 2") it stays the attribute.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Sense } from "./lexicon.ts";
import { normalizeQuestion } from "./normalize-question.ts";
import type { ScannedQuestion, Span } from "./scan-question.ts";

/** Count words said before a name (English) or after it (Chinese, English "count"). */
const COUNT_BEFORE = /^(?:the )?(?:number of|count of|total number of) /;
const COUNT_AFTER = /(?:笔数|数量|个数|数目| count| number)$/;

/** Cues that ask for rows or a ranking, where the attribute reading stays. */
const ROW_CUES = new Set(["list", "top", "bottom", "best", "worst", "rank", "singular"]);

/** The term named in a span's text with a count word before or after it, and where the term's name sits. */
function countedTermIn(span: Span, layer: SemanticLayer): { term: string; start: number; end: number } | undefined {
  const text = span.text;
  const before = COUNT_BEFORE.exec(text);
  const after = COUNT_AFTER.exec(text);
  const name = before ? text.slice(before[0].length) : after ? text.slice(0, after.index) : undefined;
  if (!name) return undefined;
  const term = layer.terms.find((candidate) => [...candidate.names.zh, ...candidate.names.en].some((other) => normalizeQuestion(other) === name.trim()));
  if (!term) return undefined;
  const start = before ? span.start + before[0].length : span.start;
  return { term: term.id, start, end: start + name.length };
}

/**
 * Splits count-attribute spans into a count cue and the term ("number of" + "active loans") when nothing else in the
 * question names other rows, a number, a limit or a ranking or list word.
 */
export function splitCountedTermNames(scanned: ScannedQuestion, layer: SemanticLayer): ScannedQuestion {
  const attributeOnly = (span: Span) => span.senses.length > 0 && span.senses.every((sense) => sense.kind === "attribute");
  const candidates = scanned.spans.filter((span) => attributeOnly(span) && span.senses.every((sense) => sense.kind === "attribute" && layer.attribute(sense.id).format === "count"));
  if (candidates.length !== 1) return scanned;
  const span = candidates[0];
  const counted = countedTermIn(span, layer);
  if (!counted) return scanned;
  const termEntity = layer.term(counted.term).entity;
  const others = scanned.spans.filter((other) => other !== span);
  // (A word that is also a dimension, "by branch", groups the counted rows rather than naming rows of its own.)
  const namesOtherRows = others.some((other) => !other.senses.some((sense) => sense.kind === "dimension") && other.senses.some((sense) => sense.kind === "entity" && sense.id !== termEntity));
  const ranksOrLists = others.some((other) => other.limit || other.number || other.senses.some((sense) => sense.kind === "cue" && ROW_CUES.has(sense.cue)));
  if (namesOtherRows || ranksOrLists) return scanned;
  const cue: Sense = { kind: "cue", cue: "count" };
  const termSpan: Span = { start: counted.start, end: counted.end, text: scanned.text.slice(counted.start, counted.end), senses: [{ kind: "term", id: counted.term }] };
  const cueSpan: Span =
    counted.start > span.start
      ? { start: span.start, end: counted.start, text: scanned.text.slice(span.start, counted.start), senses: [cue] }
      : { start: counted.end, end: span.end, text: scanned.text.slice(counted.end, span.end), senses: [cue] };
  const spans = [...others, termSpan, cueSpan].sort((left, right) => left.start - right.start);
  return { ...scanned, spans };
}
