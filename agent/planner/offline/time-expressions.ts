/**
 * Time words in both languages, resolved against the as-of date into absolute ranges exactly as DOMAIN.md
 * "Reference date" defines them (本月, last 3 months, 未来7天, Q1 2026, 2026年5月, YTD …).
 */
import type { DateRange } from "../../plan/query-plan.ts";
import { ENGLISH_SMALL_NUMBER, SMALL_NUMBER, parseEnglishSmallNumber, parseSmallNumber } from "./chinese-numerals.ts";
import { addDays, addMonths, monthOf, monthRange, monthsRange, quarterRange, yearRange } from "./date-math.ts";
import type { YearMonth } from "./date-math.ts";

/** A time expression found in the question. */
export interface TimeMatch {
  start: number;
  end: number;
  text: string;
  range: DateRange;
}

type Resolver = (match: RegExpExecArray, asOfDate: string) => DateRange | undefined;

interface TimeRule {
  pattern: RegExp;
  resolve: Resolver;
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_PATTERN = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4 };

const asOfMonth = (asOfDate: string) => monthOf(asOfDate);
const lastMonths = (asOfDate: string, count: number): DateRange | undefined =>
  count >= 1 && count <= 120 ? monthsRange(addMonths(asOfMonth(asOfDate), -(count - 1)), asOfMonth(asOfDate)) : undefined;
const lastDays = (asOfDate: string, count: number): DateRange | undefined =>
  count >= 1 && count <= 3660 ? { start: addDays(asOfDate, -(count - 1)), end: asOfDate } : undefined;
const nextDays = (asOfDate: string, count: number): DateRange | undefined =>
  count >= 1 && count <= 3660 ? { start: addDays(asOfDate, 1), end: addDays(asOfDate, count) } : undefined;
