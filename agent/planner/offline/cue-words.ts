/**
 * Function words of questions (not members of the semantic layer): grouping, ranking, listing, counting, trends,
 * comparisons, follow-ups, writes and PII requests. The lexicon adds them beside the semantic layer's words.
 */

/** What a cue word signals. */
export type Cue =
  | "group"
  | "list"
  | "singular"
  | "top"
  | "bottom"
  | "best"
  | "worst"
  | "rank"
  | "count"
  | "trend_month"
  | "trend_quarter"
  | "trend_year"
  | "trend_day"
  | "compare"
  | "previous_period"
  | "year_over_year"
  | "rise"
  | "fall"
  | "change"
  | "follow_up"
  | "instead"
  | "only"
  | "write"
  | "unmasked"
  | "out_of_scope"
  | "share"
  | "average"
  | "negate"
  | "alternative"
  | "question"
  | "add"
  | "total";

/** Cue words per language; Chinese words match inside text, English words match whole (stemmed) words. */
export const CUE_WORDS: Record<Cue, { zh: string[]; en: string[] }> = {
  group: {
    zh: ["按", "按照", "各", "各个", "各类", "各类别", "各个类别", "每个类别", "各档", "各级", "各种", "不同", "每个", "每一个", "每家", "每类", "分", "分别按", "依", "以各", "按各", "区分", "分布", "拆开", "拆分", "细分", "维度", "拆", "拆一下", "拆开看", "分开", "分开看", "分开数", "分开统计", "各有", "各是", "各为"],
    en: ["by", "per", "for each", "for every", "across", "broken down by", "break down by", "breakdown by", "split by", "grouped by", "group by", "in each", "each", "by each", "distribution", "breakdown", "break it down by", "break down", "split"],
  },
  list: {
    zh: ["哪些", "哪个", "哪家", "哪几个", "哪几家", "哪位", "哪一个", "哪一家", "哪款", "哪类", "哪种", "列出", "列举", "名单", "清单", "明细", "拉出来", "都拉出来", "有谁", "是谁", "谁", "显示", "展示", "找出", "筛选", "查出", "列一下", "给我看", "都有谁"],
    en: ["which", "list", "show me", "show", "who", "whose", "display", "find", "names of", "give me", "what are the", "pull up", "identify", "get me"],
  },
  singular: { zh: ["哪个", "哪家", "哪一个", "哪一家", "哪位", "哪款", "哪一款"], en: [] },
  top: {
    zh: ["最高", "最多", "最大", "最长", "最久", "排名前", "排前", "排名靠前", "领先", "最高的", "前几", "前几名", "靠前"],
    en: ["top", "highest", "most", "longest", "largest", "biggest", "greatest", "maximum", "leading", "the most", "highest ranked"],
  },
  bottom: {
    zh: ["最低", "最少", "最小", "最短", "倒数", "末尾", "排名后", "垫底", "靠后", "最低的"],
    en: ["lowest", "least", "shortest", "smallest", "fewest", "bottom", "minimum"],
  },
  // Speed words rank durations by the metric's direction: the slowest approval time is the worst.
  best: { zh: ["最好", "最佳", "最优", "表现最好", "最优秀", "最快"], en: ["best", "strongest", "best performing", "top performing", "fastest", "quickest"] },
  worst: { zh: ["最差", "最糟", "表现最差", "最不好", "最慢"], en: ["worst", "weakest", "poorest", "worst performing", "slowest"] },
  rank: { zh: ["排名", "排行", "排序", "排行榜", "排一下", "从高到低", "从大到小"], en: ["rank", "ranking", "ranked", "sorted", "sort", "order by", "ordered by", "leaderboard"] },
  count: {
    zh: ["多少", "有多少", "几个", "几家", "几笔", "几位", "几", "数量", "总数", "个数", "数", "多少个", "多少笔", "多少家", "多少位", "多少条", "计数", "统计", "统计数量", "统计一下", "几条", "笔数", "户数", "条数", "多少次", "几次", "多多少", "多了多少", "少多少", "少了多少", "差多少", "差了多少"],
    en: ["how many", "number of", "count", "count of", "total number", "total number of", "how much", "how many more", "how many fewer", "how much more", "how much less"],
  },
  trend_month: {
    zh: ["趋势", "走势", "变化趋势", "每月", "按月", "逐月", "月度", "各月", "分月", "每个月", "月趋势", "历月", "哪个月", "哪一个月", "哪月", "几月份"],
    en: ["trend", "trends", "over time", "month by month", "by month", "per month", "each month", "monthly", "every month", "trajectory", "moved", "evolved", "history"],
  },
  trend_quarter: { zh: ["按季度", "每季度", "各季度", "分季度", "季度趋势", "逐季", "每个季度", "哪个季度", "哪一个季度"], en: ["quarterly", "by quarter", "per quarter", "each quarter", "quarter by quarter"] },
  trend_year: { zh: ["按年", "每年", "各年", "分年", "年度趋势", "逐年", "历年", "每一年", "哪一年", "哪年"], en: ["yearly", "annually", "by year", "per year", "each year", "year by year"] },
  trend_day: { zh: ["每天", "每日", "按天", "按日", "逐日", "日度"], en: ["daily", "by day", "per day", "each day", "day by day"] },
  compare: {
    zh: ["对比", "比较", "相比", "相较", "比起", "较", "相比较", "和上月比", "跟上月比", "与上月比", "比", "比一比", "比一下"],
    en: ["compare", "compared", "comparison", "versus", "vs", "against", "relative to", "compared with", "compared to", "than"],
  },
  previous_period: { zh: ["环比", "较上月", "比上月", "比上个月", "较上期", "比上期", "与上月相比", "和上个月比", "季度环比"], en: ["month over month", "mom", "period over period", "from last month", "since last month", "quarter over quarter", "qoq"] },
  year_over_year: { zh: ["同比", "较去年同期", "去年同期", "比去年同期"], en: ["year over year", "yoy", "same period last year"] },
  rise: {
    zh: ["上升", "上涨", "增长", "增加", "提高", "升高", "变高", "走高", "攀升", "提升", "变多", "涨了", "恶化", "涨", "往上涨", "往上走", "升了", "变大", "增大"],
    en: ["rising", "rise", "rose", "risen", "increase", "increased", "increasing", "grew", "grow", "growing", "growth", "went up", "go up", "gone up", "climbing", "climbed", "worsening", "deteriorating", "up"],
  },
  fall: {
    zh: ["下降", "下跌", "减少", "降低", "下滑", "走低", "变低", "回落", "变少", "改善", "降了"],
    en: ["dropped", "drop", "drops", "declined", "decline", "declining", "decrease", "decreased", "decreasing", "fell", "fall", "falling", "went down", "go down", "shrank", "shrinking", "improving", "improved", "down"],
  },
  // "多多少", "how many more": the difference between two periods.
  change: {
    zh: ["变化", "变动", "波动", "增减", "变化情况", "多多少", "多了多少", "少多少", "少了多少", "差多少", "差了多少"],
    en: ["change", "changed", "changes", "difference", "delta", "movement", "how many more", "how many fewer", "how much more", "how much less"],
  },
  follow_up: {
    zh: ["那", "那么", "那如果", "其中", "这些", "这里面", "里面", "再看", "再按", "如果是", "换成", "改看", "那就", "接着", "同样"],
    en: ["what about", "how about", "and", "of those", "of these", "among them", "among those", "those", "these", "now", "same for", "same but", "then", "and what about", "what if", "and for"],
  },
  instead: { zh: ["换成", "改看", "改成", "换为", "改为看", "换一下", "替换成", "改查"], en: ["instead", "switch to", "swap to", "rather", "change to", "replace with"] },
  only: { zh: ["只看", "仅看", "只要", "只", "仅", "单看", "只保留", "仅限", "限定"], en: ["only", "just", "limited to", "restricted to", "exclusively", "limit that to", "limit it to", "limit to", "restrict to", "filter to"] },
  write: {
    zh: ["删除", "删掉", "删了", "修改", "更改", "更新", "插入", "写入", "清空", "清除", "新建", "创建", "添加", "篡改", "改掉", "作废", "注销", "冻结", "调整额度", "批准这笔", "放款给", "帮我批准", "请批准", "批准申请", "帮我拒绝", "请拒绝", "设置为", "设为", "标记为", "调整为", "改成高", "改成低", "改成中"],
    en: ["drop", "delete", "update", "insert", "truncate", "alter", "modify", "remove", "erase", "overwrite", "create table", "add a", "add new", "set the", "wipe", "purge", "approve this", "grant table", "approve all", "approve the", "approve application", "reject all", "reject the", "change customer", "mark as", "reassign", "assign to"],
  },
  unmasked: {
    zh: ["完整", "明文", "未脱敏", "不脱敏", "脱敏前", "不打码", "不要打码", "不加掩码", "去掉掩码", "去掉脱敏", "原始", "真实", "全部号码", "不要脱敏", "取消脱敏", "解密", "全号"],
    en: ["full", "unmasked", "raw", "plain text", "plaintext", "unredacted", "complete", "without masking", "unmask", "clear text", "uncensored", "not masked", "decrypted", "real"],
  },
  // (Income is kept per year only: "月收入", "monthly income" compared with the annual figure would be twelvefold off.)
  out_of_scope: {
    zh: ["学历", "教育程度", "文化程度", "天气", "股价", "股票", "汇率", "房价", "婚姻", "婚姻状况", "新闻", "彩票", "基金净值", "比特币", "身高", "体重", "星座", "政治", "宗教", "信用卡", "存款利率", "理财收益率", "员工", "工资单", "绩效考核", "预测", "预计", "预估", "月收入", "月薪", "月工资", "月均收入", "每月收入", "信贷员", "客户经理", "信贷经理", "审批员", "审批人", "经办人", "柜员"],
    en: ["weather", "stock", "stocks", "share price", "stock price", "exchange rate", "education", "education level", "degree", "marital", "marital status", "marriage", "news", "lottery", "bitcoin", "crypto", "gdp", "inflation", "religion", "politics", "height", "weight", "zodiac", "credit card", "employees", "employee", "staff", "loan officer", "loan officers", "officer", "officers", "relationship manager", "underwriter", "underwriters", "banker", "bankers", "teller", "payroll", "temperature", "forecast", "predict", "prediction", "projected", "projection", "monthly income", "monthly salary", "monthly earnings", "income per month", "salary per month", "earns per month", "a month in income"],
  },
  share: { zh: ["占比", "比例", "份额", "构成", "结构", "占多少"], en: ["share", "proportion", "percentage of", "mix", "composition", "breakdown of", "percent of"] },
  average: { zh: ["平均", "均值", "人均", "户均", "笔均"], en: ["average", "mean", "avg"] },
  negate: {
    zh: ["非", "不是", "没有", "并非", "除了", "除", "不含", "不包括", "排除", "剔除", "以外的", "之外的"],
    en: ["not", "non", "excluding", "except", "without", "other than", "apart from", "who are not", "that are not", "aren't", "isn't", "no", "didn't", "did not", "don't", "haven't", "hasn't", "never"],
  },
  alternative: { zh: ["或", "或者", "或是"], en: ["or", "either"] },
  // A sum asked for ("total requested amount"): only metrics sum; a list cannot answer it.
  total: { zh: ["合计", "总计", "总和", "加总", "汇总"], en: ["total", "sum", "sum of", "in total", "altogether", "aggregate"] },
  add: { zh: ["加上", "再加上", "同时看", "也看看", "还有", "顺便看"], en: ["also", "as well", "too", "along with", "together with", "in addition"] },
  // Question forms that contain a negation word without negating anything (有没有 = "are there any").
  question: { zh: ["有没有", "是不是", "是否", "有无", "会不会", "是不是有"], en: ["is there", "are there", "do we have", "does it have"] },
};
