/**
 * Tells a chat message that asks for a subscription (a schedule and a delivery verb: "每天早上8点推送……",
 * "every Monday at 9 send me …") from a data question, and a complete request from one whose schedule is unclear
 * ("每天推送……" names no time, "逾期率超过3%时提醒我" names no schedule), which gets a clarifying question instead
 * of a guessed time.
 */
import { detectLanguage } from "../planner/offline/detect-language.ts";
import type { Language } from "../planner/planner.ts";
import { readMetricThreshold } from "./metric-threshold.ts";
import type { MetricThreshold } from "./metric-threshold.ts";
import { parseSubscriptionRequest } from "./parse-subscription-request.ts";
import type { SubscriptionRequest } from "./parse-subscription-request.ts";

/** A choice of a clarifying question: its label and the whole message the chat sends when it is picked. */
export interface ScheduleChoice {
  label: string;
  message: string;
}

/** What a chat message is, as far as subscriptions go. */
export type SubscriptionMessageReading =
  | { kind: "none" }
  | {
      kind: "request";
      request: SubscriptionRequest;
      language: Language;
      /** A threshold on a metric ("逾期率超过3%时"): the request's question is then the metric's question. */
      threshold: MetricThreshold | null;
      /** The condition in words ("当任何分行逾期率超过3%时"), null when there is none. */
      conditionText: string | null;
    }
  | { kind: "unclear"; language: Language; missing: "time" | "schedule" | "question"; question: string; choices: ScheduleChoice[] };

/** Words that ask for something to be sent: without one, "每天的放款金额" is a data question. */
const ZH_DELIVERY = /推送|推给我|发给我|发我|发送|提醒我|告诉我|通知我|报给我|汇报给我|订阅|(?:^|[日天一二三四五六七号底初末点半分午上晚早])发(?![放生起展行布现出货])/;
const EN_DELIVERY = /\b(?:send|email|e-mail|push|alert|notify|remind|tell|deliver|ping)\b(?:\s+(?:me|us)\b)?|\bsubscribe\b/i;
/** Periodic words the parser cannot turn into a schedule (每周 without a weekday, 定期). */
const ZH_VAGUE = /定期地?|每个?(?:周|星期|礼拜)(?![一二三四五六日天1-7])|每个?月(?!(?:的)?(?:\d|[零〇一二两三四五六七八九十]|初|底|末|最后))|每季度?|每年|经常/g;
const EN_VAGUE = /\b(?:regularly|periodically|every\s+week|weekly|from time to time)\b/gi;
/** "当……时提醒我", "alert me when …": a condition without a schedule. */
const ZH_CONDITION_ONLY = /(?:当|如果|一旦|若).+(?:时|就)|.+时候?(?:请|就)?(?:推送|提醒|通知|告诉|发)/;
const EN_CONDITION_ONLY = /\b(?:alert|notify|remind|ping|send|push|email|tell)\b.*\b(?:when(?:ever)?|if|once)\b/i;
/** A schedule word followed by 的 reads as a grouping (每天的放款金额), not a schedule, unless a time is named. */
const ZH_GROUPING = /(?:每天|每日|每月|每周[一二三四五六日天]?|每个工作日)的/;
const EN_DAILY_ADJECTIVE = /\bdaily\s+(?!at\b)[a-z]/i;

/** The time choices of "几点推送?". */
const TIME_CHOICES = {
  zh: [
    { label: "早上8点", text: "早上8点" },
    { label: "中午12点", text: "中午12点" },
    { label: "下午6点", text: "下午6点" },
  ],
  en: [
    { label: "8:00", text: "at 8:00" },
    { label: "12:00", text: "at 12:00" },
    { label: "18:00", text: "at 18:00" },
  ],
};

/** Example questions offered when a request names a schedule but nothing to send ("每天早上8点推送"). */
const QUESTION_CHOICES = {
  zh: ["还款风险上升的高价值客户", "各支行逾期率", "本周到期提醒名单"],
  en: ["customers with rising repayment risk", "overdue rate by branch", "loans due next week"],
};

/** The schedule choices of "多久推送一次?". */
const SCHEDULE_CHOICES = {
  zh: ["每天早上8点", "每周一早上8点", "每月1号早上8点"],
  en: ["every day at 8:00", "every Monday at 8:00", "on the 1st of every month at 8:00"],
};

