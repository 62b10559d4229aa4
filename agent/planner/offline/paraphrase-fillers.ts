/** Colloquial verbs and wrappers of answerable paraphrases read as the plain words ("放出去的贷款" → 放款的贷款, "across the board" → overall, 咱们行 → nothing). */

/** [pattern over the lower-case text, replacement], applied before the other colloquial fillers. */
export const PARAPHRASE_FILLERS: [RegExp, string][] = [
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
];
