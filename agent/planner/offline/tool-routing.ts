/**
 * Routes questions that name a scoring tool ("下周需要提醒还款的客户", "who should we cross-sell auto loans to") to a
 * tool plan step, its arguments read from the question with the semantic layer's routing vocabulary.
 */
import { TOOL_ROUTING } from "../../../schema/semantic-layer/tool-routes.ts";
import type { Phrases, ToolRoute, ToolRouting } from "../../../schema/semantic-layer/tool-routes.ts";
import { QueryPlan } from "../../plan/query-plan.ts";
import { isScoringToolName, SCORING_TOOLS } from "../../../tools/scoring/registry.ts";
import type { PlannerOutcome } from "../planner.ts";
import { parseEnglishSmallNumber, parseSmallNumber, SMALL_NUMBER, ENGLISH_SMALL_NUMBER } from "./chinese-numerals.ts";
import { detectLanguage } from "./detect-language.ts";
import { normalizeQuestion } from "./normalize-question.ts";
import { unsupportedOutcome } from "./planner-outcomes.ts";
import { unservedToolWord } from "./unserved-tool-words.ts";
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";

/** How sure a routed plan is: a tool trigger phrase was found and every argument validated. */
const ROUTED_CONFIDENCE = 0.9;
/** Most characters between the parts of a gapped phrase ("remind ... before ... due"). */
const GAP = 40;

/** What routing found: the tool, the trigger that named it, and the arguments read. */
export interface ToolRouteMatch {
  tool: string;
  trigger: string;
  args: Record<string, unknown>;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A phrase as a pattern over normalized text: word boundaries around ASCII words, "..." as a short gap. */
function phrasePattern(phrase: string): RegExp {
  const parts = normalizeQuestion(phrase.replace(/\.\.\./g, "\u0000"))
    .split("\u0000")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const start = /^[a-z0-9]/.test(part) ? "(?<![a-z0-9])" : "";
      const end = /[a-z0-9]$/.test(part) ? "(?![a-z0-9])" : "";
      return `${start}${escape(part)}${end}`;
    });
  return new RegExp(parts.join(`.{0,${GAP}}?`));
}

const patterns = new Map<string, RegExp>();
function cachedPattern(phrase: string): RegExp {
  let pattern = patterns.get(phrase);
  if (!pattern) {
    pattern = phrasePattern(phrase);
    patterns.set(phrase, pattern);
  }
  return pattern;
}

/** The first phrase (longest first) found in the text, with where it was found. */
function findPhrase(text: string, phrases: Phrases): { phrase: string; index: number; length: number } | undefined {
  const all = [...phrases.zh, ...phrases.en].sort((left, right) => right.length - left.length);
  for (const phrase of all) {
    const match = cachedPattern(phrase).exec(text);
    if (match) return { phrase, index: match.index, length: match[0].length };
  }
  return undefined;
}

/** The route a question names: the longest trigger found wins, then the earliest. */
function chooseRoute(text: string, routing: ToolRouting): { route: ToolRoute; trigger: string } | undefined {
  let best: { route: ToolRoute; trigger: string; index: number; length: number } | undefined;
  for (const route of routing.routes) {
    const found = findPhrase(text, route.triggers);
    if (!found) continue;
    if (route.requiresCustomerSubject && !findPhrase(text, routing.words.customerSubject)) continue;
    if (!best || found.length > best.length || (found.length === best.length && found.index < best.index)) {
      best = { route, trigger: found.phrase, index: found.index, length: found.length };
    }
  }
  return best ? { route: best.route, trigger: best.trigger } : undefined;
}

const TOP_PATTERNS: Array<[RegExp, (text: string) => number | undefined]> = [
  [new RegExp(`(?:前|排名前|top\\s*)(${SMALL_NUMBER})`), parseSmallNumber],
  [new RegExp(`(?<![a-z])top (${ENGLISH_SMALL_NUMBER})(?![a-z])`), parseEnglishSmallNumber],
  [new RegExp(`(?<![0-9])(${SMALL_NUMBER})\\s*(?:位|名|个客户|户|笔)`), parseSmallNumber],
  // "预警分最高的五个", "最可能流失的五个高价值客户": a count right after a superlative or its 的 (not 12个月, a window).
  [new RegExp(`(?:最[\\u4e00-\\u9fffa-z]{0,4}?的?|的)\\s*(${SMALL_NUMBER})\\s*个(?![月星礼季工])`), parseSmallNumber],
  [new RegExp(`(?<![a-z])(?:first|list|show|give me) (${ENGLISH_SMALL_NUMBER})(?![a-z])`), parseEnglishSmallNumber],
  // A count before a superlative or before the ranked rows ("our 10 most valuable", "the 5 customers with ..."): how many to rank.
  [new RegExp(`(?<![a-z0-9.-])(${ENGLISH_SMALL_NUMBER})\\s+(?:most|highest|lowest|largest|biggest|least|best|worst|riskiest|top|customers|borrowers|clients|installments|payments|loans)(?![a-z])`), parseEnglishSmallNumber],
];

