/**
 * Words that carry no meaning for a plan (particles, question words, polite phrases). Whatever else is left over
 * after matching is an unknown word, and unknown words lower the confidence or stop the planner from guessing.
 */

const CHINESE = new Set(
  (
    "的 地 得 了 吗 嘛 呢 吧 啊 呀 哦 是 有 在 和 与 及 以及 或 或者 跟 同 把 被 给 对 对于 关于 我 我们 你 您 他 她 它 他们 咱们 请 请问 麻烦 帮 帮我 帮忙 " +
    "查 查询 查看 查一下 看 看看 看下 看一下 一下 告诉 告诉我 显示 统计 计算 算 算一下 分析 汇总 总计 多少 几 什么 啥 怎么 怎么样 怎样 如何 情况 " +
    "目前 现在 当前 截至 截止 截至目前 为止 总共 一共 共有 共 合计 总 总体 总的 所有 全部 全行 整体 数据 分别 各自 都 也 还 就 又 再 才 " +
    "个 家 名 位 笔 条 款 只 些 一些 这 这个 那个 其 它们 里 中 里面 之中 当中 上 下 内 以内 之间 其中 要 想 想要 想知道 知道 能 能否 可以 可不可以 " +
    "是否 有没有 哪 哪里 为 作为 按照 根据 出来 一个 各个 每 所 有关 相关 方面 整体上 大概 大约 左右 具体 详细 一览 情况下 状况 水平 表现情况 " +
    "元 到期 应还 数值 指标 结果 是多少 有哪些 如何 怎么样了 呢 么 嗯 好 好的 谢谢 给出 拉 拉一下 出 列 排 占 比 值 达 达到 属于 当中的 超 多 少 高 低 大 小 " +
    "近期 最近 期间 时候 时间段 期内 以来 截至今日 到 至 从 自 起 开始 结束 天 月 年 周 季 度 日 号 之 以 于 由 将 会 已 已经 曾 正在 处于 仍 仍然 还在 " +
    "另外 同时 并且 而且 但是 不过 然后 接着 之后 以后 以前 之前 此 该 本 当 这些 那些 前 后 第 整个 全体 各类 各种 各项 类 种 项 些许 总数 " +
    "打电话 打 打过 打了 多少钱 整理 整理一下 梳理 梳理一下 拉出来 都拉出来 钱 总额 总量 总数 小时 放了 单笔 因为 因 由于 全年 整年 亿 亿元 万元 取 只取 拿 " +
    "累计 累积 共计 发放 多久 那边 这边 咋样 咋 啥 搞 弄 做 办 发生 出现 产生 进行 开展 完成 实现 最新 一下子 到目前 目前为止 截至目前 " +
    "来自 来的 过的 做过 对应 对应的 新增 新 客群 人群 群体 对象 名称 清单 一份 持有 列表 报表 报告 统计表 图 图表 柱状图 折线图 画 画一个 做 做个 生成 导出 " +
    "一张 一版 进来 进的 进件来 设定 设定为 设置成 定为 推 推的 推广 主推 推销 " +
    // Polite wrappers and particles (麻烦问下, 想请教一下, 帮忙看下…呀) and "shows" (呈上升趋势): they ask, they add nothing.
    "问 问下 问一下 问问 想问 想问下 想问一下 请教 请教下 请教一下 打听 打听一下 劳驾 帮忙看 帮忙看下 帮忙看看 帮我看看 哇 呐 喽 咯 呈 呈现 出现了 " +
    "了解 了解一下 了解下 说 说下 说一下 说说 讲 讲讲 讲一下 讲下"
  ).split(/\s+/),
);

const ENGLISH = new Set(
  (
    "a an the of in on at for to from with and or by as is are was were be been being do does did have has had having what which who whom whose how " +
    "when where why me my mine our ours we us i you your they them their it its this that these those there here please can could would should will shall " +
    "may might must show list give get tell find display see want need know let let's lets all any each every some per total overall currently current now right so " +
    "far much many number count than up down out over into about across between both either neither not no yes also just only very more most less least " +
    "value values figure figures data report table chart graph plot draw make create breakdown summary stats statistics metric metrics " +
    "whats what's how's hows we've we're took takes taking is there are there doing look looking like such same other another different respectively broken split group grouped then " +
    "now today currently overall level levels rate rates ratio share total sum totals altogether combined together including include includes within " +
    "during since until till through thru while after before ago period periods time times date dates day days week weeks month months quarter quarters year years " +
    "raised raise created opened made make makes book booked books came come comes coming offer offers offered still gimme " +
    "went go goes happen happened record recorded register registered sign signed join joined brought gave give take taken " +
    "hour hours started start live lives living based located atm limit carry carries carrying moment onboarded onboard " +
    "via acquired classified hrs hr approx roughly around really actually ever yet already pls plz thx currently right now " +
    "new due disbursed issued granted originated one ones thing things please thanks thank kindly hi hello hey ok okay well got gotten see seen compare versus vs among along each every would like wish pull bring received receive receiving but hold holds holding " +
    "promote promotes promoted promoting push pushes pushing set " +
    // "which clients saw their risk go up", "experienced a rise": what happened to the rows, said by the words after.
    "saw experienced experiencing mind telling wondering wonder curious i'd i'm"
  ).split(/\s+/),
);

/** Words naming "everything else" (其他客户): content, since the planner cannot express a complement. */
const COMPLEMENT_WORDS = new Set(["其他", "其余", "别的", "剩下的", "其它", "others", "rest"]);

/** Whether a text says a word for "everything else" (其他, the rest), which is content. */
export function saysComplement(text: string): boolean {
  return [...COMPLEMENT_WORDS].some((word) => text.includes(word));
}

/** Single Chinese characters that are grammar (particles, measure words, pronouns), never content on their own. */
const CHINESE_FUNCTION_CHARACTERS = new Set([
  ..."的了吗呢吧啊呀哦嘛么是有在和与及或把被给对来点我你您他她它们请帮查看下个家名位笔条款只些这那其里中上内要想能可就都也还又再才每各按分共总多少几哪谁什怎样如何为从到至以于由将会已曾正并且而但然后之前第整全类种项元天月年周季度日号近最过等约啥咋罢啦嗯哈呗率单",
]);

/** Whether a single leftover Chinese character is grammar rather than content. */
export function isFunctionCharacter(character: string): boolean {
  return CHINESE_FUNCTION_CHARACTERS.has(character);
}

/** Whether a leftover word carries no meaning for the plan. */
export function isStopWord(word: string): boolean {
  const lower = word.toLowerCase();
  // "其他客户", "the rest": the complement of what is named, which no filter here expresses.
  if (COMPLEMENT_WORDS.has(lower)) return false;
  if (CHINESE.has(lower) || ENGLISH.has(lower)) return true;
  if (/^[\d.,%+\-<>=?!:;'"()[\]{}/\\|&*#@$¥^_~`]+$/.test(lower)) return true;
  // A run of Chinese particles only (了吗, 的呢) is still empty.
  if (/^\p{Script=Han}+$/u.test(lower) && [...lower].every((character) => CHINESE.has(character))) return true;
  return false;
}
