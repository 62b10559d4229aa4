/**
 * Tolerant readers of the API's list and detail payloads (conversations, semantic layer): the web chat shows what
 * it recognises and ignores the rest, so added server fields never break the page.
 */
import type { Answer } from "./answer-types.ts";

/** A conversation in the list. */
export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: string | null;
}

/** One turn of a conversation: the question and its answer. */
export interface ConversationTurn {
  question: string;
  answer: Answer;
  /** The answer's index in the conversation (what feedback refers to). */
  answerIndex: number;
}

/** A member of the semantic layer as the browser lists it. */
export interface LayerEntry {
  id: string;
  kind: "metric" | "term" | "dimension";
  name: string;
  names: string[];
  formula: string;
  description: string;
}

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** The list inside a payload: the payload itself when it is an array, else its first array field among `keys`. */
function listIn(payload: unknown, keys: string[]): unknown[] {
  if (Array.isArray(payload)) return payload;
  if (!isObject(payload)) return [];
  for (const key of keys) if (Array.isArray(payload[key])) return payload[key] as unknown[];
  return [];
}

/** The conversations of GET /api/conversations, newest first. */
export function readConversationList(payload: unknown): ConversationSummary[] {
  return listIn(payload, ["conversations", "items", "data"])
    .filter(isObject)
    .map((item) => {
      const turns = listIn(item, ["turns", "messages"]).filter(isObject);
      const firstTurn = turns[0];
      const title = text(item.title) || text(item.first_question) || text(item.question) || (firstTurn ? text(firstTurn.question) || text(firstTurn.message) : "");
      const updatedAt = text(item.updated_at) || text(item.updatedAt) || text(item.last_at) || text(item.created_at) || null;
      return { id: text(item.id) || text(item.conversation_id), title, updatedAt };
    })
    .filter((item) => item.id)
    .sort((left, right) => (right.updatedAt ?? "").localeCompare(left.updatedAt ?? ""));
}

/** The turns of GET /api/conversations/:id (turns of {question, answer}, or a bare list of answers). */
export function readConversationTurns(payload: unknown): ConversationTurn[] {
  const source = isObject(payload) && isObject(payload.conversation) ? payload.conversation : payload;
  const items = listIn(source, ["turns", "answers", "messages"]).filter(isObject);
  const turns: ConversationTurn[] = [];
  items.forEach((item, index) => {
    const answer = (isObject(item.answer) ? item.answer : "status" in item && "text" in item ? item : null) as Answer | null;
    if (!answer) return;
    const answerIndex = typeof item.answer_index === "number" ? item.answer_index : typeof item.index === "number" ? item.index : index;
    turns.push({ question: text(item.question) || text(item.message) || answer.question, answer, answerIndex });
  });
  return turns;
}

/** The names of a member in one language: `names: {zh: [...], en: [...]}`, `name`, or `name_zh`/`name_en`. */
function namesOf(item: Loose, language: "zh" | "en"): string[] {
  const names = item.names;
  if (isObject(names) && Array.isArray(names[language])) return (names[language] as unknown[]).map(text).filter(Boolean);
  if (isObject(item.name)) return [text(item.name[language])].filter(Boolean);
  const single = text(item[`name_${language}`]) || text(item.name) || text(item.label);
  return single ? [single] : [];
}

/** A text in one language: a string, or `{zh, en}`. */
function bilingual(value: unknown, language: "zh" | "en"): string {
  if (isObject(value)) return text(value[language]) || text(value.zh) || text(value.en);
  return text(value);
}

/** The metrics, terms and dimensions of GET /api/semantic-layer, named in `language`. */
export function readSemanticLayer(payload: unknown, language: "zh" | "en"): LayerEntry[] {
  const root = isObject(payload) && isObject(payload.semantic_layer) ? payload.semantic_layer : payload;
  if (!isObject(root)) return [];
  const kinds: [LayerEntry["kind"], string][] = [
    ["metric", "metrics"],
    ["term", "terms"],
    ["dimension", "dimensions"],
  ];
  return kinds.flatMap(([kind, key]) =>
    listIn(root, [key])
      .filter(isObject)
      .map((item) => {
        const names = namesOf(item, language);
        const otherNames = namesOf(item, language === "zh" ? "en" : "zh");
        return {
          id: text(item.id),
          kind,
          name: names[0] ?? otherNames[0] ?? text(item.id),
          names: [...names, ...otherNames],
          formula: bilingual(item.formula, language) || bilingual(item.definition, language),
          description: bilingual(item.description, language),
        };
      })
      .filter((entry) => entry.id),
  );
}

/** Entries whose id, names, formula or description contain every word of the query (case-insensitive). */
export function searchLayer(entries: readonly LayerEntry[], query: string): LayerEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const haystack = [entry.id, ...entry.names, entry.formula, entry.description].join(" ").toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
