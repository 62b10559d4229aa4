/**
 * Reads a chat message that asks for a subscription ("每天早上8点推送还款风险上升的高价值客户", "every Monday at 9
 * send me loans due next week"): the schedule, the question to ask at each run, and an optional "only when there
 * are rows" condition ("有……就提醒我", "alert me when there are …"). Anything else is not a subscription request.
 */
import { parseSmallNumber } from "../planner/offline/chinese-numerals.ts";
import { detectLanguage } from "../planner/offline/detect-language.ts";
import type { Language } from "../planner/planner.ts";
import type { Schedule } from "./schedule.ts";
import type { SubscriptionCondition } from "./subscription-condition.ts";

/** A subscription read from a message, before the question is planned. */
export interface SubscriptionRequest {
  schedule: Schedule;
  /** The message without its schedule and delivery words: what to ask at each run. */
  question: string;
  language: Language;
  condition: SubscriptionCondition | null;
  /** True when the message names a time or a part of the day (早上, 每晚, every morning); false: the default time. */
  timeStated: boolean;
}

/** The time when a message names none. */
export const DEFAULT_SUBSCRIPTION_TIME = "08:00";

const CN_NUMBER = "(?:\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})";
const ZH_WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 七: 0, 7: 0, 一: 1, 1: 1, 二: 2, 2: 2, 三: 3, 3: 3, 四: 4, 4: 4, 五: 5, 5: 5, 六: 6, 6: 6 };
const EN_WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const pad = (value: number) => String(value).padStart(2, "0");

