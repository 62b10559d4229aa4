/**
 * Qualifier words of glossary terms said before a shorter name of the same term: "还款" + "风险变高" (the layer names
 * 还款风险上升 and 风险上升, so 还款 qualifies that term), "repayment" + "risk is going up". The qualifier joins the
 * term's span instead of being read as rows of its own (repayments).
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import { normalizeQuestion } from "./normalize-question.ts";
import type { ScannedQuestion, Span } from "./scan-question.ts";

const qualifierCache = new WeakMap<SemanticLayer, Map<string, Set<string>>>();

/**
 * For each qualifier word, the terms it qualifies: a word p such that both "p + name" and "name" are names of one
 * term (Chinese written together, English with a space).
 */
function termQualifiers(layer: SemanticLayer): Map<string, Set<string>> {
  let qualifiers = qualifierCache.get(layer);
  if (!qualifiers) {
    qualifiers = new Map();
    for (const term of layer.terms) {
      for (const names of [term.names.zh, term.names.en]) {
        const normalized = names.map((name) => normalizeQuestion(name));
        for (const longer of normalized) {
          for (const shorter of normalized) {
            if (longer === shorter || !longer.endsWith(shorter)) continue;
            const qualifier = longer.slice(0, longer.length - shorter.length).trim();
            // (English qualifiers end at a word boundary: "delinquent 30+", not "non" + "-performing".)
            if (!qualifier || (/[a-z]$/.test(qualifier) && !/\s$/.test(longer.slice(0, longer.length - shorter.length)))) continue;
            const terms = qualifiers.get(qualifier) ?? new Set<string>();
            terms.add(term.id);
            qualifiers.set(qualifier, terms);
          }
        }
      }
    }
    qualifierCache.set(layer, qualifiers);
  }
  return qualifiers;
}

/** A qualifier span may join a term when it means nothing stronger on its own (rows, a vague word, a cue, a value of those rows). */
const yields = (span: Span) =>
  !span.time && !span.number && !span.limit && span.senses.some((sense) => sense.kind === "entity") && span.senses.every((sense) => sense.kind === "entity" || sense.kind === "cue" || sense.kind === "ambiguity" || sense.kind === "value");

/** Joins qualifier words to the term span right after them ("还款" + "风险变高" → rising repayment risk). */
export function joinTermQualifiers(scanned: ScannedQuestion, layer: SemanticLayer): ScannedQuestion {
  const qualifiers = termQualifiers(layer);
  const spans = [...scanned.spans].sort((left, right) => left.start - right.start);
  const joined: Span[] = [];
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index];
    const next = spans[index + 1];
    const qualified = qualifiers.get(span.text.trim());
    const gap = next ? scanned.text.slice(span.end, next.start) : "";
    const termIds = next && qualified && yields(span) && /^\s*$/.test(gap) ? next.senses.filter((sense) => sense.kind === "term" && qualified.has(sense.id)) : [];
    if (next && termIds.length > 0) {
      joined.push({ ...next, start: span.start, text: `${scanned.text.slice(span.start, span.end)}${gap}${next.text}`, senses: termIds });
      index++;
      continue;
    }
    joined.push(span);
  }
  return joined.length === scanned.spans.length ? scanned : { ...scanned, spans: joined };
}
