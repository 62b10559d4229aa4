/**
 * A metric's or term's qualifier said with 的 before one of its shorter names is still that name: "审批的通过率" (the
 * layer names 审批通过率 and 通过率), "营销的转化率", "还款的风险上升". The qualifier and 的 join the name's span
 * instead of being left over as an unknown word (审批) or read as rows of their own.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import { normalizeQuestion } from "./normalize-question.ts";
import type { Sense } from "./lexicon.ts";
import type { ScannedQuestion, Span } from "./scan-question.ts";

/** The names of a metric or term sense, normalized as the question is. */
function namesOf(sense: Sense, layer: SemanticLayer): string[] {
  if (sense.kind === "metric") return [...layer.metric(sense.id).names.zh].map((name) => normalizeQuestion(name));
  if (sense.kind === "term") return [...layer.term(sense.id).names.zh].map((name) => normalizeQuestion(name));
  return [];
}

/** A qualifier span may join when it means nothing stronger on its own: rows, a cue, a vague word or a value. */
const yields = (span: Span) =>
  !span.time && !span.number && !span.limit && span.senses.every((sense) => sense.kind === "entity" || sense.kind === "cue" || sense.kind === "ambiguity" || sense.kind === "value");

/**
 * Joins "p 的 name" into the name's span when "p + name" is itself a name of the same metric or term (Chinese names
 * only: English says "approval rate", never "approval's rate"). The qualifier must be an unknown word or a span that
 * yields; senses the longer name does not name are dropped from the joined span.
 */
export function joinQualifiersBeforeDe(scanned: ScannedQuestion, layer: SemanticLayer): ScannedQuestion {
  const text = scanned.text;
  let spans = [...scanned.spans].sort((left, right) => left.start - right.start);
  let unknownWords = scanned.unknownWords;
  let changed = false;
  for (const span of [...spans]) {
    const de = /的\s*$/.exec(text.slice(0, span.start));
    if (!de) continue;
    const deStart = de.index;
    const before = text.slice(0, deStart).replace(/\s+$/, "");
    const ownText = text.slice(span.start, span.end).trim();
    const joined: { qualifier: string; senses: Sense[] } | undefined = (() => {
      for (const sense of span.senses) {
        for (const name of namesOf(sense, layer)) {
          if (name === ownText || !name.endsWith(ownText)) continue;
          const qualifier = name.slice(0, name.length - ownText.length);
          if (!before.endsWith(qualifier)) continue;
          const senses = span.senses.filter((other) => namesOf(other, layer).includes(name));
          return { qualifier, senses };
        }
      }
      return undefined;
    })();
    if (!joined) continue;
    const start = before.length - joined.qualifier.length;
    // The qualifier is either left over (an unknown word) or a whole span that yields, nothing else.
    const covering = spans.filter((other) => other !== span && other.start < deStart && other.end > start);
    const unknownIndex = unknownWords.indexOf(joined.qualifier);
    const coveredBySpan = covering.length === 1 && covering[0].start === start && covering[0].text.trim() === joined.qualifier && yields(covering[0]);
    if (!coveredBySpan && (covering.length > 0 || unknownIndex < 0)) continue;
    if (coveredBySpan) spans = spans.filter((other) => other !== covering[0]);
    else unknownWords = [...unknownWords.slice(0, unknownIndex), ...unknownWords.slice(unknownIndex + 1)];
    const joinedSpan: Span = { ...span, start, text: text.slice(start, span.end), senses: joined.senses };
    spans = spans.map((other) => (other === span ? joinedSpan : other));
    changed = true;
  }
  return changed ? { ...scanned, spans, unknownWords } : scanned;
}