const quarterOf = (month: YearMonth) => Math.floor((month.month - 1) / 3) + 1;
/** The calendar week (Monday–Sunday) `offset` weeks from the one containing the as-of date. */
function calendarWeek(asOfDate: string, offset: number): DateRange {
  const weekday = (new Date(`${asOfDate}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const monday = addDays(asOfDate, -weekday + 7 * offset);
  return { start: monday, end: addDays(monday, 6) };
}

/** A month named without a year: the latest such month not after the as-of month. */
function latestMonth(asOfDate: string, month: number): DateRange | undefined {
  if (month < 1 || month > 12) return undefined;
  const asOf = asOfMonth(asOfDate);
  return monthRange({ year: month <= asOf.month ? asOf.year : asOf.year - 1, month });
}

/** A quarter named without a year: the latest such quarter that has started by the as-of date. */
function latestQuarter(asOfDate: string, quarter: number): DateRange | undefined {
  if (quarter < 1 || quarter > 4) return undefined;
  const asOf = asOfMonth(asOfDate);
  return quarterRange(quarter <= quarterOf(asOf) ? asOf.year : asOf.year - 1, quarter);
}

const monthNumber = (name: string) => MONTH_NAMES.findIndex((month) => month.startsWith(name.slice(0, 3))) + 1;
const yearToDate = (asOfDate: string): DateRange => ({ start: `${asOfDate.slice(0, 4)}-01-01`, end: asOfDate });
const quarterDigit = (text: string) => parseSmallNumber(text) ?? 0;

/** How many years back a relative year word is (今年 0, 去年 1, 前年 2). */
const relativeYears = (word: string) => (word === "前年" ? 2 : word === "去年" ? 1 : 0);
const N = SMALL_NUMBER;
const EN = ENGLISH_SMALL_NUMBER;

const RULES: TimeRule[] = [
  // Explicit dates and months.
  { pattern: /(\d{4})\s*年\s*第?\s*([一二三四1-4])\s*季度?/g, resolve: (m) => quarterRange(Number(m[1]), quarterDigit(m[2])) },
  { pattern: /(\d{4})\s*年?\s*q([1-4])\b/g, resolve: (m) => quarterRange(Number(m[1]), Number(m[2])) },
  { pattern: /\bq([1-4])\s*(?:of\s*)?(\d{4})/g, resolve: (m) => quarterRange(Number(m[2]), Number(m[1])) },
  {
    pattern: /\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)?(?: (\d{4}))?/g,
    resolve: (m, asOf) => (m[2] ? quarterRange(Number(m[2]), ORDINALS[m[1]]) : latestQuarter(asOf, ORDINALS[m[1]])),
  },
  { pattern: /第\s*([一二三四1-4])\s*季度|([一二三四])\s*季度/g, resolve: (m, asOf) => latestQuarter(asOf, quarterDigit(m[1] ?? m[2])) },
  { pattern: /(?<![\d.])q([1-4])\b/g, resolve: (m, asOf) => latestQuarter(asOf, Number(m[1])) },
  {
    pattern: /(\d{4})\s*年\s*(\d{1,2})\s*(?:月份?)?\s*(?:-|到|至)\s*(\d{1,2})\s*月份?/g,
    resolve: (m) => monthsRange({ year: Number(m[1]), month: Number(m[2]) }, { year: Number(m[1]), month: Number(m[3]) }),
  },
  { pattern: /(\d{4})\s*年\s*(\d{1,2})\s*月份?/g, resolve: (m) => (Number(m[2]) <= 12 ? monthRange({ year: Number(m[1]), month: Number(m[2]) }) : undefined) },
  { pattern: /(\d{4})-(\d{1,2})-(\d{1,2})/g, resolve: (m) => ({ start: `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`, end: `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` }) },
  { pattern: /(?<![\d.])(\d{4})[-/.](\d{1,2})(?![\d.%])/g, resolve: (m) => (Number(m[2]) >= 1 && Number(m[2]) <= 12 ? monthRange({ year: Number(m[1]), month: Number(m[2]) }) : undefined) },
  {
    pattern: new RegExp(`\\b(?:from |between )?${MONTH_PATTERN}\\.?(?: (\\d{4}))?\\s*(?:to|through|thru|until|and|-)\\s*${MONTH_PATTERN}\\.?,?(?: (\\d{4}))?`, "g"),
    resolve: (m, asOf) => {
      const endYear = m[4] ? Number(m[4]) : m[2] ? Number(m[2]) : undefined;
      const last = endYear ? { year: endYear, month: monthNumber(m[3]) } : monthOf(latestMonth(asOf, monthNumber(m[3]))?.start ?? asOf);
      const firstMonth = monthNumber(m[1]);
      const first = { year: m[2] ? Number(m[2]) : firstMonth <= last.month ? last.year : last.year - 1, month: firstMonth };
      return monthsRange(first, last);
    },
  },
  { pattern: new RegExp(`\\b${MONTH_PATTERN}\\.?,?\\s*(\\d{4})\\b`, "g"), resolve: (m) => monthRange({ year: Number(m[2]), month: monthNumber(m[1]) }) },
  { pattern: new RegExp(`\\b(?:in|for|during|of)\\s+${MONTH_PATTERN}\\b(?!\\s*\\d)`, "g"), resolve: (m, asOf) => latestMonth(asOf, monthNumber(m[1])) },
  { pattern: /(?<![\d年个.])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?(?!\s*[\d底初末]|度)/g, resolve: (m, asOf) => latestMonth(asOf, parseSmallNumber(m[1]) ?? 0) },
  { pattern: /(?<![\d.])(20\d{2}|19\d{2})\s*(?:年度|全年|年)(?!\s*[\d第q一二三四上下])/g, resolve: (m) => yearRange(Number(m[1])) },
  { pattern: /\b(?:in|for|during|of|year)\s+(20\d{2}|19\d{2})\b(?!\s*[-/]\s*\d)/g, resolve: (m) => yearRange(Number(m[1])) },
  { pattern: /(\d{4})\s*年?\s*(上|下)半年/g, resolve: (m) => (m[2] === "上" ? monthsRange({ year: Number(m[1]), month: 1 }, { year: Number(m[1]), month: 6 }) : monthsRange({ year: Number(m[1]), month: 7 }, { year: Number(m[1]), month: 12 })) },
  { pattern: /\b(?:h([12])|(first|second) half(?: of)?)\s*(\d{4})?/g, resolve: (m, asOf) => {
      const year = m[3] ? Number(m[3]) : Number(asOf.slice(0, 4));
      const first = m[1] === "1" || m[2] === "first";
      return first ? monthsRange({ year, month: 1 }, { year, month: 6 }) : monthsRange({ year, month: 7 }, { year, month: 12 });
    } },
  // A month or quarter of a year said relatively ("去年12月", "今年3月份", "去年第四季度", "december last year").
  {
    pattern: /(去年|今年|前年)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?(?!\s*[\d底初末]|度)/g,
    resolve: (m, asOf) => {
      const month = parseSmallNumber(m[2]) ?? 0;
      return month >= 1 && month <= 12 ? monthRange({ year: asOfMonth(asOf).year - relativeYears(m[1]), month }) : undefined;
    },
  },
  {
    pattern: /(去年|今年|前年)\s*(?:第\s*([一二三四1-4])\s*季度?|([一二三四])\s*季度|q([1-4])\b)/g,
    resolve: (m, asOf) => quarterRange(asOfMonth(asOf).year - relativeYears(m[1]), quarterDigit(m[2] ?? m[3] ?? m[4])),
  },
  {
    pattern: new RegExp(`\\b(?:(?:in|for|during|of)\\s+)?${MONTH_PATTERN}\\s+(?:of\\s+)?(last|this) year\\b|\\b(last|this) year\\s*(?:'\\s*s)?\\s+${MONTH_PATTERN}\\b`, "g"),
    resolve: (m, asOf) => monthRange({ year: asOfMonth(asOf).year - ((m[2] ?? m[3]) === "last" ? 1 : 0), month: monthNumber(m[1] ?? m[4]) }),
  },
  // Relative words (DOMAIN.md "Reference date").
  { pattern: /本月至今|本月以来|月初至今|月初以来|月初到现在|本月份?|当月|这个月|这月|本月度|\bthis month\b|\bcurrent month\b|\bmonth to date\b|\bmtd\b|\bso far this month\b/g, resolve: (_, asOf) => monthRange(asOfMonth(asOf)) },
  { pattern: /上上个?月|\bthe month before last\b/g, resolve: (_, asOf) => monthRange(addMonths(asOfMonth(asOf), -2)) },
  { pattern: /(去年|今年)\s*(上|下)半年/g, resolve: (m, asOf) => {
      const year = asOfMonth(asOf).year - (m[1] === "去年" ? 1 : 0);
      return m[2] === "上" ? monthsRange({ year, month: 1 }, { year, month: 6 }) : monthsRange({ year, month: 7 }, { year, month: 12 });
    } },
  { pattern: /上个?月份?|上一个?月|前一个?月|\blast month\b|\bprevious month\b|\bprior month\b|\bthe month before\b/g, resolve: (_, asOf) => monthRange(addMonths(asOfMonth(asOf), -1)) },
  { pattern: /下个?月|下一个?月|\bnext month\b/g, resolve: (_, asOf) => monthRange(addMonths(asOfMonth(asOf), 1)) },
  { pattern: /本季度?至今|本季度?以来|季度?初至今|季度?初以来|季度?初到现在|本季度?|当季度?|这个?季度|\bthis quarter\b|\bthis qtr\b|\bcurrent quarter\b|\bquarter to date\b|\bqtd\b|\bso far this quarter\b/g, resolve: (_, asOf) => quarterRange(asOfMonth(asOf).year, quarterOf(asOfMonth(asOf))) },
  {
    pattern: /上个?季度|上一个?季度|上季|\blast quarter\b|\blast qtr\b|\bprevious quarter\b|\bprior quarter\b/g,
    resolve: (_, asOf) => {
      const first = addMonths({ year: asOfMonth(asOf).year, month: (quarterOf(asOfMonth(asOf)) - 1) * 3 + 1 }, -3);
      return quarterRange(first.year, quarterOf(first));
    },
  },
  { pattern: /今年以来|年初至今|年初以来|本年以来|今年到现在|年初到现在|今年至今|今年|本年度?|当年|\bthis year\b|\bthis yr\b|\bcurrent year\b|\byear to date\b|\bytd\b|\bso far this year\b/g, resolve: (_, asOf) => yearToDate(asOf) },
  { pattern: /去年全年|去年|上一?年度?|\blast year\b|\blast yr\b|\bprevious year\b|\bprior year\b/g, resolve: (_, asOf) => yearRange(asOfMonth(asOf).year - 1) },
  { pattern: /去年同月|\bsame month last year\b|\bthe same month a year ago\b/g, resolve: (_, asOf) => monthRange(addMonths(asOfMonth(asOf), -12)) },
  { pattern: /前年|\bthe year before last\b/g, resolve: (_, asOf) => yearRange(asOfMonth(asOf).year - 2) },
  { pattern: /上半年|\bfirst half\b/g, resolve: (_, asOf) => monthsRange({ year: asOfMonth(asOf).year, month: 1 }, { year: asOfMonth(asOf).year, month: 6 }) },
  { pattern: /下半年|\bsecond half\b/g, resolve: (_, asOf) => monthsRange({ year: asOfMonth(asOf).year, month: 7 }, { year: asOfMonth(asOf).year, month: 12 }) },
  { pattern: new RegExp(`(?:近|最近|过去|前)\\s*(${N})\\s*个?月`, "g"), resolve: (m, asOf) => lastMonths(asOf, parseSmallNumber(m[1]) ?? 0) },
  { pattern: /(?:近|最近|过去)\s*半年/g, resolve: (_, asOf) => lastMonths(asOf, 6) },
  { pattern: new RegExp(`(?:近|最近|过去)\\s*(${N})\\s*年`, "g"), resolve: (m, asOf) => lastMonths(asOf, 12 * (parseSmallNumber(m[1]) ?? 0)) },
  { pattern: new RegExp(`(?:近|最近|过去)\\s*(${N})\\s*(?:天|日)`, "g"), resolve: (m, asOf) => lastDays(asOf, parseSmallNumber(m[1]) ?? 0) },
  { pattern: new RegExp(`(?:近|最近|过去)\\s*(${N})\\s*(?:周|个星期|星期)`, "g"), resolve: (m, asOf) => lastDays(asOf, 7 * (parseSmallNumber(m[1]) ?? 0)) },
  { pattern: new RegExp(`(?:未来|接下来|今后|之后|往后)\\s*(${N})\\s*(?:天|日)`, "g"), resolve: (m, asOf) => nextDays(asOf, parseSmallNumber(m[1]) ?? 0) },
  { pattern: new RegExp(`(?:未来|接下来|今后)\\s*(${N})\\s*(?:周|个星期)`, "g"), resolve: (m, asOf) => nextDays(asOf, 7 * (parseSmallNumber(m[1]) ?? 0)) },
  { pattern: new RegExp(`(?:未来|接下来|今后)\\s*(${N})\\s*个月`, "g"), resolve: (m, asOf) => monthsRange(addMonths(asOfMonth(asOf), 1), addMonths(asOfMonth(asOf), parseSmallNumber(m[1]) ?? 1)) },
  { pattern: /下周|下一周|下星期|下个星期|未来一周|\bnext week\b|\bcoming week\b/g, resolve: (_, asOf) => nextDays(asOf, 7) },
  // DOMAIN.md names no weeks; like 本月 (the calendar month of the as-of date), a week is the calendar week (Monday–Sunday).
  { pattern: /本周|这周|这一周|本星期|这个?星期|这个?礼拜|\bthis week\b|\bcurrent week\b|\bweek to date\b|\bwtd\b/g, resolve: (_, asOf) => calendarWeek(asOf, 0) },
  { pattern: /上上周|上上个?星期|上上个?礼拜|\bthe week before last\b/g, resolve: (_, asOf) => calendarWeek(asOf, -2) },
  { pattern: /上周|上一周|上个?星期|上个?礼拜|\blast week\b|\bprevious week\b|\bprior week\b/g, resolve: (_, asOf) => calendarWeek(asOf, -1) },
  { pattern: /今天|今日|当天|\btoday\b|\bas of today\b/g, resolve: (_, asOf) => ({ start: asOf, end: asOf }) },
  { pattern: /昨天|\byesterday\b/g, resolve: (_, asOf) => ({ start: addDays(asOf, -1), end: addDays(asOf, -1) }) },
  {
    pattern: new RegExp(`\\b(?:(?:in|over|during|for) )?(?:the )?(?:last|past|previous|trailing|recent|latest) (${EN}) months?\\b`, "g"),
    resolve: (m, asOf) => lastMonths(asOf, parseEnglishSmallNumber(m[1]) ?? 0),
  },
  { pattern: /\b(?:the )?(?:last|past|previous|trailing) (?:half year|half a year|six months)\b/g, resolve: (_, asOf) => lastMonths(asOf, 6) },
  { pattern: /\b(?:the )?(?:past|trailing) (?:year|12 months)\b|\blast 12 months\b|\bltm\b|\bttm\b/g, resolve: (_, asOf) => lastMonths(asOf, 12) },
  { pattern: new RegExp(`\\b(?:the )?(?:last|past|previous|recent) (${EN}) days?\\b`, "g"), resolve: (m, asOf) => lastDays(asOf, parseEnglishSmallNumber(m[1]) ?? 0) },
  { pattern: new RegExp(`\\b(?:the )?(?:last|past|previous) (${EN}) weeks?\\b`, "g"), resolve: (m, asOf) => lastDays(asOf, 7 * (parseEnglishSmallNumber(m[1]) ?? 0)) },
  { pattern: new RegExp(`\\b(?:the )?(?:next|coming|upcoming|following) (${EN}) days?\\b`, "g"), resolve: (m, asOf) => nextDays(asOf, parseEnglishSmallNumber(m[1]) ?? 0) },
  { pattern: new RegExp(`\\b(?:the )?(?:next|coming|upcoming) (${EN}) weeks?\\b`, "g"), resolve: (m, asOf) => nextDays(asOf, 7 * (parseEnglishSmallNumber(m[1]) ?? 0)) },
  {
    pattern: new RegExp(`\\b(?:the )?(?:next|coming|upcoming) (${EN}) months?\\b`, "g"),
    resolve: (m, asOf) => monthsRange(addMonths(asOfMonth(asOf), 1), addMonths(asOfMonth(asOf), parseEnglishSmallNumber(m[1]) ?? 1)),
  },
];

/** Every time expression in the (normalized) question, resolved against the as-of date; overlaps are allowed. */
export function findTimeExpressions(text: string, asOfDate: string): TimeMatch[] {
  const found: TimeMatch[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      const range = rule.resolve(match, asOfDate);
      if (range && range.start <= range.end) {
        found.push({ start: match.index, end: match.index + match[0].length, text: match[0], range });
      }
      if (match[0].length === 0) rule.pattern.lastIndex++;
    }
  }
  return found;
}