/** "前20", "top 20", "20位", "top ten": how many items the question asks for. */
export function readLimit(text: string): number | undefined {
  for (const [pattern, parse] of TOP_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const value = parse(match[1]);
    if (value !== undefined && value >= 1) return value;
  }
  return undefined;
}

/**
 * The count asked for, also when argument words sit between it and the rows ("the 5 high value customers most likely
 * to churn", "3 mortgage customers"): read again with the value-tier and category words taken out.
 */
function readSaidLimit(text: string, routing: ToolRouting): number | undefined {
  const direct = readLimit(text);
  if (direct !== undefined) return direct;
  const argumentWords = [...routing.words.valueTier, ...routing.words.category].flatMap((entry) => [...entry.words.zh, ...entry.words.en]).sort((left, right) => right.length - left.length);
  let rest = text;
  for (const word of argumentWords) rest = rest.replace(new RegExp(cachedPattern(word).source, "g"), " ");
  return readLimit(rest.replace(/\s+/g, " "));
}

const DAY_PATTERNS: Array<[RegExp, (text: string) => number | undefined]> = [
  [new RegExp(`(?:未来|接下来|之后|今后)(${SMALL_NUMBER})\\s*(?:天|日)`), parseSmallNumber],
  [new RegExp(`(${SMALL_NUMBER})\\s*(?:天|日)(?:内|之内|以内)`), parseSmallNumber],
  [new RegExp(`(?:next|coming|within|in the next) (${ENGLISH_SMALL_NUMBER}) days?(?![a-z])`), parseEnglishSmallNumber],
  [new RegExp(`(?:未来|接下来)(${SMALL_NUMBER})\\s*(?:周|个星期|星期)`), (text) => (parseSmallNumber(text) ?? 0) * 7 || undefined],
  [new RegExp(`(?:next|coming|within) (${ENGLISH_SMALL_NUMBER}) weeks?(?![a-z])`), (text) => (parseEnglishSmallNumber(text) ?? 0) * 7 || undefined],
];

/** "下周", "next 14 days", "未来10天", "明天": the days window ahead of the as-of date. */
export function readDays(text: string, routing: ToolRouting = TOOL_ROUTING): number | undefined {
  for (const [pattern, parse] of DAY_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return parse(match[1]);
  }
  if (findPhrase(text, routing.words.tomorrow)) return 1;
  if (findPhrase(text, routing.words.nextWeek)) return 7;
  if (findPhrase(text, routing.words.nextMonth)) return 30;
  return undefined;
}

/** The value of the first value-word list entry whose words appear. */
function readValue(text: string, entries: ToolRouting["words"]["valueTier"]): string | undefined {
  return entries.find((entry) => findPhrase(text, entry.words))?.value;
}

/** Fills the route's slots from the question text. */
function readArguments(text: string, route: ToolRoute, trigger: string, routing: ToolRouting): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  // The trigger itself may contain argument words ("最有价值", "rising pd"): read the rest of the question, but keep it for only_rising.
  const rest = text.replace(cachedPattern(trigger), " ");
  for (const slot of route.slots) {
    if (slot === "value_tier") {
      const tier = readValue(rest, routing.words.valueTier);
      if (tier) args.value_tier = tier;
    } else if (slot === "category") {
      const category = readValue(rest, routing.words.category);
      if (category) args.category = category;
    } else if (slot === "days") {
      const days = readDays(rest, routing);
      if (days !== undefined) args.days = days;
    } else if (slot === "only_rising") {
      if (findPhrase(text, routing.words.rising)) args.only_rising = true;
    } else if (slot === "order") {
      if (findPhrase(text, routing.words.lowest)) args.order = "lowest";
    } else if (slot === "limit") {
      const limit = readSaidLimit(rest, routing);
      if (limit !== undefined) args.limit = limit;
    }
  }
  return args;
}

/**
 * Reads which scoring tool a question names and its arguments, validated with the tool's input schema; undefined
 * when no tool trigger phrase is found or the arguments do not validate (the metric planner then goes on).
 */
export function matchToolRoute(question: string, routing: ToolRouting = TOOL_ROUTING): ToolRouteMatch | undefined {
  const text = normalizeQuestion(question);
  // Counts, totals and shares are metric questions, even about a tool's subject ("可能逾期的客户有多少").
  if (findPhrase(text, routing.words.aggregate)) return undefined;
  const chosen = chooseRoute(text, routing);
  if (!chosen || !isScoringToolName(chosen.route.tool)) return undefined;
  const args = readArguments(text, chosen.route, chosen.trigger, routing);
  if (!SCORING_TOOLS[chosen.route.tool].input.safeParse(args).success) return undefined;
  return { tool: chosen.route.tool, trigger: chosen.trigger, args };
}

