/**
 * The owner rows named by a term or value at the head of a question ("有贷款的高价值客户", "which borrowers have an
 * overdue auto loan", "which students have a loan"): what is listed is the owner, not the rows it has.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Intent } from "./read-question.ts";
import type { Span } from "./scan-question.ts";
import { reachableEntities } from "./semantic-helpers.ts";

/** Words saying the rows have a related row right before its entity's name (present tense: what is held now). */
const HOLDING = /(?:有|持有|with|have|has|hold|holds|holding)(?:\s+(?:a|an|any|some|one))?\s*$/;
const EVER = /(?:过|曾|ever|had|once|previously)/;
/** Having words of any tense (有过贷款, have had a loan): the rows said after them are what the head has. */
const HAVING = /(?:有过?|持有|with|have|has|had|hold|holds|holding)(?:\s+(?:a|an|any|some|one))?\s*$/;

/** An entity's names, lower case, longest first. */
function entityNames(layer: SemanticLayer, entity: string): string[] {
  return [...layer.entity(entity).names.zh, ...layer.entity(entity).names.en].map((name) => name.toLowerCase()).sort((left, right) => right.length - left.length);
}

/** Where each name of the entity is said in the text (start offsets). */
function namePositions(layer: SemanticLayer, entity: string, text: string): { start: number; end: number }[] {
  const positions: { start: number; end: number }[] = [];
  for (const name of entityNames(layer, entity)) {
    const english = /^[a-z ]+$/.test(name);
    const pattern = new RegExp(english ? `\\b${name}\\b` : name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gu");
    for (const match of text.matchAll(pattern)) positions.push({ start: match.index, end: match.index + match[0].length });
  }
  return positions;
}

/** Where the words qualifying rows said at `start` begin: term and value words right before them (逾期的, overdue). */
function qualifiedStart(intent: Intent, start: number): number {
  let cut = start;
  const spans = [...intent.termSpans.map((entry) => entry.span), ...intent.values.map((mention) => mention.span)];
  for (let moved = true; moved; ) {
    moved = false;
    for (const span of spans)
      if (span.start < cut && span.end <= cut && /^[\s的]*$/.test(intent.text.slice(span.end, cut))) {
        cut = span.start;
        moved = true;
      }
  }
  return cut;
}

/** Whether a term said in the question names its own entity's rows (借款人, borrowers, 高价值客户, high-value customers). */
export function termNamesRows(intent: Intent, layer: SemanticLayer, entity: string): boolean {
  const names = entityNames(layer, entity);
  return intent.termSpans.some(({ id, span }) => layer.term(id).entity === entity && (span.senses.some((sense) => sense.kind === "entity" && sense.id === entity) || names.some((name) => span.text.includes(name))));
}

/**
 * The entity whose rows a term or value at the head of the question names, when every entity said in the question
 * belongs to it and is said after a having word: "有贷款的高价值客户" (high-value customers: the head, said last in
 * Chinese), "high-value customers with a loan", "which students have a loan" (the head, said first in English).
 * Terms name the rows of their own entity; values name the rows whose own column holds them (students:
 * customers.occupation). Undefined when no such head is said.
 */
export function ownerNamedAtHead(intent: Intent, layer: SemanticLayer): string | undefined {
  const heads: { entity: string; span: Span }[] = [
    ...intent.termSpans.map(({ id, span }) => ({ entity: layer.term(id).entity, span })),
    ...intent.values.flatMap((mention) => mention.options.flatMap((option) => layer.entities.filter((entity) => entity.table === layer.dimension(option.dimension).table).map((entity) => ({ entity: entity.id, span: mention.span })))),
  ];
  const owners = new Set(heads.map((head) => head.entity));
  for (const owner of owners) {
    if (intent.entityMentions.includes(owner)) continue;
    const others = intent.entityMentions;
    if (others.length === 0 || !others.every((entity) => entity !== owner && reachableEntities(layer, entity).has(owner))) continue;
    const said = others.flatMap((entity) => namePositions(layer, entity, intent.text));
    // Every related entity is said as what is had ("有贷款", "have an overdue loan", "有过贷款").
    if (said.length === 0 || !said.every((position) => HAVING.test(intent.text.slice(0, qualifiedStart(intent, position.start))))) continue;
    const ownerSpans = heads.filter((head) => head.entity === owner).map((head) => head.span);
    const atHead =
      intent.language === "zh"
        ? ownerSpans.some((span) => said.every((position) => position.end <= span.start))
        : ownerSpans.some((span) => said.every((position) => span.end <= position.start));
    if (atHead) return owner;
  }
  return undefined;
}

/** A Chinese question word asking which rows, right before their name (哪些客户). */
const WHICH = /(?:哪些|哪几个|哪几位|哪几家|哪个|哪位|哪家)\s*$/;

/**
 * The rows a Chinese question asks "which" of (哪些客户申请过消费贷, 哪些客户有预警): the entity named right after 哪些,
 * when every other entity said belongs to it and is said after it, not as its possession (哪些客户的申请).
 */
export function rowsAskedWhich(intent: Intent, layer: SemanticLayer): string | undefined {
  if (intent.language !== "zh") return undefined;
  for (const entity of intent.entityMentions) {
    const asked = namePositions(layer, entity, intent.text).find((position) => WHICH.test(intent.text.slice(0, position.start)));
    if (!asked) continue;
    const others = intent.entityMentions.filter((other) => other !== entity);
    if (others.length === 0 || !others.every((other) => reachableEntities(layer, other).has(entity))) return undefined;
    const saidAfter = others.every((other) => namePositions(layer, other, intent.text).every((position) => position.start >= asked.end));
    return saidAfter && !/^\s*的/.test(intent.text.slice(asked.end)) ? entity : undefined;
  }
  return undefined;
}

/**
 * The subject's term the layer names "<subject> with <related rows>" ("customers with loans": the borrower term,
 * DOMAIN.md: a customer with at least one active loan), which plain "有贷款的客户" / "customers who have a loan" means.
 */
export function termOfHeldRows(layer: SemanticLayer, subject: string, related: string): string | undefined {
  const subjectNames = layer.entity(subject).names.en.map((name) => name.toLowerCase());
  const relatedNames = layer.entity(related).names.en.map((name) => name.toLowerCase());
  const phrases = new Set(subjectNames.flatMap((subjectName) => relatedNames.map((relatedName) => `${subjectName} with ${relatedName}`)));
  const terms = layer.terms.filter((term) => term.entity === subject && term.names.en.some((name) => phrases.has(name.toLowerCase())));
  return terms.length === 1 ? terms[0].id : undefined;
}

/** Whether the related rows are said as held now (有贷款, have a loan), not as ever had (有过贷款, have had a loan). */
export function heldNow(text: string, before: string): boolean {
  return HOLDING.test(before) && !EVER.test(before.slice(-12)) && !/\b(?:ever|never)\b|从未|从来/.test(text);
}