/** Removes the first match of `pattern` from `text`; returns the match (or undefined) and the rest. */
function cut(text: string, pattern: RegExp): { match?: RegExpMatchArray; rest: string } {
  const match = text.match(pattern);
  if (!match || match.index === undefined) return { rest: text };
  return { match, rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}` };
}

/** "早上8点", "下午三点半", "8:30", "20点15分" → "HH:MM". */
function chineseTime(text: string): { time?: string; rest: string } {
  const clock = cut(text, /(早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|凌晨)?\s*(\d{1,2})[:：](\d{2})/);
  if (clock.match) {
    let hour = Number(clock.match[2]);
    const minute = Number(clock.match[3]);
    if (/下午|傍晚|晚上|夜里/.test(clock.match[1] ?? "") && hour < 12) hour += 12;
    if (hour < 24 && minute < 60) return { time: `${pad(hour)}:${pad(minute)}`, rest: clock.rest };
  }
  const found = cut(text, new RegExp(`(早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|凌晨)?\\s*(${CN_NUMBER})\\s*[点時时](?:钟)?\\s*(半|(${CN_NUMBER})\\s*分?)?`));
  if (!found.match) {
    const part = cut(text, /(早上|早晨|上午|中午|下午|傍晚|晚上)/);
    if (!part.match) return { rest: text };
    const defaults: Record<string, string> = { 早上: "08:00", 早晨: "08:00", 上午: "09:00", 中午: "12:00", 下午: "15:00", 傍晚: "18:00", 晚上: "20:00" };
    return { time: defaults[part.match[1]], rest: part.rest };
  }
  let hour = parseSmallNumber(found.match[2]) ?? 0;
  const minute = found.match[3] === "半" ? 30 : found.match[4] ? (parseSmallNumber(found.match[4]) ?? 0) : 0;
  const period = found.match[1] ?? "";
  if (/下午|傍晚|晚上|夜里/.test(period) && hour < 12) hour += 12;
  if (period === "中午" && hour < 6) hour += 12;
  if (hour > 23 || minute > 59) return { rest: text };
  return { time: `${pad(hour)}:${pad(minute)}`, rest: found.rest };
}

/** The schedule words of a Chinese message. */
function chineseSchedule(message: string): { schedule: Schedule; rest: string; timeStated: boolean } | undefined {
  let rest = message;
  let make: ((time: string) => Schedule) | undefined;
  let fallbackTime = DEFAULT_SUBSCRIPTION_TIME;
  let partOfDay = false;
  const weekly = cut(rest, /每个?(?:周|星期|礼拜)([一二三四五六日天1-7])/);
  const monthly = cut(rest, new RegExp(`每个?月(?:的)?(${CN_NUMBER})\\s*[号日]`));
  const monthEdge = cut(rest, /每个?月(?:的)?(初|底|末|最后一天)/);
  const workdays = cut(rest, /每个?工作日/);
  const daily = cut(rest, /(每天|每日|天天|每晚|每早)/);
  if (weekly.match) {
    const weekday = ZH_WEEKDAYS[weekly.match[1]];
    make = (time) => ({ kind: "weekly", weekday, time });
    rest = weekly.rest;
  } else if (monthly.match) {
    const day = parseSmallNumber(monthly.match[1]) ?? 1;
    if (day < 1 || day > 31) return undefined;
    make = (time) => ({ kind: "monthly", day, time });
    rest = monthly.rest;
  } else if (monthEdge.match) {
    const edge = monthEdge.match[1];
    make = (time) => ({ kind: "monthly", day: edge === "初" ? 1 : "last", time });
    rest = monthEdge.rest;
  } else if (workdays.match) {
    make = (time) => ({ kind: "daily", time, weekdays_only: true });
    rest = workdays.rest;
  } else if (daily.match) {
    if (daily.match[1] === "每晚") fallbackTime = "20:00";
    partOfDay = daily.match[1] === "每晚" || daily.match[1] === "每早";
    make = (time) => ({ kind: "daily", time, weekdays_only: false });
    rest = daily.rest;
  }
  if (!make) return undefined;
  const timed = chineseTime(rest);
  return { schedule: make(timed.time ?? fallbackTime), rest: timed.rest, timeStated: timed.time !== undefined || partOfDay };
}

/** "at 9", "at 8:30 am", "9pm" → "HH:MM". */
function englishTime(text: string): { time?: string; rest: string } {
  const found = cut(text, /\b(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?=\W|$)|\bat\s+(\d{1,2})(?::(\d{2}))?(?:\s*o'?clock)?\b/i);
  if (!found.match) {
    const part = cut(text, /\bin the (morning|afternoon|evening)\b/i);
    if (!part.match) return { rest: text };
    return { time: { morning: "08:00", afternoon: "15:00", evening: "20:00" }[part.match[1].toLowerCase()], rest: part.rest };
  }
  const suffix = (found.match[3] ?? "").toLowerCase();
  let hour = Number(found.match[1] ?? found.match[4]);
  const minute = Number(found.match[2] ?? found.match[5] ?? 0);
  if (suffix.startsWith("p") && hour < 12) hour += 12;
  if (suffix.startsWith("a") && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return { rest: text };
  return { time: `${pad(hour)}:${pad(minute)}`, rest: found.rest };
}

/** The schedule words of an English message. */
function englishSchedule(message: string): { schedule: Schedule; rest: string; timeStated: boolean } | undefined {
  let rest = message;
  let make: ((time: string) => Schedule) | undefined;
  let fallbackTime = DEFAULT_SUBSCRIPTION_TIME;
  let partOfDay = false;
  const weekly = cut(rest, new RegExp(`\\b(?:every|each|on)\\s+(${EN_WEEKDAYS.join("|")})s?\\b`, "i"));
  const monthDay = cut(rest, /\b(?:(?:every|each)\s+month\s+on\s+the\s+(\d{1,2})(?:st|nd|rd|th)?|on\s+the\s+(\d{1,2})(?:st|nd|rd|th)?\s+of\s+(?:every|each|the)\s+month|monthly\s+on\s+the\s+(\d{1,2})(?:st|nd|rd|th)?)\b/i);
  const monthEdge = cut(rest, /\b(?:on\s+)?the\s+(first|last)\s+day\s+of\s+(?:every|each|the)\s+month\b/i);
  const monthly = cut(rest, /\b(?:every|each)\s+month\b|\bmonthly\b/i);
  const workdays = cut(rest, /\b(?:every|each|on)\s+(?:weekday|working day|business day)s?\b/i);
  const daily = cut(rest, /\b(?:every|each)\s+(day|morning|evening|night)\b|\bdaily\b/i);
  if (weekly.match) {
    const weekday = EN_WEEKDAYS.indexOf(weekly.match[1].toLowerCase());
    make = (time) => ({ kind: "weekly", weekday, time });
    rest = weekly.rest;
  } else if (monthDay.match) {
    const day = Number(monthDay.match[1] ?? monthDay.match[2] ?? monthDay.match[3]);
    if (day < 1 || day > 31) return undefined;
    make = (time) => ({ kind: "monthly", day, time });
    rest = monthDay.rest;
  } else if (monthEdge.match) {
    const last = monthEdge.match[1].toLowerCase() === "last";
    make = (time) => ({ kind: "monthly", day: last ? "last" : 1, time });
    rest = monthEdge.rest;
  } else if (monthly.match) {
    make = (time) => ({ kind: "monthly", day: 1, time });
    rest = monthly.rest;
  } else if (workdays.match) {
    make = (time) => ({ kind: "daily", time, weekdays_only: true });
    rest = workdays.rest;
  } else if (daily.match) {
    const part = (daily.match[1] ?? "").toLowerCase();
    if (part === "evening" || part === "night") fallbackTime = "20:00";
    partOfDay = part !== "" && part !== "day";
    make = (time) => ({ kind: "daily", time, weekdays_only: false });
    rest = daily.rest;
  }
  if (!make) return undefined;
  const timed = englishTime(rest);
  return { schedule: make(timed.time ?? fallbackTime), rest: timed.rest, timeStated: timed.time !== undefined || partOfDay };
}

const ZH_LEAD = /^(?:请|麻烦)?(?:帮我|给我)?(?:自动)?(?:推送给我|推送|发送给我|发送|发给我|发我|发|推给我|推|告诉我|提醒我|通知我|汇报|报告|给我|看看|看一下|看)(?:一下|一份|下)?(?:[::]\s*)?/;
const ZH_TAIL = /(?:推送给我|推送|发给我|发我|推给我|提醒我|通知我|告诉我|报给我)$/;
const ZH_WHEN = /^(?:如果|一旦|若|当)(?:有|出现)?/;
const EN_LEAD = /^(?:please\s+)?(?:(?:send|email|push|give|show|tell|notify|remind|alert|report)(?:\s+(?:me|us))?(?:\s+(?:a\s+list\s+of|the\s+list\s+of|a\s+report\s+on|the|a|of|about|on|with))?)(?:\s+|$)/i;
const EN_WHEN = /^(?:when(?:ever)?|if)\s+(?:there\s+(?:are|is)\s+(?:any\s+)?)?/i;

/** Trims separators and leftover spaces. */
const tidy = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/^[\s,,、;;:::.。!!]+|[\s,,、;;.。!!]+$/g, "")
    .trim();

/**
 * The subscription a message asks for, or undefined when the message names no schedule or no question.
 * The question keeps its own time words (本周, next week); they are re-resolved at every run.
 */
export function parseSubscriptionRequest(message: string): SubscriptionRequest | undefined {
  const language = detectLanguage(message);
  const found = language === "zh" ? chineseSchedule(message) : englishSchedule(message);
  if (!found) return undefined;
  let question = tidy(found.rest);
  let condition: SubscriptionCondition | null = null;
  if (language === "zh") {
    question = tidy(question.replace(ZH_LEAD, ""));
    question = tidy(question.replace(ZH_TAIL, ""));
    if (ZH_WHEN.test(question)) {
      condition = { kind: "row_count", op: "gt", value: 0 };
      question = tidy(question.replace(ZH_WHEN, "").replace(/(?:的)?(?:时候?|就|则)$/, ""));
      question = tidy(question.replace(ZH_TAIL, ""));
    }
  } else {
    question = tidy(question.replace(EN_LEAD, ""));
    question = tidy(question.replace(/^(?:me\s+)/i, ""));
    if (EN_WHEN.test(question)) {
      condition = { kind: "row_count", op: "gt", value: 0 };
      question = tidy(question.replace(EN_WHEN, ""));
    }
  }
  if (question.length < 2) return undefined;
  return { schedule: found.schedule, question, language, condition, timeStated: found.timeStated };
}
