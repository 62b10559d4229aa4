/** Colloquial wrappers around a question read as the plain words they stand for ("高不高" → 吗, "# of" → number of, bank-wide → overall). */

/** Not followed by rows counted ("converts the most customers", "disbursed more loans": a count, not the measure). */
const NO_ROWS_AFTER = "(?!\\s+(?:[a-z]+\\s+)?(?:customers?|clients?|borrowers?|people|loans?|touches|applications?|accounts?|deals?)\\b)";

/** [pattern over the lower-case text, replacement]: each wrapper asks for the figure itself, with no filter of its own. */
const FILLERS: [RegExp, string | ((substring: string, ...groups: string[]) => string)][] = [
  // "campaign conversion rate across the board": overall, no filter (as bank-wide).
  [/\bacross the board\b/g, "overall"],
  // "去年放出去的贷款", "上月放出来多少钱", "这个月新放的贷款": lending out is the disbursement verb 放款 (发放, 投放,
  // 开放, 存放, 释放 are other words).
  [/(?<![发投开存释播摆堆])(?:新)?放(?:出去|出来)了?/gu, "放款"],
  [/(?<![发投开存释播摆堆])新放(?=了?的(?:贷款|单子|借款))/gu, "新放款"],
  // "审批平均花了多少小时", "审批用了多久": spending the time is how long it takes (the approval duration).
  [/(?:花了|用了|花费了?|耗费了?|耗时|用时|花掉了?)(?=多久|多长时间|多少(?:个)?小时)/gu, "花"],
  // "咱们行都有哪些贷款产品", "我们行一共多少客户": our bank is the whole data, no filter.
  [/(?:咱们|我们|咱|本)行(?![业为动使驶程李情列])|^我行(?![业为动使驶程李情列])/gu, " "],
  // "各大区放款金额": 各 before 大区 is each region (the segmenter reads 各大 as one word, "all the major").
  [/各大(?=区)/gu, "各个大"],
  // "价值最高的10个客户": the count between the superlative and the rows is the tool's limit (价值最高的客户前10).
  [/(价值最[高低]的)(\d+|[一二两三四五六七八九十]+)\s*(?:个|位|名|户)(客户)/gu, "$1$3前$2"],
  // "# of loans", "no. of customers": the number of.
  [/(?<![a-z0-9])(?:#|no\.)\s*of\b/g, "number of"],
  // "逾期率高不高", "贷款多不多": an A-not-A question asks for the figure (吗), not for rows that are high.
  [/([高低多少大小快慢])不\1/gu, "吗"],
  // "overdue rate in Shanghai, high or not?", "is it high or low?", ", is that high?": the same question in English.
  [/(?:\b(?:is|are) (?:it|that|this|they|those) )?\b(?:too )?(?:high|low|good|bad)\s+or\s+(?:not|low|high|good|bad)\b/g, " "],
  [/,\s*(?:is|are) (?:it|that|this|they|those) (?:too )?(?:high|low)\s*\?*\s*$/g, " "],
  // "比上月高还是低", "多还是少": which of the two is asked by showing both (吗).
  [/(?:[高多大]还是[低少小]|[低少小]还是[高多大])/gu, "吗"],
  // "higher than last quarter", "lower than this time last year": the comparison of two periods ("than" stays).
  [/\b(?:higher|lower|bigger|smaller|greater|better|worse) than (?=(?:the |in |during )?(?:last|this|previous|prior|same)\b)/g, "than "],
  // "by how much": the change itself.
  [/\bby how much\b/g, "difference"],
  // "给个数", "报个数字", "说个数": give me the number.
  [/(?:给|报|说)(?:我|一)?个数(?:字)?/gu, " "],
  // "余额还剩多少", "还剩下多少": how much is (still) left is how much there is.
  [/还?剩(?:下|余)?(?=多少)/gu, " "],
  // "bank-wide", "company wide", "across the whole bank": overall, no filter.
  [/\b(?:bank|company|firm|portfolio|institution|enterprise)\s*wide\b/g, "overall"],
  [/\bacross the (?:whole |entire )?(?:bank|company|firm|portfolio)\b/g, "overall"],
  // "which channel converts best", "best-converting campaigns": a ranking by the conversion rate (converted touches
  // "the most" in the past tense stay a count).
  [new RegExp(`\\bconverts? (?=(?:the )?(?:best|better|worst|worse|most|least|highest|lowest)\\b${NO_ROWS_AFTER})`, "g"), "conversion rate "],
  [/\bconverted (?=(?:the )?(?:best|better|worst|worse)\b)/g, "conversion rate "],
  [/\b(best|worst|top|highest|lowest) converting\b/g, "$1 conversion rate"],
  // "which branch disbursed the most": disbursed compared or ranked is the disbursement ("loans disbursed" dates rows).
  [new RegExp(`\\bdisbursed (?=(?:the )?(?:most|least|more|less)\\b${NO_ROWS_AFTER})`, "g"), "disbursement "],
  // "how much have we disbursed this month", "how much was lent out last quarter": the verb asked "how much" of, with
  // no rows after it, is the disbursement (as "how much did we disburse").
  [new RegExp(`\\bhow much (?:money |in total |in loans )?(?:(?:have|has|had|did|do|does) (?:we|you|the bank|they|i) |(?:was|were|got|has been|have been|had been) )?(?:disbursed|disburse|lent|lend|loaned)(?: out)?\\b${NO_ROWS_AFTER}`, "g"), "how much did we disburse"],
  // "上月一共放款多少金额", "本月发放了多少的金额": the disbursement verb, then how much money, is the disbursement.
  [/(放款|发放|放贷|投放)了?(一共|总共|合计|累计)?多少(?:的)?(?:金额|钱)/gu, (_, verb: string, total: string | undefined) => `${verb === "放贷" ? "放款" : verb}金额${total ?? ""}多少`],
  // "how long does an approval take on average", "how many hrs did approvals take on avg": the approval duration
  // (in hours, as the layer keeps it; other units are not converted).
  [/\bhow long (?:does|do|did|will|would) (?:an? |the |each |one |our |your )?(?:typical |average |single )?(?:loan )?(?:approvals?|approval decisions?|credit decisions?|decisions? on applications?)(?: usually| typically| normally)? take\b/g, "approval time"],
  [/\bhow many (?:hours|hrs|hr) (?:does|do|did|will|would) (?:an? |the |each |one |our )?(?:typical |average |single )?(?:loan )?(?:approvals?|approval decisions?)(?: usually| typically| normally)? take\b/g, "approval time"],
  [/\b(?:approvals?|approval decisions?) (?:usually |typically |normally )?took how many (?:hours|hrs)\b/g, "approval time"],
  // "on avg", "avg.": an average.
  [/\bavg\.?(?![a-z])/g, "average"],
  // "审批最慢的产品", "哪个渠道审批最快": how fast approval is, is its duration.
  [/审批(?:速度)?(?=最?[慢快](?![速递捷]))/gu, "审批时长"],
  // "the slowest approvals", "how long on average to approve an application", "多久才能审批完": the approval duration.
  [/\b(slowest|fastest|quickest) (?:approvals?|decisions?)\b/g, (_, word: string) => `${word === "quickest" ? "fastest" : word} approval time`],
  [/\bhow long\b(.{0,30}?)\bto (?:approve|decide(?: on)?)\b/g, "approval time$1"],
  [/(?:要|需要)?多久(?:才能|才|能)?审批完?/gu, "审批时长"],
  // "审批完一笔申请平均要多久", "审批一个申请需要多长时间": approving, then how long it takes, is the duration too.
  [/审批(?:完|通过)?((?:一|每|单)(?:笔|个|份|条))?((?:贷款)?申请)?(平均)?(?:要|需要|得|会)?(?:花)?(?:多久|多长时间|多少(?:个)?小时)/gu, (_, unit: string | undefined, rows: string | undefined, average: string | undefined) => `${unit ?? ""}${rows ?? ""}${average ?? ""}审批时长`],
  [/\bhow long does (?:it take to approve|approving|the approval of|approval of) (a |an |one |each )?(?:single )?(application|loan application)s? take\b/g, "approval time of $1$2"],
  // "审批完一笔申请平均要多久", "平均每笔贷款的本金", "on average how long for a single application": with an average, 一笔 /
  // 每个 / a single before the rows is the unit averaged over, not a count of rows kept (a limit of one).
  [/(?:一|每|单)(?:笔|个|份|条|位|户)(?=(?:贷款|申请|客户|还款|借款人|预警)[^,?;]{0,12}?(?:平均|审批时长))|(?<=平均[^,?;]{0,12}?)(?:一|每|单)(?:笔|个|份|条|位|户)(?=贷款|申请|客户|还款|借款人|预警)/gu, ""],
  [/\b(?:a single|one single|each single)\b(?=\s+[a-z]+\b.*\b(?:on average|average)\b)|(?<=\b(?:on average|average)\b.*)\b(?:a single|one single)\b/g, "an"],
  // "most expensive 3 campaigns per application", "cheapest channels per applicant": ranked by the cost per application.
  [
    /\b(?:the )?(most expensive|priciest|least expensive|cheapest)\b(.{0,40}?)\bper (?:application|applicant|acquisition)\b/g,
    (_, word: string, middle: string) => `${/most|priciest/.test(word) ? "highest" : "lowest"}${middle}by cost per application`,
  ],
  [/获客(?:成本)?最贵/gu, "获客成本最高"],
  [/获客(?:成本)?最便宜/gu, "获客成本最低"],
  // "applications approved this year for more than 500k", "获批超过50万的申请": the amount said after the approval
  // verb is the approved amount (applications carry a requested and an approved amount).
  [/\bapproved((?:\s+(?:this|last|in|during)\s+[a-z0-9]+(?:\s+[a-z0-9]+)?)?)\s+for\s+(?=(?:more than|over|above|under|less than|below|at least|at most|greater than|>|<|≥|≤)?\s*[¥$]?\d)/g, "approved$1 with approved amount "],
  [/(获批|批了|批准了|批下来)(?=(?:超过|大于|高于|不低于|不少于|低于|少于|不超过|不到|了)?(?:\d|[一二两三四五六七八九十百千]+[万亿]))/gu, "$1 审批金额"],
  // "partner-sourced applications": came via the partner channel.
  [/\bsourced(?:\s+(?:from|through|via))?\b/g, "via"],
];

/**
 * The lower-case text with colloquial wrappers replaced by the plain words they stand for: "杭州的逾期率高不高,给个数" →
 * "杭州的逾期率吗, ", "# of loans" → "number of loans", "bank-wide churn rate" → "overall churn rate".
 */
export function replaceColloquialFillers(text: string): string {
  let result = text;
  for (const [pattern, replacement] of FILLERS) result = typeof replacement === "string" ? result.replace(pattern, replacement) : result.replace(pattern, replacement);
  return result;
}