/** Every routing word (trigger, argument words, counts and day windows): what is left of a tool question is unread. */
function withoutRoutingWords(text: string, match: ToolRouteMatch, routing: ToolRouting): string {
  const trigger = match.trigger;
  // (Category words are read only by routes with a category slot; elsewhere "房贷客户" is a filter left unread.)
  const readsCategory = routing.routes.some((route) => route.tool === match.tool && route.slots.includes("category"));
  let rest = text.replace(cachedPattern(trigger), " ");
  const words = routing.words;
  const lists: Phrases[] = [
    ...words.valueTier.map((entry) => entry.words),
    ...(readsCategory ? words.category.map((entry) => entry.words) : []),
    words.rising,
    words.lowest,
    words.customerSubject,
    words.nextWeek,
    words.nextMonth,
    words.tomorrow,
    ...routing.routes.map((route) => route.triggers),
  ];
  const phrases = lists.flatMap((list) => [...list.zh, ...list.en]).sort((left, right) => right.length - left.length);
  for (const phrase of phrases) rest = rest.replace(new RegExp(cachedPattern(phrase).source, "g"), " ");
  for (const [pattern] of [...DAY_PATTERNS, ...TOP_PATTERNS]) rest = rest.replace(new RegExp(pattern.source, "g"), " ");
  return rest;
}

/**
 * The planner outcome for a question that names a scoring tool: a validated one-step tool plan, or (given the layer)
 * an out-of-scope decline when the question names something the tool cannot honour, or (given namesUnreadFilter,
 * which names a filter word left in the question once routing words are removed) a decline when a filter would be
 * dropped; undefined otherwise.
 */
export function routeToTool(
  question: string,
  routing: ToolRouting = TOOL_ROUTING,
  layer?: SemanticLayer,
  namesUnreadFilter?: (rest: string) => string | undefined,
): PlannerOutcome | undefined {
  const match = matchToolRoute(question, routing);
  if (!match) return undefined;
  // (Checked first: "推销理财产品" is out of the data, not a product word left unread.)
  // "pitch a credit card to …": the tool would answer about loans and silently drop the product; say it is not in the data.
  const readsCategory = routing.routes.some((route) => route.tool === match.tool && route.slots.includes("category"));
  const unserved = layer ? unservedToolWord(normalizeQuestion(question), routing, readsCategory) : undefined;
  if (layer && unserved) return unsupportedOutcome(layer, detectLanguage(question), "out_of_scope", { detail: unserved });
  // "most valuable customers in Shanghai", "房贷客户的预警分", "customer C00012": a filter the tool's arguments cannot
  // hold would be dropped silently, and the ranking would be of other customers; decline instead.
  const rest = withoutRoutingWords(normalizeQuestion(question), match, routing);
  const unread = layer && namesUnreadFilter ? (/(?<![a-z0-9])[a-z]{1,3}\d{3,}(?![a-z0-9])/.exec(rest)?.[0] ?? namesUnreadFilter(rest)) : undefined;
  if (layer && unread) return unsupportedOutcome(layer, detectLanguage(question), "not_understood", { detail: unread });
  const limit = typeof match.args.limit === "number" ? match.args.limit : undefined;
  // "the 5 customers most likely to …": a count said but not read as the tool's limit (the route takes none, or it
  // was read otherwise) would be dropped, and the tool's default number of rows shown; decline instead.
  const saidCount = readSaidLimit(normalizeQuestion(question).replace(cachedPattern(match.trigger), " "), routing);
  // (Routing words are gone from `rest`, so the count read may be left beside them: "our 5 most valuable customers";
  // a number of months, days or years is a window or horizon, not a count.)
  const leftNumber = [...rest.matchAll(/(?<![a-z0-9.])(\d+(?:\.\d+)?)(?![a-z0-9])(?!\s*个?(?:月|天|日|周|年|小时)|\s*(?:months?|days?|weeks?|years?|hours?)(?![a-z]))/g)]
    .map((found) => found[1])
    .find((number) => Number(number) !== limit);
  if (layer && ((saidCount !== undefined && saidCount !== limit) || leftNumber !== undefined)) return unsupportedOutcome(layer, detectLanguage(question), "not_understood", { detail: leftNumber ?? String(saidCount) });
  const plan = QueryPlan.parse({ version: 1, query: { kind: "tool", tool: match.tool, args: match.args, filters: [], ...(limit !== undefined ? { limit } : {}) } });
  return { status: "plan", language: detectLanguage(question), plan, confidence: ROUTED_CONFIDENCE };
}