const ZH_SCHEDULE_WORDS = /每个?(?:周|星期|礼拜)[一二三四五六日天1-7]|每个?月(?:的)?(?:\d{1,2}|[零〇一二两三四五六七八九十]{1,3})\s*[号日]|每个?月(?:的)?(?:初|底|末|最后一天)|每个?工作日|每天|每日|天天/;
const EN_SCHEDULE_WORDS = /\b(?:every|each|on)\s+(?:day|weekday|working day|business day|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|\bdaily\b|\b(?:every|each)\s+month\b/i;

/** The message with a time put right after its schedule words (or at the end when they cannot be found). */
function withTime(message: string, language: Language, time: string): string {
  const words = (language === "zh" ? ZH_SCHEDULE_WORDS : EN_SCHEDULE_WORDS).exec(message);
  if (!words || words.index === undefined) return language === "zh" ? `${message},${time}` : `${message} ${time}`;
  const end = words.index + words[0].length;
  const joiner = language === "zh" ? "" : " ";
  return `${message.slice(0, end)}${joiner}${time}${message.slice(end)}`;
}

/** The message with its vague periodic words replaced by a schedule. */
function withSchedule(message: string, language: Language, schedule: string): string {
  const rest = message.replace(language === "zh" ? ZH_VAGUE : EN_VAGUE, "").replace(/\s+/g, " ").trim();
  return language === "zh" ? `${schedule}${rest}` : `${schedule} ${rest}`;
}

/** The question a message is about once its schedule and delivery words are gone (for the clarify). */
function bareQuestion(message: string, language: Language): string {
  const probe = parseSubscriptionRequest(language === "zh" ? `每天早上8点${message.replace(ZH_VAGUE, "")}` : `every day at 8:00 ${message.replace(EN_VAGUE, "")}`);
  return probe?.question ?? message;
}

/** The condition of a request in words: its threshold, or "only when there are rows". */
function conditionText(request: SubscriptionRequest, threshold: MetricThreshold | null): string | null {
  if (threshold) return threshold.text;
  if (!request.condition) return null;
  return request.language === "zh" ? `当有${request.question}时` : `when there are ${request.question}`;
}

/**
 * Reads a chat message: "none" for a data question (no delivery verb, or no schedule at all), "request" for a
 * complete subscription request (a threshold, when one is said, replaces the "any rows" condition), "unclear" when
 * the time or the schedule is missing, with choices that complete the message.
 */
export function readSubscriptionMessage(message: string): SubscriptionMessageReading {
  const text = message.trim();
  const language = detectLanguage(text);
  const zh = language === "zh";
  if (!(zh ? ZH_DELIVERY : EN_DELIVERY).test(text)) return { kind: "none" };
  const request = parseSubscriptionRequest(text);
  const grouping = zh ? ZH_GROUPING.test(text) : EN_DAILY_ADJECTIVE.test(text) && !/\b(?:every|each)\b/i.test(text);
  if (request && !(grouping && !request.timeStated)) {
    if (!request.timeStated) {
      const choices = TIME_CHOICES[language].map((choice) => ({ label: choice.label, message: withTime(text, language, choice.text) }));
      return { kind: "unclear", language, missing: "time", question: request.question, choices };
    }
    const threshold = readMetricThreshold(request.question, language) ?? null;
    // The metric of a threshold is known once its question is planned; until then the request has no condition.
    const complete: SubscriptionRequest = threshold ? { ...request, question: threshold.question, condition: null } : request;
    return { kind: "request", request: complete, language, threshold, conditionText: conditionText(request, threshold) };
  }
  if (!request && (zh ? ZH_SCHEDULE_WORDS : EN_SCHEDULE_WORDS).test(text) && parseSubscriptionRequest(`${text} ${QUESTION_CHOICES[language][0]}`)) {
    // A schedule and a delivery verb but nothing to send: ask what, offering examples that complete the message.
    const choices = QUESTION_CHOICES[language].map((question) => ({ label: question, message: zh ? `${text}${question}` : `${text} ${question}` }));
    return { kind: "unclear", language, missing: "question", question: "", choices };
  }
  const vague = zh ? new RegExp(ZH_VAGUE.source).test(text) : new RegExp(EN_VAGUE.source, "i").test(text);
  const conditionOnly = zh ? ZH_CONDITION_ONLY.test(text) : EN_CONDITION_ONLY.test(text);
  if (!vague && !conditionOnly) return { kind: "none" };
  const choices = SCHEDULE_CHOICES[language].map((schedule) => ({ label: schedule, message: withSchedule(text, language, schedule) }));
  return { kind: "unclear", language, missing: "schedule", question: bareQuestion(text, language), choices };
}
